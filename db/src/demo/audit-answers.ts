import { scoringTemplateOf, type AuditTemplateDefinition, type AuditTemplateItem } from '@rapport/contracts';
import { auditItemScore, auditScore, type AuditResult, type AuditValue } from '@rapport/scoring';
import type { ItemNotes } from './audit-notes';
import type { Random } from './random';

/** One stored answer: the value as the database keeps it ('pass', 'fail', 'na', '1'..'10'), and a note. */
export interface DemoAnswer {
  itemId: string;
  value: string;
  note: string | null;
}

export interface AnswerPlan {
  /** The score the answers should land near (0–100). */
  target: number;
  /** A critical item to fail on purpose; every other critical item scores at least half. */
  failCritical?: string;
  /** Chance of N/A per item that allows it (default 0). */
  naRates?: Readonly<Record<string, number>>;
  notes: Readonly<Record<string, ItemNotes>>;
}

// How far from the target a draw may land; the closest of MAX_DRAWS is kept if none does.
const TOLERANCE = 2.5;
const MAX_DRAWS = 400;

/** A stored value as `auditScore` takes it (as the API's `toAuditValue` does). */
export function toAuditValue(stored: string): AuditValue {
  return /^\d+$/.test(stored) ? Number(stored) : (stored as 'pass' | 'fail' | 'na');
}

// answerTemplate scores hundreds of draws against one definition: convert it once.
const scoringTemplates = new WeakMap<AuditTemplateDefinition, ReturnType<typeof scoringTemplateOf>>();

/** `auditScore` over stored answers: the only way a demo score is computed. */
export function scoreDemoAnswers(
  definition: AuditTemplateDefinition,
  answers: readonly { itemId: string; value: string }[],
): AuditResult {
  let template = scoringTemplates.get(definition);
  if (!template) {
    template = scoringTemplateOf(definition);
    scoringTemplates.set(definition, template);
  }
  return auditScore(
    template,
    answers.map((a) => ({ itemId: a.itemId, value: toAuditValue(a.value) })),
  );
}

/** The item's score for a stored value: null for N/A, below 0.5 for a fail or a low rating. */
export function itemScore(item: AuditTemplateItem, value: string): number | null {
  return auditItemScore(
    { id: item.id, scale: item.scale, weight: item.weight, critical: item.critical },
    toAuditValue(value),
  );
}

function drawValue(item: AuditTemplateItem, deficit: number, plan: AnswerPlan, random: Random): string {
  if (item.id === plan.failCritical) {
    return item.scale === 'pass_fail'
      ? 'fail'
      : String(random.int(1, Math.max(1, Math.floor(item.scale.points / 2))));
  }
  if (item.naAllowed && random.chance(plan.naRates?.[item.id] ?? 0)) return 'na';
  if (item.scale === 'pass_fail') {
    // Critical items fail only when planned: an unplanned rudeness would zero a review by accident.
    if (item.critical) return 'pass';
    return random.chance(Math.min(0.6, deficit * 1.4)) ? 'fail' : 'pass';
  }
  const { points } = item.scale;
  const drop = Math.round(Math.abs(random.normal(0, 0.4 + deficit * 9)));
  const floor = item.critical ? Math.ceil((points + 1) / 2) : 1;
  return String(Math.max(floor, points - drop));
}

function noteFor(
  item: AuditTemplateItem,
  value: string,
  notes: ItemNotes | undefined,
  random: Random,
): string | null {
  const score = itemScore(item, value);
  if (score === null) return notes?.na ? random.pick(notes.na) : 'Not applicable this quarter.';
  // The product refuses a fail without a note; partial and pass notes are the auditor's habit.
  if (score < 0.5) return random.pick(notes?.fail ?? ['Below the standard; discussed with the team lead.']);
  if (score < 1) return notes?.partial && random.chance(0.6) ? random.pick(notes.partial) : null;
  return notes?.pass && random.chance(0.25) ? random.pick(notes.pass) : null;
}

/**
 * Answers every item of a checklist or scorecard so that `auditScore` lands within 2.5 points of
 * `plan.target` (or as close as 400 draws get): pass/fail items fail, and ratings drop, more often
 * the lower the target; fails and low ratings carry the note the product requires. Draws from
 * `random` only, so a seed replays exactly.
 *
 * @example
 * const { answers, result } = answerTemplate(definition, { target: 86, notes: CHECKLIST_NOTES }, createRandom(1));
 * Math.abs(result.score! - 86) <= 2.5; // true for the shipped checklist
 */
export function answerTemplate(
  definition: AuditTemplateDefinition,
  plan: AnswerPlan,
  random: Random,
): { answers: DemoAnswer[]; result: AuditResult } {
  const items = definition.sections.flatMap((s) => s.items);
  const deficit = Math.max(0, Math.min(1, (100 - plan.target) / 100));
  let best: { values: string[]; result: AuditResult; distance: number } | null = null;
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const values = items.map((item) => drawValue(item, deficit, plan, random));
    const result = scoreDemoAnswers(
      definition,
      items.map((item, i) => ({ itemId: item.id, value: values[i] ?? 'na' })),
    );
    // Under a `zero` policy a planned critical fail scores 0 whatever the rest says.
    const distance =
      result.failedCritical.length > 0 && result.score === 0
        ? 0
        : Math.abs((result.score ?? 0) - plan.target);
    if (!best || distance < best.distance) best = { values, result, distance };
    if (distance <= TOLERANCE) break;
  }
  if (!best) throw new Error('answerTemplate() needs a template with items');
  const chosen = best;
  const answers = items.map((item, i) => {
    const value = chosen.values[i] ?? 'na';
    return { itemId: item.id, value, note: noteFor(item, value, plan.notes[item.id], random) };
  });
  return { answers, result: chosen.result };
}
