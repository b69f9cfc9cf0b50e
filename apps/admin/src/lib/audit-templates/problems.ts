/**
 * What is wrong with a template being edited, as the builder shows it: the same schema and checks
 * as the API (`AuditTemplateDefinition`, `auditTemplateProblems` from @rapport/contracts), each
 * problem pointing at the section or item it concerns and at the field to focus; the API's own
 * VALIDATION details are mapped the same way.
 */
import { AuditTemplateDefinition, auditTemplateProblems, type Locale } from '@rapport/contracts';
import { issuesOf } from '../surveys/problems';
import { normalizeDefinition, type Definition } from './editor';

export interface Problem {
  /** Dotted path inside the definition (`sections.1.items.0.weight`), or `name`. */
  path: string;
  message: string;
  /** The section concerned (0-based), null for template-level problems. */
  section: number | null;
  /** The item concerned within its section, null for section- and template-level problems. */
  item: number | null;
}

export type Tab = 'items' | 'settings' | 'scoring';

/** Where the builder shows and focuses a problem. */
export interface ProblemTarget {
  tab: Tab;
  elementId: string;
}

function problem(path: string, message: string): Problem {
  const match = /^sections\.(\d+)(?:\.items\.(\d+))?(\.|$)/.exec(path);
  return {
    path,
    message,
    section: match ? Number(match[1]) : null,
    item: match?.[2] !== undefined ? Number(match[2]) : null,
  };
}

/** The element id of a section's field (`title` takes a locale). */
export function sectionFieldId(section: number, field: string, locale?: Locale): string {
  return locale ? `s${section}-${field}-${locale}` : `s${section}-${field}`;
}

/** The element id of an item's field (`text` and `guidance` take a locale). */
export function itemFieldId(section: number, item: number, field: string, locale?: Locale): string {
  return locale ? `s${section}-i${item}-${field}-${locale}` : `s${section}-i${item}-${field}`;
}

const SETTINGS_FIELDS: Record<string, string> = {
  name: 'template-name',
  passThreshold: 'template-threshold',
  criticalPolicy: 'template-policy',
  defaultLocale: 'template-default-locale',
  locales: 'template-locales',
};

function order(p: Problem): number {
  return p.section === null ? -1 : p.section * 1000 + (p.item ?? -1);
}

/**
 * Everything wrong with a definition being edited, checked on what would be saved, each problem
 * once, in the order of the template. `name` is the template's name as typed.
 */
export function checkTemplate(name: string, d: Definition): Problem[] {
  const saved = normalizeDefinition(d);
  const schema = issuesOf(AuditTemplateDefinition, saved).map((i) => problem(i.path, i.message));
  // The scoring package's own check repeats a schema issue (a weight that is not a number) in
  // its words; shown only when the schema found nothing, it catches what the schema cannot.
  const rules = auditTemplateProblems(saved)
    .filter((p) => schema.length === 0 || p.path !== 'sections')
    .map((p) => problem(p.path, p.message));
  const trimmed = name.trim();
  const named =
    trimmed === ''
      ? [problem('name', 'Give the template a name.')]
      : trimmed.length > 200
        ? [problem('name', 'The name is at most 200 characters.')]
        : [];
  // An empty text is noticed by the schema and by the rules (which name the language): keep the clearer one.
  const namedText = new Set(rules.filter((p) => p.message.includes('default language')).map((p) => p.path));
  const seen = new Set<string>();
  const all = [...named, ...schema, ...rules].filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !(namedText.has(p.path) && !p.message.includes('default language'));
  });
  return all.sort((a, b) => order(a) - order(b));
}

/** The API's VALIDATION details as builder problems: `definition.sections.0.weight` → section 1's weight. */
export function serverProblems(fields: Record<string, string>): Problem[] {
  return Object.entries(fields).map(([path, message]) => problem(path.replace(/^definition\./, ''), message));
}

/**
 * The field a problem is about, for the summary's links.
 *
 * @example
 * targetOf(problem('sections.1.items.0.weight', '…'), 'en') // { tab: 'items', elementId: 's1-i0-weight' }
 * targetOf(problem('sections.0.title', '…'), 'en')          // { tab: 'items', elementId: 's0-title-en' }
 */
export function targetOf(p: Problem, defaultLocale: Locale): ProblemTarget {
  if (p.section === null) {
    const top = p.path.split('.')[0] ?? '';
    const field = SETTINGS_FIELDS[top];
    return field ? { tab: 'settings', elementId: field } : { tab: 'items', elementId: 'sections-heading' };
  }
  const parts = p.path.split('.');
  if (p.item === null) {
    const field = parts[2];
    if (field === 'title') {
      const locale = (parts[3] as Locale | undefined) ?? defaultLocale;
      return { tab: 'items', elementId: sectionFieldId(p.section, 'title', locale) };
    }
    if (field === 'weight') return { tab: 'items', elementId: sectionFieldId(p.section, 'weight') };
    return { tab: 'items', elementId: sectionFieldId(p.section, 'heading') };
  }
  const field = parts[4];
  if (field === 'text' || field === 'guidance') {
    const locale = (parts[5] as Locale | undefined) ?? defaultLocale;
    return { tab: 'items', elementId: itemFieldId(p.section, p.item, field, locale) };
  }
  if (field === 'weight' || field === 'scale' || field === 'measure')
    return { tab: 'items', elementId: itemFieldId(p.section, p.item, field) };
  return { tab: 'items', elementId: itemFieldId(p.section, p.item, 'heading') };
}

/** The line a problem gets in the summary: messages that do not say where get the place. */
export function problemLabel(p: Problem): string {
  if (p.section === null || /^(Item|Section) \d+/.test(p.message)) return p.message;
  const where =
    p.item === null ? `Section ${p.section + 1}` : `Item ${p.item + 1} of section ${p.section + 1}`;
  return `${where}: ${p.message}`;
}
