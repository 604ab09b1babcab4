// A body shown by its type: JSON as a tree, form fields as a table, XML indented, text as text,
// anything else as a hex dump; and the raw bytes on demand.

import { bodyBytes, bodyText, bytes, h, header } from './dom.js';
import { jsonTree } from './jsontree.js';

// A hex dump past this many bytes waits for a click: 64 KiB is already 4,096 lines.
const HEX_FIRST = 64 * 1024;

/** The body of a request or response record part, with its headers for the type. */
export function renderBody(part, headers) {
  const type = (header(headers, 'content-type') || '').toLowerCase();
  const text = bodyText(part);
  const size = part?.body_encoding === 'base64' ? bodyBytes(part).length : new TextEncoder().encode(text || '').length;
  const wrap = h('div', { class: 'bodyview' });
  if (size === 0) {
    wrap.append(h('div', { class: 'body-meta' }, 'no body'));
    return wrap;
  }
  const [kind, view] = pretty(type, text, part);
  wrap.append(h('div', { class: 'body-meta' }, `${bytes(size)} (${size} bytes) · ${kind}${type ? ` · ${type}` : ''}`), view);
  wrap.append(rawView(part, text));
  return wrap;
}

function pretty(type, text, part) {
  if (text === null) return ['binary', hexView(bodyBytes(part))];
  const t = text.trimStart();
  if (type.includes('json') || (!type && (t.startsWith('{') || t.startsWith('[')))) {
    try {
      // Numbers beyond 2^53 lose digits here; the raw view below keeps them exact.
      return ['JSON', jsonTree(JSON.parse(text))];
    } catch {
      /* not JSON after all: shown as text */
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) return ['form fields', formView(text)];
  if (type.includes('xml') || t.startsWith('<?xml')) {
    const xml = xmlView(text);
    if (xml) return ['XML', xml];
  }
  return ['text', h('pre', { class: 'body' }, text)];
}

function formView(text) {
  const rows = [];
  for (const [k, v] of new URLSearchParams(text)) rows.push(h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)));
  return h('table', { class: 'kv' }, h('tbody', {}, rows));
}

/** XML re-indented through the browser's own parser; null when it does not parse. */
function xmlView(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return null;
  const out = [];
  const walk = (n, depth) => {
    const pad = '  '.repeat(depth);
    if (n.nodeType === Node.ELEMENT_NODE) {
      const attrs = Array.from(n.attributes).map((a) => ` ${a.name}="${a.value}"`).join('');
      const kids = Array.from(n.childNodes).filter((c) => c.nodeType !== Node.TEXT_NODE || c.nodeValue.trim());
      if (kids.length === 0) out.push(`${pad}<${n.nodeName}${attrs}/>`);
      else if (kids.length === 1 && kids[0].nodeType === Node.TEXT_NODE) {
        out.push(`${pad}<${n.nodeName}${attrs}>${kids[0].nodeValue.trim()}</${n.nodeName}>`);
      } else {
        out.push(`${pad}<${n.nodeName}${attrs}>`);
        kids.forEach((c) => walk(c, depth + 1));
        out.push(`${pad}</${n.nodeName}>`);
      }
    } else if (n.nodeType === Node.TEXT_NODE) out.push(pad + n.nodeValue.trim());
    else if (n.nodeType === Node.CDATA_SECTION_NODE) out.push(`${pad}<![CDATA[${n.nodeValue}]]>`);
    else if (n.nodeType === Node.COMMENT_NODE) out.push(`${pad}<!--${n.nodeValue}-->`);
  };
  Array.from(doc.childNodes).forEach((c) => walk(c, 0));
  return h('pre', { class: 'body' }, out.join('\n'));
}

/** Offset, sixteen bytes in hex, and their printable ASCII: the classic dump. */
export function hexDump(data, limit = data.length) {
  const lines = [];
  const end = Math.min(limit, data.length);
  for (let off = 0; off < end; off += 16) {
    const chunk = data.subarray(off, Math.min(off + 16, end));
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      if (i < chunk.length) {
        hex += chunk[i].toString(16).padStart(2, '0') + (i === 7 ? '  ' : ' ');
        ascii += chunk[i] >= 0x20 && chunk[i] < 0x7f ? String.fromCharCode(chunk[i]) : '.';
      } else hex += i === 7 ? '    ' : '   ';
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return lines.join('\n');
}

function hexView(data) {
  const pre = h('pre', { class: 'hex' }, hexDump(data, HEX_FIRST));
  if (data.length <= HEX_FIRST) return pre;
  const all = h('button', { type: 'button', class: 'link' }, `show all ${data.length} bytes`);
  all.addEventListener('click', () => {
    pre.textContent = hexDump(data);
    all.remove();
  });
  return h('div', {}, pre, all);
}

/** The body exactly as stored, built only when opened. */
function rawView(part, text) {
  const pre = h('pre', { class: 'raw' });
  const details = h('details', { class: 'raw-bytes' }, h('summary', {}, 'Raw bytes'), pre);
  details.addEventListener('toggle', () => {
    if (details.open && !pre.textContent) pre.textContent = text === null ? hexDump(bodyBytes(part)) : text;
  }, { once: false });
  return details;
}
