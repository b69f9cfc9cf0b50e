/**
 * An ILIKE pattern matching `q` anywhere, with LIKE's wildcards escaped so a search for "50%"
 * finds "50%", not everything.
 *
 * @example
 * ilike(customers.email, containsPattern('50%')) // '%50\%%'
 */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
