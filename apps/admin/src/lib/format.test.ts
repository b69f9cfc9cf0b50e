import { describe, expect, it } from 'vitest';
import { describeAction, formatRelative } from './format';

describe('formatRelative', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  it.each([
    ['2025-03-10T11:59:30Z', 'just now'],
    ['2025-03-10T11:55:00Z', '5 minutes ago'],
    ['2025-03-10T09:00:00Z', '3 hours ago'],
    ['2025-03-09T12:00:00Z', 'yesterday'],
    ['2025-02-24T12:00:00Z', '2 weeks ago'],
    ['2024-03-10T12:00:00Z', 'last year'],
    ['2025-03-10T15:00:00Z', 'in 3 hours'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now, 'en')).toBe(expected);
  });
});

describe('describeAction', () => {
  it.each([
    ['team.create', 'Team created'],
    ['user.update', 'User updated'],
    ['api_key.revoke', 'API key revoked'],
    ['follow_up.create', 'Follow-up created'],
    ['checklist_item.delete', 'Checklist item deleted'],
    ['auth.login', 'User signed in'],
    ['survey.publish', 'survey.publish'],
    ['odd', 'odd'],
  ])('%s → %s', (action, expected) => {
    expect(describeAction(action)).toBe(expected);
  });
});
