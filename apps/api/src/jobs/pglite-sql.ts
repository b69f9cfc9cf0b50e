/** The part of a PGlite client pg-boss needs (structural, so the api need not depend on PGlite). */
export interface PgliteClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

/** What pg-boss's `db` option expects. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Lets pg-boss run on embedded PGlite through its `db: { executeSql }` option. Parameterised calls
 * go to `query`; calls without parameters to `exec`, because pg-boss sends several statements in
 * one string there (schema install, migrations, maintenance), which the extended protocol refuses.
 *
 * @example
 * new PgBoss({ db: pgliteExecutor(pglite) });
 */
export function pgliteExecutor(client: PgliteClient): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: results.flatMap((r) => r.rows) };
    },
  };
}

/**
 * Whether a value looks like a PGlite client (has `query` and `exec`).
 *
 * @example
 * if (isPgliteClient(candidate)) pgliteExecutor(candidate);
 */
export function isPgliteClient(value: unknown): value is PgliteClient {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'query' | 'exec', unknown>>;
  return typeof candidate.query === 'function' && typeof candidate.exec === 'function';
}
