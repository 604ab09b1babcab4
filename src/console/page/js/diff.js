// Diff two deliveries: the server compares them (JSON-aware for bodies: a key that only moved is
// no difference; a line diff for other text) and this shows the changes it lists.

import { api } from './api.js';
import { bytes, h, notify } from './dom.js';

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
  document.getElementById('diff-body').replaceChildren(...[
    h('p', { class: 'mono' }, h('span', { class: 'line-del' }, `before ${d.a}`), ' → ', h('span', { class: 'line-add' }, `after ${d.b}`)),
    d.same ? h('p', {}, 'No difference: the same request line, headers and body.') : null,
    section('Request line', changes(d.request)),
    section('Headers', changes(d.headers)),
    section(bodyTitle(d.body), bodyView(d.body)),
  ].filter(Boolean));
  document.getElementById('diff-dialog').showModal();
}

function section(title, content) {
  return h('section', {}, h('h3', {}, title), content);
}

function bodyTitle(body) {
  return { json: 'Body (JSON: by path)', text: 'Body (text: by line)', binary: 'Body (binary)' }[body.kind] || 'Body';
}

function bodyView(body) {
  if (body.kind === 'json') return changes(body.changes);
  if (body.kind === 'binary') {
    return h('p', {}, body.equal ? 'The same bytes.' : `Different bytes: ${bytes(body.sizes[0])} before, ${bytes(body.sizes[1])} after.`);
  }
  if (body.lines.every((l) => l.tag === 'equal')) return h('p', { class: 'muted' }, 'no difference');
  return h('pre', { class: 'linediff' }, body.lines.map((l) => h('span', {
    class: l.tag === 'insert' ? 'line-add' : l.tag === 'delete' ? 'line-del' : '',
  }, `${l.tag === 'insert' ? '+' : l.tag === 'delete' ? '-' : ' '} ${l.text.replace(/\n$/, '')}`)));
}

const show1 = (v) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Changes as the API lists them: where, what kind, the value before and after. */
function changes(list) {
  if (!list || list.length === 0) return h('p', { class: 'muted' }, 'no difference');
  return h('table', { class: 'diff' },
    h('thead', {}, h('tr', {}, ['where', 'change', 'before', 'after'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map((c) => h('tr', { class: c.kind },
      h('td', {}, c.at), h('td', {}, c.kind), h('td', { class: 'removed' }, show1(c.before)), h('td', { class: 'added' }, show1(c.after))))));
}
