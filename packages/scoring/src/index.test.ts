import { describe, expect, it } from 'vitest';
import * as scoring from './index';

// The acceptance suite and the api import these names from the package entry: keep them there.
describe('the package entry', () => {
  it.each([
    'wilsonInterval',
    'csat',
    'csatFromDistribution',
    'nps',
    'npsMoments',
    'ces',
    'twoProportionTest',
    'npsDifferenceTest',
    'auditScore',
    'auditItemScore',
    'validateAuditTemplate',
    'krProgress',
    'okrStatus',
    'responseRate',
    'resolutionRate',
    'followUpTimeliness',
    'pareto',
    'keyDrivers',
    'cohenKappa',
    'lowSample',
    'periodKey',
    'periodRange',
    'previousPeriodKey',
    'nextPeriodKey',
    'erf',
    'erfc',
    'normalCdf',
    'twoSidedPValue',
  ])('exports the function %s', (name) => {
    expect(typeof (scoring as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the constants', () => {
    expect(scoring.Z95).toBe(1.959963984540054);
    expect(scoring.LOW_SAMPLE_MIN).toBe(30);
  });

  // The reference checks of issue 3, through the public entry.
  it('matches the issue-3 reference values', () => {
    expect(scoring.wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(scoring.wilsonInterval(10, 10)[1]).toBe(1);
    const c = scoring.csat({ satisfied: 85, total: 100 });
    expect(c.rate).toBe(0.85);
    expect(c.ci95![0]).toBeCloseTo(0.7672, 4);
    expect(c.ci95![1]).toBeCloseTo(0.9069, 4);
    const n = scoring.nps({ promoters: 50, passives: 30, detractors: 20 });
    expect(n.score).toBe(30);
    // var = 0.5 + 0.2 − 0.09 = 0.61; half-width = 1.96·√(0.61/100)·100 ≈ 15.31
    expect(n.ci95![1] - 30).toBeCloseTo(15.31, 2);
    expect(30 - n.ci95![0]).toBeCloseTo(15.31, 2);
    expect(scoring.ces([0, 0, 0, 0, 0, 1, 0])).toEqual({ mean: 6, n: 1, ci95: null, easyRate: 1 });
    expect(scoring.twoProportionTest({ successes: 0, n: 40 }, { successes: 0, n: 25 })).toMatchObject({
      z: 0,
      pValue: 1,
    });
  });
});
