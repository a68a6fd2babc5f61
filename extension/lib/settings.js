// Settings live in storage.local under flat keys; `serverUrl` and `token` are test hooks that
// other checks rely on, so their names never change.

export const PLATFORMS = Object.freeze(['facebook', 'linkedin']);
export const FAMILIES = Object.freeze([
  'salesiness',
  'engagement_bait',
  'interaction',
  'tone',
  'credibility',
  'conflict',
  'platform',
]);
export const HINT_LANGUAGES = Object.freeze(['auto', 'fr', 'en']);
const DEFAULT_PORT = 8731;

export const DEFAULT_SETTINGS = Object.freeze({
  serverUrl: `http://127.0.0.1:${DEFAULT_PORT}`,
  token: '',
  hintLanguage: 'auto',
  platforms: Object.freeze(Object.fromEntries(PLATFORMS.map((name) => [name, true]))),
  families: Object.freeze(Object.fromEntries(FAMILIES.map((name) => [name, true]))),
  profile: null,
});

export const STORAGE_KEYS = Object.freeze(Object.keys(DEFAULT_SETTINGS));

// The extension only has host permissions for loopback, and the server binds loopback only.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TOKEN_PATTERN = /^[\x21-\x7E]{8,512}$/;

export function normalizeServerUrl(value) {
  if (typeof value !== 'string' || !value.trim()) return { error: 'server_url_required' };
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return { error: 'server_url_invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'server_url_invalid' };
  if (!LOOPBACK_HOSTS.has(url.hostname)) return { error: 'server_url_not_local' };
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return { error: 'server_url_invalid' };
  }
  return { value: url.origin };
}

export function normalizeToken(value) {
  if (typeof value !== 'string') return { error: 'token_invalid' };
  const token = value.trim();
  if (token === '') return { value: '' };
  if (!TOKEN_PATTERN.test(token)) return { error: 'token_invalid' };
  return { value: token };
}

/** The six digits of a pairing code as a person may type them ("482 913"), or null. */
export function normalizePairingCode(value) {
  if (typeof value !== 'string') return null;
  const code = value.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(code) ? code : null;
}

function normalizeSwitches(value, names) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'switches_invalid' };
  }
  const switches = {};
  for (const name of names) {
    const flag = value[name];
    if (flag !== undefined && typeof flag !== 'boolean') return { error: 'switches_invalid' };
    switches[name] = flag ?? true;
  }
  return { value: switches };
}

const NORMALIZERS = {
  serverUrl: normalizeServerUrl,
  token: normalizeToken,
  hintLanguage: (value) =>
    HINT_LANGUAGES.includes(value) ? { value } : { error: 'hint_language_invalid' },
  platforms: (value) => normalizeSwitches(value, PLATFORMS),
  families: (value) => normalizeSwitches(value, FAMILIES),
  profile: (value) =>
    value === null || (typeof value === 'string' && value.trim() !== '')
      ? { value: value === null ? null : value.trim() }
      : { error: 'profile_invalid' },
};

/**
 * Validates a partial settings object. Returns the normalized fields that passed and an error
 * code per field that did not; unknown keys are errors too, so a typo cannot be saved.
 */
export function validateSettings(partial) {
  const values = {};
  const errors = {};
  for (const [key, raw] of Object.entries(partial ?? {})) {
    const normalize = NORMALIZERS[key];
    if (!normalize) {
      errors[key] = 'unknown_setting';
      continue;
    }
    const { value, error } = normalize(raw);
    if (error) errors[key] = error;
    else values[key] = value;
  }
  return { values, errors, ok: Object.keys(errors).length === 0 };
}

/** Stored values that no longer validate fall back to their defaults instead of breaking. */
export function settingsFromStorage(stored) {
  const known = Object.fromEntries(
    Object.entries(stored ?? {}).filter(([key]) => STORAGE_KEYS.includes(key)),
  );
  return { ...DEFAULT_SETTINGS, ...validateSettings(known).values };
}

export async function loadSettings(storageArea) {
  return settingsFromStorage(await storageArea.get(STORAGE_KEYS));
}

/** Saves only the valid fields; returns what was saved (normalized) and the others' errors. */
export async function saveSettings(storageArea, partial) {
  const { values, errors } = validateSettings(partial);
  if (Object.keys(values).length > 0) await storageArea.set(values);
  return { saved: values, errors };
}

export function touchesSettings(changes) {
  return Object.keys(changes).some((key) => STORAGE_KEYS.includes(key));
}
