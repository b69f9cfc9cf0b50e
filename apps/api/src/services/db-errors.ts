/**
 * True when a database error (from either driver, possibly wrapped by Drizzle) is a unique
 * violation, optionally on a given constraint. Lets a service turn a lost race into a 409.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (
    let e: unknown = err;
    e instanceof Error || (typeof e === 'object' && e !== null);
    e = (e as { cause?: unknown }).cause
  ) {
    const { code, constraint_name: nameA, constraint: nameB } = e as Record<string, unknown>;
    if (code === '23505') return constraint === undefined || nameA === constraint || nameB === constraint;
    if (!(e as { cause?: unknown }).cause) break;
  }
  return false;
}
