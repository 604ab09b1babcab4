// Small DOM and formatting helpers shared by every view, so no view builds elements its own way.

/** An element with attributes (on* are listeners) and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** "1.2 KiB": sizes as people read them. */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function millis(ms) {
  if (ms === null || ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** The local time of day with milliseconds: deliveries often arrive within the same second. */
export function clock(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** A record's body as bytes, whichever way the API encoded it. */
export function bodyBytes(part) {
  if (!part || part.body === undefined || part.body === null) return new Uint8Array();
  if (part.body_encoding === 'base64') {
    const s = atob(part.body);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  return new TextEncoder().encode(part.body);
}

/** A body as text when it is UTF-8 (the API says so), else null. */
export function bodyText(part) {
  if (!part || part.body === undefined || part.body === null) return '';
  return part.body_encoding === 'base64' ? null : part.body;
}

/** The first value of a header, names compared as HTTP does (case-insensitive). */
export function header(headers, name) {
  const n = name.toLowerCase();
  const hit = (headers || []).find(([k]) => k.toLowerCase() === n);
  return hit ? hit[1] : null;
}

export function pathOf(url) {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url || '';
  }
}

/** Offer bytes as a file download without a round trip. */
export function download(name, data, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One line in the page's alert bar; errors must never pass silently. */
export function notify(message) {
  const el = document.getElementById('notice');
  el.textContent = message;
  el.hidden = !message;
  clearTimeout(notify.timer);
  if (message) notify.timer = setTimeout(() => { el.hidden = true; }, 8000);
}

/** `fn` once the calls stop for `ms`: typing asks the server once, not per key. */
export function debounce(fn, ms) {
  let t;
  return (...a) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

export const $ = (id) => document.getElementById(id);

/** A record's status as the list, the detail and the replay results show it: "delivered 200". */
export function statusText(rec) {
  return `${rec.status}${rec.response ? ` ${rec.response.status}` : ''}`;
}

/** What a signature verdict comes to: 'valid', 'invalid', 'unknown' (no secret, a scheme that
 *  cannot be checked: nothing to say against the delivery) or 'none' (no signature to check). */
export function verdictKind(v) {
  if (v.valid === null || v.valid === undefined) return 'none';
  if (v.valid) return 'valid';
  return v.reason === 'missing_secret' || v.reason === 'unsupported' ? 'unknown' : 'invalid';
}
