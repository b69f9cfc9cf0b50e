import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
let teamId: string;
beforeAll(async () => {
  t = await createTestContext();
  teamId = (await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Technical' } })).body.id;
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('/api/v1/agents', () => {
  it('creates agents, filters by team, and counts them on the team', async () => {
    const ana = await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'Ana Kovač', email: 'Ana@Support.example', externalId: 'zd-101', teamId },
    });
    expect(ana.status).toBe(201);
    expect(ana.body).toMatchObject({
      name: 'Ana Kovač',
      email: 'ana@support.example',
      externalId: 'zd-101',
      teamId,
      teamName: 'Technical',
      active: true,
    });
    await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'Solo', email: 'solo@support.example' },
    });

    const inTeam = await t.request('GET', `/api/v1/agents?teamId=${teamId}`, { as: 'viewer' });
    expect(inTeam.body.items.map((a: { name: string }) => a.name)).toEqual(['Ana Kovač']);
    const all = await t.request('GET', '/api/v1/agents', { as: 'viewer' });
    expect(all.body.items).toHaveLength(2);
    const team = await t.request('GET', `/api/v1/teams/${teamId}`, { as: 'viewer' });
    expect(team.body.agentCount).toBe(1);
  });

  it('refuses duplicate emails and external ids with 409', async () => {
    const email = await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'Copy', email: 'ANA@support.example' },
    });
    expect(email.status).toBe(409);
    expect(email.body.error.message).toBe('An agent with this email already exists.');
    const ext = await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'Copy', email: 'copy@support.example', externalId: 'zd-101' },
    });
    expect(ext.status).toBe(409);
    expect(ext.body.error.message).toBe('An agent with this external id already exists.');
  });

  it('moves and deactivates an agent', async () => {
    const [agent] = (await t.request('GET', '/api/v1/agents', { as: 'manager' })).body.items.filter(
      (a: { name: string }) => a.name === 'Solo',
    );
    const moved = await t.request('PATCH', `/api/v1/agents/${agent.id}`, {
      as: 'manager',
      json: { teamId, active: false },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ teamId, teamName: 'Technical', active: false });
    const cleared = await t.request('PATCH', `/api/v1/agents/${agent.id}`, {
      as: 'manager',
      json: { teamId: null },
    });
    expect(cleared.body.teamId).toBeNull();
  });

  it('answers bad input with 400 and an unknown team as a validation problem', async () => {
    const bad = await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'X', email: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'email', message: 'Enter a valid email address.' }]);
    const badQuery = await t.request('GET', '/api/v1/agents?teamId=123', { as: 'manager' });
    expect(badQuery.status).toBe(400);
    const noTeam = await t.request('POST', '/api/v1/agents', {
      as: 'manager',
      json: { name: 'X', email: 'x@support.example', teamId: MISSING },
    });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.error.message).toBe('The team was not found.');
  });

  it('answers 404 for unknown agents', async () => {
    expect((await t.request('GET', `/api/v1/agents/${MISSING}`, { as: 'viewer' })).status).toBe(404);
    expect(
      (await t.request('PATCH', `/api/v1/agents/${MISSING}`, { as: 'manager', json: { active: false } }))
        .status,
    ).toBe(404);
  });
});
