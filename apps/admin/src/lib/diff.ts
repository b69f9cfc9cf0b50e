/** One field of an audit-log entry that differs between its before and after state. */
export interface FieldChange {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
}

const MAX_VALUE_LENGTH = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value as a short readable string: text in quotes, `none` for null, lists and objects as
 * compact JSON, all cut to 80 characters.
 *
 * @example
 * showValue('Billing') // '"Billing"'
 * showValue(null)      // 'none'
 */
export function showValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = 'none';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * The fields that differ between `before` and `after`, in the order they first appear. A create
 * (no before) lists every field as added, a delete every field as removed; fields that stayed the
 * same are left out. Values that are not objects compare as one field named `value`.
 *
 * @example
 * diffFields({ name: 'A', leadUserId: null }, { name: 'B', leadUserId: null })
 * // [{ field: 'name', kind: 'changed', before: '"A"', after: '"B"' }]
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const from = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const to = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const had = field in from;
    const has = field in to;
    if (had && has && JSON.stringify(from[field]) === JSON.stringify(to[field])) continue;
    changes.push({
      field,
      kind: had && has ? 'changed' : has ? 'added' : 'removed',
      before: had ? showValue(from[field]) : null,
      after: has ? showValue(to[field]) : null,
    });
  }
  return changes;
}
