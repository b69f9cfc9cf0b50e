import type { KeyResultStatus, Locale, Tile } from '@rapport/contracts';
import { LOCALES } from '@rapport/contracts';
import type { DigestContent, DigestMover, DigestObjective } from './digest-content';
import { digestFormat, type DigestFormat } from './digest-format';
import { DIGEST_STRINGS, type DigestStrings } from './digest-strings';
import { emailDocument, FONT, MAIL_COLOURS } from './email-shell';
import { escapeHtml as esc } from './escape-html';

export interface DigestEmailInput {
  content: DigestContent;
  /** The recipient's language; anything Rapport does not speak falls back to English. */
  locale: string;
  recipientName: string;
  /** RAPPORT_PUBLIC_URL, without a trailing slash: the base of the links into the admin. */
  publicUrl: string;
}

/** Where the digest's links lead in the admin. */
export interface DigestLinks {
  dashboard: string;
  objectives: string;
  followUps: string;
  actions: string;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
  locale: Locale;
  links: DigestLinks;
}

const C = {
  ...MAIL_COLOURS,
  rule: '#e2e8f0',
  head: '#f8fafc',
  bar: '#1d4ed8',
  better: '#166534',
  betterBg: '#dcfce7',
  worse: '#991b1b',
  worseBg: '#fee2e2',
  warn: '#854d0e',
  warnBg: '#fef9c3',
  mark: '#6b21a8',
} as const;

function localeOf(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en';
}

/**
 * The admin pages a digest points to, filtered to what it reports: the dashboard on the same seven
 * days, this quarter's objectives, the overdue follow-ups and the action board.
 *
 * @example
 * digestLinks('https://rapport.example', content).dashboard // 'https://rapport.example/reports?period=custom&from=…&to=…'
 */
export function digestLinks(publicUrl: string, content: DigestContent): DigestLinks {
  const period = new URLSearchParams({ period: 'custom', from: content.period.from, to: content.period.to });
  return {
    dashboard: `${publicUrl}/reports?${period.toString()}`,
    objectives: `${publicUrl}/okrs?${new URLSearchParams({ quarter: content.objectives.quarter }).toString()}`,
    followUps: `${publicUrl}/follow-ups?status=overdue`,
    actions: `${publicUrl}/audits/actions`,
  };
}

/** `2026-Q4` in words of the language; anything else as it is. */
function quarterName(key: string, s: DigestStrings): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(key);
  return match ? s.quarter(Number(match[2]), Number(match[1])) : key;
}

/** A change in the metric's unit, with "pts" for rates. */
function changeText(change: number, unit: Tile['unit'], s: DigestStrings, f: DigestFormat): string {
  const number = f.change(change, unit);
  return unit === 'percent' ? s.points(number) : number;
}

type Tone = 'better' | 'worse' | 'neutral';

interface ChangeReading {
  /** The change with its unit, or why there is none. */
  amount: string | null;
  /** significant / not significant / not tested / nothing to compare / no data. */
  verdict: string;
  tone: Tone;
}

/**
 * What a tile says about the change: every headline metric reads higher-is-better; only a
 * significant change on a sample that is not small is coloured, as on the dashboard.
 */
function readTile(tile: Tile, s: DigestStrings, f: DigestFormat): ChangeReading {
  if (tile.change === null)
    return { amount: null, verdict: tile.n === 0 ? s.noData : s.noComparison, tone: 'neutral' };
  const amount = changeText(tile.change, tile.unit, s, f);
  if (tile.significant === null) return { amount, verdict: s.notTested, tone: 'neutral' };
  if (!tile.significant) return { amount, verdict: s.notSignificant, tone: 'neutral' };
  const tone: Tone =
    tile.smallSample || f.roundsToZero(tile.change, tile.unit)
      ? 'neutral'
      : tile.change > 0
        ? 'better'
        : 'worse';
  return { amount, verdict: s.significant, tone };
}

function readMover(m: DigestMover, s: DigestStrings, f: DigestFormat): ChangeReading {
  const amount = changeText(m.change, 'percent', s, f);
  if (!m.significant) return { amount, verdict: s.notSignificant, tone: 'neutral' };
  return {
    amount,
    verdict: s.significant,
    tone: m.smallSample ? 'neutral' : m.change > 0 ? 'better' : 'worse',
  };
}

function statusTone(status: KeyResultStatus | null): { fg: string; bg: string } {
  switch (status) {
    case 'achieved':
    case 'on_track':
      return { fg: C.better, bg: C.betterBg };
    case 'at_risk':
      return { fg: C.warn, bg: C.warnBg };
    case 'off_track':
      return { fg: C.worse, bg: C.worseBg };
    default:
      return { fg: C.muted, bg: C.head };
  }
}

// ---- HTML pieces -------------------------------------------------------------------------------

const cell = (content: string, extra = '') =>
  `<td valign="top" style="padding:8px 6px;border-bottom:1px solid ${C.rule};${FONT}font-size:14px;line-height:20px;color:${C.text};${extra}">${content}</td>`;

const headCell = (label: string, align: 'left' | 'right' = 'left') =>
  `<th scope="col" align="${align}" style="padding:6px;border-bottom:2px solid ${C.rule};background-color:${C.head};${FONT}font-size:12px;line-height:16px;font-weight:bold;color:${C.muted};text-align:${align};">${esc(label)}</th>`;

function table(columns: { label: string; align?: 'left' | 'right' }[], rows: string[]): string {
  return (
    `<table role="table" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px;">` +
    `<thead><tr>${columns.map((c) => headCell(c.label, c.align)).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function heading(text: string): string {
  return `<h2 style="margin:24px 0 8px;${FONT}font-size:18px;line-height:24px;font-weight:bold;color:${C.text};">${esc(text)}</h2>`;
}

function para(text: string, extra = ''): string {
  return `<p style="margin:0 0 12px;${FONT}font-size:15px;line-height:22px;color:${C.text};${extra}">${esc(text)}</p>`;
}

function note(text: string): string {
  return `<p style="margin:0 0 12px;${FONT}font-size:13px;line-height:18px;color:${C.muted};">${esc(text)}</p>`;
}

function link(url: string, label: string): string {
  return `<p style="margin:0 0 8px;${FONT}font-size:14px;line-height:20px;"><a href="${esc(url)}" target="_blank" style="color:${C.link};text-decoration:underline;">${esc(label)} →</a></p>`;
}

function tag(text: string, fg: string, bg: string): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:4px;background-color:${bg};color:${fg};font-size:12px;line-height:16px;font-weight:bold;white-space:nowrap;">${esc(text)}</span>`;
}

function changeHtml(r: ChangeReading): string {
  const colour = r.tone === 'better' ? C.better : r.tone === 'worse' ? C.worse : C.muted;
  const amount = r.amount
    ? `<span style="font-weight:bold;color:${r.tone === 'neutral' ? C.text : colour};white-space:nowrap;">${esc(r.amount)}</span><br>`
    : '';
  const verdict =
    r.tone === 'neutral'
      ? `<span style="font-size:12px;color:${C.muted};">${esc(r.verdict)}</span>`
      : tag(r.verdict, colour, r.tone === 'better' ? C.betterBg : C.worseBg);
  return amount + verdict;
}

function nHtml(n: number, small: boolean, s: DigestStrings, f: DigestFormat): string {
  const count = `<span style="white-space:nowrap;">n = ${esc(f.count(n))}</span>`;
  // Nothing measured is "no data", said in the change column, not a small sample.
  return small && n > 0 ? `${count}<br>${tag(s.smallSample, C.mark, '#f3e8ff')}` : count;
}

function tilesHtml(content: DigestContent, s: DigestStrings, f: DigestFormat): string {
  const rows = content.tiles.map((t) =>
    [
      '<tr>',
      cell(esc(s.metrics[t.metric as keyof DigestStrings['metrics']] ?? t.metric), 'font-weight:bold;'),
      cell(
        `<span style="font-size:16px;font-weight:bold;white-space:nowrap;">${esc(f.value(t.value, t.unit))}</span><br>${nHtml(t.n, t.smallSample, s, f)}`,
      ),
      cell(
        t.ci95 ? `<span style="white-space:nowrap;">${esc(f.interval(t.ci95, t.unit))}</span>` : '—',
        `color:${C.muted};`,
      ),
      cell(changeHtml(readTile(t, s, f))),
      '</tr>',
    ].join(''),
  );
  return table(
    [
      { label: s.columnMetric },
      { label: s.columnValue },
      { label: s.columnInterval },
      { label: s.columnChange },
    ],
    rows,
  );
}

function moversHtml(movers: DigestMover[], s: DigestStrings, f: DigestFormat): string {
  if (movers.length === 0) return para(s.noMovers, `color:${C.muted};`);
  const rows = movers.map((m) =>
    [
      '<tr>',
      cell(
        `<span style="font-size:12px;color:${C.muted};">${esc(m.kind === 'team' ? s.team : s.agent)}</span><br><strong>${esc(m.name)}</strong>`,
      ),
      cell(
        `<span style="font-weight:bold;white-space:nowrap;">${esc(f.value(m.value, 'percent'))}</span><br>${nHtml(m.n, m.smallSample, s, f)}`,
      ),
      cell(
        `<span style="white-space:nowrap;">${esc(f.value(m.previousValue, 'percent'))}</span><br><span style="white-space:nowrap;">n = ${esc(f.count(m.previousN))}</span>`,
        `color:${C.muted};`,
      ),
      cell(changeHtml(readMover(m, s, f))),
      '</tr>',
    ].join(''),
  );
  return table(
    [{ label: s.columnWho }, { label: 'CSAT' }, { label: s.columnBefore }, { label: s.columnChange }],
    rows,
  );
}

/** A progress bar of two table cells: email clients draw background colours, not CSS gradients or images. */
function barHtml(share: number): string {
  const filled = Math.round(Math.min(Math.max(share, 0), 1) * 100);
  const part = (width: number, colour: string) =>
    width > 0
      ? `<td width="${width}%" height="8" bgcolor="${colour}" style="width:${width}%;height:8px;background-color:${colour};font-size:0;line-height:0;">&nbsp;</td>`
      : '';
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;max-width:160px;margin-top:4px;"><tr>` +
    part(filled, C.bar) +
    part(100 - filled, C.rule) +
    `</tr></table>`
  );
}

function objectivesHtml(items: DigestObjective[], s: DigestStrings, f: DigestFormat): string {
  if (items.length === 0) return para(s.noObjectives, `color:${C.muted};`);
  const rows = items.map((o) => {
    const tone = statusTone(o.status);
    const progress =
      o.progress === null
        ? `<span style="color:${C.muted};">—</span>`
        : `<strong>${esc(f.progress(o.progress))}</strong>${barHtml(o.progress)}`;
    return [
      '<tr>',
      cell(
        `<strong>${esc(o.title)}</strong><br><span style="font-size:12px;color:${C.muted};">${esc(o.teamName ?? s.wholeOrganisation)}</span>`,
      ),
      cell(progress, 'width:30%;'),
      cell(tag(o.status ? s.status[o.status] : s.noStatus, tone.fg, tone.bg)),
      '</tr>',
    ].join('');
  });
  return table([{ label: s.columnObjective }, { label: s.columnProgress }, { label: s.columnStatus }], rows);
}

function overdueHtml(
  first: string,
  rows: { first: string; team: string | null; owner: string | null; due: string }[],
  s: DigestStrings,
): string {
  return (
    note(s.longestOverdueFirst) +
    table(
      [{ label: first }, { label: s.columnTeam }, { label: s.columnOwner }, { label: s.columnDue }],
      rows.map((r) =>
        [
          '<tr>',
          cell(`<strong>${esc(r.first)}</strong>`),
          cell(esc(r.team ?? '—')),
          cell(r.owner ? esc(r.owner) : `<span style="color:${C.muted};">${esc(s.unassigned)}</span>`),
          cell(`<span style="white-space:nowrap;color:${C.worse};">${esc(r.due)}</span>`),
          '</tr>',
        ].join(''),
      ),
    )
  );
}

// ---- plain text --------------------------------------------------------------------------------

function tileLine(t: Tile, s: DigestStrings, f: DigestFormat): string {
  const r = readTile(t, s, f);
  const name = s.metrics[t.metric as keyof DigestStrings['metrics']] ?? t.metric;
  const facts = [
    `n = ${f.count(t.n)}`,
    ...(t.ci95 ? [`${s.columnInterval.toLocaleLowerCase(s.intl)} ${f.interval(t.ci95, t.unit)}`] : []),
  ];
  if (t.smallSample && t.n > 0) facts.push(s.smallSample);
  const change = r.amount ? `${r.amount}, ${r.verdict}` : r.verdict;
  return `- ${name}: ${f.value(t.value, t.unit)} (${facts.join(', ')}) — ${change}`;
}

function moverLine(m: DigestMover, s: DigestStrings, f: DigestFormat): string {
  const r = readMover(m, s, f);
  const small = m.smallSample ? `, ${s.smallSample}` : '';
  return (
    `- ${m.kind === 'team' ? s.team : s.agent} ${m.name}: ${f.value(m.value, 'percent')} (n = ${f.count(m.n)}${small}); ` +
    `${s.columnBefore.toLocaleLowerCase(s.intl)} ${f.value(m.previousValue, 'percent')} (n = ${f.count(m.previousN)}) — ${r.amount}, ${r.verdict}`
  );
}

/**
 * The weekly digest for one recipient, in their language: a subject with the organisation's name
 * (when it has one), the week's CSAT and its change, an HTML part (tables and inline styles only — no scripts, no images, no external
 * resources — so Gmail and Outlook show it as sent) and a plain-text part with the same figures
 * and links. Every interpolated value is escaped.
 *
 * @example
 * // content.organisationName: 'Acme'
 * const mail = renderDigestEmail({ content, locale: 'sr', recipientName: 'Ана', publicUrl: 'https://rapport.example' });
 * mail.subject // 'Rapport – недељни преглед за Acme: CSAT 91,2% (+1,4 п. п.) — недеља од 23. нов'
 */
export function renderDigestEmail(input: DigestEmailInput): RenderedDigest {
  const locale = localeOf(input.locale);
  const s = DIGEST_STRINGS[locale];
  const f = digestFormat(s.intl);
  const { content } = input;
  const links = digestLinks(input.publicUrl, content);
  const name = input.recipientName.replace(/\s+/g, ' ').trim();

  const csat = content.tiles.find((t) => t.metric === 'csat');
  const headline =
    csat && csat.value !== null
      ? `CSAT ${f.value(csat.value, csat.unit)}${csat.change === null ? '' : ` (${changeText(csat.change, csat.unit, s, f)})`}`
      : null;
  const title = content.organisationName ? s.titleFor(content.organisationName) : s.title;
  const subject = s.subject(title, headline, f.shortDate(content.period.from));
  const period = f.dateRange(content.period.from, content.period.to);
  const previous = f.dateRange(content.previous.from, content.previous.to);
  const intro = s.intro(period, previous);
  const quarter = quarterName(content.objectives.quarter, s);

  const followUps = content.followUps.oldest.map((x) => ({
    first: x.ticket,
    team: x.teamName,
    owner: x.ownerName,
    due: f.dateAt(x.dueAt, content.period.timeZone),
  }));
  const actions = content.actions.oldest.map((x) => ({
    first: x.title,
    team: x.teamName,
    owner: x.ownerName,
    due: f.date(x.dueOn),
  }));
  const overdueLine = (r: { first: string; team: string | null; owner: string | null; due: string }) =>
    `- ${r.first} · ${r.team ?? '—'} · ${r.owner ?? s.unassigned} · ${s.columnDue.toLocaleLowerCase(s.intl)} ${r.due}`;

  const text = [
    title,
    period,
    '',
    s.greeting(name),
    '',
    intro,
    '',
    s.headlineHeading.toLocaleUpperCase(s.intl),
    ...content.tiles.map((t) => tileLine(t, s, f)),
    '',
    s.legend,
    '',
    s.moversHeading.toLocaleUpperCase(s.intl),
    s.moversIntro,
    ...(content.movers.length ? content.movers.map((m) => moverLine(m, s, f)) : [s.noMovers]),
    '',
    `${s.openDashboard}: ${links.dashboard}`,
    '',
    s.objectivesHeading(quarter).toLocaleUpperCase(s.intl),
    ...(content.objectives.items.length
      ? content.objectives.items.map(
          (o) =>
            `- ${o.title} (${o.teamName ?? s.wholeOrganisation}): ${o.progress === null ? '' : `${f.progress(o.progress)}, `}${o.status ? s.status[o.status] : s.noStatus}`,
        )
      : [s.noObjectives]),
    `${s.openObjectives}: ${links.objectives}`,
    '',
    s.followUpsHeading(f.count(content.followUps.overdue)).toLocaleUpperCase(s.intl),
    ...(followUps.length ? [s.longestOverdueFirst, ...followUps.map(overdueLine)] : [s.noOverdueFollowUps]),
    `${s.openFollowUps}: ${links.followUps}`,
    '',
    s.actionsHeading(f.count(content.actions.overdue)).toLocaleUpperCase(s.intl),
    ...(actions.length ? [s.longestOverdueFirst, ...actions.map(overdueLine)] : [s.noOverdueActions]),
    `${s.openActions}: ${links.actions}`,
    '',
    '—',
    s.whyReceived,
    '',
  ].join('\n');

  const html = emailDocument({
    locale,
    dir: s.dir,
    subject,
    preheader: s.preheader,
    width: 640,
    card: `<tr><td style="padding:24px 16px 8px;">
<p style="margin:0 0 4px;${FONT}font-size:13px;line-height:18px;font-weight:bold;letter-spacing:0.04em;color:${C.link};">${esc(title)}</p>
<h1 style="margin:0 0 16px;${FONT}font-size:22px;line-height:28px;font-weight:bold;color:${C.text};">${esc(period)}</h1>
${para(s.greeting(name))}
${para(intro)}
${heading(s.headlineHeading)}
${tilesHtml(content, s, f)}
${note(s.legend)}
${heading(s.moversHeading)}
${note(s.moversIntro)}
${moversHtml(content.movers, s, f)}
${link(links.dashboard, s.openDashboard)}
${heading(s.objectivesHeading(quarter))}
${objectivesHtml(content.objectives.items, s, f)}
${link(links.objectives, s.openObjectives)}
${heading(s.followUpsHeading(f.count(content.followUps.overdue)))}
${followUps.length ? overdueHtml(s.columnTicket, followUps, s) : para(s.noOverdueFollowUps, `color:${C.muted};`)}
${link(links.followUps, s.openFollowUps)}
${heading(s.actionsHeading(f.count(content.actions.overdue)))}
${actions.length ? overdueHtml(s.columnAction, actions, s) : para(s.noOverdueActions, `color:${C.muted};`)}
${link(links.actions, s.openActions)}
</td></tr>`,
    footer: `<p style="margin:0;">${esc(s.whyReceived)}</p>`,
  });

  return { subject, html, text, locale, links };
}
