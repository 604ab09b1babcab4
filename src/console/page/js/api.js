// The console's one door to hookctl: every endpoint path and the live stream live here, so the
// views never spell a URL. The token sits in an HttpOnly cookie, so fetch sends it by itself.

async function call(method, path, body, as = 'json') {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    // The server refuses state-changing calls without a JSON type, which a plain form cannot send.
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  if (res.ok && as === 'text') return text;
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const msg = (data && (data.error || data.message)) || (typeof data === 'string' && data) || res.statusText;
    // The server's own one-line message, after its status.
    throw new Error(`${res.status}: ${msg}`);
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
  signature: (id) => call('GET', `/api/deliveries/${enc(id)}/signature`),
  attempts: (id) => call('GET', `/api/deliveries/${enc(id)}/attempts`),
  // curl, raw or har, as `logs show --format` prints it.
  as: (id, format) => call('GET', `/api/deliveries/${enc(id)}/as/${enc(format)}`, undefined, 'text'),
  replay: (id, body) => call('POST', `/api/deliveries/${enc(id)}/replay`, body),
  // The bulk replay takes the list's filter as the query string the list itself sends.
  bulkReplay: ({ filter, ...rest }) => call('POST', '/api/replay', { filter: query(filter).slice(1), ...rest }),
  diff: (a, b) => call('GET', `/api/diff${query({ a, b })}`),
  catalog: (q) => call('GET', `/api/catalog${query({ q })}`),
  event: (id) => call('GET', `/api/catalog/${enc(id)}`),
  lint: (id, body) => call('POST', `/api/catalog/${enc(id)}/lint`, { body }),
  send: (body) => call('POST', '/api/send', body),
};

/**
 * Records as they are written, by any process, that pass `filter` (the server judges it, as the
 * list's): `delivery` events carry one record each, and `lagged` says how many this page fell
 * behind by (the server drops rather than queue without bound), so the list can ask again.
 * EventSource reconnects by itself; `onState` hears whether the stream is up.
 */
export function stream(filter, { onRecord, onLagged, onState }) {
  const es = new EventSource(`/api/stream${query(filter)}`, { withCredentials: true });
  es.onopen = () => onState(true);
  // CLOSED after an error: the server refused the stream (a bad filter), and no retry will come.
  es.onerror = () => onState(false, es.readyState === EventSource.CLOSED);
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
