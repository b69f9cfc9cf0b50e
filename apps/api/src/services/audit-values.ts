import {
  auditText,
  scoringTemplateOf,
  type AuditTemplateDefinition,
  type AuditTemplateItem,
  type FieldIssue,
  type SaveAuditAnswers,
} from '@rapport/contracts';
import { auditItemScore, auditScore, type AuditResult, type AuditValue } from '@rapport/scoring';

/** A stored answer ('pass', 'fail', 'na', '1'..'10') as the scoring package takes it. */
export function toAuditValue(stored: string): AuditValue {
  if (/^\d+$/.test(stored)) return Number(stored);
  return stored as 'pass' | 'fail' | 'na';
}

/** `auditScore` over stored answers: the only way an audit's score is computed. */
export function scoreAnswers(
  definition: AuditTemplateDefinition,
  answers: readonly { itemId: string; value: string }[],
): AuditResult {
  return auditScore(
    scoringTemplateOf(definition),
    answers.map((a) => ({ itemId: a.itemId, value: toAuditValue(a.value) })),
  );
}

function itemsById(definition: AuditTemplateDefinition): Map<string, AuditTemplateItem> {
  const items = new Map<string, AuditTemplateItem>();
  for (const section of definition.sections) for (const item of section.items) items.set(item.id, item);
  return items;
}

function scaleWords(item: AuditTemplateItem): string {
  const na = item.naAllowed ? ', or na' : '';
  return item.scale === 'pass_fail'
    ? `pass or fail${na}`
    : `a rating from "1" to "${item.scale.points}"${na}`;
}

/**
 * Every problem with a batch of answers against the checklist, pointing at `answers.<i>.<field>`: an
 * unknown item, a value off the item's scale, N/A where it is not allowed, the same item twice, or a
 * fail (or a rating below half the scale) without a note saying what was found.
 */
export function answerProblems(
  definition: AuditTemplateDefinition,
  answers: SaveAuditAnswers['answers'],
): FieldIssue[] {
  const items = itemsById(definition);
  const problems: FieldIssue[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, i) => {
    const at = `answers.${i}`;
    const item = items.get(answer.itemId);
    if (!item) {
      problems.push({ path: `${at}.itemId`, message: `The checklist has no item "${answer.itemId}".` });
      return;
    }
    const label = auditText(item.text, definition.defaultLocale, definition.defaultLocale) || item.id;
    if (seen.has(item.id)) {
      problems.push({ path: `${at}.itemId`, message: `"${label}" is answered twice in this request.` });
      return;
    }
    seen.add(item.id);
    if (answer.value === 'na' && !item.naAllowed) {
      problems.push({ path: `${at}.value`, message: `"${label}" cannot be answered N/A.` });
      return;
    }
    let score: number | null;
    try {
      score = auditItemScore(
        { id: item.id, scale: item.scale, weight: item.weight, critical: item.critical },
        toAuditValue(answer.value),
      );
    } catch {
      problems.push({ path: `${at}.value`, message: `"${label}" is answered ${scaleWords(item)}.` });
      return;
    }
    if (score !== null && score < 0.5 && !answer.note) {
      const what = item.scale === 'pass_fail' ? 'a failed item' : 'a rating below half the scale';
      problems.push({
        path: `${at}.note`,
        message: `"${label}": ${what} needs a note saying what was found.`,
      });
    }
  });
  return problems;
}
