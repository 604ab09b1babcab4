// Replay: one delivery to its URL or another, byte-exact or re-signed, optionally edited first;
// and bulk replay of the list's filter at a rate. Each replay is a new record the list shows.

import { api } from './api.js';
import { h, notify, statusText } from './dom.js';
import { currentFilter, filterText } from './list.js';

let hooks = { opened: () => {} };
let source = null; // the record being replayed
let resignTouched = false;

export function init(h0) {
  hooks = { ...hooks, ...h0 };
  const dlg = document.getElementById('replay-dialog');
  document.getElementById('replay-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    send();
  });
  document.getElementById('replay-resign').addEventListener('change', () => { resignTouched = true; });
  // An edited body no longer matches its stored signature: re-sign unless the user said otherwise.
  document.getElementById('replay-body').addEventListener('input', () => {
    if (!resignTouched) document.getElementById('replay-resign').checked = bodyChanged();
  });
  document.getElementById('bulk-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    bulk();
  });
  for (const b of document.querySelectorAll('.close-dialog')) b.addEventListener('click', () => b.closest('dialog').close());
  dlg.addEventListener('close', () => { source = null; });
}

/** The replay dialog for `rec`; with `edit`, its headers and body are editable. */
export function openReplay(rec, edit) {
  source = rec;
  resignTouched = false;
  const req = rec.request || {};
  const binary = req.body_encoding === 'base64';
  document.getElementById('replay-title').textContent = `${edit ? 'Edit and replay' : 'Replay'} ${rec.id}`;
  document.getElementById('replay-to').value = '';
  document.getElementById('replay-to').placeholder = req.url || rec.target || '';
  document.getElementById('replay-resign').checked = false;
  document.getElementById('replay-edit').hidden = !edit;
  const headers = document.getElementById('replay-headers');
  headers.value = (req.headers || []).map(([n, v]) => `${n}: ${v}`).join('\n');
  headers.dataset.original = headers.value;
  const body = document.getElementById('replay-body');
  body.value = binary ? '' : req.body || '';
  body.dataset.original = body.value;
  body.disabled = binary;
  body.placeholder = binary ? 'a binary body is replayed as stored' : '';
  document.getElementById('replay-result').textContent = '';
  document.getElementById('replay-dialog').showModal();
  document.getElementById(edit && !binary ? 'replay-body' : 'replay-to').focus();
}

function bodyChanged() {
  const b = document.getElementById('replay-body');
  return !b.disabled && b.value !== b.dataset.original;
}

/** `Name: value` lines back into ordered pairs; a line without a colon is an error to fix. */
function parseHeaders(text) {
  const out = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf(':');
    if (at <= 0) throw new Error(`header line ${i + 1} has no 'Name: value': ${line}`);
    out.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return out;
}

async function send() {
  if (!source) return;
  const result = document.getElementById('replay-result');
  const payload = { resign: document.getElementById('replay-resign').checked };
  const to = document.getElementById('replay-to').value.trim();
  if (to) payload.to = to;
  const headers = document.getElementById('replay-headers');
  // Send only what was edited: untouched headers and body go byte-exact from the log.
  try {
    if (!document.getElementById('replay-edit').hidden && headers.value !== headers.dataset.original) {
      payload.headers = parseHeaders(headers.value);
    }
  } catch (e) {
    result.textContent = e.message;
    return;
  }
  if (!document.getElementById('replay-edit').hidden && bodyChanged()) payload.body = document.getElementById('replay-body').value;
  result.textContent = 'sending…';
  try {
    const rec = await api.replay(source.id, payload);
    document.getElementById('replay-dialog').close();
    notify('');
    hooks.opened(rec.id);
  } catch (e) {
    result.textContent = `replay failed: ${e.message}`;
  }
}

export function openBulk() {
  document.getElementById('bulk-filter').textContent = filterText();
  document.getElementById('bulk-result').textContent = '';
  document.getElementById('bulk-dialog').showModal();
  document.getElementById('bulk-to').focus();
}

async function bulk() {
  const result = document.getElementById('bulk-result');
  const rate = Number(document.getElementById('bulk-rate').value);
  const limit = Number(document.getElementById('bulk-limit').value);
  if (!(rate > 0)) {
    result.textContent = 'the rate must be a number above 0, e.g. 10';
    return;
  }
  // An empty box reads as 0, which the API takes as "every record": never by accident.
  if (!(Number.isInteger(limit) && limit >= 1)) {
    result.textContent = 'at most: a whole number above 0, e.g. 100';
    return;
  }
  const body = { filter: { ...currentFilter(), limit }, resign: document.getElementById('bulk-resign').checked, rate };
  const to = document.getElementById('bulk-to').value.trim();
  if (to) body.to = to;
  result.textContent = `replaying at ${rate}/s…`;
  try {
    const answer = await api.bulkReplay(body);
    result.replaceChildren(summary(answer));
  } catch (e) {
    result.textContent = `bulk replay failed: ${e.message}`;
  }
}

/** "3 replays: 2 delivered, 1 not", with the new records' ids to open. */
function summary(answer) {
  const n = answer.replayed;
  return h('span', {}, `${n} ${n === 1 ? 'replay' : 'replays'}: ${answer.delivered} delivered, ${n - answer.delivered} not. `,
    (answer.records || []).slice(0, 20).map((r) => h('span', {},
      h('button', { type: 'button', class: 'link mono', onclick: () => { document.getElementById('bulk-dialog').close(); hooks.opened(r.id); } }, r.id),
      ` ${statusText(r)}; `)));
}
