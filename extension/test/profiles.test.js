import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UI_LANGUAGES, translate } from '../lib/i18n.js';
import {
  ACTIVE_PLATFORMS,
  EDITABLE_FIELDS,
  MIN_SAMPLES,
  activePlatformsByProfile,
  changedFields,
  exportFileName,
  formToProfile,
  mergeEdits,
  normalizeDomain,
  normalizeProfileName,
  parseBannedTerms,
  profileToForm,
  samplesStatus,
  splitSamples,
} from '../lib/profiles.js';

// What the server sends for a profile (without its fingerprint).
const PROFILE = Object.freeze({
  name: 'Maison Lumière',
  languages: ['fr', 'en'],
  address_form: { fr: 'vous' },
  formality: 62,
  emoji_max: 1,
  exclamation_max: 0,
  reading_ease: [40, 80],
  hashtags_max: { facebook: 2, linkedin: 4, generic: 3 },
  preferred_terms: ['atelier', 'luminaire'],
  banned_terms: { client: 'membre', 'pas cher': '' },
  brand_names: ['Maison Lumière'],
  domains: ['maison-lumiere.fr'],
  platforms: { linkedin: { formality: 70 } },
  samples: 20,
  learned: true,
});

describe('splitSamples', () => {
  it('reads one post per line, ignoring blank lines and surrounding spaces', () => {
    assert.deepEqual(splitSamples('  Premier post \nDeuxième post\r\n  Troisième\n'), [
      'Premier post',
      'Deuxième post',
      'Troisième',
    ]);
  });

  it('keeps multi-line posts whole when posts are separated by empty lines', () => {
    const text = 'Bonjour à tous,\nvoici notre atelier.\n\nDeuxième post\nsur deux lignes\n \n\nTroisième';
    assert.deepEqual(splitSamples(text), [
      'Bonjour à tous,\nvoici notre atelier.',
      'Deuxième post\nsur deux lignes',
      'Troisième',
    ]);
  });

  it('treats trailing empty lines as nothing and empty input as no post', () => {
    assert.deepEqual(splitSamples('Un\nDeux\n\n\n'), ['Un', 'Deux']);
    assert.deepEqual(splitSamples(''), []);
    assert.deepEqual(splitSamples('   \n\t\n'), []);
    assert.deepEqual(splitSamples(undefined), []);
  });

  it('counts twenty pasted posts as twenty', () => {
    const posts = Array.from({ length: 20 }, (_, i) => `Post numéro ${i + 1} de la marque.`);
    assert.equal(splitSamples(posts.join('\n')).length, 20);
    assert.equal(splitSamples(posts.join('\n\n')).length, 20);
  });
});

describe('samplesStatus', () => {
  it('says how many posts are missing below the minimum', () => {
    assert.equal(MIN_SAMPLES, 5);
    assert.deepEqual(samplesStatus(3), { count: 3, enough: false, missing: 2 });
    assert.deepEqual(samplesStatus(0), { count: 0, enough: false, missing: 5 });
    assert.deepEqual(samplesStatus(5), { count: 5, enough: true, missing: 0 });
    assert.deepEqual(samplesStatus(20), { count: 20, enough: true, missing: 0 });
  });
});

describe('profile names', () => {
  it('accepts what the server accepts and trims it', () => {
    assert.deepEqual(normalizeProfileName('  Maison Lumière '), { value: 'Maison Lumière' });
    assert.deepEqual(normalizeProfileName("L'Atelier-2.0"), { value: "L'Atelier-2.0" });
    assert.deepEqual(normalizeProfileName('_brouillon'), { value: '_brouillon' });
  });

  it('refuses empty, too long or oddly punctuated names', () => {
    assert.equal(normalizeProfileName('  ').error, 'name_required');
    assert.equal(normalizeProfileName('-acme').error, 'name_invalid');
    assert.equal(normalizeProfileName('Active').error, 'name_reserved');
    assert.equal(normalizeProfileName('acme/../x').error, 'name_invalid');
    assert.equal(normalizeProfileName('a'.repeat(65)).error, 'name_invalid');
    assert.deepEqual(normalizeProfileName('a'.repeat(64)), { value: 'a'.repeat(64) });
  });
});

describe('domains and banned terms', () => {
  it('reduces a pasted address to its host name', () => {
    assert.equal(normalizeDomain('https://www.Maison-Lumiere.fr/boutique?x=1'), 'www.maison-lumiere.fr');
    assert.equal(normalizeDomain('maison-lumiere.fr:443'), 'maison-lumiere.fr');
    assert.equal(normalizeDomain('boutique.café.fr'), 'boutique.café.fr');
    assert.equal(normalizeDomain('localhost'), null);
    assert.equal(normalizeDomain('not a domain'), null);
    assert.equal(normalizeDomain('-bad.fr'), null);
  });

  it('reads "term → replacement" lines with any common arrow', () => {
    const { terms, invalid } = parseBannedTerms('client → membre\npas cher->abordable\npromo => offre\nbuzz\n\nluxe\tsoigné');
    assert.deepEqual(terms, { client: 'membre', 'pas cher': 'abordable', promo: 'offre', buzz: '', luxe: 'soigné' });
    assert.deepEqual(invalid, []);
    assert.deepEqual(parseBannedTerms('→ membre').invalid, ['→ membre']);
  });
});

describe('form ↔ profile', () => {
  it('shows a profile as the form strings and reads it back unchanged', () => {
    const form = profileToForm(PROFILE);
    assert.equal(form.name, 'Maison Lumière');
    assert.deepEqual(form.languages, { fr: true, en: true });
    assert.equal(form.address_fr, 'vous');
    assert.equal(form.formality, '62');
    assert.deepEqual(form.hashtags, { facebook: '2', linkedin: '4', generic: '3' });
    assert.equal(form.banned_terms, 'client → membre\npas cher');
    assert.equal(form.domains, 'maison-lumiere.fr');

    const { profile, ok } = formToProfile(form);
    assert.equal(ok, true);
    assert.deepEqual(changedFields(PROFILE, profile), {});
    for (const key of EDITABLE_FIELDS) assert.ok(key in profile, key);
    assert.ok(!('name' in profile), 'the name is not editable');
  });

  it('fills sensible defaults for a profile the server sent sparsely', () => {
    const form = profileToForm({ name: 'Nouveau' });
    assert.equal(form.address_fr, 'vous');
    assert.deepEqual(form.languages, { fr: false, en: false });
    assert.deepEqual(form.hashtags, { facebook: '', linkedin: '', generic: '' });
  });

  it('normalizes lists: trimmed, one per line, duplicates dropped, domains from addresses', () => {
    const form = {
      ...profileToForm(PROFILE),
      preferred_terms: ' atelier \n\nAtelier\nlumière douce',
      brand_names: 'Maison Lumière\nML',
      domains: 'https://maison-lumiere.fr/ , shop.maison-lumiere.fr\nmaison-lumiere.fr',
    };
    const { profile, ok } = formToProfile(form);
    assert.equal(ok, true);
    assert.deepEqual(profile.preferred_terms, ['atelier', 'lumière douce']);
    assert.deepEqual(profile.brand_names, ['Maison Lumière', 'ML']);
    assert.deepEqual(profile.domains, ['maison-lumiere.fr', 'shop.maison-lumiere.fr']);
  });

  it('says tu or vous only for French', () => {
    const english = formToProfile({ ...profileToForm(PROFILE), languages: { fr: false, en: true } });
    assert.deepEqual(english.profile.languages, ['en']);
    assert.deepEqual(english.profile.address_form, { fr: 'vous' }, 'kept for when French comes back');
    assert.equal(formToProfile({ ...profileToForm(PROFILE), address_fr: 'vous?' }).errors.address_fr, 'address_invalid');
    const tu = formToProfile({ ...profileToForm(PROFILE), address_fr: 'tu' });
    assert.deepEqual(tu.profile.address_form, { fr: 'tu' });
  });

  it('reports each invalid field with a code and what was wrong', () => {
    const form = {
      ...profileToForm(PROFILE),
      languages: { fr: false, en: false },
      formality: '140',
      emoji_max: '-1',
      exclamation_max: '1.5',
      hashtags: { facebook: 'beaucoup', linkedin: '31', generic: '' },
      banned_terms: 'client → membre\n= rien',
      domains: 'maison-lumiere.fr\nhttp://',
    };
    const { errors, detail, ok } = formToProfile(form);
    assert.equal(ok, false);
    assert.deepEqual(errors, {
      languages: 'languages_required',
      formality: 'number_range',
      emoji_max: 'number_range',
      exclamation_max: 'number_range',
      hashtags_facebook: 'number_range',
      hashtags_linkedin: 'number_range',
      banned_terms: 'banned_terms_invalid',
      domains: 'domain_invalid',
    });
    assert.deepEqual(detail.formality, { low: 0, high: 100 });
    assert.deepEqual(detail.hashtags_linkedin, { low: 0, high: 30 });
    assert.deepEqual(detail.banned_terms, { line: '= rien' });
    assert.deepEqual(detail.domains, { domain: 'http://' });
  });

  it('leaves a network without a hashtag limit out instead of sending zero', () => {
    const { profile } = formToProfile({ ...profileToForm(PROFILE), hashtags: { facebook: '1', linkedin: ' ', generic: '' } });
    assert.deepEqual(profile.hashtags_max, { facebook: 1 });
  });
});

describe('changedFields and mergeEdits', () => {
  it('lists only the edited fields, whatever the key order', () => {
    const edited = formToProfile({ ...profileToForm(PROFILE), emoji_max: '3', address_fr: 'tu' }).profile;
    assert.deepEqual(changedFields(PROFILE, edited), { emoji_max: 3, address_form: { fr: 'tu' } });
    const reordered = { ...PROFILE, hashtags_max: { generic: 3, linkedin: 4, facebook: 2 }, languages: ['en', 'fr'] };
    assert.deepEqual(changedFields(PROFILE, reordered), {});
    assert.deepEqual(changedFields(PROFILE, { ...PROFILE, preferred_terms: ['luminaire', 'atelier'] }), {
      preferred_terms: ['luminaire', 'atelier'],
    });
  });

  it('puts this tab’s edits on top of what another tab saved', () => {
    const mine = { ...PROFILE, emoji_max: 3, brand_names: ['Maison Lumière', 'ML'] };
    const latest = { ...PROFILE, formality: 75, emoji_max: 0, samples: 40 };
    const merged = mergeEdits(PROFILE, mine, latest);
    assert.equal(merged.formality, 75, 'the other tab’s change is kept');
    assert.equal(merged.samples, 40);
    assert.equal(merged.emoji_max, 3, 'a field this tab edited wins');
    assert.deepEqual(merged.brand_names, ['Maison Lumière', 'ML']);
    assert.deepEqual(changedFields(latest, merged), { emoji_max: 3, brand_names: ['Maison Lumière', 'ML'] });
  });
});

describe('activePlatformsByProfile', () => {
  it('groups networks by profile, matching names without case', () => {
    const where = activePlatformsByProfile({ linkedin: 'Acme', facebook: 'acme', generic: 'Other' });
    assert.deepEqual(where.get('acme'), ['facebook', 'linkedin']);
    assert.deepEqual(where.get('other'), ['generic']);
    assert.equal(activePlatformsByProfile({}).size, 0);
    assert.equal(activePlatformsByProfile(undefined).size, 0);
  });
});

describe('exportFileName', () => {
  it('makes a portable file name from any profile name', () => {
    assert.equal(exportFileName('Maison Lumière'), 'postcoach-profile-Maison-Lumiere.json');
    assert.equal(exportFileName("L'Atelier 2.0"), 'postcoach-profile-L-Atelier-2.0.json');
    assert.equal(exportFileName('’’'), 'postcoach-profile-brand.json');
  });
});

describe('settings page strings', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const read = (file) => readFileSync(path.join(here, '..', file), 'utf8');

  it('exist in both languages for every key the page and its profile section name', () => {
    const html = read('options/options.html');
    const script = read('options/profiles.js');
    const keys = new Set([
      ...[...html.matchAll(/data-i18n="([^"]+)"/g)].map((match) => match[1]),
      ...[...script.matchAll(/'(profiles?\.[a-z_.]+)'/g)].map((match) => match[1]),
      ...ACTIVE_PLATFORMS.map((platform) => `profiles.platform.${platform}`),
      ...['formal', 'measured', 'relaxed', 'casual'].map((register) => `profiles.register.${register}`),
      'profiles.samples_count_one',
      'profiles.samples_count_other',
    ]);
    const codes = new Set(['name_required', 'name_invalid', 'name_reserved']);
    const bad = formToProfile({ languages: {}, address_fr: 'x', formality: 'x', emoji_max: 'x', exclamation_max: 'x',
      hashtags: { facebook: 'x' }, banned_terms: '→ x', domains: 'x' });
    for (const code of Object.values(bad.errors)) codes.add(code);
    for (const code of codes) keys.add(`profile.error.${code}`);
    assert.ok(keys.size > 80, `only ${keys.size} keys found`);
    for (const lang of UI_LANGUAGES) {
      for (const key of keys) assert.doesNotThrow(() => translate(lang, key), `${lang}: ${key}`);
    }
  });
});
