// The filter box's language: the filters of `hookctl logs`, written `event:GLOB` or `--event GLOB`.

const KEYS = ['event', 'status', 'source', 'since', 'until', 'where'];
// Only these may repeat, as on the command line.
const REPEATS = new Set(['event', 'where']);

/** Words split as a shell splits them, so `where:'data.amount > 100'` stays one word. */
export function words(text) {
  const out = [];
  let cur = '';
  let quote = null;
  let any = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (/\s/.test(ch)) {
      if (any || cur) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += ch;
    }
  }
  if (quote) throw new Error(`the filter has an unclosed ${quote}: close it or remove it`);
  if (any || cur) out.push(cur);
  return out;
}

/** The filter object the API takes, or an Error saying what to change. */
export function parse(text) {
  const filter = {};
  const put = (key, value) => {
    if (!KEYS.includes(key)) {
      throw new Error(`unknown filter '${key}': use ${KEYS.map((k) => `${k}:`).join(', ')}`);
    }
    if (value === undefined || value === '') throw new Error(`filter '${key}' needs a value, e.g. ${example(key)}`);
    if (REPEATS.has(key)) (filter[key] ||= []).push(value);
    else filter[key] = value;
  };
  const ws = words(text.trim());
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (w.startsWith('--')) {
      const [flag, inline] = splitOnce(w.slice(2), '=');
      put(flag, inline !== undefined ? inline : ws[++i]);
    } else if (/^[A-Za-z_-]+:/.test(w)) {
      const [key, value] = splitOnce(w, ':');
      put(key, value);
    } else {
      throw new Error(`'${w}' is not a filter: write KEY:VALUE (${KEYS.join(', ')}); search body text in the search box`);
    }
  }
  return filter;
}

/** The filter written back as the box shows it, quoting what needs it. */
export function format(filter) {
  const parts = [];
  for (const key of KEYS) {
    const v = filter[key];
    if (v === undefined) continue;
    for (const x of [].concat(v)) parts.push(`${key}:${/[\s'"]/.test(x) ? `'${x.replace(/'/g, '"')}'` : x}`);
  }
  return parts.join(' ');
}

function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function example(key) {
  return {
    event: "event:'invoice.*'",
    status: 'status:failed',
    source: 'source:trigger',
    since: 'since:1h',
    until: 'until:2026-01-01T00:00:00Z',
    where: "where:'data.amount > 100'",
  }[key];
}
