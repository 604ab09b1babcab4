// The detail of one delivery: what was sent, what came back, every attempt, and the signature
// verdict with its reason, so a failure shows why right where it is looked at.

import { api } from './api.js';
import { clock, h, millis, notify, statusText, verdictKind } from './dom.js';
import { renderBody } from './body.js';
import { copyMenu } from './copy.js';

const MASK = '[redacted by hookctl]';

let panel;
let hooks = { close: () => {}, open: () => {}, replay: () => {} };
let current = null; // the record shown
let seq = 0; // drops answers to a detail the user has already moved past

export function init(h0) {
  hooks = { ...hooks, ...h0 };
  panel = document.getElementById('detail');
}

export function shown() {
  return current;
}

export async function open(id) {
  const mine = ++seq;
  panel.hidden = false;
  panel.setAttribute('aria-busy', 'true');
  let rec;
  const t0 = performance.now();
  try {
    // The verdict runs the verify core on the server and the attempts are a query of their own:
    // asked together, and the detail never waits on a failure of either.
    const [r, verdict, attempts] = await Promise.all([
      api.delivery(id),
      api.signature(id).catch((e) => ({ error: e.message })),
      api.attempts(id).catch(() => []),
    ]);
    rec = { ...r, verdict, attempts };
  } catch (e) {
    panel.removeAttribute('aria-busy');
    notify(`opening ${id} failed: ${e.message}`);
    return;
  }
  if (mine !== seq) return;
  const t1 = performance.now();
  render(rec);
  const t2 = performance.now();
  // Read back by bench/console-browser.sh: the time to build this view, and until the frame
  // that shows it has been painted (a task queued from the next animation frame runs after it).
  panel.dataset.fetchMs = (t1 - t0).toFixed(1);
  panel.dataset.renderMs = (t2 - t1).toFixed(1);
  delete panel.dataset.paintMs;
  requestAnimationFrame(() => setTimeout(() => {
    if (mine === seq) panel.dataset.paintMs = (performance.now() - t1).toFixed(1);
  }));
  panel.removeAttribute('aria-busy');
}

export function close() {
  if (panel.hidden) return false;
  seq++;
  panel.hidden = true;
  panel.replaceChildren();
  current = null;
  hooks.close();
  return true;
}

function render(rec) {
  current = rec;
  const req = rec.request || {};
  const attemptsOf = rec.attempts || [];
  // replaceChildren takes nodes, not arrays: flatten the optional parts and drop the absent ones.
  panel.replaceChildren(...[
    h('div', { class: 'detail-head' },
      h('h2', { id: 'detail-title' }, rec.event_type || `${req.method || ''} delivery`),
      h('span', { class: `st-${rec.status}` }, rec.status),
      h('span', { class: 'muted' }, rec.source),
      h('span', { class: 'grow' }),
      h('button', { type: 'button', class: 'ghost', 'aria-label': 'Close detail (Esc)', onclick: () => close() }, '✕')),
    h('div', { class: 'detail-head' },
      h('span', { class: 'id' }, rec.id),
      h('span', { class: 'muted', title: rec.created_at }, `${clock(rec.created_at)} · attempt ${rec.attempt ?? 1}`),
      links(rec)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'detail-replay', onclick: () => hooks.replay(rec, false) }, 'Replay…'),
      h('button', { type: 'button', id: 'detail-edit', onclick: () => hooks.replay(rec, true) }, 'Edit and replay…'),
      copyMenu(rec)),
    h('h3', {}, 'Signature'),
    verdictView(rec.verdict),
    h('h3', {}, 'Request'),
    h('p', { class: 'reqline' }, `${req.method || ''} ${req.url || rec.target || ''}`),
    headersTable(rec, req.headers, 'request'),
    renderBody(req, req.headers),
    h('h3', {}, 'Answer'),
    answerView(rec),
    attemptsOf.length > 1 ? [h('h3', {}, `Attempts (${attemptsOf.length})`), attemptsView(rec, attemptsOf)] : null,
  ].flat().filter(Boolean));
  panel.setAttribute('aria-labelledby', 'detail-title');
}

function links(rec) {
  const out = [];
  for (const [field, label] of [['replay_of', 'replay of'], ['retry_of', 'retry of']]) {
    if (rec[field]) {
      out.push(h('span', { class: 'muted' }, `${label} `,
        h('button', { type: 'button', class: 'link mono', onclick: () => hooks.open(rec[field]) }, rec[field])));
    }
  }
  if (rec.tunnel) out.push(h('span', { class: 'muted' }, `tunnel ${rec.tunnel}`));
  return out;
}

/** The verify core's verdict: the line, the reason, what it read, and what is likely wrong. */
function verdictView(v) {
  if (!v || v.error) {
    return h('div', { class: 'verdict', id: 'verdict' }, `The signature could not be checked: ${v?.error || 'no answer'}`);
  }
  const kind = verdictKind(v);
  if (kind === 'none') return h('div', { class: 'verdict', id: 'verdict', 'data-reason': '' }, v.detail);
  const cls = kind === 'unknown' ? '' : kind;
  const who = v.name || v.provider || 'signature';
  return h('div', { class: `verdict ${cls}`, id: 'verdict', 'data-reason': v.reason || '' },
    h('div', { class: 'line' }, v.valid ? `✓ ${who} signature is valid` : `✗ ${who} signature is invalid`,
      v.reason && !v.valid ? h('span', { class: 'muted' }, ` (${v.reason})`) : null),
    v.detail ? h('div', { class: 'why' }, v.detail) : null,
    v.header ? h('div', { class: 'muted' }, `header ${v.header}`) : null,
    (v.hints || []).length ? h('ul', {}, v.hints.map((x) => h('li', {}, `likely: ${x}`))) : null,
    v.docs ? h('div', { class: 'muted' }, 'docs ', h('a', { href: v.docs, target: '_blank', rel: 'noreferrer noopener' }, v.docs)) : null);
}

/** Headers in order with their repeats; a masked credential is shown on a click, one at a time. */
function headersTable(rec, headers, part) {
  const rows = (headers || []).map(([name, value], i) => {
    const cell = h('td', {});
    if (typeof value === 'string' && value.includes(MASK)) {
      cell.append(h('button', {
        type: 'button', class: 'masked', 'aria-label': `Reveal ${name}`,
        onclick: (ev) => reveal(rec.id, part, i, name, ev.currentTarget),
      }, value.replace(MASK, '•••••• (click to reveal)')));
    } else cell.append(value);
    return h('tr', {}, h('th', { scope: 'row' }, name), cell);
  });
  return h('table', { class: 'kv', 'aria-label': `${part} headers` }, h('tbody', {}, rows));
}

/** Asks for this one header unmasked: the page never holds more credentials than were clicked. */
async function reveal(id, part, index, name, button) {
  try {
    const full = await api.delivery(id, { reveal: name });
    const value = full[part]?.headers?.[index]?.[1];
    if (value === undefined) throw new Error('the header is gone from the record');
    button.replaceWith(value);
  } catch (e) {
    notify(`revealing the header failed: ${e.message}`);
  }
}

function answerView(rec) {
  const res = rec.response;
  if (!res) {
    return h('p', {}, rec.status === 'received' ? 'Received by listen: the answer is what the forward target said, if any.' : '',
      rec.error ? h('span', { class: 'st-failed' }, ` ${rec.error}`) : ' No answer.');
  }
  return h('div', {},
    h('p', { class: 'reqline' }, `HTTP ${res.status}`, h('span', { class: 'muted' }, ` · ${millis(rec.duration_ms)}`),
      rec.error ? h('span', { class: 'st-failed' }, ` · ${rec.error}`) : null),
    headersTable(rec, res.headers, 'response'),
    renderBody(res, res.headers));
}

function attemptsView(rec, attempts) {
  return h('ol', { class: 'attempts' }, attempts.map((a) => h('li', { class: a.id === rec.id ? 'current' : '' },
    h('button', { type: 'button', class: 'link mono', onclick: () => hooks.open(a.id) }, a.id),
    ` ${clock(a.created_at)} · `, h('span', { class: `st-${a.status}` }, statusText(a)),
    ` · ${millis(a.duration_ms)}`, a.error ? ` · ${a.error}` : '')));
}
