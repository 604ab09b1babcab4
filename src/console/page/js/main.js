// The page's wiring: views, the live stream feeding the list, and the keys that work anywhere.

import { stream } from './api.js';
import * as consoleView from './console.js';
import * as detail from './detail.js';
import * as diff from './diff.js';
import * as list from './list.js';
import * as replay from './replay.js';
import { $ } from './dom.js';

function openRecord(id) {
  showView('deliveries');
  list.open(id);
}

const live = $('live');
let source = null;
let wasDown = false;

/** One stream for the list's filter: a new filter closes the old stream and opens its own. */
function follow(filter) {
  source?.close();
  wasDown = false;
  // The list is asked for once this stream is up: what is written after its answer streams in,
  // and nothing falls between the two. A stream refused before it opened (a filter the server
  // will not take) asks for it too, so the list says why.
  let listed = false;
  source = stream(filter, {
    onRecord: list.streamed,
    onLagged: list.lagged,
    onState: (up, refused) => {
      live.textContent = up ? 'live' : refused ? 'not live: the stream was refused' : 'disconnected, retrying…';
      live.className = `live ${up ? 'on' : 'off'}`;
      if (!listed && (up || refused)) {
        listed = true;
        list.newest();
      } else if (up && wasDown) {
        // What was written while the stream was down never comes through it: ask again.
        list.lagged(0);
      }
      wasDown = !up;
    },
  });
}

list.init({ open: (id) => detail.open(id), picked: (ids) => diff.setPicked(ids), filtered: follow });
detail.init({ close: () => list.closed(), open: openRecord, replay: (rec, edit) => replay.openReplay(rec, edit) });
replay.init({ opened: openRecord });
diff.init();
diff.setPicked([]);
consoleView.init({ opened: openRecord });

$('bulk-button').addEventListener('click', () => replay.openBulk());
$('help-button').addEventListener('click', () => $('help-dialog').showModal());
$('tab-deliveries').addEventListener('click', () => showView('deliveries'));
$('tab-console').addEventListener('click', () => showView('console'));

function showView(name) {
  for (const v of ['deliveries', 'console']) {
    $(`view-${v}`).hidden = v !== name;
    $(`tab-${v}`).setAttribute('aria-selected', String(v === name));
  }
  if (name === 'console') consoleView.shown();
}

// For bench/console-browser.sh, read through WebDriver.
window.hookctlConsole = { stats: () => ({ ...list.stats, rows: list.stats.rows() }) };


// Keys that work wherever focus is, except while typing: typing a 'j' must type a 'j'.
document.addEventListener('keydown', (ev) => {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
  if (document.querySelector('dialog[open]')) return; // a dialog handles its own Esc
  const typing = ev.target.closest('input, textarea, select, [contenteditable]');
  if (ev.key === 'Escape') {
    if (typing && ev.target.id === 'filter') {
      ev.target.blur();
      list.focusList();
    } else if (detail.close()) ev.preventDefault();
    return;
  }
  if (typing) return;
  const rec = detail.shown();
  switch (ev.key) {
    case '/': $('filter').focus(); break;
    case '?': $('help-dialog').showModal(); break;
    case 'g': list.newest(); break;
    case 'r': if (rec) replay.openReplay(rec, false); else return; break;
    case 'e': if (rec) replay.openReplay(rec, true); else return; break;
    case 'j': case 'k': case 'ArrowDown': case 'ArrowUp':
      // From outside the list, the first move enters it.
      if (ev.target.closest('#list-body')) return;
      if (!$('view-deliveries').hidden) list.focusList(); else return;
      break;
    default: return;
  }
  ev.preventDefault();
});
