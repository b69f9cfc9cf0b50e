import type { KeyResultStatus, Tile } from '@rapport/contracts';

/**
 * What a weekly digest says, before it is put into words: built once from the reports
 * (services/digest.ts), rendered per recipient in their language (mail/digest-render.ts). Nothing
 * here identifies a customer: tickets by number, people by name.
 */
export interface DigestContent {
  /** What the organisation calls itself (Settings → Organisation); null when no admin has set it. */
  organisationName: string | null;
  /** The seven organisation-local days reported on. */
  period: { from: string; to: string; timeZone: string };
  /** The seven days before, which every change is measured against. */
  previous: { from: string; to: string };
  /** The dashboard's headline tiles for `period`, exactly as `getTiles` gives them. */
  tiles: Tile[];
  /** Teams (any n) and agents (n ≥ 30 in both weeks) whose CSAT changed most; significant changes first. */
  movers: DigestMover[];
  /** This quarter's objectives (at `now`), organisation-wide first. */
  objectives: { quarter: string; items: DigestObjective[] };
  followUps: { overdue: number; oldest: DigestFollowUp[] };
  actions: { overdue: number; oldest: DigestAction[] };
}

export interface DigestMover {
  kind: 'team' | 'agent';
  name: string;
  /** CSAT in percent this week and the week before. */
  value: number;
  previousValue: number;
  /** Percentage points. */
  change: number;
  n: number;
  previousN: number;
  /** Two-proportion z-test at 95%. */
  significant: boolean;
  /** Either week has fewer than 30 answers. */
  smallSample: boolean;
}

export interface DigestObjective {
  title: string;
  /** null for an organisation-wide objective. */
  teamName: string | null;
  /** 0..1; null until a key result has a value. */
  progress: number | null;
  status: KeyResultStatus | null;
}

export interface DigestFollowUp {
  /** The helpdesk's ticket number. */
  ticket: string;
  teamName: string | null;
  ownerName: string | null;
  /** ISO instant. */
  dueAt: string;
}

export interface DigestAction {
  title: string;
  teamName: string | null;
  ownerName: string | null;
  /** Organisation-local date. */
  dueOn: string;
}
