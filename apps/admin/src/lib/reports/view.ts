import {
  defaultUnit,
  isLocalDate,
  PERIOD_PRESETS,
  rangeOf,
  type LocalRange,
  type PeriodPreset,
  type TrendUnit,
} from './period';

/**
 * What the dashboard shows, as it lives in the address bar, so a view can be shared and walked
 * with back and forward. Presets stay relative ("last 90 days" is last 90 days when the link is
 * opened); only custom dates are written out. Parameter names are the API's. Unit-tested beside.
 */
export interface ReportView {
  period: PeriodPreset;
  /** Only for `custom`; empty otherwise. */
  from: string;
  to: string;
  teamId: string;
  agentId: string;
  channel: string;
  surveyId: string;
  /** Empty: the default for the period's length. */
  unit: '' | TrendUnit;
}

export const DEFAULT_VIEW: ReportView = {
  period: 'last-90-days',
  from: '',
  to: '',
  teamId: '',
  agentId: '',
  channel: '',
  surveyId: '',
  unit: '',
};

const KEYS = Object.keys(DEFAULT_VIEW) as (keyof ReportView)[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each parameter may hold. A hand-edited or outdated link with a value the API would refuse
 * drops that parameter instead of turning the whole dashboard into an error.
 */
const VALID: Record<keyof ReportView, (value: string) => boolean> = {
  period: (v) => (PERIOD_PRESETS as readonly string[]).includes(v),
  from: isLocalDate,
  to: isLocalDate,
  teamId: (v) => UUID.test(v),
  agentId: (v) => UUID.test(v),
  channel: (v) => v.trim().length > 0 && v.length <= 50,
  surveyId: (v) => UUID.test(v),
  unit: (v) => /^(day|week|month|quarter)$/.test(v),
};

/**
 * The view in a URL's query. Custom dates need both ends (given backwards, they are swapped);
 * without them the period falls back to the default.
 *
 * @example
 * viewFromParams(new URLSearchParams('period=this-year&teamId=…')) // { ...DEFAULT_VIEW, period: 'this-year', teamId: '…' }
 */
export function viewFromParams(params: URLSearchParams): ReportView {
  const view = { ...DEFAULT_VIEW };
  for (const key of KEYS) {
    const value = params.get(key) ?? '';
    if (value && VALID[key](value)) (view as Record<string, string>)[key] = value;
  }
  if (view.period !== 'custom' || !view.from || !view.to) {
    if (view.period === 'custom') view.period = DEFAULT_VIEW.period;
    view.from = '';
    view.to = '';
  } else if (view.from > view.to) {
    [view.from, view.to] = [view.to, view.from];
  }
  return view;
}

/**
 * The query for a view: only what differs from the default, in a fixed order, so equal views
 * make equal addresses.
 *
 * @example
 * viewSearch({ ...DEFAULT_VIEW, period: 'this-year' }) // 'period=this-year'
 */
export function viewSearch(view: ReportView): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = view[key];
    if (key === 'period' && value === DEFAULT_VIEW.period) continue;
    if ((key === 'from' || key === 'to') && view.period !== 'custom') continue;
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The dates a view covers, given today's date in the organisation's time zone. */
export function rangeOfView(view: ReportView, today: string): LocalRange {
  if (view.period === 'custom' && view.from && view.to) return { from: view.from, to: view.to };
  return rangeOf(view.period === 'custom' ? 'last-90-days' : view.period, today);
}

/** The trend unit a view shows: the chosen one, or the default for its length. */
export function unitOfView(view: ReportView, range: LocalRange): TrendUnit {
  return view.unit || defaultUnit(range);
}

/** The report filters as the API's query: the dates and the filters that are set. */
export interface ReportQuery {
  from: string;
  to: string;
  teamId?: string;
  agentId?: string;
  channel?: string;
  surveyId?: string;
}

export function reportQueryOf(view: ReportView, range: LocalRange): ReportQuery {
  const query: ReportQuery = { from: range.from, to: range.to };
  if (view.teamId) query.teamId = view.teamId;
  if (view.agentId) query.agentId = view.agentId;
  if (view.channel) query.channel = view.channel;
  if (view.surveyId) query.surveyId = view.surveyId;
  return query;
}

/** How many filters (beyond the period) are set. */
export function filterCount(view: ReportView): number {
  return [view.teamId, view.agentId, view.channel, view.surveyId].filter(Boolean).length;
}
