// A collapsible JSON tree that builds a node's children only when it is opened, so a 1 MiB body
// costs one JSON.parse and a screenful of elements, not hundreds of thousands of nodes.

import { h } from './dom.js';

// Children built per click on "more": a 10,000-element array opens as fast as a short one.
const CHUNK = 500;

/** The tree of `value`, its first level open. */
export function jsonTree(value) {
  const root = h('div', { class: 'jt' });
  root.append(node(null, value, true));
  return root;
}

function node(key, value, open = false) {
  if (value === null || typeof value !== 'object') return leaf(key, value);
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  const size = entries.length;
  const label = isArray ? `[${size} ${size === 1 ? 'item' : 'items'}]` : `{${size} ${size === 1 ? 'key' : 'keys'}}`;
  const summary = h('summary', {}, keyLabel(key), h('span', { class: 'count' }, label));
  const details = h('details', {}, summary);
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    appendChunk(details, entries, 0);
  };
  details.addEventListener('toggle', () => {
    if (details.open) build();
  });
  if (open) {
    details.open = true;
    build();
  }
  return details;
}

function appendChunk(parent, entries, from) {
  const to = Math.min(entries.length, from + CHUNK);
  const frag = document.createDocumentFragment();
  for (let i = from; i < to; i++) frag.append(node(entries[i][0], entries[i][1]));
  if (to < entries.length) {
    const more = h('button', { type: 'button', class: 'link' }, `show ${Math.min(CHUNK, entries.length - to)} more of ${entries.length - to}`);
    more.addEventListener('click', () => {
      more.remove();
      appendChunk(parent, entries, to);
    });
    frag.append(h('div', { class: 'leaf' }, more));
  }
  parent.append(frag);
}

function keyLabel(key) {
  if (key === null) return '';
  return h('span', { class: 'key' }, typeof key === 'number' ? `${key}: ` : `${JSON.stringify(key)}: `);
}

function leaf(key, value) {
  let cls = 'nullv';
  if (typeof value === 'string') cls = 'str';
  else if (typeof value === 'number') cls = 'numv';
  else if (typeof value === 'boolean') cls = 'boolv';
  return h('div', { class: 'leaf' }, keyLabel(key), h('span', { class: cls }, JSON.stringify(value)));
}
