// The live list of deliveries: one page from the API, new records prepended as the stream brings
// them (batched per frame and capped, so a flood neither freezes the page nor grows it), paging
// to older ones through a cursor, and keyboard movement between rows.

import { api } from './api.js';
import { clock, debounce, h, millis, notify, pathOf, statusText, verdictKind } from './dom.js';
import * as filterLang from './filter.js';

const PAGE = 100;
// Rows kept on screen while live: enough to scan, few enough that a 1,000/s stream stays cheap.
// Anything pushed out stays one "Older" away.
const CAP = 500;
// A draw bringing more than FLOOD records keeps only the newest FLOOD_ROWS on screen, so a
// flood costs a short table; the rest are in the log, one "Older" away, as the bar says.
const FLOOD = 50;
const FLOOD_ROWS = 100;

const state = {
  filter: {},
  q: '',
  cursors: [], // `before` of each page we paged through; empty = the newest page
  rows: [], // records shown, newest first
  more: false, // whether older records exist beyond the last row
  byId: new Map(), // id -> <tr>
  queue: [], // streamed records waiting for the next frame
  pending: 0, // records streamed while the user looks at an older page
  refetch: null,
  picked: [], // ids picked for diff, oldest pick first
  openId: null,
  started: false, // whether a filter has been applied once (the stream follows it)
  flooding: false, // whether the last draw kept only the newest of a flood
  held: null, // records streamed while a page load is on its way
  hooks: { open: () => {}, picked: () => {}, filtered: () => {} },
};

let body;

/** What the bench reads back while it floods the stream: records heard, rows on screen, and
 *  the script time spent drawing them (layout and paint come after, in the browser's frame). */
export const stats = {
  streamed: 0, rows: () => state.rows.length, draws: 0, drawMs: 0, maxDrawMs: 0, cap: CAP, floodRows: FLOOD_ROWS,
};

export function init(hooks) {
  state.hooks = { ...state.hooks, ...hooks };
  body = document.getElementById('list-body');
  body.addEventListener('click', onClick);
  body.addEventListener('keydown', onKey);
  document.getElementById('older-button').addEventListener('click', older);
  document.getElementById('newest-button').addEventListener('click', () => newest());
  document.getElementById('new-button').addEventListener('click', () => newest());
  document.getElementById('filter-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    applyFilterBox();
  });
  document.getElementById('search').addEventListener('input', debounce(applyFilterBox, 300));
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.has('filter')) document.getElementById('filter').value = hash.get('filter');
  if (hash.has('q')) document.getElementById('search').value = hash.get('q');
  applyFilterBox();
}

/** The filter in force, as the API takes it (bulk replay uses the same one). */
export function currentFilter() {
  return { ...state.filter, q: state.q || undefined };
}

export function filterText() {
  return [filterLang.format(state.filter), state.q ? `q:${state.q}` : ''].filter(Boolean).join(' ') || 'everything';
}

function applyFilterBox() {
  const box = document.getElementById('filter');
  try {
    state.filter = filterLang.parse(box.value);
    box.removeAttribute('aria-invalid');
  } catch (e) {
    box.setAttribute('aria-invalid', 'true');
    notify(e.message);
    // A bad filter from the address still leaves a live list of everything behind it.
    if (!state.started) {
      state.started = true;
      state.hooks.filtered(currentFilter());
    }
    return;
  }
  state.started = true;
  state.q = document.getElementById('search').value.trim();
  // The filter is in the address, so a reload or a shared link shows the same list.
  const hash = new URLSearchParams();
  if (box.value.trim()) hash.set('filter', box.value.trim());
  if (state.q) hash.set('q', state.q);
  history.replaceState(null, '', hash.toString() ? `#${hash}` : location.pathname);
  notify('');
  // The list is asked for once the filter's stream is up (main.js), so that nothing written in
  // between is in neither.
  state.hooks.filtered(currentFilter());
}

// The page last asked for: an answer to an earlier ask that comes after it is stale.
let asked = 0;

async function load(before) {
  const mine = ++asked;
  const status = document.getElementById('list-status');
  status.textContent = 'loading…';
  // Records streamed while the page is asked for may be newer than its answer: kept aside and
  // merged in after it, or the answer would wipe them from the list. An ask made while another
  // is on its way keeps what that one held: the later answer is the one that uses it.
  state.held ??= [];
  try {
    const recs = await api.deliveries({ ...currentFilter(), limit: PAGE, before });
    if (mine !== asked) return true;
    const held = state.held;
    state.held = null;
    show(recs);
    if (live()) prepend(held);
    return true;
  } catch (e) {
    if (mine !== asked) return true;
    const held = state.held;
    state.held = null;
    status.textContent = '';
    // The page stays as it was: what streamed meanwhile still belongs on it.
    if (live()) prepend(held);
    notify(`listing deliveries failed: ${e.message}`);
    return false;
  }
}

export function newest() {
  state.cursors = [];
  state.pending = 0;
  state.queue = [];
  return load(undefined);
}

async function older() {
  const last = state.rows[state.rows.length - 1];
  // Not while a page is on its way: a second click would page from the same row again.
  if (!last || state.held) return;
  state.cursors.push(last.id);
  if (!(await load(last.id))) state.cursors.pop();
}

function live() {
  return state.cursors.length === 0;
}

function show(recs) {
  state.flooding = false;
  state.rows = recs;
  state.more = recs.length >= PAGE;
  seen?.disconnect();
  wanted.clear();
  state.byId.clear();
  const frag = document.createDocumentFragment();
  for (const r of recs) frag.append(row(r));
  body.replaceChildren(frag);
  focusRow(0, false);
  bar();
}

function bar() {
  const n = state.rows.length;
  const page = state.cursors.length + 1;
  document.getElementById('list-status').textContent =
    n === 0 ? 'no deliveries match' : `${n} ${n === 1 ? 'delivery' : 'deliveries'}${page > 1 ? `, page ${page}` : ''}${live() ? ', live' : ''}${
      live() && state.flooding ? ' (a flood: the newest are drawn, the rest are in the log)' : ''}`;
  document.getElementById('newest-button').disabled = live();
  document.getElementById('older-button').disabled = !state.more;
  const pill = document.getElementById('new-button');
  pill.hidden = state.pending === 0;
  pill.textContent = `${state.pending} new`;
}

/** One streamed record (it passed the filter on the server): shown at once on the live page,
 *  counted otherwise. */
export function streamed(rec) {
  stats.streamed++;
  if (!live()) {
    state.pending++;
    bar();
    return;
  }
  if (state.held) {
    state.held.push(rec);
    return;
  }
  state.queue.push(rec);
  if (state.queue.length === 1) scheduleFlush();
}

// A flood is drawn five times a second at most: each draw lays out the table again, and a
// person cannot read faster than that anyway.
const DRAW_EVERY_MS = 200;
let lastDraw = 0;

function scheduleFlush() {
  const wait = Math.max(0, lastDraw + DRAW_EVERY_MS - performance.now());
  setTimeout(() => requestAnimationFrame(flush), wait);
}

/** The stream skipped `n` records for us: the live page asks the server for what it missed. */
export function lagged(n) {
  if (!live()) {
    state.pending += n;
    bar();
    return;
  }
  scheduleRefresh();
}

function scheduleRefresh() {
  if (state.refetch) return;
  state.refetch = setTimeout(() => {
    state.refetch = null;
    if (live()) refreshLive();
  }, 500);
}

async function refreshLive() {
  const mine = asked;
  try {
    const recs = await api.deliveries({ ...currentFilter(), limit: PAGE });
    // Another page or filter was asked for meanwhile: this answer is not about it.
    if (mine !== asked || !live()) return;
    const fresh = recs.filter((r) => !state.byId.has(r.id)).reverse();
    prepend(fresh);
  } catch (e) {
    notify(`refreshing the list failed: ${e.message}`);
  }
}

function flush() {
  lastDraw = performance.now();
  const batch = state.queue;
  state.queue = [];
  // "Older" was clicked since these were queued: they are counted, not drawn on an older page.
  if (!live()) {
    state.pending += batch.length;
    bar();
    return;
  }
  prepend(batch);
  const ms = performance.now() - lastDraw;
  stats.draws++;
  stats.drawMs += ms;
  stats.maxDrawMs = Math.max(stats.maxDrawMs, ms);
}

const newestFirst = (a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0);

/**
 * New records merged into the list by time, newest first, the bottom trimmed to the cap.
 * Records come in the order they were written, and concurrent senders write out of time order
 * (an attempt is written when its answer comes): merging keeps the list in the server's order.
 */
function prepend(recs) {
  if (recs.length === 0) return;
  // Build only the rows that will stay.
  const cap = recs.length > FLOOD ? FLOOD_ROWS : CAP;
  // Reversed before the (stable) sort: of records written in the same millisecond, the one
  // written last comes first, as the server orders them (time, then the order of writing).
  const keep = recs.slice().reverse().sort(newestFirst).slice(0, cap);
  const cut = recs.filter((r) => !state.byId.has(r.id)).length > cap;
  // A few new rows glow to catch the eye; a flood of them would only repaint the whole list.
  const glow = keep.length <= 3;
  const focusedId = document.activeElement?.closest?.('#list-body tr')?.dataset.id;
  const rows = state.rows;
  const merged = [];
  let k = 0;
  let frag = null;
  let anchor = null;
  const place = () => {
    if (frag) body.insertBefore(frag, anchor);
    frag = null;
  };
  for (const r of keep) {
    // Already shown (the refresh after a lag and the stream both bring it): a record never
    // changes, and its row may be the anchor a run of newer rows waits to go in before.
    if (state.byId.has(r.id)) continue;
    while (k < rows.length && rows[k].created_at > r.created_at) merged.push(rows[k++]);
    // Older than the bottom of a list with more below it: the record belongs to an older page
    // ("Older" shows it), and adding it here would leave a gap between it and the rows above.
    if (k === rows.length && state.more) continue;
    // Runs of new rows before the same old row go in as one fragment.
    const before = k < rows.length ? state.byId.get(rows[k].id) : null;
    if (!frag || before !== anchor) {
      place();
      frag = document.createDocumentFragment();
      anchor = before;
    }
    const tr = row(r);
    if (glow) tr.classList.add('fresh');
    frag.append(tr);
    merged.push(r);
  }
  place();
  while (k < rows.length) merged.push(rows[k++]);
  state.rows = merged;
  state.flooding = cap === FLOOD_ROWS;
  // What a flood's cut left out is older than what is drawn: one "Older" away.
  if (cut) state.more = true;
  while (state.rows.length > cap) {
    const gone = state.rows.pop();
    state.more = true;
    const tr = state.byId.get(gone.id);
    if (tr) {
      seen?.unobserve(tr);
      tr.remove();
    }
    state.byId.delete(gone.id);
  }
  settle();
  if (focusedId && state.byId.has(focusedId)) state.byId.get(focusedId).tabIndex = 0;
  else if (!body.querySelector('tr[tabindex="0"]')) focusRow(0, false);
  bar();
}

// Verdicts come from the verify core one record at a time; a record never changes, so each is
// asked once, only for rows on screen, a few at a time, so a flood of rows is not a flood of checks.
const verdicts = new Map();
const VERDICTS_KEPT = 2000;
const wanted = new Set();
let asking = 0;
let seen;

function watch(tr) {
  seen ||= new IntersectionObserver((entries) => {
    for (const e of entries) {
      const id = e.target.dataset.id;
      if (e.isIntersecting && !verdicts.has(id)) wanted.add(id);
      else wanted.delete(id);
    }
    settle();
  });
  seen.observe(tr);
}

// Rows that scroll past in a flood are not worth a check each: ask once the list holds still.
let settling = null;
function settle() {
  clearTimeout(settling);
  settling = setTimeout(ask, 300);
}

function ask() {
  while (asking < 4 && wanted.size > 0) {
    const id = wanted.values().next().value;
    wanted.delete(id);
    if (!state.byId.has(id)) continue;
    asking++;
    api.signature(id)
      .then((v) => {
        verdicts.set(id, v);
        if (verdicts.size > VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value);
        const tr = state.byId.get(id);
        if (tr) tr.lastElementChild.replaceWith(verdictCell(v));
      })
      .catch(() => {}) // the cell keeps its "…"; the detail says why when opened
      .finally(() => {
        asking--;
        ask();
      });
  }
}

function verdictCell(v) {
  if (v === undefined) return h('td', { class: 'sig-none', title: 'checking…' }, '…');
  const title = v.detail || '';
  switch (verdictKind(v)) {
    case 'none': return h('td', { class: 'sig-none', title }, '—');
    case 'valid': return h('td', { class: 'sig-valid', title }, `✓ ${v.provider}`);
    case 'unknown': return h('td', { class: 'sig-none', title }, v.reason.replace('_', ' '));
    default: return h('td', { class: 'sig-invalid', title }, `✗ ${v.reason}`);
  }
}

// Rows are stamped from one template: cloning is several times cheaper than building each
// element, and a flood builds hundreds of rows a second.
let stamp;

function row(r) {
  stamp ||= h('tr', { tabindex: '-1' },
    h('td', {}, h('input', { type: 'checkbox', class: 'pick', tabindex: '-1' })),
    h('td'), h('td'), h('td'), h('td'), h('td'), h('td'), h('td', { class: 'num' }));
  const tr = stamp.cloneNode(true);
  const c = tr.children;
  tr.dataset.id = r.id;
  if (r.id === state.openId) tr.className = 'open';
  const box = c[0].firstChild;
  box.setAttribute('aria-label', `Pick ${r.id} for diff`);
  box.checked = state.picked.includes(r.id);
  c[1].title = r.created_at;
  c[1].textContent = clock(r.created_at);
  c[2].textContent = r.source;
  c[3].textContent = r.request?.method || '';
  c[4].title = r.target || r.request?.url || '';
  c[4].textContent = pathOf(r.request?.url || r.target);
  if (r.provider) c[5].title = r.provider;
  c[5].textContent = r.event_type || '—';
  c[6].className = `st-${r.status}`;
  if (r.error) c[6].title = r.error;
  c[6].textContent = statusText(r);
  c[7].textContent = millis(r.duration_ms);
  tr.append(verdictCell(verdicts.get(r.id)));
  state.byId.set(r.id, tr);
  watch(tr);
  return tr;
}

function rowsEls() {
  return Array.from(body.children);
}

function focusRow(i, move = true) {
  const els = rowsEls();
  if (els.length === 0) return;
  const idx = Math.max(0, Math.min(i, els.length - 1));
  // Roving tabindex: Tab enters the list once, arrows move inside it.
  for (const el of body.querySelectorAll('tr[tabindex="0"]')) el.tabIndex = -1;
  els[idx].tabIndex = 0;
  if (move) els[idx].focus();
}

export function focusList() {
  const cur = body.querySelector('tr[tabindex="0"]') || body.firstElementChild;
  cur?.focus();
}

function onClick(ev) {
  const tr = ev.target.closest('tr');
  if (!tr) return;
  if (ev.target.classList.contains('pick')) {
    pick(tr.dataset.id, ev.target.checked);
    return;
  }
  focusRow(rowsEls().indexOf(tr));
  open(tr.dataset.id);
}

function onKey(ev) {
  const tr = ev.target.closest('tr');
  if (!tr || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const i = rowsEls().indexOf(tr);
  switch (ev.key) {
    case 'j': case 'ArrowDown': focusRow(i + 1); break;
    case 'k': case 'ArrowUp': focusRow(i - 1); break;
    case 'Home': focusRow(0); break;
    case 'End': focusRow(Infinity); break;
    case 'Enter': open(tr.dataset.id); break;
    case 'x': case ' ': {
      const box = tr.querySelector('.pick');
      box.checked = !box.checked;
      pick(tr.dataset.id, box.checked);
      break;
    }
    default: return;
  }
  ev.preventDefault();
}

/** Opens a record's detail, and marks its row while it is open. */
export function open(id) {
  state.byId.get(state.openId)?.classList.remove('open');
  state.openId = id;
  state.byId.get(id)?.classList.add('open');
  state.hooks.open(id);
}

export function closed() {
  state.byId.get(state.openId)?.classList.remove('open');
  const tr = state.byId.get(state.openId);
  state.openId = null;
  if (tr) focusRow(rowsEls().indexOf(tr));
  else focusList();
}

/** Two picks make a diff; a third pick lets go of the oldest one. */
function pick(id, on) {
  state.picked = state.picked.filter((x) => x !== id);
  if (on) state.picked.push(id);
  while (state.picked.length > 2) {
    const dropped = state.picked.shift();
    const box = state.byId.get(dropped)?.querySelector('.pick');
    if (box) box.checked = false;
  }
  state.hooks.picked([...state.picked]);
}
