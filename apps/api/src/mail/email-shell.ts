import { escapeHtml as esc } from './escape-html';

/** The colours every email shares (slate page, white card, blue links: contrast ≥ 4.5:1 on white). */
export const MAIL_COLOURS = {
  page: '#f1f5f9',
  card: '#ffffff',
  text: '#1e293b',
  muted: '#475569',
  link: '#1d4ed8',
} as const;

/** Inline on every text element: many clients drop <style> and inherit nothing from <body>. */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';

export interface EmailShell {
  locale: string;
  /** 'ltr' or 'rtl'. */
  dir: string;
  subject: string;
  /** The hidden line an inbox shows after the subject. */
  preheader: string;
  /** The card's maximum width in pixels (Outlook gets a fixed table of that width). */
  width: number;
  /** The card's rows: `<tr><td>…</td></tr>` markup. */
  card: string;
  /** The small print under the card, inside one muted cell. */
  footer: string;
}

/**
 * The document around every email's content: the language on <html> and again on a wrapper (some
 * webmail clients drop <html>), a hidden preheader, a centred card of at most `width` pixels
 * (tables, with a fixed-width table for Outlook), and the small print under it.
 */
export function emailDocument(e: EmailShell): string {
  const C = MAIL_COLOURS;
  const lang = `lang="${esc(e.locale)}" dir="${e.dir}"`;
  return `<!DOCTYPE html>
<html ${lang} xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${esc(e.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${C.page};">
<div ${lang} style="background-color:${C.page};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${esc(e.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${C.page}" style="background-color:${C.page};">
<tr><td align="center" style="padding:16px 4px;">
<!--[if mso]><table role="presentation" align="center" width="${e.width}" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${C.card}" style="max-width:${e.width}px;background-color:${C.card};border-radius:8px;">
${e.card}
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:${e.width}px;">
<tr><td style="padding:16px;${FONT}font-size:13px;line-height:20px;color:${C.muted};">
${e.footer}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</div>
</body>
</html>
`;
}
