import { AUDIT_TEMPLATE_LIBRARY, type AuditTemplateDefinition } from '@rapport/contracts';
import { auditCycles, auditTemplates } from '@rapport/db';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltInAuditTemplates } from '../services/audit-templates';
import { CHECKLIST, createChecklist, createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await createTeam(t, 'Support');
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function withPassThreshold(threshold: number): AuditTemplateDefinition {
  return { ...CHECKLIST, passThreshold: threshold };
}

describe('audit templates', () => {
  it('creates a template at version 1, readable by every role, writable by managers only', async () => {
    const id = await createChecklist(t, 'Created');
    const got = await t.request('GET', `/api/v1/audit-templates/${id}`, { as: 'viewer' });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id,
      name: 'Created',
      kind: 'checklist',
      builtIn: null,
      archived: false,
      version: 1,
      inUse: false,
      definition: CHECKLIST,
    });
    const list = await t.request('GET', '/api/v1/audit-templates', { as: 'auditor' });
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(id);
    const refused = await t.request('POST', '/api/v1/audit-templates', {
      as: 'auditor',
      json: { name: 'X', kind: 'checklist', definition: CHECKLIST },
    });
    expect(refused.status).toBe(403);
    expect((await t.request('GET', `/api/v1/audit-templates/${MISSING}`, { as: 'manager' })).status).toBe(
      404,
    );
  });

  it('refuses a definition with problems, each with its path under definition', async () => {
    const bad: AuditTemplateDefinition = {
      ...CHECKLIST,
      defaultLocale: 'sr',
      sections: [
        CHECKLIST.sections[0]!,
        { ...CHECKLIST.sections[1]!, items: [{ ...CHECKLIST.sections[0]!.items[0]! }] },
      ],
    };
    const res = await t.request('POST', '/api/v1/audit-templates', {
      as: 'manager',
      json: { name: 'Bad', kind: 'checklist', definition: bad },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details).toEqual([
      {
        path: 'definition.sections.0.items.0.text',
        message: 'Item 1 of section 1 has no text in the default language.',
      },
      {
        path: 'definition.sections.0.items.1.text',
        message: 'Item 2 of section 1 has no text in the default language.',
      },
      {
        path: 'definition.sections.0.items.2.text',
        message: 'Item 3 of section 1 has no text in the default language.',
      },
      { path: 'definition.sections.1.title', message: 'Section 2 has no title in the default language.' },
      { path: 'definition.sections.1.items.0.id', message: 'Item id "channels" is used twice.' },
      {
        path: 'definition.sections.1.items.0.text',
        message: 'Item 1 of section 2 has no text in the default language.',
      },
    ]);
    const shape = await t.request('POST', '/api/v1/audit-templates', {
      as: 'manager',
      json: { name: 'Bad', kind: 'checklist', definition: { ...CHECKLIST, passThreshold: 120 } },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details).toEqual([
      { path: 'definition.passThreshold', message: 'The pass threshold is between 0 and 100.' },
    ]);
  });

  it('edits an unused version in place, and makes a new version once an audit uses it; the audit keeps its own', async () => {
    const id = await createChecklist(t, 'Versioned');
    const inPlace = await t.request('PATCH', `/api/v1/audit-templates/${id}`, {
      as: 'manager',
      json: { definition: withPassThreshold(70) },
    });
    expect(inPlace.status).toBe(200);
    expect(inPlace.body).toMatchObject({ version: 1, inUse: false });
    expect(inPlace.body.definition.passThreshold).toBe(70);

    const cycle = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2026-Q3',
        dueOn: '2026-09-30',
        checklistTemplateId: id,
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    expect(cycle.status).toBe(201);
    const auditId = cycle.body.audits[0].id as string;
    const used = await t.request('GET', `/api/v1/audit-templates/${id}`, { as: 'manager' });
    expect(used.body).toMatchObject({ version: 1, inUse: true });

    const saved = await t.request('PATCH', `/api/v1/audit-templates/${id}`, {
      as: 'manager',
      json: { name: 'Versioned, edited', definition: withPassThreshold(90) },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Versioned, edited', version: 2, inUse: false });
    expect(saved.body.versionId).not.toBe(used.body.versionId);

    const audit = await t.request('GET', `/api/v1/audits/${auditId}`, { as: 'manager' });
    expect(audit.body.template).toMatchObject({ id, version: 1, versionId: used.body.versionId });
    expect(audit.body.template.definition.passThreshold).toBe(70);

    // Saving the same definition again changes nothing.
    const same = await t.request('PATCH', `/api/v1/audit-templates/${id}`, {
      as: 'manager',
      json: { definition: withPassThreshold(90) },
    });
    expect(same.body.version).toBe(2);
    await t.db.delete(auditCycles).where(eq(auditCycles.id, cycle.body.id));
  });

  it('archives and restores; an archived checklist cannot open a cycle', async () => {
    const id = await createChecklist(t, 'Archivable');
    const archived = await t.request('POST', `/api/v1/audit-templates/${id}/archive`, { as: 'admin' });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    const open = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2025-Q1',
        dueOn: '2025-03-31',
        checklistTemplateId: id,
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    expect(open.status).toBe(400);
    expect(open.body.error.details).toEqual([
      {
        path: 'checklistTemplateId',
        message: '"Archivable" is archived. Restore it or choose another checklist.',
      },
    ]);
    const restored = await t.request('POST', `/api/v1/audit-templates/${id}/restore`, { as: 'manager' });
    expect(restored.body.archived).toBe(false);
    const viewerArchive = await t.request('POST', `/api/v1/audit-templates/${id}/archive`, { as: 'viewer' });
    expect(viewerArchive.status).toBe(403);
  });

  it('installs the shipped templates once, by key, named in the default language', async () => {
    expect(AUDIT_TEMPLATE_LIBRARY.length).toBeGreaterThan(0);
    expect(await ensureBuiltInAuditTemplates(t.db)).toBe(AUDIT_TEMPLATE_LIBRARY.length);
    expect(await ensureBuiltInAuditTemplates(t.db)).toBe(0);
    const installed = await t.db
      .select({ builtIn: auditTemplates.builtIn, kind: auditTemplates.kind, name: auditTemplates.name })
      .from(auditTemplates)
      .where(isNotNull(auditTemplates.builtIn));
    expect(installed.map((r) => r.builtIn).sort()).toEqual(AUDIT_TEMPLATE_LIBRARY.map((x) => x.key).sort());
    for (const shipped of AUDIT_TEMPLATE_LIBRARY)
      expect(installed.find((r) => r.builtIn === shipped.key)).toEqual({
        builtIn: shipped.key,
        kind: shipped.kind,
        name: shipped.name.en,
      });
  });
});
