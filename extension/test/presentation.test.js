import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLruCache } from '../lib/cache.js';
import { UI_LANGUAGES, resolveUiLanguage, stringKeys, translate, translateCount } from '../lib/i18n.js';
import { describeScores, scoreTier, summarize, visibleHints } from '../lib/report.js';
import { parseCssColor, themeForBackgrounds } from '../lib/theme.js';

describe('scores', () => {
  it('high salesiness is poor, high interaction and tone are good', () => {
    assert.equal(scoreTier('salesiness', 83), 'poor');
    assert.equal(scoreTier('salesiness', 10), 'good');
    assert.equal(scoreTier('interaction_value', 100), 'good');
    assert.equal(scoreTier('interaction_value', 45), 'fair');
    assert.equal(scoreTier('tone_consistency', 20), 'poor');
  });

  it('every score carries words, not only a colour', () => {
    const described = describeScores({ salesiness: 83, interaction_value: 4, tone_consistency: 100 }, 'fr');
    assert.deepEqual(
      described.map(({ label, value, word }) => [label, value, word]),
      [
        ['Vente', 83, 'publicitaire'],
        ['Échange', 4, 'sens unique'],
        ['Ton', 100, 'cohérent'],
      ],
    );
    assert.equal(
      summarize({ salesiness: 10, interaction_value: 90, tone_consistency: 70 }, 1, 'en'),
      'Salesiness 10 (low-key), Interaction 90 (invites replies), Tone 70 (consistent). 1 hint.',
    );
  });
});

describe('visibleHints', () => {
  it('drops the families switched off and keeps the server order', () => {
    const hints = [
      { rule: 'a', family: 'salesiness' },
      { rule: 'b', family: 'conflict' },
      { rule: 'c', family: 'tone' },
    ];
    assert.deepEqual(
      visibleHints(hints, { salesiness: true, conflict: false, tone: true }).map((hint) => hint.rule),
      ['a', 'c'],
    );
    assert.deepEqual(visibleHints(undefined, {}), []);
  });
});

describe('i18n', () => {
  it('French and English define the same strings', () => {
    assert.deepEqual(stringKeys('fr').sort(), stringKeys('en').sort());
    assert.deepEqual(UI_LANGUAGES, ['fr', 'en']);
  });

  it('resolves the language: setting, then draft, then browser', () => {
    assert.equal(resolveUiLanguage('en', { draftLanguage: 'fr', browserLanguage: 'fr-FR' }), 'en');
    assert.equal(resolveUiLanguage('auto', { draftLanguage: 'fr', browserLanguage: 'en-US' }), 'fr');
    assert.equal(resolveUiLanguage('auto', { draftLanguage: 'und', browserLanguage: 'fr-CA' }), 'fr');
    assert.equal(resolveUiLanguage('auto', { draftLanguage: 'und', browserLanguage: 'de' }), 'en');
  });

  it('fills placeholders and plurals, and fails loudly on a missing key', () => {
    assert.equal(translateCount('fr', 'hints.count', 1), '1 conseil');
    assert.equal(translateCount('en', 'hints.count', 3), '3 hints');
    assert.equal(translate('en', 'options.test_ok', { version: '1.0', ms: 4 }), 'Connected to Post Coach 1.0 — round trip 4 ms.');
    assert.throws(() => translate('fr', 'no.such.key'), /missing UI string/);
  });
});

describe('createLruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = createLruCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});

describe('theme', () => {
  it('parses computed colours', () => {
    assert.deepEqual(parseCssColor('rgb(24, 25, 26)'), { r: 24, g: 25, b: 26, alpha: 1 });
    assert.deepEqual(parseCssColor('rgba(0, 0, 0, 0)'), { r: 0, g: 0, b: 0, alpha: 0 });
    assert.equal(parseCssColor('transparent'), null);
  });

  it('uses the first opaque background behind the composer', () => {
    assert.equal(themeForBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(36, 37, 38)', 'rgb(255, 255, 255)']), 'dark');
    assert.equal(themeForBackgrounds(['rgb(255, 255, 255)']), 'light');
    assert.equal(themeForBackgrounds(['rgba(0, 0, 0, 0)']), null);
  });
});
