import type { Role } from '@rapport/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const ALL: Role[] = ['admin', 'manager', 'auditor', 'viewer'];
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Every staff endpoint with the roles allowed to use it. Requests carry a body that is valid
 * where one is needed, so an allowed role never sees 401/403 and a refused role always does.
 */
const ENDPOINTS: [method: string, path: string, allowed: Role[], json?: unknown][] = [
  ['GET', '/api/v1/auth/me', ALL],
  ['GET', '/api/v1/users', ['admin']],
  ['POST', '/api/v1/users', ['admin'], { email: 'x@y.example', name: 'X', role: 'viewer', password: '' }],
  ['GET', `/api/v1/users/${MISSING}`, ['admin']],
  ['PATCH', `/api/v1/users/${MISSING}`, ['admin'], { name: 'Y' }],
  ['GET', '/api/v1/teams', ALL],
  ['POST', '/api/v1/teams', ['admin', 'manager'], { name: '' }],
  ['GET', `/api/v1/teams/${MISSING}`, ALL],
  ['PATCH', `/api/v1/teams/${MISSING}`, ['admin', 'manager'], { name: 'Y' }],
  ['DELETE', `/api/v1/teams/${MISSING}`, ['admin', 'manager']],
  ['GET', '/api/v1/agents', ALL],
  ['POST', '/api/v1/agents', ['admin', 'manager'], { name: '' }],
  ['GET', `/api/v1/agents/${MISSING}`, ALL],
  ['PATCH', `/api/v1/agents/${MISSING}`, ['admin', 'manager'], { name: 'Y' }],
  ['GET', '/api/v1/api-keys', ['admin']],
  ['POST', '/api/v1/api-keys', ['admin'], { name: '', scopes: [] }],
  ['DELETE', `/api/v1/api-keys/${MISSING}`, ['admin']],
  ['GET', '/api/v1/customers', ['admin', 'manager']],
  ['GET', `/api/v1/customers/${MISSING}`, ['admin', 'manager']],
  ['GET', `/api/v1/customers/${MISSING}/export`, ['admin']],
  ['DELETE', `/api/v1/customers/${MISSING}`, ['admin']],
  ['GET', '/api/v1/audit-log', ['admin']],
  ['GET', '/api/v1/surveys', ALL],
  ['GET', `/api/v1/surveys/${MISSING}`, ALL],
  ['PATCH', `/api/v1/surveys/${MISSING}/rules`, ['admin', 'manager'], { delayMinutes: 5 }],
  ['POST', '/api/v1/surveys', ['admin', 'manager'], { name: 'Role check', template: 'blank' }],
  ['PUT', `/api/v1/surveys/${MISSING}/draft`, ['admin', 'manager'], { definition: {} }],
  ['DELETE', `/api/v1/surveys/${MISSING}/draft`, ['admin', 'manager']],
  ['POST', `/api/v1/surveys/${MISSING}/publish`, ['admin', 'manager']],
  ['POST', `/api/v1/surveys/${MISSING}/archive`, ['admin', 'manager']],
  ['POST', `/api/v1/surveys/${MISSING}/restore`, ['admin', 'manager']],
  ['GET', `/api/v1/surveys/${MISSING}/versions`, ALL],
  ['GET', `/api/v1/surveys/${MISSING}/versions/1`, ALL],
  [
    'POST',
    '/api/v1/surveys/preview',
    ['admin', 'manager'],
    { definition: {}, locale: 'en', surface: 'page' },
  ],
  ['GET', '/api/v1/follow-ups', ['admin', 'manager']],
  ['GET', '/api/v1/follow-ups/counts', ['admin', 'manager']],
  ['GET', `/api/v1/follow-ups/${MISSING}`, ['admin', 'manager']],
  ['PATCH', `/api/v1/follow-ups/${MISSING}`, ['admin', 'manager'], { note: 'x' }],
  ['GET', '/api/v1/responses', ['admin', 'manager']],
  ['PATCH', `/api/v1/responses/${MISSING}`, ['admin', 'manager'], { counted: true }],
  ['GET', '/api/v1/reports/summary?from=2026-01-01&to=2026-01-31', ['admin', 'manager', 'viewer']],
  ['GET', '/api/v1/reports/tiles?from=2026-01-01&to=2026-01-31', ['admin', 'manager', 'viewer']],
  ['GET', '/api/v1/reports/trend?metric=csat&from=2026-01-01&to=2026-01-31', ['admin', 'manager', 'viewer']],
  ['GET', '/api/v1/reports/breakdown?by=team&from=2026-01-01&to=2026-01-31', ['admin', 'manager', 'viewer']],
  ['GET', '/api/v1/outbox', ['admin']],
  ['GET', '/api/v1/settings', ALL],
  ['PATCH', '/api/v1/settings', ['admin'], { timeZone: 'UTC' }],
  ['GET', '/api/v1/settings/webhook-secret', ['admin']],
  ['POST', '/api/v1/settings/webhook-secret/rotate', ['admin']],
  ['GET', '/api/v1/teams/lead-candidates', ['admin', 'manager']],
  ['GET', `/api/v1/outbox/${MISSING}`, ['admin']],
  ['GET', '/api/v1/audit-templates', ALL],
  ['POST', '/api/v1/audit-templates', ['admin', 'manager'], { name: '', kind: 'checklist', definition: {} }],
  ['GET', `/api/v1/audit-templates/${MISSING}`, ALL],
  ['PATCH', `/api/v1/audit-templates/${MISSING}`, ['admin', 'manager'], { name: 'Y' }],
  ['POST', `/api/v1/audit-templates/${MISSING}/archive`, ['admin', 'manager']],
  ['POST', `/api/v1/audit-templates/${MISSING}/restore`, ['admin', 'manager']],
  ['GET', '/api/v1/audit-cycles', ALL],
  ['POST', '/api/v1/audit-cycles', ['admin', 'manager'], { quarter: '2026-Q9' }],
  ['GET', `/api/v1/audit-cycles/${MISSING}`, ALL],
  ['GET', '/api/v1/audits', ALL],
  ['GET', `/api/v1/audits/${MISSING}`, ALL],
  [
    'PUT',
    `/api/v1/audits/${MISSING}/answers`,
    ['admin', 'manager', 'auditor'],
    { answers: [{ itemId: 'x', value: 'pass' }] },
  ],
  ['POST', `/api/v1/audits/${MISSING}/submit`, ['admin', 'manager', 'auditor']],
  ['POST', `/api/v1/audits/${MISSING}/sign-off`, ['admin', 'manager']],
  ['POST', `/api/v1/audits/${MISSING}/reopen`, ['admin', 'manager'], { reason: 'x' }],
  ['GET', '/api/v1/actions', ALL],
  ['GET', `/api/v1/actions/${MISSING}`, ALL],
  ['PATCH', `/api/v1/actions/${MISSING}`, ['admin', 'manager'], { status: 'open' }],
  ['GET', `/api/v1/audit-cycles/${MISSING}/samples`, ['admin', 'manager', 'auditor']],
  ['GET', `/api/v1/audit-cycles/${MISSING}/results`, ALL],
  ['GET', `/api/v1/audit-cycles/${MISSING}/calibration`, ['admin', 'manager', 'auditor']],
  [
    'POST',
    `/api/v1/audit-cycles/${MISSING}/calibration`,
    ['admin', 'manager'],
    { reviewerUserIds: [MISSING, '00000000-0000-4000-8000-000000000001'] },
  ],
  ['GET', '/api/v1/reviews', ALL],
  ['GET', `/api/v1/reviews/${MISSING}`, ALL],
  [
    'PUT',
    `/api/v1/reviews/${MISSING}/answers`,
    ['admin', 'manager', 'auditor'],
    { answers: [{ itemId: 'x', value: 'pass' }] },
  ],
  ['POST', `/api/v1/reviews/${MISSING}/submit`, ['admin', 'manager', 'auditor']],
  // Anyone may dispute: the service lets through managers and the agent reviewed (by email).
  ['POST', `/api/v1/reviews/${MISSING}/disputes`, ALL, { itemId: 'x', comment: 'x' }],
  [
    'POST',
    `/api/v1/reviews/${MISSING}/disputes/${MISSING}/decide`,
    ['admin', 'manager', 'auditor'],
    { decision: 'rejected', reason: 'x' },
  ],
  ['GET', '/api/v1/okrs', ALL],
  ['GET', `/api/v1/okrs/${MISSING}`, ALL],
  ['POST', '/api/v1/okrs', ['admin', 'manager'], { quarter: '2026-Q4', title: '' }],
  ['PATCH', `/api/v1/okrs/${MISSING}`, ['admin', 'manager'], { title: 'Y' }],
  ['DELETE', `/api/v1/okrs/${MISSING}`, ['admin', 'manager']],
  [
    'POST',
    `/api/v1/okrs/${MISSING}/key-results`,
    ['admin', 'manager'],
    { kind: 'manual', title: 'Y', baseline: 0, target: 1 },
  ],
  ['PATCH', `/api/v1/okrs/key-results/${MISSING}`, ['admin', 'manager'], { title: 'Y' }],
  ['DELETE', `/api/v1/okrs/key-results/${MISSING}`, ['admin', 'manager']],
  ['GET', `/api/v1/okrs/key-results/${MISSING}/check-ins`, ALL],
  ['POST', `/api/v1/okrs/key-results/${MISSING}/check-ins`, ['admin', 'manager'], { confidence: 5 }],
];

const cases = ENDPOINTS.flatMap(([method, path, allowed, json]) =>
  ALL.map((role) => ({ method, path, role, json, allowed: allowed.includes(role) })),
);

describe('role matrix', () => {
  it.each(ENDPOINTS.map(([method, path, , json]) => ({ method, path, json })))(
    '$method $path refuses a request without a session with 401',
    async ({ method, path, json }) => {
      const res = await t.request(method, path, { json });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } });
    },
  );

  it.each(cases)(
    '$method $path as $role: allowed = $allowed',
    async ({ method, path, role, json, allowed }) => {
      const res = await t.request(method, path, { as: role, json });
      if (allowed) {
        expect([401, 403]).not.toContain(res.status);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
        expect(res.body.error.message).toMatch(/^This needs the .+ role\.$/);
      }
    },
  );
});
