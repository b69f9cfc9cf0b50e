import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreateApiKey, CreateUser, Login, UpdateUser } from './index';

describe('staff schemas', () => {
  it('normalises emails to lower case without surrounding spaces', () => {
    const out = v.parse(Login, { email: '  Ana@Example.COM ', password: 'x' });
    expect(out.email).toBe('ana@example.com');
  });

  it.each([
    [
      { email: 'not-an-email', name: 'A', role: 'admin', password: 'long enough pw' },
      'Enter a valid email address.',
    ],
    [{ email: 'a@b.co', name: '  ', role: 'admin', password: 'long enough pw' }, 'Name cannot be empty.'],
    [
      { email: 'a@b.co', name: 'A', role: 'owner', password: 'long enough pw' },
      'Role must be one of admin, manager, auditor, viewer.',
    ],
    [
      { email: 'a@b.co', name: 'A', role: 'viewer', password: 'short' },
      'Password must be at least 10 characters.',
    ],
  ])('rejects %j with a message a person understands', (input, message) => {
    const result = v.safeParse(CreateUser, input);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe(message);
  });

  it('refuses an update that changes nothing', () => {
    expect(v.safeParse(UpdateUser, {}).issues?.[0]?.message).toBe('Nothing to change.');
    expect(v.safeParse(UpdateUser, { disabled: true }).success).toBe(true);
  });

  it('deduplicates API key scopes and requires one', () => {
    expect(
      v.parse(CreateApiKey, { name: 'Zendesk', scopes: ['tickets:write', 'tickets:write'] }).scopes,
    ).toEqual(['tickets:write']);
    expect(v.safeParse(CreateApiKey, { name: 'Zendesk', scopes: [] }).success).toBe(false);
  });
});
