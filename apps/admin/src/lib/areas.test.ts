import { describe, expect, it } from 'vitest';
import { areasFor, canManageTeams, canOpen, settingsSectionsFor } from './areas';

describe('what each role sees', () => {
  it.each([
    ['admin', ['Surveys', 'Responses', 'Follow-ups', 'Audits', 'Reports', 'OKRs', 'Settings']],
    ['manager', ['Surveys', 'Responses', 'Follow-ups', 'Audits', 'Reports', 'OKRs', 'Settings']],
    ['auditor', ['Audits', 'Settings']],
    ['viewer', ['Audits', 'Reports', 'OKRs', 'Settings']],
  ] as const)('%s: %j', (role, labels) => {
    expect(areasFor(role).map((a) => a.label)).toEqual(labels);
  });

  it.each([
    [
      'admin',
      [
        'Organisation',
        'Users',
        'Teams & agents',
        'API keys',
        'Customers',
        'Weekly digest',
        'Audit log',
        'Outbox',
      ],
    ],
    ['manager', ['Organisation', 'Teams & agents', 'Customers', 'Weekly digest']],
    ['auditor', ['Organisation', 'Teams & agents']],
    ['viewer', ['Organisation', 'Teams & agents']],
  ] as const)('settings for %s: %j', (role, labels) => {
    expect(settingsSectionsFor(role).map((s) => s.label)).toEqual(labels);
  });
});

describe('canOpen', () => {
  it.each([
    ['/settings/users', 'admin', true],
    ['/settings/users', 'manager', false],
    ['/settings/users/extra', 'manager', false],
    ['/settings/customers', 'manager', true],
    ['/settings/customers', 'viewer', false],
    ['/settings/outbox', 'admin', true],
    ['/settings/outbox', 'manager', false],
    ['/settings/teams', 'viewer', true],
    ['/settings', 'auditor', true],
    ['/surveys', 'viewer', false],
    ['/reports', 'viewer', true],
    ['/audits', 'auditor', true],
    ['/audits', 'viewer', true],
    ['/audits/cycles/0b0e7c9e-4c7a-4f0a-9a43-3f1d2b7e8a10', 'viewer', true],
    ['/audits/reviews', 'auditor', true],
    ['/responses', 'auditor', false],
    ['/', 'auditor', true],
    // A prefix of another path is not that path.
    ['/surveys-archive', 'viewer', true],
  ] as const)('%s for %s → %s', (path, role, expected) => {
    expect(canOpen(path, role)).toBe(expected);
  });

  it('lets managers and admins change teams', () => {
    expect([canManageTeams('admin'), canManageTeams('manager'), canManageTeams('auditor')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
