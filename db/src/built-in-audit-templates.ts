import { AUDIT_TEMPLATE_LIBRARY, type Locale } from '@rapport/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from './client';
import { auditTemplates, auditTemplateVersions } from './schema/index';

/**
 * Installs each shipped audit template that is not there yet, as version 1, named in the
 * organisation's default language. The server runs it at start and the demo seed before writing
 * audit history, so whichever runs first installs them and the other finds them; two processes
 * starting at once are kept apart by the unique `built_in` key. Returns how many it installed.
 */
export async function installBuiltInAuditTemplates(tx: Executor, defaultLocale: string): Promise<number> {
  let added = 0;
  for (const shipped of AUDIT_TEMPLATE_LIBRARY) {
    const name = shipped.name[defaultLocale as Locale] || shipped.name.en || shipped.key;
    const [template] = await tx
      .insert(auditTemplates)
      .values({ name, kind: shipped.kind, builtIn: shipped.key })
      .onConflictDoNothing({ target: auditTemplates.builtIn })
      .returning({ id: auditTemplates.id });
    if (!template) continue;
    const [version] = await tx
      .insert(auditTemplateVersions)
      .values({ templateId: template.id, version: 1, definition: shipped.definition })
      .returning({ id: auditTemplateVersions.id });
    if (!version) throw new Error('audit template version insert returned nothing');
    await tx
      .update(auditTemplates)
      .set({ currentVersionId: version.id })
      .where(eq(auditTemplates.id, template.id));
    added += 1;
  }
  return added;
}
