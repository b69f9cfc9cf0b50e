import type { AuditTemplateDefinition } from '@rapport/contracts';
import { PASSWORD, type TestContext } from './harness';

/**
 * A small checklist covering every rule the scoring and the answers check: weighted sections,
 * pass/fail and rated items, N/A allowed or not, a critical item, and the three evidence measures.
 */
export const CHECKLIST: AuditTemplateDefinition = {
  locales: ['en', 'sr'],
  defaultLocale: 'en',
  passThreshold: 80,
  criticalPolicy: 'flag',
  sections: [
    {
      id: 'reach',
      title: { en: 'Reachability', sr: 'Доступност' },
      weight: 2,
      items: [
        {
          id: 'channels',
          text: { en: 'Contact channels easy to find' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: true,
          critical: false,
        },
        {
          id: 'hours',
          text: { en: 'Support hours published' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: false,
          critical: true,
        },
        {
          id: 'targets',
          text: { en: 'Response-time targets met' },
          scale: { points: 5 },
          weight: 2,
          naAllowed: false,
          critical: false,
          measure: 'first_response_time',
        },
      ],
    },
    {
      id: 'listen',
      title: { en: 'Listening and recovery' },
      weight: 1,
      items: [
        {
          id: 'followups',
          text: { en: 'Negative surveys followed up in time' },
          scale: 'pass_fail',
          weight: 1,
          naAllowed: false,
          critical: false,
          measure: 'follow_up_timeliness',
        },
        {
          id: 'causes',
          text: { en: 'Top causes of dissatisfaction reviewed' },
          scale: { points: 4 },
          weight: 1,
          naAllowed: true,
          critical: false,
          measure: 'top_reasons',
        },
      ],
    },
  ],
};

/** Creates a checklist template through the API as a manager; returns its id. */
export async function createChecklist(
  t: TestContext,
  name = 'Quarterly checklist',
  definition: AuditTemplateDefinition = CHECKLIST,
): Promise<string> {
  const res = await t.request('POST', '/api/v1/audit-templates', {
    as: 'manager',
    json: { name, kind: 'checklist', definition },
  });
  if (res.status !== 201) throw new Error(`checklist not created: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Creates a team through the API as a manager; returns its id. */
export async function createTeam(t: TestContext, name: string, leadUserId?: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name, leadUserId } });
  if (res.status !== 201) throw new Error(`team not created: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A second person of a role, with a session cookie for `request(..., { headers: { cookie } })`. */
export async function createStaff(
  t: TestContext,
  email: string,
  role: 'auditor' | 'manager' | 'viewer',
): Promise<{ id: string; cookie: string }> {
  const created = await t.request('POST', '/api/v1/users', {
    as: 'admin',
    json: { email, name: email.split('@')[0], role, password: PASSWORD },
  });
  if (created.status !== 201) throw new Error(`user not created: ${JSON.stringify(created.body)}`);
  const res = await t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`could not sign in as ${email}`);
  return { id: created.body.id as string, cookie };
}
