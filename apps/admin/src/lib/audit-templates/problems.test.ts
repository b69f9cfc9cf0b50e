import { AUDIT_TEMPLATE_LIBRARY } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { setItemText, setItemWeight, setSectionTitle, type Definition } from './editor';
import { checkTemplate, problemLabel, serverProblems, targetOf } from './problems';

const quarterly: Definition = AUDIT_TEMPLATE_LIBRARY.find((t) => t.key === 'quarterly_service')!.definition;

describe('template problems', () => {
  it('finds none in the shipped templates', () => {
    for (const t of AUDIT_TEMPLATE_LIBRARY) expect(checkTemplate('Name', t.definition)).toEqual([]);
  });

  it('points an empty default-language text at its field, once', () => {
    const d = setItemText(quarterly, { section: 1, item: 2 }, 'en', ' ');
    const problems = checkTemplate('Audit', d);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ section: 1, item: 2, path: 'sections.1.items.2.text' });
    expect(targetOf(p!, 'en')).toEqual({ tab: 'items', elementId: 's1-i2-text-en' });
    expect(problemLabel(p!)).toMatch(/^Item 3 of section 2/);
  });

  it('points a weight that is not a number, or too big, at the weight field', () => {
    const d = setItemWeight(quarterly, { section: 0, item: 1 }, Number.NaN);
    const [p, ...rest] = checkTemplate('Audit', d);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ path: 'sections.0.items.1.weight', message: 'A weight is a number.' });
    expect(targetOf(p!, 'en').elementId).toBe('s0-i1-weight');
    expect(problemLabel(p!)).toBe('Item 2 of section 1: A weight is a number.');
    expect(checkTemplate('Audit', setItemWeight(quarterly, { section: 0, item: 1 }, 101))[0]?.message).toBe(
      'A weight is at most 100.',
    );
  });

  it('points an empty section title and a missing name at their fields', () => {
    const d = setSectionTitle(quarterly, 2, 'en', '');
    const problems = checkTemplate('', d);
    expect(problems.map((p) => targetOf(p, 'en').elementId)).toEqual(['template-name', 's2-title-en']);
    expect(targetOf(problems[0]!, 'en').tab).toBe('settings');
  });

  it('maps the API’s details the same way', () => {
    const [p] = serverProblems({ 'definition.sections.0.items.3.scale': 'A scale has at most 10 points.' });
    expect(p).toMatchObject({ section: 0, item: 3 });
    expect(targetOf(p!, 'en').elementId).toBe('s0-i3-scale');
  });
});
