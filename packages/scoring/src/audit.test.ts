import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditItemScore,
  auditScore,
  validateAuditTemplate,
  weightedMean,
  type AuditAnswer,
  type AuditItem,
  type AuditTemplate,
  type AuditValue,
} from './audit';

// Two sections: opening (weight 1) and resolution (weight 2, with a double-weight 1–5 item).
const template = (extra: Partial<AuditTemplate> = {}): AuditTemplate => ({
  sections: [
    {
      id: 'opening',
      items: [
        { id: 'greet', scale: 'pass_fail' },
        { id: 'verify', scale: 'pass_fail', critical: true },
      ],
    },
    {
      id: 'resolution',
      weight: 2,
      items: [
        { id: 'accuracy', scale: { points: 5 }, weight: 2 },
        { id: 'tone', scale: { points: 5 } },
        { id: 'followup', scale: 'pass_fail' },
      ],
    },
  ],
  ...extra,
});

const answers = (values: Record<string, AuditValue>): AuditAnswer[] =>
  Object.entries(values).map(([itemId, value]) => ({ itemId, value }));

interface Expected {
  score: number | null;
  passed: boolean;
  failedCritical: string[];
  unanswered: string[];
  sections: (number | null)[];
}

describe('auditScore', () => {
  it.each<[string, AuditTemplate, Record<string, AuditValue>, Expected]>([
    [
      'all passed and top-rated',
      template(),
      { greet: 'pass', verify: 'pass', accuracy: 5, tone: 5, followup: 'pass' },
      { score: 100, passed: true, failedCritical: [], unanswered: [], sections: [100, 100] },
    ],
    [
      // opening = 100·(0 + 1)/2 = 50; resolution = 100·(2·0.75 + 0.5 + 1)/(2 + 1 + 1) = 75;
      // audit = (1·50 + 2·75)/3 = 66.67 < 80
      'mixed answers, weighted',
      template(),
      { greet: 'fail', verify: 'pass', accuracy: 4, tone: 3, followup: 'pass' },
      { score: 200 / 3, passed: false, failedCritical: [], unanswered: [], sections: [50, 75] },
    ],
    [
      // the same answers clear a 60 threshold
      'mixed answers under a lower threshold',
      template({ passThreshold: 60 }),
      { greet: 'fail', verify: 'pass', accuracy: 4, tone: 3, followup: 'pass' },
      { score: 200 / 3, passed: true, failedCritical: [], unanswered: [], sections: [50, 75] },
    ],
    [
      // critical 'verify' failed under the default 'zero' policy: the audit scores 0, sections keep their scores
      'a failed critical item zeroes the audit',
      template(),
      { greet: 'pass', verify: 'fail', accuracy: 5, tone: 5, followup: 'pass' },
      { score: 0, passed: false, failedCritical: ['verify'], unanswered: [], sections: [50, 100] },
    ],
    [
      // under 'flag' the score stands, (50 + 2·100)/3 = 83.33 ≥ 80, but the audit still fails
      'a failed critical item under flag',
      template({ criticalPolicy: 'flag' }),
      { greet: 'pass', verify: 'fail', accuracy: 5, tone: 5, followup: 'pass' },
      { score: 250 / 3, passed: false, failedCritical: ['verify'], unanswered: [], sections: [50, 100] },
    ],
    [
      'all N/A',
      template(),
      { greet: 'na', verify: 'na', accuracy: 'na', tone: 'na', followup: 'na' },
      { score: null, passed: false, failedCritical: [], unanswered: [], sections: [null, null] },
    ],
    [
      'no answers',
      template(),
      {},
      {
        score: null,
        passed: false,
        failedCritical: [],
        unanswered: ['greet', 'verify', 'accuracy', 'tone', 'followup'],
        sections: [null, null],
      },
    ],
    [
      // a single answer: opening has no score and drops out of the audit average
      'a single answer',
      template(),
      { accuracy: 5 },
      {
        score: 100,
        passed: true,
        failedCritical: [],
        unanswered: ['greet', 'verify', 'tone', 'followup'],
        sections: [null, 100],
      },
    ],
    [
      // N/A leaves the denominator: opening = 1/1, resolution = 100·(2·0.5)/2 = 50; audit = (100 + 2·50)/3
      'N/A items leave the denominator',
      template(),
      { greet: 'na', verify: 'pass', accuracy: 3, tone: 'na', followup: 'na' },
      { score: 200 / 3, passed: false, failedCritical: [], unanswered: [], sections: [100, 50] },
    ],
    [
      // all failed: (0 + 0)/3
      'all failed (critical included)',
      template({ criticalPolicy: 'flag' }),
      { greet: 'fail', verify: 'fail', accuracy: 1, tone: 1, followup: 'fail' },
      { score: 0, passed: false, failedCritical: ['verify'], unanswered: [], sections: [0, 0] },
    ],
  ])('%s', (_name, t, values, expected) => {
    const result = auditScore(t, answers(values));
    expect(result.failedCritical).toEqual(expected.failedCritical);
    expect(result.unanswered).toEqual(expected.unanswered);
    expect(result.passed).toBe(expected.passed);
    expect(result.sections.map((s) => s.id)).toEqual(['opening', 'resolution']);
    result.sections.forEach((s, i) => {
      const want = expected.sections[i];
      if (want === null) expect(s.score).toBeNull();
      else expect(s.score).toBeCloseTo(want!, 12);
    });
    if (expected.score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(expected.score, 12);
  });

  it.each([
    // (v − 1)/(points − 1) on a 1–5 critical item: 2 → 0.25 fails, 3 → 0.5 does not (the rule is "below 0.5")
    [2, ['q'], 0],
    [3, [], 50],
    [1, ['q'], 0],
  ])('a critical 1–5 item answered %i → failedCritical %j, score %d', (value, failed, score) => {
    const t: AuditTemplate = {
      sections: [{ id: 's', items: [{ id: 'q', scale: { points: 5 }, critical: true }] }],
    };
    const result = auditScore(t, [{ itemId: 'q', value }]);
    expect(result.failedCritical).toEqual(failed);
    expect(result.score).toBe(score);
  });

  it('passes a score exactly at the threshold, and fails just below it', () => {
    // 3 of 4 passed = 75
    const t: AuditTemplate = {
      passThreshold: 75,
      sections: [{ id: 's', items: ['a', 'b', 'c', 'd'].map((id) => ({ id, scale: 'pass_fail' as const })) }],
    };
    expect(auditScore(t, answers({ a: 'pass', b: 'pass', c: 'pass', d: 'fail' }))).toMatchObject({
      score: 75,
      passed: true,
    });
    expect(
      auditScore({ ...t, passThreshold: 75.000001 }, answers({ a: 'pass', b: 'pass', c: 'pass', d: 'fail' }))
        .passed,
    ).toBe(false);
  });

  it('passes when float error lands a few ulps under the threshold', () => {
    // sections 70 (7 of 10) and 90 (9 of 10) with weights 0.1 and 0.2: (7 + 18)/0.3 = 83.333…; threshold set to that exact fraction
    const ten = (prefix: string) =>
      Array.from({ length: 10 }, (_, i) => ({ id: `${prefix}${i}`, scale: 'pass_fail' as const }));
    const t: AuditTemplate = {
      passThreshold: 250 / 3,
      sections: [
        { id: 'a', weight: 0.1, items: ten('a') },
        { id: 'b', weight: 0.2, items: ten('b') },
      ],
    };
    const given: AuditAnswer[] = [
      ...ten('a').map((item, i) => ({
        itemId: item.id,
        value: i < 7 ? ('pass' as const) : ('fail' as const),
      })),
      ...ten('b').map((item, i) => ({
        itemId: item.id,
        value: i < 9 ? ('pass' as const) : ('fail' as const),
      })),
    ];
    const result = auditScore(t, given);
    expect(result.score).toBeCloseTo(250 / 3, 12);
    expect(result.passed).toBe(true);
  });

  it('gives exactly 100 when every section is perfect, whatever the weights', () => {
    const t: AuditTemplate = {
      sections: [
        {
          id: 'a',
          weight: 0.1,
          items: [
            { id: 'x', scale: 'pass_fail', weight: 0.1 },
            { id: 'y', scale: 'pass_fail', weight: 0.2 },
          ],
        },
        { id: 'b', weight: 0.2, items: [{ id: 'z', scale: { points: 7 } }] },
      ],
    };
    const result = auditScore(t, answers({ x: 'pass', y: 'pass', z: 7 }));
    expect(result.score).toBe(100);
    expect(result.sections).toEqual([
      { id: 'a', score: 100 },
      { id: 'b', score: 100 },
    ]);
  });

  describe('zero weights', () => {
    it('a zero-weight item contributes nothing', () => {
      const t: AuditTemplate = {
        sections: [
          {
            id: 's',
            items: [
              { id: 'a', scale: 'pass_fail', weight: 0 },
              { id: 'b', scale: 'pass_fail' },
            ],
          },
        ],
      };
      expect(auditScore(t, answers({ a: 'fail', b: 'pass' })).score).toBe(100);
    });

    it('a section whose scored items all weigh 0 has no score', () => {
      const t: AuditTemplate = {
        sections: [
          { id: 'free', items: [{ id: 'a', scale: 'pass_fail', weight: 0 }] },
          { id: 'real', items: [{ id: 'b', scale: { points: 3 } }] },
        ],
      };
      // real = (2 − 1)/(3 − 1) = 50
      expect(auditScore(t, answers({ a: 'pass', b: 2 }))).toEqual({
        score: 50,
        passed: false,
        failedCritical: [],
        unanswered: [],
        sections: [
          { id: 'free', score: null },
          { id: 'real', score: 50 },
        ],
      });
    });

    it('a zero-weight section contributes nothing, and alone gives no audit score', () => {
      const t: AuditTemplate = {
        sections: [
          { id: 'free', weight: 0, items: [{ id: 'a', scale: 'pass_fail' }] },
          { id: 'real', items: [{ id: 'b', scale: 'pass_fail' }] },
        ],
      };
      expect(auditScore(t, answers({ a: 'fail', b: 'pass' })).score).toBe(100);
      const only = auditScore(t, answers({ a: 'fail' }));
      expect(only.score).toBeNull();
      expect(only.sections[0]).toEqual({ id: 'free', score: 0 });
    });

    it("a failed critical item still zeroes an audit that would have no score under 'zero'", () => {
      const t: AuditTemplate = {
        sections: [{ id: 's', items: [{ id: 'a', scale: 'pass_fail', weight: 0, critical: true }] }],
      };
      expect(auditScore(t, answers({ a: 'fail' }))).toMatchObject({
        score: 0,
        passed: false,
        failedCritical: ['a'],
      });
      expect(auditScore({ ...t, criticalPolicy: 'flag' }, answers({ a: 'fail' }))).toMatchObject({
        score: null,
        passed: false,
        failedCritical: ['a'],
      });
    });
  });

  it('handles an empty template and an empty section', () => {
    expect(auditScore({ sections: [] }, [])).toEqual({
      score: null,
      passed: false,
      failedCritical: [],
      unanswered: [],
      sections: [],
    });
    expect(auditScore({ sections: [{ id: 'empty', items: [] }] }, []).sections).toEqual([
      { id: 'empty', score: null },
    ]);
  });

  it('lists failed critical and unanswered items in template order, whatever the answer order', () => {
    const t: AuditTemplate = {
      criticalPolicy: 'flag',
      sections: [
        {
          id: 's1',
          items: [
            { id: 'c1', scale: 'pass_fail', critical: true },
            { id: 'u1', scale: 'pass_fail' },
          ],
        },
        {
          id: 's2',
          items: [
            { id: 'c2', scale: { points: 4 }, critical: true },
            { id: 'u2', scale: 'pass_fail' },
          ],
        },
      ],
    };
    const result = auditScore(t, [
      { itemId: 'c2', value: 1 },
      { itemId: 'c1', value: 'fail' },
    ]);
    expect(result.failedCritical).toEqual(['c1', 'c2']);
    expect(result.unanswered).toEqual(['u1', 'u2']);
  });

  it.each([
    [[{ itemId: 'nope', value: 'pass' }], /unknown item id "nope"/],
    [
      [
        { itemId: 'greet', value: 'pass' },
        { itemId: 'greet', value: 'fail' },
      ],
      /More than one answer for item "greet"/,
    ],
    [
      [
        { itemId: 'greet', value: 'na' },
        { itemId: 'greet', value: 'na' },
      ],
      /More than one answer/,
    ],
    [[{ itemId: 'greet', value: 1 }], /Item "greet" is pass\/fail/],
    [[{ itemId: 'greet', value: 'yes' }], /Item "greet" is pass\/fail/],
    [[{ itemId: 'tone', value: 'pass' }], /Item "tone" is rated 1\.\.5/],
    [[{ itemId: 'tone', value: 'fail' }], /Item "tone" is rated 1\.\.5/],
    [[{ itemId: 'tone', value: 0 }], /rated 1\.\.5/],
    [[{ itemId: 'tone', value: 6 }], /rated 1\.\.5/],
    [[{ itemId: 'tone', value: 2.5 }], /rated 1\.\.5/],
    [[{ itemId: 'tone', value: NaN }], /rated 1\.\.5/],
  ])('rejects answers %j', (given, message) => {
    expect(() => auditScore(template(), given as AuditAnswer[])).toThrow(RangeError);
    expect(() => auditScore(template(), given as AuditAnswer[])).toThrow(message);
  });

  it('rejects answers that are not an array', () => {
    expect(() => auditScore(template(), null as unknown as AuditAnswer[])).toThrow(
      /answers must be an array/,
    );
  });

  const allPass = answers({ greet: 'pass', verify: 'pass', accuracy: 5, tone: 5, followup: 'pass' });
  const item = (over: Partial<AuditItem>): AuditTemplate => ({
    sections: [{ id: 's', items: [{ id: 'q', scale: 'pass_fail', ...over }] }],
  });

  it.each([
    ['negative item weight', item({ weight: -1 }), /Item "q" weight must not be negative/],
    ['NaN item weight', item({ weight: NaN }), /Item "q" weight must be a finite number/],
    ['points < 2', item({ scale: { points: 1 } }), /Item "q" scale must be 'pass_fail' or \{ points \}/],
    ['non-integer points', item({ scale: { points: 4.5 } }), /scale must be/],
    ['an unknown scale', item({ scale: 'stars' as unknown as 'pass_fail' }), /scale must be/],
    ['a null scale', item({ scale: null as unknown as 'pass_fail' }), /scale must be/],
    [
      'negative section weight',
      { sections: [{ id: 's', weight: -0.5, items: [] }] },
      /Section "s" weight must not be negative/,
    ],
    [
      'duplicate item ids across sections',
      {
        sections: [
          { id: 'a', items: [{ id: 'q', scale: 'pass_fail' }] },
          { id: 'b', items: [{ id: 'q', scale: 'pass_fail' }] },
        ],
      },
      /Duplicate item id "q"/,
    ],
    [
      'duplicate section ids',
      {
        sections: [
          { id: 'a', items: [] },
          { id: 'a', items: [] },
        ],
      },
      /Duplicate section id "a"/,
    ],
    ['passThreshold above 100', { passThreshold: 120, sections: [] }, /passThreshold must be in 0\.\.100/],
    ['passThreshold below 0', { passThreshold: -1, sections: [] }, /passThreshold must be in 0\.\.100/],
    ['passThreshold NaN', { passThreshold: NaN, sections: [] }, /passThreshold must be a finite number/],
    ['an unknown critical policy', { criticalPolicy: 'strict', sections: [] }, /criticalPolicy must be/],
    ['sections not an array', { sections: {} }, /template\.sections must be an array/],
    ['items not an array', { sections: [{ id: 's', items: null }] }, /Section "s" items must be an array/],
  ])('rejects a template with %s', (_name, t, message) => {
    expect(() => validateAuditTemplate(t as AuditTemplate)).toThrow(RangeError);
    expect(() => auditScore(t as AuditTemplate, [])).toThrow(message);
  });

  it('accepts the boundary thresholds 0 and 100', () => {
    expect(auditScore(template({ passThreshold: 100 }), allPass).passed).toBe(true);
    expect(auditScore(template({ passThreshold: 0 }), answers({ greet: 'fail' })).passed).toBe(true);
  });

  // Random templates with up to 4 sections of up to 5 items, and a random answer (or none) per item.
  const scale = fc.oneof(
    fc.constant('pass_fail' as const),
    fc.integer({ min: 2, max: 10 }).map((points) => ({ points })),
  );
  const weight = fc.option(
    fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true })),
    {
      nil: undefined,
    },
  );
  const scenario = fc
    .record({
      passThreshold: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      criticalPolicy: fc.option(fc.constantFrom('zero' as const, 'flag' as const), { nil: undefined }),
      sections: fc.array(
        fc.record({
          weight,
          items: fc.array(fc.record({ weight, scale, critical: fc.boolean() }), { maxLength: 5 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .chain((raw) => {
      const t: AuditTemplate = {
        ...raw,
        sections: raw.sections.map((s, i) => ({
          id: `s${i}`,
          weight: s.weight,
          items: s.items.map((it, j) => ({ ...it, id: `s${i}i${j}` })),
        })),
      };
      const items = t.sections.flatMap((s) => s.items);
      const value = (it: AuditItem): fc.Arbitrary<AuditValue | null> =>
        it.scale === 'pass_fail'
          ? fc.constantFrom<AuditValue | null>('pass', 'fail', 'na', null)
          : fc.oneof(
              fc.constantFrom<AuditValue | null>('na', null),
              fc.integer({ min: 1, max: it.scale.points }),
            );
      return fc.tuple(fc.constant(t), fc.tuple(...items.map(value))).map(([tt, values]) => ({
        template: tt,
        answers: items.flatMap((it, k) => (values[k] == null ? [] : [{ itemId: it.id, value: values[k]! }])),
      }));
    });

  it('is unchanged by permuting the answers', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s.answers, { minLength: s.answers.length, maxLength: s.answers.length }),
          ),
        ),
        ([s, shuffled]) => {
          expect(auditScore(s.template, shuffled)).toEqual(auditScore(s.template, s.answers));
        },
      ),
    );
  });

  it('keeps every score in [0, 100] and passes only without failed critical items', () => {
    fc.assert(
      fc.property(scenario, ({ template: t, answers: a }) => {
        const result = auditScore(t, a);
        for (const s of [result.score, ...result.sections.map((x) => x.score)]) {
          if (s === null) continue;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        if (result.passed) {
          expect(result.failedCritical).toEqual([]);
          expect(result.score!).toBeGreaterThanOrEqual((t.passThreshold ?? 80) - 1e-9);
        }
        expect(result.unanswered.length).toBe(t.sections.flatMap((s) => s.items).length - a.length);
      }),
    );
  });

  it('never lowers the score when a failed item is turned into a pass', () => {
    fc.assert(
      fc.property(scenario, ({ template: t, answers: a }) => {
        const flag = { ...t, criticalPolicy: 'flag' as const };
        const before = auditScore(flag, a);
        const better = a.map((x) => (x.value === 'fail' ? { ...x, value: 'pass' as const } : x));
        const after = auditScore(flag, better);
        if (before.score !== null) expect(after.score!).toBeGreaterThanOrEqual(before.score - 1e-9);
      }),
    );
  });
});

describe('auditItemScore', () => {
  it.each([
    ['pass_fail' as const, 'pass' as const, 1],
    ['pass_fail' as const, 'fail' as const, 0],
    ['pass_fail' as const, 'na' as const, null],
    [{ points: 5 }, 1, 0],
    [{ points: 5 }, 4, 0.75], // (4 − 1)/(5 − 1)
    [{ points: 5 }, 5, 1],
    [{ points: 2 }, 2, 1],
    [{ points: 4 }, 2, 1 / 3], // (2 − 1)/(4 − 1)
    [{ points: 10 }, 'na' as const, null],
  ])('scale %j, answer %j → %d', (scale, value, expected) => {
    expect(auditItemScore({ id: 'q', scale }, value)).toBe(expected);
  });
});

describe('weightedMean', () => {
  it.each([
    [[], null],
    [[{ score: 40, weight: 0 }], null],
    [[{ score: 40, weight: 2 }], 40],
    // (100 + 3·50)/4 = 62.5
    [
      [
        { score: 100, weight: 1 },
        { score: 50, weight: 3 },
      ],
      62.5,
    ],
    // a zero-weight first value does not pull the mean
    [
      [
        { score: 0, weight: 0 },
        { score: 80, weight: 1 },
      ],
      80,
    ],
  ])('weightedMean(%j) = %d', (values, expected) => {
    expect(weightedMean(values)).toBe(expected);
  });
});
