import { describe, expect, it } from 'vitest';
import { diffFields, showValue } from './diff';

describe('diffFields', () => {
  it('lists only the fields an update changed', () => {
    expect(
      diffFields({ name: 'Billing', leadUserId: null }, { name: 'Billing & payments', leadUserId: null }),
    ).toEqual([{ field: 'name', kind: 'changed', before: '"Billing"', after: '"Billing & payments"' }]);
  });

  it('lists every field of a create as added and of a delete as removed', () => {
    expect(diffFields(null, { name: 'Billing', leadUserId: null })).toEqual([
      { field: 'name', kind: 'added', before: null, after: '"Billing"' },
      { field: 'leadUserId', kind: 'added', before: null, after: 'none' },
    ]);
    expect(diffFields({ name: 'Billing' }, null)).toEqual([
      { field: 'name', kind: 'removed', before: '"Billing"', after: null },
    ]);
  });

  it('compares lists and objects by value, and shows fields that appear or go', () => {
    expect(
      diffFields(
        { scopes: ['tickets:write'], disabled: false },
        { scopes: ['tickets:write'], disabled: true, passwordChanged: true },
      ),
    ).toEqual([
      { field: 'disabled', kind: 'changed', before: 'false', after: 'true' },
      { field: 'passwordChanged', kind: 'added', before: null, after: 'true' },
    ]);
  });

  it('treats values that are not objects as one field', () => {
    expect(diffFields(3, 4)).toEqual([{ field: 'value', kind: 'changed', before: '3', after: '4' }]);
    expect(diffFields(null, null)).toEqual([]);
  });
});

describe('showValue', () => {
  it('cuts long values to 80 characters', () => {
    const shown = showValue('x'.repeat(200));
    expect(shown).toHaveLength(80);
    expect(shown.endsWith('…')).toBe(true);
  });
});
