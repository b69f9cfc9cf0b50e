import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiQueryOf,
  filtersFromParams,
  filtersKey,
  inboxSearch,
  NO_FILTERS,
  paramsOf,
  scoreChoices,
} from './response-filters';

const TEAM = '3f0c2a4e-8b1d-4c5e-9f6a-7b8c9d0e1f2a';

describe('filters ⇄ URL', () => {
  it('reads every filter from the query and writes it back the same', () => {
    const query =
      `from=2026-05-01&to=2026-05-31&teamId=${TEAM}&agentId=${TEAM}&surveyId=${TEAM}` +
      '&score=1%2C2&resolved=false&reason=took_too_long&hasComment=true&bot=false&locale=sr&q=%D1%87%D0%B5%D0%BA%D0%B0%D0%BE';
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(filters).toEqual({
      from: '2026-05-01',
      to: '2026-05-31',
      teamId: TEAM,
      agentId: TEAM,
      surveyId: TEAM,
      score: '1,2',
      resolved: 'false',
      reason: 'took_too_long',
      hasComment: 'true',
      bot: 'false',
      locale: 'sr',
      q: 'чекао',
    });
    expect(paramsOf(filters).toString()).toBe(query);
    expect(activeFilterCount(filters)).toBe(12);
  });

  it.each([
    ['score=9', {}],
    ['score=1,,2', {}],
    ['teamId=billing', {}],
    ['from=2026-13-01', {}],
    ['resolved=maybe', {}],
    ['locale=de', {}],
    ['reason=Not a code', {}],
    ['q=%20%20', {}],
    ['response=abc&page=2', {}],
    ['to=2026-01-01&from=2026-02-01', { from: '2026-01-01', to: '2026-02-01' }],
    ['q=%20late%20', { q: 'late' }],
  ])('%s → %j', (query, expected) => {
    expect(filtersFromParams(new URLSearchParams(query))).toEqual({ ...NO_FILTERS, ...expected });
  });

  it('writes only the filters that are set, in a fixed order, whatever order they were set in', () => {
    const a = { ...NO_FILTERS, q: ' late ', bot: 'false' as const };
    const b = { ...NO_FILTERS, bot: 'false' as const, q: 'late' };
    expect(paramsOf(a).toString()).toBe('bot=false&q=late');
    expect(filtersKey(a)).toBe(filtersKey(b));
    expect(paramsOf(NO_FILTERS).toString()).toBe('');
    expect(apiQueryOf(a)).toEqual({ bot: 'false', q: 'late' });
  });

  it('keeps the opened response in the inbox address', () => {
    expect(inboxSearch(NO_FILTERS)).toBe('');
    expect(inboxSearch(NO_FILTERS, 'abc')).toBe('response=abc');
    expect(inboxSearch({ ...NO_FILTERS, score: '1' }, 'abc')).toBe('score=1&response=abc');
  });

  it('offers a shared link’s unusual score list as a choice of its own', () => {
    expect(scoreChoices('1,2').map((c) => c.value)).not.toContain('1,3');
    expect(scoreChoices('1,3').at(-1)).toEqual({ value: '1,3', label: '1, 3' });
  });
});
