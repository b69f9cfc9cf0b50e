import type { Pathname } from '$app/types';
import type { Role } from '@rapport/contracts';

/**
 * The addresses of the areas and settings sections, narrowed from every route: SvelteKit's
 * `resolve()` takes a variable's union only while it has at most 25 members, which all routes
 * together no longer do. `Extract` keeps each one checked against the real routes.
 */
export type AreaHref = Extract<
  Pathname,
  | '/'
  | '/surveys'
  | '/responses'
  | '/follow-ups'
  | '/audits'
  | '/audits/actions'
  | '/reports'
  | '/okrs'
  | '/settings'
>;
export type SettingsHref = Extract<Pathname, `/settings/${string}`>;

/** A top-level area of the admin, shown in the navigation to the roles that can use it. */
export interface Area {
  href: AreaHref;
  label: string;
  /** What the area is for, in one sentence (the home page and the empty states use it). */
  purpose: string;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'manager', 'auditor', 'viewer'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];

export const AREAS: readonly Area[] = [
  {
    href: '/surveys',
    label: 'Surveys',
    purpose:
      'Build the post-ticket survey: its questions and languages, and the rules that decide who is asked and when.',
    roles: MANAGERS,
  },
  {
    href: '/responses',
    label: 'Responses',
    purpose:
      'Read every answer and comment, by team, agent and survey. Suspected bot answers are flagged, never deleted.',
    roles: MANAGERS,
  },
  {
    href: '/follow-ups',
    label: 'Follow-ups',
    purpose:
      'Close the loop with unhappy customers: low ratings, unresolved answers and callback requests get an owner and a due time.',
    roles: MANAGERS,
  },
  {
    href: '/audits',
    label: 'Audits',
    purpose:
      'Run the quarterly service audit of each team: a weighted checklist, reviews of sampled tickets, and a manager’s sign-off.',
    // Viewers read the results: the quarters, signed audits and their reports (the API shows them
    // signed audits only and refuses every change).
    roles: ALL,
  },
  {
    href: '/reports',
    label: 'Reports',
    purpose:
      'Follow satisfaction, effort and resolution over time, each rate with its sample size and 95% interval.',
    roles: ['admin', 'manager', 'viewer'],
  },
  {
    href: '/okrs',
    label: 'OKRs',
    purpose:
      'Set objectives with key results tied to live metrics, and see progress against the time gone in the quarter.',
    roles: ['admin', 'manager', 'viewer'],
  },
  {
    href: '/settings',
    label: 'Settings',
    purpose:
      'The organisation’s hours and languages, teams and agents for everyone; customers for managers; users, API keys, the audit log and the mail outbox for admins.',
    roles: ALL,
  },
];

/** A section under Settings. */
export interface SettingsSection {
  href: SettingsHref;
  label: string;
  purpose: string;
  roles: readonly Role[];
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    href: '/settings/organisation',
    label: 'Organisation',
    purpose:
      'Its name, time zone, business hours and holidays (follow-up due times use them), the languages customers are offered, and the webhook secret.',
    roles: ALL,
  },
  {
    href: '/settings/users',
    label: 'Users',
    purpose: 'Who can sign in to Rapport, and with which role.',
    roles: ['admin'],
  },
  {
    href: '/settings/teams',
    label: 'Teams & agents',
    purpose: 'Your support teams, their leads, and the agents who answer tickets.',
    roles: ALL,
  },
  {
    href: '/settings/api-keys',
    label: 'API keys',
    purpose: 'Keys your helpdesk and reporting tools use to talk to Rapport.',
    roles: ['admin'],
  },
  {
    href: '/settings/customers',
    label: 'Customers',
    purpose: 'The people who open tickets, as your helpdesk reported them.',
    roles: MANAGERS,
  },
  {
    href: '/settings/digest',
    label: 'Weekly digest',
    purpose:
      'The weekly email with the headline figures, movers, OKRs and what is overdue: when, and to whom.',
    // Managers read it; admins change it.
    roles: MANAGERS,
  },
  {
    href: '/settings/audit-log',
    label: 'Audit log',
    purpose: 'Every change made by staff and API keys: who, what and when.',
    roles: ['admin'],
  },
  {
    href: '/settings/outbox',
    label: 'Outbox',
    purpose:
      'The emails Rapport sent — surveys and weekly digests — or kept here when no SMTP server is set.',
    roles: ['admin'],
  },
];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  auditor: 'Auditor',
  viewer: 'Viewer',
};

/** What each role is for, shown where a role is chosen. */
export const ROLE_PURPOSES: Record<Role, string> = {
  admin: 'Everything, including users and API keys.',
  manager: 'Surveys, follow-ups, audits, OKRs and teams.',
  auditor: 'The audits assigned to them.',
  viewer: 'Reads reports, OKRs and signed audit results.',
};

/** The areas a role sees in the navigation, in order. */
export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => a.roles.includes(role));
}

/** The settings sections a role sees. */
export function settingsSectionsFor(role: Role): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => s.roles.includes(role));
}

function within(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Whether a role may open a path. Paths outside every area (the home page, unknown pages that end
 * in a 404) are open to every signed-in user; the API checks the role again on every request.
 *
 * @example
 * canOpen('/settings/users', 'manager') // false
 */
export function canOpen(pathname: string, role: Role): boolean {
  const section = SETTINGS_SECTIONS.find((s) => within(pathname, s.href));
  if (section) return section.roles.includes(role);
  const area = AREAS.find((a) => within(pathname, a.href));
  return area ? area.roles.includes(role) : true;
}

/** Whether a role may change teams and agents (others read them). */
export function canManageTeams(role: Role): boolean {
  return MANAGERS.includes(role);
}

/** The area at `href`; a missing one is a mistake in this file, so it throws. */
export function areaAt(href: Pathname): Area {
  const area = AREAS.find((a) => a.href === href);
  if (!area) throw new Error(`No area at ${href}.`);
  return area;
}
