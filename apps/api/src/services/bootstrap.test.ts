import { openDatabase, settings, tickets, users, type DatabaseHandle } from '@rapport/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../lib/passwords';
import { bootstrap } from './bootstrap';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({});
  await handle.migrate();
});
afterAll(() => handle.close());

describe('bootstrap', () => {
  it('creates the first admin with a generated password once, and seeds demo data once', async () => {
    const first = await bootstrap(handle.db, {
      adminEmail: 'boss@example.com',
      adminPassword: undefined,
      demo: true,
    });
    expect(first.admin).toMatchObject({ email: 'boss@example.com', created: true });
    expect(first.admin.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(first.demoTickets).toBeGreaterThan(0);
    const [admin] = await handle.db.select().from(users).where(eq(users.email, 'boss@example.com'));
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(first.admin.generatedPassword!, admin!.passwordHash)).toBe(true);
    const [named] = await handle.db.select().from(settings);
    expect(named?.organisationName).toBe('Rapport Demo Support');

    // A name the admin chose afterwards survives the next start.
    await handle.db.update(settings).set({ organisationName: 'Acme Support' });

    const [before] = await handle.db.select({ n: count() }).from(tickets);
    const second = await bootstrap(handle.db, {
      adminEmail: 'boss@example.com',
      adminPassword: undefined,
      demo: true,
    });
    expect(second).toEqual({
      admin: { email: 'boss@example.com', generatedPassword: null, created: false },
      demoTickets: 0,
    });
    const [after] = await handle.db.select({ n: count() }).from(tickets);
    expect(after?.n).toBe(before?.n);
    const [stillAdmin] = await handle.db.select().from(users).where(eq(users.email, 'boss@example.com'));
    expect(stillAdmin?.passwordHash).toBe(admin?.passwordHash);
    const [kept] = await handle.db.select().from(settings);
    expect(kept?.organisationName).toBe('Acme Support');
  });
});

describe('bootstrap with a configured password and demo off', () => {
  it('uses the configured password and writes no demo data', async () => {
    const other = await openDatabase({});
    await other.migrate();
    const result = await bootstrap(other.db, {
      adminEmail: 'ops@example.com',
      adminPassword: 'configured-password',
      demo: false,
    });
    expect(result).toEqual({
      admin: { email: 'ops@example.com', generatedPassword: null, created: true },
      demoTickets: 0,
    });
    const [admin] = await other.db.select().from(users);
    expect(await verifyPassword('configured-password', admin!.passwordHash)).toBe(true);
    const [n] = await other.db.select({ n: count() }).from(tickets);
    expect(n?.n).toBe(0);
    // Nobody named this organisation yet: the admin is asked where the name is shown.
    const [row] = await other.db.select().from(settings);
    expect(row?.organisationName ?? null).toBeNull();
    await other.close();
  });
});
