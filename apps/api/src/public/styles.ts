/**
 * The pages' only stylesheet, inlined (no external requests) and allowed by its hash in the
 * Content-Security-Policy. Colours meet WCAG AA: text ≥ 4.5:1, borders of controls ≥ 3:1, in
 * light and dark schemes. A selected scale point is marked by a thicker border and bold number,
 * not by colour alone.
 *
 * @example
 * <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
 */
export const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#4b5563;--bg:#f3f4f6;--card:#fff;--line:#6b7280;--accent:#1d4ed8;--on-accent:#fff;--accent-bg:#e8eefc;--error:#b42318;--ok-bg:#e7f6ec;--ok:#14532d;--warn-bg:#fdecea;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#eceff3;--muted:#b6bcc6;--bg:#0f1216;--card:#1b2027;--line:#8b93a1;--accent:#8ab4ff;--on-accent:#0b1220;--accent-bg:#1f2c47;--error:#ff9b8f;--ok-bg:#17301f;--ok:#a7f3c0;--warn-bg:#3a1d1b}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;-webkit-text-size-adjust:100%}
main{max-width:40rem;margin:0 auto;padding:.5rem}
.card{background:var(--card);border-radius:.75rem;padding:1rem;margin:.5rem 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
@media (min-width:30rem){main{padding:1.5rem 1rem}.card{padding:1.5rem 2rem}}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .5rem}
p{margin:.5rem 0}
.lead{color:var(--muted)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible,input:focus-visible+.box{outline:3px solid var(--accent);outline-offset:2px}
fieldset{border:0;margin:1.75rem 0 0;padding:0;min-width:0}
legend{font-weight:600;font-size:1.0625rem;line-height:1.35;padding:0;margin-bottom:.625rem}
.opt{font-weight:400;color:var(--muted);font-size:.875rem;white-space:nowrap}
.hint{color:var(--muted);font-size:.875rem;margin:-.375rem 0 .375rem}
.scale{display:flex;gap:.375rem;margin:0;padding:0}
.scale.wide{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.5rem,1fr))}
.tile{flex:1 1 0;position:relative;min-width:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tile input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.box{display:flex;flex-direction:column;align-items:center;gap:.125rem;min-height:2.75rem;padding:.5rem .125rem;border:2px solid var(--line);border-radius:.5rem;text-align:center}
.face{display:block;width:1.75rem;height:1.75rem}
.box small{font-size:.75rem;line-height:1.2;color:var(--muted)}
.tile:hover .box,.choice:hover{border-color:var(--accent)}
input:checked+.box{border-color:var(--accent);background:var(--accent-bg);box-shadow:inset 0 0 0 2px var(--accent);font-weight:700;color:var(--accent)}
input:checked+.box small{color:var(--fg)}
.choice:has(input:checked){border-color:var(--accent);background:var(--accent-bg)}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.8125rem;color:var(--muted);margin-top:.25rem}
.ends span:last-child{text-align:right}
.ends.narrow{display:none}
@media (max-width:27rem){.words small{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.ends.narrow{display:flex}}
.choices.row{display:flex;gap:.5rem}
.choices.row .choice{flex:1}
.choice{display:flex;gap:.625rem;align-items:flex-start;padding:.625rem .75rem;margin-top:.375rem;border:1px solid var(--line);border-radius:.5rem;cursor:pointer}
.choices.row .choice{margin-top:0}
.choice input{flex:none;width:1.25rem;height:1.25rem;margin:.125rem 0 0;accent-color:var(--accent)}
textarea{display:block;width:100%;min-height:6.5rem;padding:.5rem .625rem;font:inherit;color:inherit;background:var(--card);border:1px solid var(--line);border-radius:.5rem;resize:vertical}
.btn{display:inline-block;min-height:2.75rem;margin-top:1.75rem;padding:.625rem 1.75rem;font:inherit;font-weight:600;color:var(--on-accent);background:var(--accent);border:0;border-radius:.5rem;cursor:pointer;text-decoration:none}
.invalid{border-left:4px solid var(--error);padding-left:.75rem}
.error{color:var(--error);font-weight:600;margin:.25rem 0 .5rem}
.summary{border:2px solid var(--error);border-radius:.5rem;padding:.5rem .75rem;margin-top:1rem}
.summary ul{margin:.25rem 0;padding-left:1.25rem}
.status:not(:empty){background:var(--ok-bg);color:var(--ok);border-radius:.5rem;padding:.5rem .75rem;margin-top:1rem}
.status.warn:not(:empty){background:var(--warn-bg);color:var(--error)}
.foot{text-align:center;font-size:.875rem;color:var(--muted);margin:1rem 0}
`.trim();
