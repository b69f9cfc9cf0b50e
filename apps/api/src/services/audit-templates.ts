import {
  auditTemplateProblems,
  type AuditTemplateDefinition,
  type AuditTemplateView,
  type CreateAuditTemplate,
  type UpdateAuditTemplate,
} from '@rapport/contracts';
import {
  auditTemplates,
  auditTemplateVersions,
  audits,
  installBuiltInAuditTemplates,
  reviews,
  type Database,
  type Executor,
} from '@rapport/db';
import { asc, eq, sql } from 'drizzle-orm';
import { ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { getSettings } from './settings';

/** Refuses a definition with problems, each pointing at its place under `definition.`. */
function checkDefinition(definition: AuditTemplateDefinition): void {
  const problems = auditTemplateProblems(definition);
  const first = problems[0];
  if (!first) return;
  throw new ValidationError(
    first.message,
    problems.map((p) => ({ path: `definition.${p.path}`, message: p.message })),
  );
}

/** Whether an audit or a review already answers this version (then it must not change). */
async function versionInUse(db: Executor, versionId: string): Promise<boolean> {
  const [audit] = await db
    .select({ id: audits.id })
    .from(audits)
    .where(eq(audits.templateVersionId, versionId))
    .limit(1);
  if (audit) return true;
  const [review] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(eq(reviews.templateVersionId, versionId))
    .limit(1);
  return review !== undefined;
}

const viewColumns = {
  id: auditTemplates.id,
  name: auditTemplates.name,
  kind: auditTemplates.kind,
  builtIn: auditTemplates.builtIn,
  archived: auditTemplates.archived,
  updatedAt: auditTemplates.updatedAt,
  versionId: auditTemplateVersions.id,
  version: auditTemplateVersions.version,
  definition: auditTemplateVersions.definition,
  inUse: sql<boolean>`(exists (select 1 from ${audits} where ${audits.templateVersionId} = ${auditTemplateVersions.id})
    or exists (select 1 from ${reviews} where ${reviews.templateVersionId} = ${auditTemplateVersions.id}))`,
};

function baseQuery(db: Executor) {
  return db
    .select(viewColumns)
    .from(auditTemplates)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, auditTemplates.currentVersionId));
}

type TemplateRow = Awaited<ReturnType<typeof baseQuery>>[number];

function toView(r: TemplateRow): AuditTemplateView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    builtIn: r.builtIn,
    archived: r.archived,
    version: r.version,
    versionId: r.versionId,
    definition: r.definition,
    inUse: r.inUse === true,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every template with its current version, by name; archived ones last. */
export async function listAuditTemplates(db: Executor): Promise<{ items: AuditTemplateView[] }> {
  const rows = await baseQuery(db).orderBy(
    asc(auditTemplates.archived),
    asc(auditTemplates.name),
    asc(auditTemplates.id),
  );
  return { items: rows.map(toView) };
}

export async function getAuditTemplate(db: Executor, id: string): Promise<AuditTemplateView> {
  const [row] = await baseQuery(db).where(eq(auditTemplates.id, id));
  return toView(found(row, 'Audit template'));
}

/** Inserts a template and its version 1; null when a shipped template with this key is already there. */
async function insertTemplate(
  tx: Executor,
  createdBy: string | null,
  input: CreateAuditTemplate & { builtIn?: string },
): Promise<string | null> {
  const [template] = await tx
    .insert(auditTemplates)
    .values({ name: input.name, kind: input.kind, builtIn: input.builtIn ?? null, createdBy })
    .onConflictDoNothing({ target: auditTemplates.builtIn })
    .returning({ id: auditTemplates.id });
  if (!template) return null;
  const [version] = await tx
    .insert(auditTemplateVersions)
    .values({ templateId: template.id, version: 1, definition: input.definition, createdBy })
    .returning({ id: auditTemplateVersions.id });
  if (!version) throw new Error('audit template version insert returned nothing');
  await tx
    .update(auditTemplates)
    .set({ currentVersionId: version.id })
    .where(eq(auditTemplates.id, template.id));
  return template.id;
}

export async function createAuditTemplate(
  db: Database,
  actor: Actor,
  input: CreateAuditTemplate,
): Promise<AuditTemplateView> {
  checkDefinition(input.definition);
  const id = await db.transaction(async (tx) => {
    const created = await insertTemplate(tx, actor.userId, input);
    if (!created) throw new Error('audit template insert returned nothing');
    await recordChange(tx, actor, {
      action: 'audit_template.create',
      entityType: 'audit_template',
      entityId: created,
      after: { name: input.name, kind: input.kind, version: 1 },
    });
    return created;
  });
  return getAuditTemplate(db, id);
}

/**
 * Renames and/or saves a new definition. A definition an audit or review already uses is never
 * changed: the save becomes version n + 1 and those audits keep theirs. An unused current version is
 * edited in place, so a builder saving often does not pile up versions nobody answered.
 */
export async function updateAuditTemplate(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateAuditTemplate,
): Promise<AuditTemplateView> {
  if (input.definition) checkDefinition(input.definition);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(auditTemplates).where(eq(auditTemplates.id, id)).for('update');
    const template = found(row, 'Audit template');
    const [current] = await tx
      .select()
      .from(auditTemplateVersions)
      .where(eq(auditTemplateVersions.id, template.currentVersionId ?? ''));
    const version = found(current, 'Audit template version');
    const renamed = input.name !== undefined && input.name !== template.name;
    const redefined =
      input.definition !== undefined &&
      JSON.stringify(input.definition) !== JSON.stringify(version.definition);
    if (!renamed && !redefined) return;

    let versionAfter = version.version;
    if (redefined && input.definition) {
      if (await versionInUse(tx, version.id)) {
        versionAfter = version.version + 1;
        const [next] = await tx
          .insert(auditTemplateVersions)
          .values({
            templateId: id,
            version: versionAfter,
            definition: input.definition,
            createdBy: actor.userId,
          })
          .returning({ id: auditTemplateVersions.id });
        if (!next) throw new Error('audit template version insert returned nothing');
        await tx.update(auditTemplates).set({ currentVersionId: next.id }).where(eq(auditTemplates.id, id));
      } else {
        await tx
          .update(auditTemplateVersions)
          .set({ definition: input.definition })
          .where(eq(auditTemplateVersions.id, version.id));
      }
    }
    await tx
      .update(auditTemplates)
      .set({ name: renamed && input.name ? input.name : template.name, updatedAt: new Date() })
      .where(eq(auditTemplates.id, id));
    await recordChange(tx, actor, {
      action: 'audit_template.update',
      entityType: 'audit_template',
      entityId: id,
      before: { name: template.name, version: version.version },
      after: {
        name: input.name ?? template.name,
        version: versionAfter,
        definitionChanged: redefined,
      },
    });
  });
  return getAuditTemplate(db, id);
}

/** Archives (no new cycle can use it; audits that did keep it) or restores a template. */
export async function setAuditTemplateArchived(
  db: Database,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<AuditTemplateView> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(auditTemplates).where(eq(auditTemplates.id, id)).for('update');
    const template = found(row, 'Audit template');
    if (template.archived === archived) return;
    await tx.update(auditTemplates).set({ archived, updatedAt: new Date() }).where(eq(auditTemplates.id, id));
    await recordChange(tx, actor, {
      action: archived ? 'audit_template.archive' : 'audit_template.restore',
      entityType: 'audit_template',
      entityId: id,
      before: { archived: template.archived },
      after: { archived },
    });
  });
  return getAuditTemplate(db, id);
}

/**
 * Installs each shipped template that is not installed yet (by its key, archived ones included, so
 * a template someone archived does not come back). Named in the organisation's default language.
 */
export async function ensureBuiltInAuditTemplates(db: Database): Promise<number> {
  const { defaultLocale } = await getSettings(db);
  return db.transaction((tx) => installBuiltInAuditTemplates(tx, defaultLocale));
}
