import { sValidator } from '@hono/standard-validator';
import type { FieldIssue } from '@rapport/contracts';
import type { ValidationTargets } from 'hono';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { ValidationError } from '../errors';

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.');
}

/**
 * Hono's validator with the house error shape: 400 `VALIDATION`, the first problem as the
 * message, every problem in `details` — and never an echo of the input.
 *
 * @example
 * users.post('/', validate('json', CreateUser), (c) => createUser(c.get('db'), actorOf(c), c.req.valid('json')))
 */
export function validate<Target extends keyof ValidationTargets, Schema extends StandardSchemaV1>(
  target: Target,
  schema: Schema,
) {
  return sValidator(target, schema, (result) => {
    if (result.success) return;
    const issues: FieldIssue[] = result.error.map((issue) => ({
      path: pathOf(issue),
      message: issue.message,
    }));
    const first = issues[0];
    const where = first?.path ? `${first.path}: ` : '';
    throw new ValidationError(first ? `${where}${first.message}` : 'The request is not valid.', issues);
  });
}
