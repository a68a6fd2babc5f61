// The HTTP client of the local server. Only the service worker imports it: it is the single
// place that talks to the backend. `fetch` is injected so the status mapping can be tested.

export const REQUEST_TIMEOUT_MS = 10000;

function endpoint(serverUrl, path) {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

async function errorDetails(response) {
  try {
    const body = await response.json();
    return { code: body?.error?.code ?? `http_${response.status}`, message: body?.error?.message ?? '' };
  } catch {
    return { code: `http_${response.status}`, message: response.statusText ?? '' };
  }
}

/** Maps an HTTP outcome to the states the badge knows. */
async function outcome(response) {
  if (response.ok) return { status: 'ok', body: await response.json() };
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
