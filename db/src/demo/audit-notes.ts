/**
 * What a demo auditor writes beside an answer, per item of the shipped checklist and scorecard
 * (`AUDIT_TEMPLATE_LIBRARY` in @rapport/contracts), and what a team writes when it closes an
 * action. English only, like the rest of the demo's free text (ticket subjects, comments).
 */
export interface ItemNotes {
  /** A fail, or a rating below half the scale: the product requires a note saying what was found. */
  fail: readonly string[];
  /** A rating above half but short of the top. */
  partial?: readonly string[];
  /** A pass or top rating, noted now and then as evidence. */
  pass?: readonly string[];
  /** Why the item did not apply this quarter. */
  na?: readonly string[];
  /** Closing note of the corrective action opened from a fail. */
  closing?: readonly string[];
}

export const CHECKLIST_NOTES: Readonly<Record<string, ItemNotes>> = {
  contact_channels: {
    fail: [
      'The contact page moved in the website redesign; the help menu in the app still links to the old, empty page.',
      'Phone number missing from the mobile app; customers can only find email from inside the product.',
    ],
    pass: ['Footer and help menu list email, phone and chat; checked on desktop and mobile.'],
    closing: ['Help menu link fixed and checked on web and mobile; added to the release checklist.'],
  },
  hours_published: {
    fail: [
      'Chat widget shows no hours and no time zone; the out-of-hours auto-reply still promises an answer "today".',
      'Holiday closures were not announced: two customers waited over the long weekend without notice.',
    ],
    pass: ['Hours with CET and holiday closures shown next to every channel; auto-reply checked.'],
    closing: ['Hours and time zone added to the chat widget; the auto-reply now names the next opening.'],
  },
  response_targets: {
    fail: [
      'No written target for phone; email missed the 4-hour target in most weeks of the quarter.',
      'Targets exist only for email; chat and phone are not measured against anything.',
    ],
    partial: [
      'Email met its target; chat slipped during the busiest two weeks of the quarter.',
      'Targets defined for every channel, met on chat and phone, email a little short of 90%.',
      'Met overall, but Monday mornings regularly break the email target.',
    ],
    pass: ['Every channel has a written target and met it this quarter.'],
    closing: [
      'Targets written for every channel and added to the team dashboard; rota changed for Monday mornings.',
    ],
  },
  wait_time_told: {
    fail: [
      'Email auto-reply says only "we received your message", with no expected wait.',
      'Phone queue plays music without announcing the expected wait.',
    ],
    pass: ['Auto-reply and phone queue both state the expected wait.'],
    closing: ['Auto-reply now states the expected wait; the phone queue announces its position.'],
  },
  faq_reviewed: {
    fail: [
      'FAQ last reviewed two quarters ago; three canned answers still describe the old pricing.',
      'Canned answers for refunds contradict the refund policy updated this quarter.',
    ],
    pass: ['FAQ and canned answers reviewed in the quarter; review log kept in the team wiki.'],
    closing: ['FAQ and canned answers reviewed line by line; outdated ones rewritten or removed.'],
  },
  product_training: {
    fail: ['No product training this quarter although two releases changed the billing screens.'],
    pass: ['Training held on the new release; attendance recorded.'],
    na: ['No product release this quarter; next training is scheduled with the upcoming release.'],
    closing: ['Training on the two releases held; recording shared with those who missed it.'],
  },
  escalation_paths: {
    fail: [
      'Escalation to engineering is handled by asking in chat; nothing is written down.',
      'Escalation page lists a manager who left the company.',
    ],
    pass: ['Escalation paths documented with named contacts and response times.'],
    closing: ['Escalation paths written down with named contacts; checked by the engineering lead.'],
  },
  negative_follow_up: {
    fail: [
      'Several unhappy customers were never contacted: follow-ups sat unassigned while the lead was on leave.',
      'Most negative surveys were followed up a week or more late; no note of what was done.',
    ],
    partial: [
      'Most negative surveys followed up within a day; a handful took longer during the holidays.',
      'Follow-ups made, but a few were closed without a note of what was done.',
    ],
    pass: ['Every negative survey followed up within target, each with a note.'],
    closing: [
      'A deputy now owns follow-ups when the lead is away; backlog cleared and each customer called.',
    ],
  },
  top_reasons_reviewed: {
    fail: [
      'Top reasons for dissatisfaction were not discussed this quarter.',
      'Top reasons looked at, but nobody was given an action for the largest one.',
    ],
    pass: ['Top three reasons reviewed in the team meeting, each with an owner.'],
    closing: ['Top reasons reviewed in the team meeting; an owner named for each of the top three.'],
  },
  callbacks_made: {
    fail: ['Two promised callbacks were not made; the customers wrote in again.'],
    pass: ['Every promised callback made, checked against the callback list.'],
    na: ['No callbacks were promised this quarter.'],
    closing: ['Callbacks now tracked as tasks with a due time; missed ones called back with an apology.'],
  },
  social_media: {
    fail: [
      'A complaint on social media went unanswered for four days.',
      'An agent argued with a customer in a public reply; the post was later removed.',
    ],
    pass: ['Mentions monitored daily and answered by policy.'],
    na: ['The team does not own a social-media channel; mentions go to the marketing team.'],
    closing: ['Monitoring rota set up and the social-media policy reviewed with the whole team.'],
  },
  okrs_reviewed: {
    fail: ['Last quarter\u2019s OKRs were not reviewed; nobody knows whether the targets were met.'],
    pass: ['Last quarter\u2019s OKRs reviewed with the team; results recorded.'],
    na: ['First quarter with OKRs: there were none to review.'],
    closing: ['OKR review held and the results written up for the team.'],
  },
  okrs_set: {
    fail: ['No objectives set for this quarter yet.', 'Objectives set, but without baselines or targets.'],
    pass: ['Two objectives set with measurable key results, baselines and targets.'],
    closing: ['Objectives for the quarter agreed, each with a baseline and a target.'],
  },
};

export const SCORECARD_NOTES: Readonly<Record<string, ItemNotes>> = {
  greeting: {
    fail: ['No greeting and no name: the reply opens straight with a link.'],
    partial: ['Greeted, but with a generic template that misspells the customer\u2019s name.'],
    pass: ['Warm greeting using the customer\u2019s name.'],
  },
  listened_restated: {
    fail: ['Answered a different question from the one asked; the customer had to explain again.'],
    partial: ['Understood the problem but did not confirm it back to the customer.'],
    pass: ['Restated the problem in one sentence before answering.'],
  },
  expectations_set: {
    fail: ['No timeline given; the customer asked twice when to expect a fix.'],
    partial: ['Said "soon" instead of giving a date.'],
    pass: ['Gave a clear timeline and kept to it.'],
  },
  kept_informed: {
    fail: ['Three days of silence while the ticket waited on engineering.'],
    partial: ['Updated the customer once, late.'],
    pass: ['Updated the customer at every step, unprompted.'],
  },
  calm_respectful: {
    fail: [
      'Sarcastic reply ("as I already explained twice") to a frustrated customer.',
      'Blamed the customer for "not reading the instructions" in a curt reply.',
    ],
    pass: ['Stayed calm and polite with an upset customer.'],
  },
  accurate_info: {
    fail: [
      'Told the customer the refund would arrive within 24 hours; the policy is 5\u201310 business days.',
      'Gave wrong steps for the old version of the app; the customer lost their settings.',
    ],
    partial: ['Correct answer, but linked an outdated help article.'],
    pass: ['Accurate answer with the right help article.'],
  },
  ownership: {
    fail: ['Passed the customer to another team without a handover; blamed "the billing system".'],
    partial: ['Took ownership, but asked the customer to contact another team themselves.'],
    pass: ['Owned the ticket to the end, including the handover to engineering.'],
  },
  confirmed_solved: {
    fail: ['Closed the ticket without checking that the fix worked; the customer reopened it.'],
    partial: ['Asked whether it worked, but closed before the customer answered.'],
    pass: ['Confirmed with the customer that the problem was solved before closing.'],
  },
  above_beyond: {
    fail: ['Fixed the symptom only; no explanation of the cause or how to avoid it.'],
    partial: ['Explained the cause but offered no way to prevent it.'],
    pass: ['Explained the cause and shared a tip to avoid it next time.'],
    na: ['Simple address change: nothing more to offer.'],
  },
};

/** Closing note for an action whose item has none of its own (e.g. a review's critical item). */
export const GENERIC_CLOSING: readonly string[] = [
  'Discussed in a one-to-one coaching session; the next reviews will check it again.',
  'Fixed and checked by the team lead; noted in the team meeting.',
];
