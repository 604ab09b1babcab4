// Copy a delivery as curl, raw HTTP or HAR, and download its body: built here from the record
// the page already holds, in the forms `hookctl logs show --format curl|raw|har` prints, so a copy
// re-sends the request byte-exact (credentials stay masked, as `logs show` masks them).

import { bodyBytes, download, h, header, notify } from './dom.js';

const FORMATS = [['curl', 'curl', curl], ['raw', 'raw HTTP', raw], ['har', 'HAR', har]];

export function copyMenu(rec) {
  const group = h('span', { class: 'actions', role: 'group', 'aria-label': 'Copy and download' });
  for (const [format, label, make] of FORMATS) {
    group.append(h('button', { type: 'button', 'data-format': format, onclick: () => copy(make(rec), label) }, `Copy as ${label}`));
  }
  group.append(h('button', { type: 'button', onclick: () => downloadBody(rec) }, 'Download body'));
  return group;
}

async function copy(text, label) {
  try {
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

const isFraming = (n) => /^(content-length|transfer-encoding)$/i.test(n);
const has = (headers, name) => header(headers, name) !== null;

/** The request as HTTP/1.1, as logged: a Host and Content-Length only where the record had none. */
export function raw(rec) {
  const req = rec.request;
  let target = req.url;
  let host = null;
  try {
    const u = new URL(req.url);
    target = (u.pathname || '/') + u.search;
    host = u.host;
  } catch {
    /* not a URL: written as stored */
  }
  const lines = [`${req.method} ${target} HTTP/1.1`];
  if (!has(req.headers, 'host') && host) lines.push(`Host: ${host}`);
  const chunked = /chunked/i.test(header(req.headers, 'transfer-encoding') || '');
  for (const [n, v] of req.headers) if (!(chunked && isFraming(n))) lines.push(`${n}: ${v}`);
  const body = req.body_encoding === 'base64' ? latin1(bodyBytes(req)) : req.body || '';
  if (chunked || (!has(req.headers, 'content-length') && (body.length || !['GET', 'HEAD'].includes(req.method)))) {
    lines.push(`Content-Length: ${bodyBytes(req).length}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function latin1(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** A word for bash: bare when safe, '…' when printable, $'…' with escapes otherwise. */
export function shQuote(s) {
  if (s && /^[A-Za-z0-9\-_./:=@%+,]+$/.test(s)) return s;
  if (!/[\x00-\x1f\x7f]/.test(s)) return `'${s.replace(/'/g, "'\\''")}'`;
  let out = "$'";
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (/[\x00-\x1f\x7f]/.test(c)) out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}'`;
}

const shQuoted = (s) => (/[\x00-\x1f\x7f]/.test(s) ? shQuote(s) : `'${s.replace(/'/g, "'\\''")}'`);

// Linux refuses an exec argument over 128 KiB; larger bodies go through printf, a bash builtin.
const INLINE_BODY_MAX = 64 * 1024;

/** One bash line that re-sends the request byte-exact: the stored headers, none of curl's own. */
export function curl(rec) {
  const req = rec.request;
  const args = ['curl', '--globoff', '--path-as-is', '-X', shQuote(req.method)];
  for (const [n, v] of req.headers) {
    if (isFraming(n)) continue;
    args.push('-H', shQuoted(v === '' ? `${n};` : `${n}: ${v}`));
  }
  for (const d of ['Accept', 'User-Agent', 'Content-Type', 'Expect']) if (!has(req.headers, d)) args.push('-H', shQuoted(`${d}:`));
  let pipe = '';
  const size = bodyBytes(req).length;
  if (size > 0) {
    args.push('--data-binary');
    const text = req.body_encoding === 'base64' ? null : req.body;
    if (text !== null && !text.includes('\0') && !text.startsWith('@') && size <= INLINE_BODY_MAX) args.push(shQuote(text));
    else if (text !== null && !text.includes('\0')) {
      pipe = `printf '%s' ${shQuote(text)} | `;
      args.push('@-');
    } else {
      pipe = `printf '%s' ${req.body_encoding === 'base64' ? req.body : btoa(unescape(encodeURIComponent(text)))} | base64 -d | `;
      args.push('@-');
    }
  }
  args.push(shQuoted(req.url));
  return pipe + args.join(' ');
}

const harHeaders = (hs) => (hs || []).map(([name, value]) => ({ name, value }));
const harText = (part, mime) => (part.body_encoding === 'base64'
  ? { mimeType: mime, text: part.body, encoding: 'base64' }
  : { mimeType: mime, text: part.body });

/** A HAR 1.2 document of this one entry, hookctl's own fields in `_hookctl` as `logs export` writes. */
export function har(rec) {
  const req = rec.request;
  let query = [];
  try {
    query = [...new URL(req.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    /* no query to list */
  }
  const request = {
    method: req.method, url: req.url, httpVersion: 'HTTP/1.1', cookies: [], headers: harHeaders(req.headers),
    queryString: query, headersSize: -1, bodySize: bodyBytes(req).length,
  };
  if (request.bodySize > 0) request.postData = harText(req, header(req.headers, 'content-type') || '');
  const res = rec.response;
  const response = res
    ? {
      status: res.status, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: harHeaders(res.headers),
      content: { ...harText(res, header(res.headers, 'content-type') || ''), size: bodyBytes(res).length },
      redirectURL: header(res.headers, 'location') || '', headersSize: -1, bodySize: bodyBytes(res).length,
    }
    // HAR has no "no response": browsers write status 0 for a request that got none.
    : { status: 0, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 };
  const wait = rec.duration_ms || 0;
  const entry = {
    startedDateTime: rec.created_at, time: wait, request, response, cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive: 0 },
    _hookctl: {
      id: rec.id, source: rec.source, event_type: rec.event_type, provider: rec.provider, target: rec.target,
      attempt: rec.attempt, status: rec.status, duration_ms: rec.duration_ms, error: rec.error,
      replay_of: rec.replay_of, retry_of: rec.retry_of, tunnel: rec.tunnel, has_response: !!res,
    },
  };
  if (rec.error) entry.comment = rec.error;
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'hookctl console', version: '' }, entries: [entry] } }, null, 2);
}
