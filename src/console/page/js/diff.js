// Diff two deliveries: the server compares them (JSON-aware for bodies, by line otherwise) and
// this shows its answer as tables of changed paths and coloured line diffs.

import { api } from './api.js';
import { h, notify } from './dom.js';

let picked = [];

export function init() {
  document.getElementById('diff-button').addEventListener('click', () => show());
}

/** The list's two picks; the button works once there are two. */
export function setPicked(ids) {
  picked = ids;
  const b = document.getElementById('diff-button');
  b.disabled = ids.length !== 2;
  b.textContent = ids.length === 2 ? 'Diff the two picked' : `Diff (${ids.length}/2 picked)`;
}

export async function show(a = picked[0], b = picked[1]) {
  if (!a || !b) return;
  let d;
  try {
    d = await api.diff(a, b);
  } catch (e) {
    notify(`diff failed: ${e.message}`);
    return;
  }
  const out = document.getElementById('diff-body');
  out.replaceChildren(
    h('p', { class: 'mono' }, h('span', { class: 'line-del' }, `− ${a}`), '  ', h('span', { class: 'line-add' }, `+ ${b}`)),
    ...Object.entries(d).filter(([k]) => !['a', 'b'].includes(k)).map(([k, v]) => section(k, v)));
  document.getElementById('diff-dialog').showModal();
}

function section(name, value) {
  return h('section', { 'data-section': name }, h('h3', {}, name.replace(/_/g, ' ')), part(value));
}

/** Whatever shape a part of the diff has: a list of changes, a unified text, or nested parts. */
function part(value) {
  if (value === null || value === undefined) return h('p', { class: 'muted' }, 'no difference');
  if (typeof value === 'string') return lines(value);
  if (typeof value !== 'object') return h('p', {}, String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return h('p', { class: 'muted' }, 'no difference');
    if (typeof value[0] === 'string') return lines(value.join('\n'));
    return changes(value);
  }
  return h('div', {}, Object.entries(value).map(([k, v]) => (typeof v === 'object' && v !== null) || typeof v === 'string'
    ? h('div', { 'data-part': k }, h('h4', { class: 'muted' }, k.replace(/_/g, ' ')), part(v))
    : h('p', {}, `${k.replace(/_/g, ' ')}: ${v}`)));
}

/** A table of changes, columns taken from the change objects (path, kind, before, after…). */
function changes(list) {
  const cols = [];
  for (const c of list) for (const k of Object.keys(c)) if (!cols.includes(k)) cols.push(k);
  const kindKey = cols.find((k) => ['change', 'kind', 'op', 'type'].includes(k));
  return h('table', { class: 'diff' },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map((c) => h('tr', { class: kindKey ? String(c[kindKey]) : '' },
      cols.map((k) => h('td', {}, c[k] === undefined ? '' : typeof c[k] === 'string' ? c[k] : JSON.stringify(c[k])))))));
}

function lines(text) {
  return h('pre', { class: 'linediff' }, text.split('\n').map((l) => h('span', {
    class: l.startsWith('+') ? 'line-add' : l.startsWith('-') ? 'line-del' : '',
  }, l || ' ')));
}
