export type Interaction = 'js' | 'button' | 'load' | null;

/** User agents of link scanners and previewers that open (and sometimes submit) survey links. */
const SCANNER_UA =
  /bot\b|crawler|spider|preview|scanner|safelinks|proofpoint|mimecast|barracuda|urldefense|fortiguard|trendmicro|symantec|googleimageproxy|microsoft office|ms-office|outlook-ios|headlesschrome|phantomjs|python-requests|curl\/|wget\//i;

/** Answers sooner than this after the email left are faster than people read. */
export const TOO_FAST_MS = 10_000;

export interface AnswerContext {
  userAgent: string | null;
  sentAt: Date | null;
  now: Date;
  /**
   * How a person showed themselves: `js` — the page's script saw a pointer or key event; `button` —
   * the Send button was pressed; `load` — the page's script ran in a visible tab (the one-click
   * rating, posted as the page opens). Link scanners fetch links without running scripts.
   */
  interaction: Interaction;
}

/**
 * Why an answer looks like a machine's, if it does. One signal alone (a fast answer, or no
 * interaction marker) is weak; a scanner's user agent, or fast with no interaction, flags it.
 *
 * @example
 * botSignals({ userAgent: 'Mozilla/5.0 … Safelinks', sentAt, now, interaction: null }) // ['scanner_user_agent', 'no_interaction']
 */
export function botSignals(ctx: AnswerContext): { suspected: boolean; evidence: string[] } {
  const evidence: string[] = [];
  if (!ctx.userAgent || SCANNER_UA.test(ctx.userAgent)) evidence.push('scanner_user_agent');
  if (ctx.sentAt && ctx.now.getTime() - ctx.sentAt.getTime() < TOO_FAST_MS)
    evidence.push('answered_within_seconds');
  if (!ctx.interaction) evidence.push('no_interaction');
  const suspected =
    evidence.includes('scanner_user_agent') ||
    (evidence.includes('answered_within_seconds') && evidence.includes('no_interaction'));
  return { suspected, evidence };
}
