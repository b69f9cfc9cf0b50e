import { DEFAULT_RULES } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { changedRules, formToRules, rulesToForm } from './rules-form';

describe('rules form', () => {
  it('round-trips the rules', () => {
    const form = rulesToForm(DEFAULT_RULES);
    expect(form).toMatchObject({
      samplePercent: '100',
      reminder: true,
      reminderAfterDays: '3',
      channels: '',
      excludedDomains: '',
    });
    expect(formToRules(form)).toEqual({ rules: DEFAULT_RULES, fields: {} });
  });

  it('reads percentages, lists and no reminder', () => {
    const form = {
      ...rulesToForm(DEFAULT_RULES),
      samplePercent: '12.5',
      reminder: false,
      channels: 'Email, chat\nemail',
      excludedDomains: '@Example.com, test.example.org',
    };
    expect(formToRules(form).rules).toEqual({
      ...DEFAULT_RULES,
      sampleRate: 0.125,
      reminderAfterDays: null,
      channels: ['email', 'chat'],
      excludedDomains: ['example.com', 'test.example.org'],
    });
  });

  it('puts problems at the field they concern, in the form’s words', () => {
    const form = {
      ...rulesToForm(DEFAULT_RULES),
      samplePercent: '150',
      throttleDays: '',
      delayMinutes: '2.5',
      excludedDomains: 'localhost',
    };
    expect(formToRules(form)).toEqual({
      rules: null,
      fields: {
        delayMinutes: 'Enter whole minutes, from 0 to 43200 (30 days).',
        samplePercent: 'Enter a percentage from 0 to 100.',
        throttleDays: 'Enter whole days, from 0 to 365.',
        excludedDomains: 'Excluded domains look like example.com.',
      },
    });
  });

  it('ignores the reminder days while there is no reminder', () => {
    const form = { ...rulesToForm(DEFAULT_RULES), reminder: false, reminderAfterDays: 'x' };
    expect(formToRules(form).fields).toEqual({});
  });

  it('sends only what changed', () => {
    expect(changedRules(DEFAULT_RULES, { ...DEFAULT_RULES })).toBeNull();
    expect(changedRules(DEFAULT_RULES, { ...DEFAULT_RULES, sampleRate: 0.5, channels: ['email'] })).toEqual({
      sampleRate: 0.5,
      channels: ['email'],
    });
  });
});
