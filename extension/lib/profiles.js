// Brand profiles on the settings page: the pure part. Pasted posts become samples, a profile
// becomes the strings its form shows and back (validated the way the server validates), and an
// edit that met a newer version is replayed on top of it. No DOM and no browser API here.

export const MIN_SAMPLES = 5;
export const MAX_SAMPLES = 5000;
// The server's learn route takes bodies up to 2 MiB; a file is sent whole inside JSON, whose
// escapes (quotes, line breaks) can add a good share, so the file itself stays well under.
export const MAX_FILE_BYTES = 1536 * 1024;
export const LANGUAGES = Object.freeze(['fr', 'en']);
export const ADDRESS_FORMS = Object.freeze(['tu', 'vous']);
// Where a profile can be active; "generic" is every network without a profile of its own.
export const ACTIVE_PLATFORMS = Object.freeze(['facebook', 'linkedin', 'generic']);
export const HASHTAG_PLATFORMS = Object.freeze(['facebook', 'linkedin', 'generic']);
export const LIMITS = Object.freeze({
  formality: [0, 100],
  emoji_max: [0, 50],
  exclamation_max: [0, 50],
  hashtags: [0, 30],
});
// The fields the form edits; everything else in a profile (fingerprint, per-platform
// adjustments, reading-ease range, sample count) is learned and left as the server has it.
export const EDITABLE_FIELDS = Object.freeze([
  'languages',
  'address_form',
  'formality',
  'emoji_max',
  'exclamation_max',
  'hashtags_max',
  'preferred_terms',
  'banned_terms',
  'brand_names',
  'domains',
]);

const RESERVED_NAMES = ['active'];
// The server's rule: a letter, digit or underscore, then up to 63 of those, spaces, . ' ’ -
const NAME_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}_ .'’-]{0,63}$/u;
const DOMAIN_PATTERN = /^(?=.{1,253}$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$/u;
// "term → replacement", also with ->, =>, = or a tab between the two.
const BANNED_SEPARATOR = /\s*(?:→|->|=>|=|\t)\s*/;

/**
 * Pasted posts: one post per line, or, when the text has empty lines, one post per block so
 * that posts written over several lines stay whole.
 */
export function splitSamples(text) {
  const normalized = String(text ?? '').replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(normalized.trim())
    ? normalized.split(/\n[ \t]*\n+/)
    : normalized.split('\n');
  return blocks.map((block) => block.trim()).filter(Boolean);
}

/** How far a number of posts is from what learning needs. */
export function samplesStatus(count) {
  return { count, enough: count >= MIN_SAMPLES, missing: Math.max(0, MIN_SAMPLES - count) };
}

export function normalizeProfileName(value) {
  const name = String(value ?? '').trim();
  if (!name) return { error: 'name_required' };
  if (!NAME_PATTERN.test(name)) return { error: 'name_invalid' };
  // The server's /v1/profiles/active is the active-profile map: no profile can be called that.
  if (RESERVED_NAMES.includes(name.toLowerCase())) return { error: 'name_reserved' };
  return { value: name };
}

function lines(text) {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function unique(values) {
  const seen = new Set();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "https://www.Example.fr/shop?x" → "www.example.fr"; null when it is not a host name. */
export function normalizeDomain(value) {
  let host = String(value ?? '').trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]*@/, '');
  host = host.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '');
  return DOMAIN_PATTERN.test(host) ? host : null;
}

export function parseBannedTerms(text) {
  const terms = {};
  const invalid = [];
  for (const line of lines(text)) {
    const [term, ...rest] = line.split(BANNED_SEPARATOR);
    if (!term) {
      invalid.push(line);
      continue;
    }
    terms[term] = rest.join(' ').trim();
  }
  return { terms, invalid };
}

export function formatBannedTerms(terms) {
  return Object.entries(terms ?? {})
    .map(([term, replacement]) => (replacement ? `${term} → ${replacement}` : term))
    .join('\n');
}

function parseInteger(text, [low, high]) {
  const trimmed = String(text ?? '').trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= low && value <= high ? value : null;
}

/** The strings and switches the form shows for a profile. */
export function profileToForm(profile) {
  const languages = profile.languages ?? [];
  const hashtags = profile.hashtags_max ?? {};
  return {
    name: profile.name ?? '',
    languages: Object.fromEntries(LANGUAGES.map((code) => [code, languages.includes(code)])),
    address_fr: profile.address_form?.fr ?? 'vous',
    formality: String(profile.formality ?? 60),
    emoji_max: String(profile.emoji_max ?? 1),
    exclamation_max: String(profile.exclamation_max ?? 1),
    hashtags: Object.fromEntries(HASHTAG_PLATFORMS.map((p) => [p, hashtags[p] === undefined ? '' : String(hashtags[p])])),
    preferred_terms: (profile.preferred_terms ?? []).join('\n'),
    banned_terms: formatBannedTerms(profile.banned_terms),
    brand_names: (profile.brand_names ?? []).join('\n'),
    domains: (profile.domains ?? []).join('\n'),
  };
}

/**
 * The profile fields a form describes, validated. `errors` maps a form field to an error code
 * (and `detail` to what was wrong, for the message); the profile is only meaningful without
 * errors. The name is left out: it cannot change after creation.
 */
export function formToProfile(form) {
  const errors = {};
  const detail = {};
  const profile = {};

  profile.languages = LANGUAGES.filter((code) => form.languages?.[code]);
  if (profile.languages.length === 0) errors.languages = 'languages_required';

  // Kept even when French is unticked, so ticking it again finds the brand's choice.
  profile.address_form = {};
  if (ADDRESS_FORMS.includes(form.address_fr)) profile.address_form.fr = form.address_fr;
  else if (profile.languages.includes('fr')) errors.address_fr = 'address_invalid';

  for (const key of ['formality', 'emoji_max', 'exclamation_max']) {
    const value = parseInteger(form[key], LIMITS[key]);
    if (value === null) {
      errors[key] = 'number_range';
      detail[key] = { low: LIMITS[key][0], high: LIMITS[key][1] };
    } else profile[key] = value;
  }

  profile.hashtags_max = {};
  for (const platform of HASHTAG_PLATFORMS) {
    const raw = String(form.hashtags?.[platform] ?? '').trim();
    if (raw === '') continue;
    const value = parseInteger(raw, LIMITS.hashtags);
    if (value === null) {
      errors[`hashtags_${platform}`] = 'number_range';
      detail[`hashtags_${platform}`] = { low: LIMITS.hashtags[0], high: LIMITS.hashtags[1] };
    } else profile.hashtags_max[platform] = value;
  }

  profile.preferred_terms = unique(lines(form.preferred_terms));
  profile.brand_names = unique(lines(form.brand_names));

  const banned = parseBannedTerms(form.banned_terms);
  profile.banned_terms = banned.terms;
  if (banned.invalid.length) {
    errors.banned_terms = 'banned_terms_invalid';
    detail.banned_terms = { line: banned.invalid[0] };
  }

  const domains = [];
  for (const entry of lines(form.domains).flatMap((line) => line.split(/[,\s]+/)).filter(Boolean)) {
    const domain = normalizeDomain(entry);
    if (domain === null) {
      errors.domains = 'domain_invalid';
      detail.domains = { domain: entry };
      break;
    }
    domains.push(domain);
  }
  profile.domains = unique(domains);

  return { profile, errors, detail, ok: Object.keys(errors).length === 0 };
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}

export function sameValue(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// Fields whose order says nothing (the server lists languages by how often the posts use them).
const UNORDERED_FIELDS = new Set(['languages']);

function comparable(key, value) {
  return UNORDERED_FIELDS.has(key) && Array.isArray(value) ? [...value].sort() : value;
}

/** The editable fields whose value differs between two profiles (what a PATCH sends). */
export function changedFields(before, after) {
  const changes = {};
  for (const key of EDITABLE_FIELDS) {
    if (key in after && !sameValue(comparable(key, before?.[key]), comparable(key, after[key]))) {
      changes[key] = after[key];
    }
  }
  return changes;
}

/**
 * After "changed in another tab": the latest version, with the fields this tab edited (relative
 * to what it had loaded) put back on top, so nothing typed is lost and nothing saved elsewhere
 * is overwritten unless this tab changed that very field.
 */
export function mergeEdits(loaded, mine, latest) {
  return { ...latest, ...changedFields(loaded, mine) };
}

/** Where each profile is active: name → platforms, in ACTIVE_PLATFORMS order. */
export function activePlatformsByProfile(active) {
  const where = new Map();
  for (const platform of ACTIVE_PLATFORMS) {
    const name = active?.[platform];
    if (!name) continue;
    const key = name.toLowerCase();
    if (!where.has(key)) where.set(key, []);
    where.get(key).push(platform);
  }
  return where;
}

/** The export file's name: the profile's name made safe for every file system. */
export function exportFileName(name) {
  const safe = String(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `postcoach-profile-${safe || 'brand'}.json`;
}
