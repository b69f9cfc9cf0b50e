import { LOCALES, type Tile } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import type { DigestContent } from './digest-content';
import { digestFormat } from './digest-format';
import { renderDigestEmail } from './digest-render';
import { DIGEST_STRINGS } from './digest-strings';
import { escapeHtml } from './escape-html';

const PUBLIC = 'https://rapport.example';

function tile(over: Partial<Tile> & Pick<Tile, 'metric' | 'unit'>): Tile {
  return {
    value: null,
    n: 0,
    ci95: null,
    previous: { from: '2026-11-16', to: '2026-11-22', value: null, n: 0 },
    change: null,
    significant: null,
    smallSample: true,
    ignoredFilters: [],
    ...over,
  };
}

/** A week with every kind of reading: significant up, not significant, not tested, small sample, no data. */
const CONTENT: DigestContent = {
  organisationName: null,
  period: { from: '2026-11-23', to: '2026-11-29', timeZone: 'Europe/Belgrade' },
  previous: { from: '2026-11-16', to: '2026-11-22' },
  tiles: [
    tile({
      metric: 'csat',
      unit: 'percent',
      value: 91.2,
      n: 340,
      ci95: [87.71, 93.82],
      previous: { from: '2026-11-16', to: '2026-11-22', value: 89.8, n: 310 },
      change: 1.4,
      significant: true,
      smallSample: false,
    }),
    tile({
      metric: 'nps',
      unit: 'points',
      value: 34,
      n: 120,
      ci95: [22.1, 45.9],
      change: -2.5,
      significant: false,
      smallSample: false,
    }),
    tile({
      metric: 'ces',
      unit: 'score',
      value: 5.8412,
      n: 12,
      ci95: [5.1, 6.5],
      change: 0.25,
      significant: null,
    }),
    tile({
      metric: 'resolution_rate',
      unit: 'percent',
      value: 80,
      n: 50,
      ci95: [66.9, 88.8],
      smallSample: false,
    }),
    tile({
      metric: 'response_rate',
      unit: 'percent',
      value: 25,
      n: 400,
      ci95: [21, 29.4],
      smallSample: false,
    }),
    tile({ metric: 'follow_ups_in_time', unit: 'percent' }),
    tile({ metric: 'audit_score', unit: 'points', value: 86.5, n: 3, change: 1.5, significant: null }),
  ],
  movers: [
    {
      kind: 'team',
      name: 'Billing & <Claims>',
      value: 70,
      previousValue: 85,
      change: -15,
      n: 100,
      previousN: 100,
      significant: true,
      smallSample: false,
    },
    {
      kind: 'agent',
      name: 'Ана Петровић',
      value: 95,
      previousValue: 90,
      change: 5,
      n: 40,
      previousN: 40,
      significant: false,
      smallSample: false,
    },
  ],
  objectives: {
    quarter: '2026-Q4',
    items: [
      {
        title: 'Every resolved ticket leaves a happy customer',
        teamName: null,
        progress: 0.64,
        status: 'on_track',
      },
      { title: '<script>alert(1)</script>', teamName: 'Support "A"', progress: null, status: null },
    ],
  },
  followUps: {
    overdue: 7,
    oldest: [
      { ticket: 'T-4821', teamName: 'Support', ownerName: null, dueAt: '2026-11-20T15:00:00.000Z' },
      { ticket: 'T-4830', teamName: null, ownerName: 'Marko', dueAt: '2026-11-25T08:00:00.000Z' },
    ],
  },
  actions: { overdue: 0, oldest: [] },
};

const render = (locale: string, content = CONTENT) =>
  renderDigestEmail({ content, locale, recipientName: 'Ana', publicUrl: PUBLIC });

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('renderDigestEmail', () => {
  it('reads like the example subject in English', () => {
    const mail = render('en');
    expect(mail.subject).toBe('Rapport weekly: CSAT 91.2% (+1.4 pts) — week of 23 Nov');
    expect(mail.locale).toBe('en');
  });

  it.each(LOCALES)('renders every section in %s, with its own words, numbers and dates', (locale) => {
    const mail = render(locale);
    const s = DIGEST_STRINGS[locale];
    const f = digestFormat(s.intl);
    expect(mail.locale).toBe(locale);
    expect(mail.html).toContain(`<html lang="${locale}" dir="ltr"`);
    expect(mail.subject).toBe(
      s.subject(
        s.title,
        `CSAT ${f.value(91.2, 'percent')} (${s.points(f.change(1.4, 'percent'))})`,
        f.shortDate('2026-11-23'),
      ),
    );
    for (const text of [
      s.greeting('Ana'),
      s.headlineHeading,
      ...Object.values(s.metrics),
      s.columnInterval,
      s.significant,
      s.notSignificant,
      s.notTested,
      s.noComparison,
      s.noData,
      s.smallSample,
      s.moversHeading,
      s.team,
      s.agent,
      s.objectivesHeading(s.quarter(4, 2026)),
      s.status.on_track,
      s.noStatus,
      s.wholeOrganisation,
      s.followUpsHeading(f.count(7)),
      s.actionsHeading(f.count(0)),
      s.noOverdueActions,
      s.unassigned,
      s.openDashboard,
      s.whyReceived,
      s.intro(f.dateRange('2026-11-23', '2026-11-29'), f.dateRange('2026-11-16', '2026-11-22')),
    ]) {
      expect(mail.html, text).toContain(escapeHtml(text));
      expect(mail.text.toLocaleLowerCase(s.intl), text).toContain(text.toLocaleLowerCase(s.intl));
    }
    // The figures, formatted for the language, in both parts.
    for (const figure of [
      f.value(91.2, 'percent'),
      f.interval([87.71, 93.82], 'percent'),
      f.value(34, 'points'),
      f.value(5.8412, 'score'),
      `n = ${f.count(340)}`,
      f.progress(0.64),
      f.dateAt('2026-11-20T15:00:00.000Z', 'Europe/Belgrade'),
      s.points(f.change(-15, 'percent')),
    ]) {
      expect(mail.html, figure).toContain(escapeHtml(figure));
      expect(mail.text, figure).toContain(figure);
    }
  });

  it('names the organisation in the subject and the heading when it has a name', () => {
    const named = render('en', { ...CONTENT, organisationName: 'Acme Support' });
    expect(named.subject).toBe('Rapport weekly for Acme Support: CSAT 91.2% (+1.4 pts) — week of 23 Nov');
    expect(named.text.split('\n')[0]).toBe('Rapport weekly for Acme Support');
    expect(named.html).toContain('>Rapport weekly for Acme Support</p>');
    expect(named.html).toContain('<title>Rapport weekly for Acme Support: CSAT 91.2%');
    // Without one, the digest goes by its own name only.
    const unnamed = render('en');
    expect(unnamed.text.split('\n')[0]).toBe('Rapport weekly');
    expect(unnamed.html).toContain('>Rapport weekly</p>');
    expect(unnamed.subject).not.toContain(' for ');
  });

  it.each([
    ['en', 'Rapport weekly for Acme d.o.o.: CSAT 91.2% (+1.4 pts) — week of 23 Nov'],
    ['sr', 'Rapport – недељни преглед за Acme d.o.o.: CSAT 91,2% (+1,4 п. п.) — недеља од 23. нов'],
    ['hr', 'Rapport – tjedni pregled za Acme d.o.o.: CSAT 91,2 % (+1,4 p. b.) — tjedan od 23. stu'],
    ['sl', 'Rapport – tedenski pregled za Acme d.o.o.: CSAT 91,2 % (+1,4 o. t.) — teden od 23. nov.'],
    ['ru', 'Rapport — обзор за неделю для Acme d.o.o.: CSAT 91,2 % (+1,4 п. п.) — неделя с 23 нояб.'],
  ])('names the organisation in %s', (locale, subject) => {
    const s = DIGEST_STRINGS[locale as (typeof LOCALES)[number]];
    const mail = render(locale, { ...CONTENT, organisationName: 'Acme d.o.o.' });
    expect(plain(mail.subject)).toBe(subject);
    expect(mail.html).toContain(`>${escapeHtml(s.titleFor('Acme d.o.o.'))}</p>`);
    expect(mail.text.startsWith(`${s.titleFor('Acme d.o.o.')}\n`)).toBe(true);
    // The digest's own name still leads, so a recipient filtering on it keeps finding it.
    expect(mail.subject.startsWith(s.title)).toBe(true);
    // Without a name: the same subject, less the name.
    const unnamed = render(locale);
    expect(plain(unnamed.subject)).toBe(subject.replace(/ (for|за|za|для) Acme d\.o\.o\./, ''));
  });

  it('escapes the organisation’s name in the HTML', () => {
    const mail = render('en', { ...CONTENT, organisationName: 'Tom & Jerry <Support>' });
    expect(mail.html).toContain('Rapport weekly for Tom &amp; Jerry &lt;Support&gt;');
    expect(mail.html).not.toContain('<Support>');
    expect(mail.subject).toContain('Tom & Jerry <Support>');
  });

  it('uses Serbian in Cyrillic and the languages’ decimal commas', () => {
    expect(render('sr').html).toContain('Главни показатељи');
    expect(render('sr').subject).toContain('91,2');
    expect(render('hr').text).toContain('91,2');
    expect(render('ru').html).toContain('Самые большие изменения CSAT');
  });

  it('falls back to English for a language Rapport does not speak', () => {
    expect(render('de').locale).toBe('en');
  });

  it.each(LOCALES)(
    'is email-safe in %s: no scripts, images, styles sheets or outside resources',
    (locale) => {
      const { html } = render(locale);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img|<link|<style|<iframe|<object|<form/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/src=|url\(/i);
      for (const href of hrefs(html)) expect(href!.startsWith(`${PUBLIC}/`)).toBe(true);
    },
  );

  it('escapes names and titles, which come from people', () => {
    const { html, text } = render('en');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Billing &amp; &lt;Claims&gt;');
    expect(html).toContain('Support &quot;A&quot;');
    // Plain text is text: shown as written.
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('links to the dashboard on the same days, the quarter’s objectives, overdue follow-ups and the action board', () => {
    const mail = render('en');
    expect(mail.links).toEqual({
      dashboard: `${PUBLIC}/reports?period=custom&from=2026-11-23&to=2026-11-29`,
      objectives: `${PUBLIC}/okrs?quarter=2026-Q4`,
      followUps: `${PUBLIC}/follow-ups?status=overdue`,
      actions: `${PUBLIC}/audits/actions`,
    });
    for (const url of Object.values(mail.links)) {
      expect(hrefs(mail.html)).toContain(escapeHtml(url));
      expect(mail.text).toContain(url);
    }
  });

  it('colours only a significant change on a sample that is not small', () => {
    const { html } = render('en');
    // CSAT up significantly: green tag; the team's significant fall: red; NPS not significant: muted words.
    expect(html).toMatch(/#dcfce7[^>]*>significant</);
    expect(html).toMatch(/#fee2e2[^>]*>significant</);
    const smallButSignificant = render('en', {
      ...CONTENT,
      tiles: [{ ...CONTENT.tiles[0]!, smallSample: true, n: 20 }],
      movers: [],
    });
    expect(smallButSignificant.html).not.toMatch(/#dcfce7[^>]*>significant</);
    expect(smallButSignificant.html).toContain('small sample');
  });

  it('says so when there is nothing to report', () => {
    const empty: DigestContent = {
      ...CONTENT,
      tiles: CONTENT.tiles.map((t) => tile({ metric: t.metric, unit: t.unit })),
      movers: [],
      objectives: { quarter: '2026-Q4', items: [] },
      followUps: { overdue: 0, oldest: [] },
      actions: { overdue: 0, oldest: [] },
    };
    for (const locale of LOCALES) {
      const mail = render(locale, empty);
      const s = DIGEST_STRINGS[locale];
      expect(mail.subject).toBe(s.subject(s.title, null, digestFormat(s.intl).shortDate('2026-11-23')));
      for (const text of [s.noMovers, s.noObjectives, s.noOverdueFollowUps, s.noOverdueActions, s.noData])
        expect(mail.text).toContain(text);
      // Nothing measured is "no data", not a small sample.
      expect(mail.text).not.toContain(`n = 0, ${s.smallSample}`);
      expect(mail.html).not.toContain(`>${escapeHtml(s.smallSample)}</span>`);
      expect(render(locale).html).toContain(`>${escapeHtml(s.smallSample)}</span>`);
    }
  });
});

/** Intl separates with no-break and thin spaces; the expectations are written with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('digestFormat', () => {
  it.each([
    ['en-GB', '91.2%', '+1.4', '88.0–93.6%', '23 Nov', '23 – 29 Nov 2026'],
    ['hr-HR', '91,2 %', '+1,4', '88,0–93,6 %', '23. stu', '23. – 29. stu 2026.'],
    ['ru-RU', '91,2 %', '+1,4', '88,0–93,6 %', '23 нояб.', '23–29 нояб. 2026 г.'],
  ])('%s', (tag, value, change, interval, short, range) => {
    const f = digestFormat(tag);
    expect(plain(f.value(91.23, 'percent'))).toBe(value);
    expect(plain(f.change(1.4, 'percent'))).toBe(change);
    expect(plain(f.interval([87.96, 93.6], 'percent'))).toBe(interval);
    expect(plain(f.shortDate('2026-11-23'))).toBe(short);
    expect(plain(f.dateRange('2026-11-23', '2026-11-29'))).toBe(range);
  });

  it('never shows a signed zero', () => {
    const f = digestFormat('en-GB');
    expect(f.change(-0.04, 'percent')).toBe('0.0');
    expect(f.roundsToZero(-0.04, 'percent')).toBe(true);
    expect(f.roundsToZero(0.05, 'percent')).toBe(false);
    expect(f.value(null, 'score')).toBe('—');
  });
});
