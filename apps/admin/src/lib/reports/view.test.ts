import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  filterCount,
  rangeOfView,
  reportQueryOf,
  unitOfView,
  viewFromParams,
  viewSearch,
} from './view';

const TEAM = '0b7f6a52-5d0c-4d5e-9a51-6f1f4f6c2a11';

describe('viewFromParams', () => {
  it('reads the default from an empty query', () => {
    expect(viewFromParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('keeps valid parameters and drops invalid ones', () => {
    const view = viewFromParams(
      new URLSearchParams(`period=this-year&teamId=${TEAM}&agentId=nope&channel=email&unit=fortnight`),
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, period: 'this-year', teamId: TEAM, channel: 'email' });
  });

  it('keeps custom dates, swapped when backwards', () => {
    const view = viewFromParams(new URLSearchParams('period=custom&from=2026-11-30&to=2026-11-01'));
    expect(view).toMatchObject({ period: 'custom', from: '2026-11-01', to: '2026-11-30' });
  });

  it('falls back to the default period for custom without both dates, and ignores dates for presets', () => {
    expect(viewFromParams(new URLSearchParams('period=custom&from=2026-11-01'))).toEqual(DEFAULT_VIEW);
    expect(viewFromParams(new URLSearchParams('period=this-year&from=2026-11-01&to=2026-11-02'))).toEqual({
      ...DEFAULT_VIEW,
      period: 'this-year',
    });
  });
});

describe('viewSearch', () => {
  it('writes only what differs from the default, and round-trips', () => {
    expect(viewSearch(DEFAULT_VIEW)).toBe('');
    const view = {
      ...DEFAULT_VIEW,
      period: 'custom' as const,
      from: '2026-10-01',
      to: '2026-10-31',
      teamId: TEAM,
      unit: 'week' as const,
    };
    const search = viewSearch(view);
    expect(search).toBe(`period=custom&from=2026-10-01&to=2026-10-31&teamId=${TEAM}&unit=week`);
    expect(viewFromParams(new URLSearchParams(search))).toEqual(view);
  });
});

describe('rangeOfView, unitOfView, reportQueryOf', () => {
  it('resolves a preset against today and a custom view to its dates', () => {
    expect(rangeOfView({ ...DEFAULT_VIEW, period: 'last-30-days' }, '2026-11-30')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(
      rangeOfView({ ...DEFAULT_VIEW, period: 'custom', from: '2026-01-05', to: '2026-01-06' }, '2026-11-30'),
    ).toEqual({
      from: '2026-01-05',
      to: '2026-01-06',
    });
  });

  it('uses the chosen unit or the default for the length', () => {
    const range = { from: '2026-09-02', to: '2026-11-30' };
    expect(unitOfView(DEFAULT_VIEW, range)).toBe('week');
    expect(unitOfView({ ...DEFAULT_VIEW, unit: 'month' }, range)).toBe('month');
  });

  it('sends only the filters that are set', () => {
    const view = { ...DEFAULT_VIEW, teamId: TEAM, channel: 'chat' };
    expect(reportQueryOf(view, { from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      teamId: TEAM,
      channel: 'chat',
    });
    expect(filterCount(view)).toBe(2);
  });
});
