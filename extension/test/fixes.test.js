import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAtCaret, replaceSpan, replacementsOf } from '../lib/fixes.js';

const TEXT = 'PROFITEZ-EN vite !!! notre promo';
const shouting = { rule: 'salesiness.shouting', level: 'warning', span: [0, 11], replacements: ['Profitez-en'] };
const bang = { rule: 'salesiness.shouting', level: 'warning', span: [17, 20], replacements: ['!'] };
const hardSell = { rule: 'salesiness.hard_sell', level: 'error', span: [0, 11] };
const banned = { rule: 'tone.banned_term', level: 'suggestion', span: [27, 32], replacements: ['offre', 'proposition'] };

describe('replacementsOf', () => {
  it('offers every distinct replacement that changes the span', () => {
    assert.deepEqual(replacementsOf(banned, TEXT), ['offre', 'proposition']);
    assert.deepEqual(replacementsOf({ ...banned, replacements: ['offre', 'offre', 'promo'] }, TEXT), ['offre']);
  });

  it('offers the empty string: it removes the span', () => {
    assert.deepEqual(replacementsOf({ ...bang, replacements: [''] }, TEXT), ['']);
  });

  it('never offers a line break (Enter sends a comment) nor a malformed hint', () => {
    assert.deepEqual(replacementsOf({ ...banned, replacements: ['offre\nspéciale'] }, TEXT), []);
    assert.deepEqual(replacementsOf(hardSell, TEXT), []);
    assert.deepEqual(replacementsOf({ ...banned, span: null }, TEXT), []);
    assert.deepEqual(replacementsOf({ ...banned, span: [27, 99] }, TEXT), []);
    assert.deepEqual(replacementsOf({ ...banned, replacements: 'offre' }, TEXT), []);
  });
});

describe('replaceSpan', () => {
  it('counts in UTF-16 units, like the spans', () => {
    assert.equal(replaceSpan('👋🏽 PROMO', [5, 10], 'offre'), '👋🏽 offre');
    assert.equal(replaceSpan(TEXT, [16, 20], ''), 'PROFITEZ-EN vite notre promo');
  });
});

describe('fixAtCaret', () => {
  const hints = [hardSell, shouting, bang, banned];

  it('takes the hint with a replacement whose span holds the caret, edges included', () => {
    assert.equal(fixAtCaret(hints, TEXT, 4).hint, shouting);
    assert.equal(fixAtCaret(hints, TEXT, 11).replacement, 'Profitez-en');
    assert.equal(fixAtCaret(hints, TEXT, 20).hint, bang);
    assert.equal(fixAtCaret(hints, TEXT, 32).replacement, 'offre');
  });

  it('prefers the most serious hint, then the narrowest', () => {
    const error = { ...banned, level: 'error', span: [21, 32], replacements: ['votre offre'] };
    assert.equal(fixAtCaret([banned, error], TEXT, 30).hint, error);
    const wide = { ...banned, span: [21, 32], replacements: ['votre offre'] };
    assert.equal(fixAtCaret([wide, banned], TEXT, 30).hint, banned);
  });

  it('is null away from any fix or without a caret', () => {
    assert.equal(fixAtCaret(hints, TEXT, 14), null);
    assert.equal(fixAtCaret(hints, TEXT, null), null);
  });
});
