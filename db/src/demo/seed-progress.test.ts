import { describe, expect, it } from 'vitest';
import type { SeedSummary } from './seed';
import { formatDuration, formatProgress, formatRowCounts, progressReporter } from './seed-progress';

describe('formatDuration', () => {
  it.each([
    [0, '0.0 s'],
    [38.24, '38.2 s'],
    [59.94, '59.9 s'],
    [59.96, '1 min 0 s'],
    [252.6, '4 min 13 s'],
    [3599.4, '59 min 59 s'],
    [3600, '1 h 0 min'],
    [3900, '1 h 5 min'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatProgress', () => {
  it.each([
    // 2.4 M in 58.5 s is 41,026/s; 7.6 M left at that rate is 185 s: 3 minutes.
    [2_400_000, 10_000_000, 58.5, '2,400,000 / 10,000,000 tickets · 41,026/s · eta 3 min'],
    // 1,000 left at 100/s: 10 s.
    [9_000, 10_000, 90, '9,000 / 10,000 tickets · 100/s · eta 10 s'],
    // 2 s left shows as the least step, 5 s.
    [9_800, 10_000, 98, '9,800 / 10,000 tickets · 100/s · eta 5 s'],
    // 9.5 M left at 5,000/s: 1,900 s, 32 min.
    [500_000, 10_000_000, 100, '500,000 / 10,000,000 tickets · 5,000/s · eta 32 min'],
    // 9.9 M left at 1,000/s: 2 h 45 min.
    [100_000, 10_000_000, 100, '100,000 / 10,000,000 tickets · 1,000/s · eta 2 h 45 min'],
    [0, 10_000, 3, '0 / 10,000 tickets · 0/s'],
    [10_000, 10_000, 4, '10,000 / 10,000 tickets · 2,500/s · done'],
  ])('%d of %d after %d s → %s', (done, total, seconds, line) => {
    expect(formatProgress(done, total, seconds)).toBe(line);
  });
});

describe('progressReporter', () => {
  function reporter(): {
    lines: string[];
    at: (seconds: number) => void;
    report: ReturnType<typeof progressReporter>;
  } {
    const lines: string[] = [];
    let clock = 100;
    const report = progressReporter({
      total: 1000,
      started: 100,
      intervalSeconds: 3,
      now: () => clock,
      write: (line) => lines.push(line),
    });
    return { lines, at: (seconds) => (clock = 100 + seconds), report };
  }

  it('writes a line at most every interval, counting from the start', () => {
    const { lines, at, report } = reporter();
    at(1);
    report.progress({ tickets: 100 });
    at(2.9);
    report.progress({ tickets: 200 });
    at(3);
    report.progress({ tickets: 300 });
    at(5);
    report.progress({ tickets: 400 });
    at(6.5);
    report.progress({ tickets: 500 });
    expect(lines).toEqual(['300 / 1,000 tickets · 100/s · eta 5 s', '500 / 1,000 tickets · 77/s · eta 5 s']);
  });

  it('says when the rebuild starts, for a seed that has run past one interval only', () => {
    const quick = reporter();
    quick.at(1);
    quick.report.progress({ tickets: 1000 });
    quick.report.rebuilding();
    expect(quick.lines).toEqual([]);

    const slow = reporter();
    slow.at(200);
    slow.report.progress({ tickets: 1000 });
    slow.at(250.4);
    slow.report.rebuilding();
    expect(slow.lines).toEqual([
      '1,000 / 1,000 tickets · 5/s · done',
      '1,000 tickets sent in 4 min 10 s; rebuilding keys, indexes and foreign keys…',
    ]);
  });

  it('names each step after the rows, with the time so far, once past one interval', () => {
    const quick = reporter();
    quick.at(2);
    quick.report.stage('rollups');
    expect(quick.lines).toEqual([]);

    const slow = reporter();
    slow.at(301);
    slow.report.stage('rollups');
    slow.at(402.5);
    slow.report.stage('audits');
    slow.at(3725);
    slow.report.stage('objectives');
    expect(slow.lines).toEqual([
      '5 min 1 s in: counting the rollups from the rows…',
      '6 min 43 s in: drawing review samples and writing four quarters of audits…',
      '1 h 2 min in: writing this quarter’s objectives…',
    ]);
  });
});

describe('formatRowCounts', () => {
  it('lists every table with its count, aligned', () => {
    const summary: SeedSummary = {
      teams: 4,
      agents: 24,
      customers: 3_999_817,
      tickets: 10_000_000,
      ticketEvents: 9_940_211,
      invitations: 9_343_002,
      responses: 1_956_231,
      followUps: 271_040,
      surveyId: null,
      chatSurveyId: null,
    };
    expect(formatRowCounts(summary)).toEqual([
      '  teams                      4',
      '  agents                    24',
      '  customers          3,999,817',
      '  tickets           10,000,000',
      '  ticket events      9,940,211',
      '  invitations        9,343,002',
      '  survey responses   1,956,231',
      '  follow-ups           271,040',
    ]);
  });
});
