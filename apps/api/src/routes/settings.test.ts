import { createHmac } from 'node:crypto';
import { auditLog, followUps, settings, users } from '@rapport/db';
import { desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessDayMinutes } from '../lib/business-time';
import { answered } from '../testing/fixtures';
import { createTestContext, WEBHOOK_SECRET, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  // The stored, rotatable secret: RAPPORT_WEBHOOK_SECRET is not set here.
  t = await createTestContext({ webhookSecretFromEnvironment: false });
});
afterAll(() => t.close());

let seq = 0;
function signedEvent(secret: string) {
  seq += 1;
  const raw = JSON.stringify({
    id: `evt-settings-${seq}`,
    type: 'ticket.updated',
    occurredAt: new Date().toISOString(),
    ticket: {
      externalId: `S-${seq}`,
      subject: 'Invoice question',
      channel: 'email',
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
      customer: { email: `settings${seq}@example.com`, name: 'Marko', locale: 'sr' },
    },
  });
  const at = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', secret).update(`${at}.${raw}`).digest('hex');
  return t.request('POST', '/api/v1/integrations/tickets/events', {
    raw,
    headers: { 'x-rapport-signature': `t=${at},v1=${v1}` },
  });
}

describe('GET /api/v1/settings', () => {
  it('shows every role the defaults, never a secret', async () => {
    for (const role of ['admin', 'manager', 'auditor', 'viewer'] as const) {
      const res = await t.request('GET', '/api/v1/settings', { as: role });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        organisationName: null,
        timeZone: 'UTC',
        businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
        holidays: [],
        locales: ['en', 'sr', 'hr', 'sl', 'ru'],
        defaultLocale: 'en',
        webhook: { source: 'settings' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/whsec_/);
    }
    expect((await t.request('GET', '/api/v1/settings', { as: 'nobody' })).status).toBe(401);
  });
});

describe('PATCH /api/v1/settings', () => {
  it('lets only admins change the organisation, and logs the change', async () => {
    const manager = await t.request('PATCH', '/api/v1/settings', {
      as: 'manager',
      json: { timeZone: 'Europe/Belgrade' },
    });
    expect(manager.status).toBe(403);
    const res = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: {
        timeZone: 'Europe/Belgrade',
        holidays: ['2026-12-25', '2026-01-01', '2026-12-25'],
        locales: ['sr', 'en'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timeZone: 'Europe/Belgrade',
      holidays: ['2026-01-01', '2026-12-25'],
      locales: ['en', 'sr'],
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.update'))
      .orderBy(desc(auditLog.at));
    expect(entry?.before).toMatchObject({ timeZone: 'UTC' });
    expect(entry?.after).toMatchObject({ timeZone: 'Europe/Belgrade', locales: ['en', 'sr'] });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Use a time zone name like Europe/Belgrade.'],
    [
      { businessHours: { days: [1, 2], start: '17:00', end: '09:00' } },
      'businessHours.end',
      'The working day must end after it starts.',
    ],
    [
      { businessHours: { days: [], start: '09:00', end: '17:00' } },
      'businessHours.days',
      'Choose at least one working day.',
    ],
    [
      { businessHours: { days: [1, 8], start: '09:00', end: '17:00' } },
      'businessHours.days.1',
      'A working day is a number from 1 (Monday) to 7 (Sunday).',
    ],
    [
      { businessHours: { days: [1], start: '9am', end: '17:00' } },
      'businessHours.start',
      'Use a 24-hour time like 09:00.',
    ],
    [{ holidays: ['2026-02-30'] }, 'holidays.0', 'Not a real date.'],
    [{ locales: [] }, 'locales', 'Offer at least one language.'],
    [{ locales: ['en', 'de'] }, 'locales.1', 'Use one of the supported languages: en, sr, hr, sl, ru.'],
    [{ defaultLocale: 'ru' }, 'defaultLocale', 'Choose one of the offered languages.'],
    [{ organisationName: '' }, 'organisationName', 'Organisation name cannot be empty.'],
    [{ organisationName: ' \n\t ' }, 'organisationName', 'Organisation name cannot be empty.'],
    [
      { organisationName: 'A'.repeat(121) },
      'organisationName',
      'Organisation name is at most 120 characters.',
    ],
    [{ organisationName: 42 }, 'organisationName', 'Organisation name is text, or null to clear it.'],
    [
      { organisationName: 'Acme\u0000Support' },
      'organisationName',
      'Organisation name cannot contain control characters.',
    ],
    [{}, '', 'Nothing to change.'],
  ])('refuses %j with a message at %s, changing nothing', async (json, path, message) => {
    const [before] = await t.db.select().from(settings);
    const res = await t.request('PATCH', '/api/v1/settings', { as: 'admin', json });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toContainEqual({ path, message });
    const [after] = await t.db.select().from(settings);
    expect(after).toEqual(before);
  });

  it('sets follow-up due times in the new time zone, hours and holidays', async () => {
    const tokyoToday = DateTime.now().setZone('Asia/Tokyo');
    const working = {
      timeZone: 'Asia/Tokyo',
      businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '07:30' },
      holidays: [tokyoToday.plus({ days: 1 }).toISODate()!],
    };
    const res = await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: working });
    expect(res.status).toBe(200);
    const { followUpId } = await answered(t, { rating: 1, resolved: false });
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, followUpId!));
    const expected = addBusinessMinutes(row!.createdAt, businessDayMinutes(working), working);
    expect(row!.dueAt.toISOString()).toBe(expected.toISOString());
    // The holiday tomorrow and the 90-minute day put it well past a plain 24 hours.
    expect(row!.dueAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(24 * 3_600_000);
  });
});

describe('the organisation name', () => {
  async function latestSettingsChange() {
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.update'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    return entry;
  }

  it('is set by an admin on one line, read back by every role, and logged', async () => {
    const before = (await t.request('GET', '/api/v1/settings', { as: 'admin' })).body;
    const res = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { organisationName: '  Acme \n  Support  ' },
    });
    expect(res.status).toBe(200);
    expect(res.body.organisationName).toBe('Acme Support');
    // Only the name changed.
    expect({ ...res.body, organisationName: null, updatedAt: null }).toEqual({
      ...before,
      organisationName: null,
      updatedAt: null,
    });
    const [row] = await t.db.select().from(settings);
    expect(row?.organisationName).toBe('Acme Support');
    for (const role of ['admin', 'manager', 'auditor', 'viewer'] as const) {
      const read = await t.request('GET', '/api/v1/settings', { as: role });
      expect(read.body.organisationName).toBe('Acme Support');
    }
    const entry = await latestSettingsChange();
    expect(entry?.before).toMatchObject({ organisationName: null });
    expect(entry?.after).toMatchObject({ organisationName: 'Acme Support' });
    expect(entry?.actorUserId).toBe(t.users.admin.id);
  });

  it('takes up to 120 characters, in any script', async () => {
    const longest = `Служба подршке ${'Ж'.repeat(105)}`;
    expect(longest).toHaveLength(120);
    const res = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { organisationName: longest },
    });
    expect(res.status).toBe(200);
    expect(res.body.organisationName).toBe(longest);
  });

  it('is cleared with null', async () => {
    await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: { organisationName: 'Acme Support' } });
    const res = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { organisationName: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.organisationName).toBeNull();
    const [row] = await t.db.select().from(settings);
    expect(row?.organisationName).toBeNull();
    expect((await t.request('GET', '/api/v1/settings', { as: 'viewer' })).body.organisationName).toBeNull();
    const entry = await latestSettingsChange();
    expect(entry?.before).toMatchObject({ organisationName: 'Acme Support' });
    expect(entry?.after).toMatchObject({ organisationName: null });
  });

  it('refuses an empty or too long name with a message a person can read, keeping the one stored', async () => {
    await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: { organisationName: 'Acme Support' } });
    const [before] = await t.db.select().from(settings);
    for (const [name, message] of [
      ['   ', 'Organisation name cannot be empty.'],
      ['B'.repeat(200), 'Organisation name is at most 120 characters.'],
    ] as const) {
      const res = await t.request('PATCH', '/api/v1/settings', {
        as: 'admin',
        json: { organisationName: name, timeZone: 'Asia/Tokyo' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: {
          code: 'VALIDATION',
          message: `organisationName: ${message}`,
          details: [{ path: 'organisationName', message }],
        },
      });
    }
    const [after] = await t.db.select().from(settings);
    expect(after).toEqual(before);
  });

  it('cannot be changed by a viewer or a manager, nor without signing in', async () => {
    await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: { organisationName: 'Acme Support' } });
    const [before] = await t.db.select().from(settings);
    for (const [as, status] of [
      ['viewer', 403],
      ['manager', 403],
      ['nobody', 401],
    ] as const) {
      const res = await t.request('PATCH', '/api/v1/settings', {
        as,
        json: { organisationName: 'Hijacked' },
      });
      expect(res.status, as).toBe(status);
      expect(res.body.error.code, as).toBe(status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED');
    }
    const [after] = await t.db.select().from(settings);
    expect(after).toEqual(before);
    expect(after?.organisationName).toBe('Acme Support');
  });
});

describe('new surveys', () => {
  it('start in the languages the organisation offers', async () => {
    const set = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { locales: ['sr', 'hr'], defaultLocale: 'hr' },
    });
    expect(set.status).toBe(200);
    const res = await t.request('POST', '/api/v1/surveys', {
      as: 'manager',
      json: { name: 'Regional CES', template: 'ces' },
    });
    expect(res.status).toBe(201);
    expect(res.body.draft).toMatchObject({ locales: ['sr', 'hr'], defaultLocale: 'hr' });
    await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { locales: ['en', 'sr', 'hr', 'sl', 'ru'], defaultLocale: 'en' },
    });
  });
});

describe('the webhook secret', () => {
  it('is shown to admins only, and signs events', async () => {
    expect((await t.request('GET', '/api/v1/settings/webhook-secret', { as: 'manager' })).status).toBe(403);
    const res = await t.request('GET', '/api/v1/settings/webhook-secret', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await signedEvent(res.body.secret)).status).toBe(202);
    expect((await signedEvent('not-the-secret-at-all')).status).toBe(401);
  });

  it('rotates: the new secret works at once, the old one for a day, then no more', async () => {
    const old = (await t.request('GET', '/api/v1/settings/webhook-secret', { as: 'admin' })).body.secret;
    expect(
      (await t.request('POST', '/api/v1/settings/webhook-secret/rotate', { as: 'manager' })).status,
    ).toBe(403);
    const rotated = await t.request('POST', '/api/v1/settings/webhook-secret/rotate', { as: 'admin' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(old);
    const graceHours = (Date.parse(rotated.body.previousValidUntil) - Date.now()) / 3_600_000;
    expect(graceHours).toBeGreaterThan(23.9);
    expect(graceHours).toBeLessThanOrEqual(24);
    expect((await signedEvent(rotated.body.secret)).status).toBe(202);
    expect((await signedEvent(old)).status).toBe(202);
    const view = await t.request('GET', '/api/v1/settings', { as: 'viewer' });
    expect(view.body.webhook.previousValidUntil).toBe(rotated.body.previousValidUntil);

    await t.db.update(settings).set({ previousWebhookSecretUntil: new Date(Date.now() - 1000) });
    expect((await signedEvent(old)).status).toBe(401);
    expect((await signedEvent(rotated.body.secret)).status).toBe(202);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toContain('settings.webhook_secret.rotate');
    expect(actions).toContain('settings.webhook_secret.reveal');
  });
});

describe('a webhook secret set by the environment', () => {
  let env: TestContext;
  beforeAll(async () => {
    env = await createTestContext();
  });
  afterAll(() => env.close());

  it('cannot be shown or rotated from the admin', async () => {
    const view = await env.request('GET', '/api/v1/settings', { as: 'admin' });
    expect(view.body.webhook).toEqual({ source: 'environment', rotatedAt: null, previousValidUntil: null });
    for (const [method, path] of [
      ['GET', '/api/v1/settings/webhook-secret'],
      ['POST', '/api/v1/settings/webhook-secret/rotate'],
    ] as const) {
      const res = await env.request(method, path, { as: 'admin' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/RAPPORT_WEBHOOK_SECRET/);
    }
    expect(WEBHOOK_SECRET).toBeTruthy();
  });
});

describe('GET /api/v1/teams/lead-candidates', () => {
  it('lists active managers and admins for managers, not to viewers', async () => {
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'auditor@test.example'));
    const res = await t.request('GET', '/api/v1/teams/lead-candidates', { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: t.users.admin.id, name: 'The admin' },
      { id: t.users.manager.id, name: 'The manager' },
    ]);
    expect((await t.request('GET', '/api/v1/teams/lead-candidates', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/teams/lead-candidates', { as: 'auditor' })).status).toBe(401);
  });
});
