import { describe, expect, it } from 'vitest';
import { auditConfig, intervalConfig, paretoConfig, trendConfig } from './charts';

/**
 * The charts plot exactly their tables, and every series stays apart without colour: a greyscale
 * print separates them by dash pattern, marker or fill.
 */

const weeks = {
  columns: ['Week', 'From', 'To', 'CSAT %', 'Lower 95%', 'Upper 95%', 'n'],
  rows: [
    ['2026-W27', '2026-07-01', '2026-07-05', 84.2, 80, 88, 90],
    ['2026-W28', '2026-07-06', '2026-07-12', null, null, null, 0],
  ],
};

describe('the report charts', () => {
  it('plot a trend’s value over its interval band, and nothing else', () => {
    const config = trendConfig(weeks, 'csat');
    expect(config.data.labels).toEqual(['2026-W27', '2026-W28']);
    const [upper, lower, value] = config.data.datasets;
    expect(upper?.data).toEqual([88, null]);
    expect(lower?.data).toEqual([80, null]);
    expect(value?.data).toEqual([84.2, null]);
    expect(config.options?.animation).toBe(false);
  });

  it('tell CSAT and NPS apart by dash and marker, not only by colour', () => {
    const csat = trendConfig(weeks, 'csat').data.datasets[2];
    const nps = trendConfig(weeks, 'nps').data.datasets[2];
    expect(csat?.borderDash).toEqual([]);
    expect(nps?.borderDash).not.toEqual([]);
    expect(csat?.pointStyle).not.toBe(nps?.pointStyle);
  });

  it('draw a team’s interval from its lower to its upper bound, a small sample with another marker', () => {
    const table = {
      columns: ['Rank', 'Team', 'CSAT %', 'Lower 95%', 'Upper 95%', 'n', 'Note'],
      rows: [
        [1, 'Billing', 90, 85.5, 93.4, 140, ''],
        [null, 'Onboarding', 70, 41.2, 89.1, 12, 'Small sample (n < 30), not ranked'],
      ],
    };
    const config = intervalConfig(table);
    expect(config.data.datasets[0]?.data).toEqual([
      [85.5, 93.4],
      [41.2, 89.1],
    ]);
    expect(config.data.datasets[1]?.data).toEqual([90, 70]);
    expect(config.data.datasets[1]?.pointStyle).toEqual(['circle', 'rectRot']);
    // The axis reaches below the lowest bound instead of starting at zero or cutting it off.
    expect(config.options?.scales?.y?.min).toBe(40);
  });

  it('draw the Pareto’s running share as a dashed line with square markers over the bars', () => {
    const table = {
      columns: ['Reason', 'Code', 'Count', 'Share %', 'Cumulative %'],
      rows: [
        ['It took too long', 'took_too_long', 30, 60, 60],
        ['Not solved', 'not_solved', 20, 40, 100],
      ],
    };
    const [line, bars] = paretoConfig(table).data.datasets;
    expect(line?.type).toBe('line');
    expect(line?.data).toEqual([60, 100]);
    expect(line).toMatchObject({ borderDash: [6, 4], pointStyle: 'rect' });
    expect(bars?.data).toEqual([30, 20]);
  });

  it('leave a failed audit’s bar white with an outline, a passed one filled', () => {
    const table = {
      columns: ['Team', 'Score', 'Result', 'Status', 'Weakest section'],
      rows: [
        ['Billing', 88.8, 'Passed', 'Signed off', 'Listening (75)'],
        ['Onboarding', 52, 'Failed', 'Signed off', 'Contact (20)'],
      ],
    };
    const [scores] = auditConfig(table).data.datasets;
    expect(scores?.data).toEqual([88.8, 52]);
    const fills = scores?.backgroundColor as string[];
    expect(fills[1]).toBe('#ffffff');
    expect(fills[0]).not.toBe('#ffffff');
  });
});
