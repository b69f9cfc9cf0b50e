import type { ApiKeyScope, ApiKeyView, CreateApiKey, CreatedApiKey } from '@rapport/contracts';
import { apiKeys, type Database, type Executor } from '@rapport/db';
import { desc, eq } from 'drizzle-orm';
import { found } from '../errors';
import { hashToken, newToken } from '../lib/tokens';
import type { Actor } from './actor';
import { recordChange } from './audit-log';

type KeyRow = typeof apiKeys.$inferSelect;

function toView(k: KeyRow): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes as ApiKeyScope[],
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(db: Executor): Promise<ApiKeyView[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(toView);
}

/** Creates a key and returns it once; only its hash is stored. */
export async function createApiKey(db: Database, actor: Actor, input: CreateApiKey): Promise<CreatedApiKey> {
  const key = newToken('rk_');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: key.slice(0, 10),
        keyHash: hashToken(key),
        scopes: input.scopes,
        createdBy: actor.userId,
      })
      .returning();
    const created = found(row, 'API key');
    await recordChange(tx, actor, {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: created.id,
      after: { name: created.name, prefix: created.prefix, scopes: created.scopes },
    });
    return { ...toView(created), key };
  });
}

/** Revokes a key at once. Revoking twice keeps the first revocation time. */
export async function revokeApiKey(db: Database, actor: Actor, id: string): Promise<ApiKeyView> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    const current = found(before, 'API key');
    if (current.revokedAt) return toView(current);
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, id))
      .returning();
    await recordChange(tx, actor, {
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before: { name: current.name, revoked: false },
      after: { name: current.name, revoked: true },
    });
    return toView(found(row, 'API key'));
  });
}
