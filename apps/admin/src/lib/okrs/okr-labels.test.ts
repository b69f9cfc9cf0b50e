import { describe, expect, it } from 'vitest';
import {
  formatValue,
  numberOrUndefined,
  progressPercent,
  progressPoints,
  quarterChoices,
  shiftQuarter,
  statusLabel,
  trendLink,
} from './okr-labels';

describe('formatValue', () => {
  it.each([
    [91.234, 'percent', '91.2%'],
    [95, 'percent', '95%'],
    [1.5, 'hours', '1.5 h'],
    [42, 'points', '42 points'],
    [1, 'points', '1 point'],
    [-12.34, 'points', '−12.3 points'],
    [5.25, 'score', '5.3'],
    [7, null, '7'],
    [null, 'percent', '—'],
  ] as const)('%s in %s reads %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('progressPercent', () => {
  it.each([
    [0.456, 46],
    [0, 0],
    [1, 100],
    [1.3, 100],
    [-0.2, 0],
    [null, null],
  ])('%s is %s%%', (progress, expected) => {
    expect(progressPercent(progress)).toBe(expected);
  });
});

describe('statusLabel', () => {
  it('names every status in words, and a missing one as no data', () => {
    expect(statusLabel('achieved')).toEqual({ label: 'Achieved', tone: 'success' });
    expect(statusLabel('on_track').label).toBe('On track');
    expect(statusLabel('at_risk')).toEqual({ label: 'At risk', tone: 'warning' });
    expect(statusLabel('off_track')).toEqual({ label: 'Off track', tone: 'danger' });
    expect(statusLabel(null)).toEqual({ label: 'No data yet', tone: 'neutral' });
  });
});

describe('quarters', () => {
  it.each([
    ['2026-Q4', 1, '2027-Q1'],
    ['2026-Q1', -1, '2025-Q4'],
    ['2026-Q2', -4, '2025-Q2'],
    ['2026-Q3', 0, '2026-Q3'],
    ['not a quarter', 1, 'not a quarter'],
  ])('%s shifted by %s is %s', (quarter, steps, expected) => {
    expect(shiftQuarter(quarter, steps)).toBe(expected);
  });

  it('offers a year back and two quarters ahead, plus a shown quarter outside that range', () => {
    expect(quarterChoices('2026-Q4', '2026-Q4')).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    expect(quarterChoices('2026-Q4', '2024-Q2')[0]).toBe('2024-Q2');
    expect(quarterChoices('2026-Q4', 'junk')).toHaveLength(7);
    // Before the first answer names the current quarter there is nothing to offer twice.
    expect(quarterChoices('', '')).toEqual([]);
    expect(quarterChoices('', '2026-Q2')).toEqual(['2026-Q2']);
  });
});

describe('trendLink', () => {
  const period = { from: '2026-10-01', to: '2026-12-31' };
  it('links CSAT and NPS to the dashboard for the quarter and team', () => {
    expect(trendLink('csat', period, null)).toBe('/reports?period=custom&from=2026-10-01&to=2026-12-31');
    expect(trendLink('nps', period, 'team-1')).toBe(
      '/reports?period=custom&from=2026-10-01&to=2026-12-31&teamId=team-1',
    );
  });
  it('gives no link for metrics without a trend, nor for manual key results', () => {
    expect(trendLink('audit_score', period, null)).toBeNull();
    expect(trendLink(null, period, null)).toBeNull();
  });
});

describe('progressPoints', () => {
  it('keeps check-ins with a progress, oldest first, in whole percent', () => {
    expect(
      progressPoints([
        { at: '2026-11-20T10:00:00.000Z', progress: 0.75 },
        { at: '2026-11-01T10:00:00.000Z', progress: 0.4 },
        { at: '2026-11-10T10:00:00.000Z', progress: null },
      ]),
    ).toEqual([
      { at: '2026-11-01T10:00:00.000Z', percent: 40 },
      { at: '2026-11-20T10:00:00.000Z', percent: 75 },
    ]);
  });
});

describe('numberOrUndefined', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['92.5', 92.5],
    ['92,5', 92.5],
    [null, undefined],
    [undefined, undefined],
    [7, 7],
  ])('%j reads as %s', (text, expected) => {
    expect(numberOrUndefined(text)).toBe(expected);
  });
  it('keeps text that is not a number as NaN, so the form can say so', () => {
    expect(numberOrUndefined('abc')).toBeNaN();
  });
});
