// Copy a delivery as curl, raw HTTP or HAR, and download its body. The copies come from the
// server, made by the code behind `hookctl logs show --format`, so a copied curl re-sends the
// request byte-exact as the CLI's does (credentials masked, as `logs show` masks them).

import { api } from './api.js';
import { bodyBytes, download, h, header, notify } from './dom.js';

const FORMATS = [['curl', 'curl'], ['raw', 'raw HTTP'], ['har', 'HAR']];

export function copyMenu(rec) {
  const group = h('span', { class: 'actions', role: 'group', 'aria-label': 'Copy and download' });
  for (const [format, label] of FORMATS) {
    group.append(h('button', { type: 'button', 'data-format': format, onclick: () => copy(rec.id, format, label) }, `Copy as ${label}`));
  }
  group.append(h('button', { type: 'button', onclick: () => downloadBody(rec) }, 'Download body'));
  return group;
}

async function copy(id, format, label) {
  try {
    const text = await api.as(id, format);
    await writeClipboard(text);
    const status = document.getElementById('list-status');
    if (status) status.textContent = `copied as ${label} (${text.length} characters)`;
  } catch (e) {
    notify(`copy as ${label} failed: ${e.message}`);
  }
}

/** The clipboard API needs focus and a secure context (127.0.0.1 is one); else the old way. */
async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;left:-9999px' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    if (!ok) throw new Error('the browser refused the clipboard');
  }
}

function downloadBody(rec) {
  const type = header(rec.request?.headers, 'content-type') || 'application/octet-stream';
  const ext = type.includes('json') ? 'json' : type.includes('xml') ? 'xml' : type.startsWith('text/') || type.includes('form') ? 'txt' : 'bin';
  download(`${rec.id}.${ext}`, bodyBytes(rec.request), type);
}
