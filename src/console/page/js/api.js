// The console's one door to hookctl: every endpoint path and the live stream live here, so the
// views never spell a URL. The token sits in an HttpOnly cookie, so fetch sends it by itself.

/** An API error carrying the server's own one-line message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    // The server refuses state-changing calls without a JSON type, which a plain form cannot send.
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const msg = (data && (data.error || data.message)) || (typeof data === 'string' && data) || res.statusText;
    throw new ApiError(res.status, `${res.status}: ${msg}`);
  }
  return data;
}

/** Query parameters from a filter object; arrays repeat the name, as `logs` repeats its flags. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const api = {
  deliveries: (filter) => call('GET', `/api/deliveries${query(filter)}`),
  delivery: (id, extra = {}) => call('GET', `/api/deliveries/${enc(id)}${query(extra)}`),
  replay: (id, body) => call('POST', `/api/deliveries/${enc(id)}/replay`, body),
  bulkReplay: (body) => call('POST', '/api/replay', body),
  diff: (a, b) => call('GET', `/api/diff${query({ a, b })}`),
  catalog: (q) => call('GET', `/api/catalog${query({ q })}`),
  generate: (event) => call('GET', `/api/catalog/${enc(event)}/generate`),
  schema: (event, payload) => call('POST', `/api/catalog/${enc(event)}/check`, { body: payload }),
  providers: () => call('GET', '/api/providers'),
  send: (body) => call('POST', '/api/send', body),
  exportAs: (id, format) => fetch(`/api/deliveries/${enc(id)}${query({ format })}`, { credentials: 'same-origin' })
    .then(async (r) => {
      if (!r.ok) throw new ApiError(r.status, `${r.status}: ${await r.text()}`);
      return r.text();
    }),
};

/**
 * Records as they are written, by any process: `delivery` events carry one record each, and
 * `lagged` says how many this page fell behind by (the server drops rather than queue without
 * bound), so the list can ask again. EventSource reconnects by itself; `onState` hears whether
 * the stream is up so the page can say so.
 */
export function stream({ onRecord, onLagged, onState }) {
  const es = new EventSource('/api/stream', { withCredentials: true });
  es.onopen = () => onState(true);
  es.onerror = () => onState(false);
  es.addEventListener('delivery', (ev) => {
    let rec;
    try {
      rec = JSON.parse(ev.data);
    } catch {
      return; // not a record: nothing to show
    }
    onRecord(rec);
  });
  es.addEventListener('lagged', (ev) => onLagged(Number(ev.data) || 0));
  return es;
}
