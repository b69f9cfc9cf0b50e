import { SURVEY_TEMPLATES } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { formatCsat30, TEMPLATE_CHOICES } from './survey-labels';

describe('formatCsat30', () => {
  it('shows the rate with its n, and a dash without responses', () => {
    expect(formatCsat30({ value: 0.8632, n: 212, ci95: [0.81, 0.9] })).toBe('86% · n 212');
    expect(formatCsat30({ value: 1, n: 1234, ci95: [0.99, 1] })).toBe('100% · n 1,234');
    expect(formatCsat30({ value: null, n: 0, ci95: null })).toBe('—');
  });
});

describe('TEMPLATE_CHOICES', () => {
  it('offers every template the API knows, once', () => {
    expect(TEMPLATE_CHOICES.map((t) => t.template).sort()).toEqual([...SURVEY_TEMPLATES].sort());
  });
});
