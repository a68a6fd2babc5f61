// The HTTP client of the local server. Only the service worker imports it: it is the single
// place that talks to the backend. `fetch` is injected so the status mapping can be tested.

import { Message } from './messages.js';

export const REQUEST_TIMEOUT_MS = 10000;

function endpoint(serverUrl, path) {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

async function errorDetails(response) {
  const httpStatus = response.status;
  try {
    const body = await response.json();
    const { code, message, ...extra } = body?.error ?? {};
    const details = { code: code ?? `http_${httpStatus}`, message: message ?? '', httpStatus };
    // Anything else the error carries (the field at fault, the current version…).
    if (Object.keys(extra).length) details.extra = extra;
    return details;
  } catch {
    return { code: `http_${httpStatus}`, message: response.statusText ?? '', httpStatus };
  }
}

/** Maps an HTTP outcome to the states the badge knows. */
async function outcome(response) {
  if (response.ok) {
    // 204 No Content (a deletion) has no body to read.
    const text = response.status === 204 ? '' : await response.text();
    return { status: 'ok', body: text ? JSON.parse(text) : null };
  }
  const details = await errorDetails(response);
  if (response.status === 401 || response.status === 403) {
    return { status: 'unauthorized', ...details };
  }
  if (response.status >= 500) return { status: 'offline', ...details };
  return { status: 'rejected', ...details };
}

async function call(fetchImpl, url, init, signal) {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await outcome(await fetchImpl(url, { ...init, signal: combined }));
  } catch (error) {
    if (signal?.aborted) return { status: 'stale' };
    return { status: 'offline', code: timeout.aborted ? 'timeout' : 'unreachable', message: String(error?.message ?? error) };
  }
}

export function analyzeRequestBody({ text, platform, reply }, settings) {
  const body = { text, platform, reply };
  if (settings.hintLanguage !== 'auto') body.ui_lang = settings.hintLanguage;
  if (settings.profile) body.profile = settings.profile;
  return body;
}

export async function analyzeDraft({ fetch: fetchImpl, settings, draft, signal }) {
  const reply = await call(
    fetchImpl,
    endpoint(settings.serverUrl, '/v1/analyze'),
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${settings.token}` },
      body: JSON.stringify(analyzeRequestBody(draft, settings)),
    },
    signal,
  );
  if (reply.status !== 'ok') return reply;
  return { status: 'ok', result: reply.body };
}

/**
 * "Test connection" on the settings page: health (no token) gives the version and the round
 * trip; a one-word analysis proves the token.
 */
export async function checkConnection({ fetch: fetchImpl, serverUrl, token, now = () => performance.now() }) {
  const started = now();
  const health = await call(fetchImpl, endpoint(serverUrl, '/v1/health'), { method: 'GET' });
  const roundTripMs = Math.round(now() - started);
  if (health.status !== 'ok') return health;
  const version = String(health.body?.version ?? '');
  const probe = await analyzeDraft({
    fetch: fetchImpl,
    settings: { serverUrl, token, hintLanguage: 'auto', profile: null },
    draft: { text: 'Bonjour', platform: 'generic', reply: false },
  });
  if (probe.status !== 'ok') return { ...probe, version, roundTripMs };
  return { status: 'ok', version, roundTripMs };
}

/**
 * Exchanges the one-time pairing code for the token (POST /v1/pair, which answers extension
 * origins only). The answer carries the token, or the server's refusal: wrong_code (with
 * tries_left), code_expired, too_many_tries.
 */
export async function pairWithCode({ fetch: fetchImpl, serverUrl, code }) {
  const reply = await call(fetchImpl, endpoint(serverUrl, '/v1/pair'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (reply.status !== 'ok') return reply;
  const token = reply.body?.token;
  if (typeof token !== 'string' || !token) return { status: 'rejected', code: 'bad_answer', message: '' };
  return { status: 'ok', token };
}

function encodeName(name) {
  return encodeURIComponent(name);
}

/**
 * The HTTP request behind each brand-profile message of the settings page. Pure, so the whole
 * mapping is tested without a server; the service worker adds the address and the token.
 */
export function profileRequest(message) {
  const base = '/v1/profiles';
  const one = (name) => `${base}/${encodeName(name)}`;
  switch (message.type) {
    case Message.PROFILES_LIST:
      return { method: 'GET', path: base };
    case Message.PROFILE_GET: {
      const query = message.lang ? `?lang=${encodeURIComponent(message.lang)}` : '';
      return { method: 'GET', path: `${one(message.name)}${query}` };
    }
    case Message.PROFILE_CREATE:
      return { method: 'POST', path: base, body: message.profile };
    case Message.PROFILE_UPDATE:
      return { method: 'PATCH', path: one(message.name), body: { ...message.changes, version: message.version } };
    case Message.PROFILE_DELETE:
      return { method: 'DELETE', path: one(message.name) };
    case Message.PROFILE_LEARN:
      return { method: 'POST', path: `${one(message.name)}/learn`, body: message.source };
    case Message.PROFILE_SET_ACTIVE:
      return { method: 'PUT', path: `${base}/active`, body: { platform: message.platform, name: message.name ?? null } };
    case Message.PROFILE_EXPORT:
      return { method: 'GET', path: `${one(message.name)}/export` };
    case Message.PROFILE_IMPORT:
      return { method: 'POST', path: `${base}/import${message.replace ? '?replace=true' : ''}`, body: message.document };
    default:
      throw new Error(`not a profile message: ${message.type}`);
  }
}

/** Whether a profile message changes what the server would answer to an analysis. */
export function changesProfiles(message) {
  return ![Message.PROFILES_LIST, Message.PROFILE_GET, Message.PROFILE_EXPORT].includes(message.type);
}

/** One authenticated JSON call; the answer keeps the server's error code, message and status. */
export async function callServer({ fetch: fetchImpl, settings, request, signal }) {
  const headers = { Authorization: `Bearer ${settings.token}` };
  const init = { method: request.method, headers };
  if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }
  return call(fetchImpl, endpoint(settings.serverUrl, request.path), init, signal);
}
