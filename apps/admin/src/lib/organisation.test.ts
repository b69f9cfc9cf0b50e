import { describe, expect, it } from 'vitest';
import {
  describeDays,
  describeHours,
  organisationNameValue,
  reportOrganisation,
  timeZoneChoices,
} from './organisation';

describe('describeDays', () => {
  it.each([
    [[1, 2, 3, 4, 5], 'Mon–Fri'],
    [[5, 4, 3, 2, 1, 1], 'Mon–Fri'],
    [[1, 2, 3, 6], 'Mon–Wed, Sat'],
    [[6, 7], 'Sat, Sun'],
    [[1, 3, 5], 'Mon, Wed, Fri'],
    [[1, 2, 3, 4, 5, 6, 7], 'Mon–Sun'],
    [[], 'No working days'],
  ])('%j → %s', (days, text) => {
    expect(describeDays(days)).toBe(text);
  });
});

describe('describeHours', () => {
  it('names the days, the hours and the zone', () => {
    expect(describeHours({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, 'Europe/Belgrade')).toBe(
      'Mon–Fri, 09:00–17:00 (Europe/Belgrade)',
    );
  });
});

describe('timeZoneChoices', () => {
  it('puts UTC first, keeps the current zone, and lists no zone twice', () => {
    const choices = timeZoneChoices('Europe/Belgrade');
    expect(choices[0]).toBe('UTC');
    expect(choices).toContain('Europe/Belgrade');
    expect(new Set(choices).size).toBe(choices.length);
    expect(timeZoneChoices('Etc/Made_Up')).toContain('Etc/Made_Up');
  });
});

describe('organisationNameValue', () => {
  it.each([
    ['Acme Support', 'Acme Support'],
    ['  Acme   Support\n', 'Acme Support'],
    ['Служба\tподршке', 'Служба подршке'],
    ['', null],
    [' \n\t ', null],
  ])('%j → %j', (text, value) => {
    expect(organisationNameValue(text)).toBe(value);
  });
});

describe('reportOrganisation', () => {
  it('names the organisation when it has a name, and the host until then', () => {
    expect(reportOrganisation('Acme Support', 'rapport.example.com')).toEqual({
      label: 'Acme Support',
      named: true,
    });
    expect(reportOrganisation(null, 'rapport.example.com')).toEqual({
      label: 'rapport.example.com',
      named: false,
    });
  });
});
