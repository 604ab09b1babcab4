// The testing console: find an event in the catalog, generate a payload, edit it with the
// event's schema checked as you type, pick the target and signing, and send it through hookctl.

import { api } from './api.js';
import { $, debounce, h, millis, notify } from './dom.js';

let hooks = { opened: () => {} };
let event = null; // the catalog entry picked
let checkSeq = 0;
let searchSeq = 0; // the search last typed: an answer to an earlier one that comes later is stale

export function init(h0) {
  hooks = { ...hooks, ...h0 };
  $('catalog-search').addEventListener('input', debounce(search, 200));
  $('catalog-results').addEventListener('keydown', moveInList);
  $('payload').addEventListener('input', debounce(check, 250));
  $('generate-button').addEventListener('click', generate);
  $('send-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    send();
  });
  $('send-to').value = localStorage.getItem('hookctl.sendTo') || '';
}

let started = false;

/** The catalog loads when the view is first shown, not with the list. */
export async function shown() {
  if (started) return;
  started = true;
  await search();
}

/** Signing choices: the event's own scheme, none, or any scheme the catalog signs with. */
function signers(events) {
  const select = $('send-provider');
  const keep = select.value;
  const ids = [...new Set(events.map((e) => e.signed_with).filter(Boolean))].sort();
  select.replaceChildren(h('option', { value: '' }, `as the event's provider${event ? ` (${event.signed_with})` : ''}`),
    h('option', { value: 'none' }, 'unsigned'),
    ...ids.map((id) => h('option', { value: id }, `as ${id}`)));
  select.value = keep;
}

let everything = [];

async function search() {
  const q = $('catalog-search').value.trim();
  const mine = ++searchSeq;
  let found;
  try {
    found = await api.catalog(q);
  } catch (e) {
    if (mine === searchSeq) notify(`searching the catalog failed: ${e.message}`);
    return;
  }
  if (mine !== searchSeq) return;
  if (!q) {
    everything = found;
    signers(everything);
  }
  const ul = $('catalog-results');
  ul.replaceChildren(...found.slice(0, 200).map((ev) => h('li', {},
    h('button', { type: 'button', 'data-event': ev.id, 'aria-pressed': String(event?.id === ev.id), onclick: () => pick(ev) },
      ev.id, h('span', { class: 'desc' }, [ev.signed_with, ev.description].filter(Boolean).join(' · '))))));
  if (found.length === 0) ul.append(h('li', { class: 'muted' }, `no event matches '${q}'`));
  else if (found.length > 200) ul.append(h('li', { class: 'muted' }, `${found.length - 200} more: narrow the search`));
}

function moveInList(ev) {
  const buttons = Array.from($('catalog-results').querySelectorAll('button'));
  const i = buttons.indexOf(document.activeElement);
  if (i < 0) return;
  if (ev.key === 'ArrowDown' || ev.key === 'j') buttons[Math.min(i + 1, buttons.length - 1)].focus();
  else if (ev.key === 'ArrowUp' || ev.key === 'k') buttons[Math.max(i - 1, 0)].focus();
  else return;
  ev.preventDefault();
}

async function pick(ev) {
  event = ev;
  for (const b of $('catalog-results').querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.event === ev.id));
  $('composer-event').textContent = ev.id;
  signers(everything);
  $('generate-button').disabled = false;
  await generate();
  $('payload').focus();
}

async function generate() {
  if (!event) return;
  try {
    const g = await api.event(event.id);
    // JSON opens indented for editing; what is sent is what the box holds, signed as it is.
    $('payload').value = g.content_type.includes('json') ? JSON.stringify(g.sample.payload, null, 2) : g.sample.body;
    $('composer-event').textContent = `${event.id} · ${g.content_type}`;
    $('send-button').disabled = false;
    check();
  } catch (e) {
    notify(`generating ${event.id} failed: ${e.message}`);
  }
}

/** The event's schema, checked by hookctl's own linter; an older answer never overwrites a newer. */
async function check() {
  if (!event) return;
  const mine = ++checkSeq;
  const out = $('schema-status');
  let res;
  try {
    res = await api.lint(event.id, $('payload').value);
  } catch (e) {
    if (mine !== checkSeq) return;
    out.className = 'schema bad';
    out.textContent = `✗ ${e.message}`;
    return;
  }
  if (mine !== checkSeq) return;
  const problems = res.violations;
  const valid = res.valid;
  out.className = `schema ${valid ? 'ok' : 'bad'}`;
  // As `events lint` says it: the provider's own definition where hookctl has one.
  const against = res.definition
    ? `the provider's definition of ${event.id} (${res.definition})`
    : `the schema of ${event.id}`;
  out.textContent = valid
    ? `✓ matches ${against}`
    : `✗ ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`;
}

async function send() {
  if (!event) return;
  const to = $('send-to').value.trim();
  const result = $('send-result');
  localStorage.setItem('hookctl.sendTo', to);
  const body = { event: event.id, to, body: $('payload').value };
  const provider = $('send-provider').value;
  if (provider === 'none') body.sign = false;
  else if (provider) body.provider = provider;
  result.textContent = 'sending…';
  try {
    const rec = await api.send(body);
    const code = rec.response ? rec.response.status : rec.error || 'no answer';
    result.replaceChildren(`${rec.status}: ${code} in ${millis(rec.duration_ms)} `,
      h('button', { type: 'button', class: 'link mono', onclick: () => hooks.opened(rec.id) }, rec.id));
  } catch (e) {
    result.textContent = `send failed: ${e.message}`;
  }
}
