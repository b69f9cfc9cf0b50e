/**
 * The condition rule of `isShown` (packages/contracts/src/answers.ts) in browser JavaScript, so the
 * page shows follow-up questions as the answers change. Kept apart so a test can run it against
 * `isShown` on the same cases.
 *
 * @example
 * const shown = new Function(`${CONDITION_SCRIPT}; return shown;`)(); // shown(condition, answers)
 */
export const CONDITION_SCRIPT = `
function holds(c, a) {
  var g = a[c.questionId];
  if (g === undefined) return false;
  switch (c.op) {
    case 'lte': return typeof g === 'number' && typeof c.value === 'number' && g <= c.value;
    case 'gte': return typeof g === 'number' && typeof c.value === 'number' && g >= c.value;
    case 'eq': return g === c.value;
    case 'neq': return g !== c.value;
    case 'includes': return Array.isArray(g) ? g.indexOf(String(c.value)) >= 0 : g === c.value;
  }
  return false;
}
function shown(cond, a) {
  if (!cond) return true;
  return cond.match === 'all'
    ? cond.clauses.every(function (c) { return holds(c, a); })
    : cond.clauses.some(function (c) { return holds(c, a); });
}
`;

/**
 * The survey page's only script (progressive enhancement: the page works without it).
 *
 * - On load, when the email's rating link brought a score, it posts that score at once, so one
 *   click counts for a person who closes the tab. It marks the post `load` when the tab is
 *   visible: link scanners fetch without running scripts, so a script in a visible page is a
 *   person's browser (bot-signals). A later change with a real pointer or key event, or the Send
 *   button, carries the stronger marker and clears a wrong flag (see submitResponse).
 * - Shows and hides follow-up questions with the same rule as the server (`shown` above), disables
 *   hidden ones so they are not submitted, and tells the server which were displayed (`_shown`).
 * - Saves a changed rating (debounced), so what the page shows is what is stored.
 *
 * @example
 * <script dangerouslySetInnerHTML={{ __html: SURVEY_SCRIPT }} />
 */
export const SURVEY_SCRIPT = `(function () {
${CONDITION_SCRIPT}
  var form = document.getElementById('survey');
  if (!form || !window.fetch || !window.JSON) return;
  var d = form.dataset, status = document.getElementById('status');
  var displayed = form.querySelector('input[name="_shown"]');
  var sets = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-q]'));
  var person = false, timer = 0;
  ['pointerdown', 'keydown', 'touchstart'].forEach(function (t) {
    window.addEventListener(t, function () { person = true; }, { capture: true, passive: true });
  });
  function valueOf(fs) {
    var inputs = Array.prototype.slice.call(fs.querySelectorAll('input, textarea'));
    var type = fs.dataset.type;
    if (type === 'text') { var t = inputs[0] ? inputs[0].value.trim() : ''; return t || undefined; }
    var on = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    if (type === 'multi_choice') return on.length ? on : undefined;
    if (!on.length) return undefined;
    if (type === 'yes_no') return on[0] === 'yes';
    if (type === 'single_choice') return on[0];
    return Number(on[0]);
  }
  function refresh() {
    var answers = {}, ids = [];
    sets.forEach(function (fs) {
      var visible = shown(fs.dataset.showIf ? JSON.parse(fs.dataset.showIf) : null, answers);
      fs.hidden = !visible;
      fs.disabled = !visible;
      if (!visible) return;
      ids.push(fs.dataset.q);
      var v = valueOf(fs);
      if (v !== undefined) answers[fs.dataset.q] = v;
    });
    if (displayed) displayed.value = ids.join(' ');
  }
  function save(score, interaction) {
    var answers = {};
    answers[d.scale] = score;
    fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers: answers, partial: true, interaction: interaction })
    }).then(function (r) { tell(r.ok); }, function () { tell(false); });
  }
  function tell(ok) {
    status.textContent = ok ? d.saved : d.failed;
    status.className = ok ? 'status' : 'status warn';
  }
  form.addEventListener('change', function (e) {
    refresh();
    var target = e.target;
    if (d.scale && target && target.name === d.scale && target.checked) {
      clearTimeout(timer);
      timer = setTimeout(function () { save(Number(target.value), person ? 'js' : null); }, 400);
    }
  });
  refresh();
  if (d.scale && d.preselected) save(Number(d.preselected), document.visibilityState === 'visible' ? 'load' : null);
})();`;
