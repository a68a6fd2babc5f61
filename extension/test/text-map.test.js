import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundariesForSpan, buildTextMap, offsetOfCaret, rangesForSpan, segmentsStillMatch } from '../lib/text-map.js';

// Fake text nodes: the mapping only needs identity and data.
const node = (data) => ({ data });
const text = (n) => ({ kind: 'text', node: n, text: n.data });
const block = { kind: 'block' };
const br = { kind: 'break' };
const trailingBr = { kind: 'trailing-break' };
const paragraph = (...content) => [block, ...content, block];

describe('buildTextMap', () => {
  it('joins paragraphs with one newline and keeps empty paragraphs as blank lines', () => {
    const a = node('Bonjour');
    const b = node('à tous');
    const { text: value } = buildTextMap([
      ...paragraph(text(a)),
      ...paragraph(trailingBr),
      ...paragraph(text(b)),
    ]);
    assert.equal(value, 'Bonjour\n\nà tous');
  });

  it('turns an inner <br> into a newline and ignores the trailing one', () => {
    const a = node('ligne 1');
    const b = node('ligne 2');
    const { text: value } = buildTextMap(paragraph(text(a), br, text(b), trailingBr));
    assert.equal(value, 'ligne 1\nligne 2');
  });

  it('does not double newlines for nested blocks', () => {
    const a = node('un');
    const b = node('deux');
    const { text: value } = buildTextMap([block, ...paragraph(text(a)), ...paragraph(text(b)), block]);
    assert.equal(value, 'un\ndeux');
  });

  it('maps no-break spaces to spaces without shifting offsets', () => {
    const a = node('Achetez\u00A0maintenant\u00A0');
    const map = buildTextMap(paragraph(text(a)));
    assert.equal(map.text, 'Achetez maintenant ');
    assert.deepEqual(rangesForSpan(map.segments, [8, 18]), [{ node: a, startOffset: 8, endOffset: 18 }]);
  });
});

describe('rangesForSpan', () => {
  // Lexical splits styled runs into several text nodes; the emoji is two UTF-16 units.
  const first = node('🎉 Profitez');
  const second = node('-en vite');
  const third = node('Quelle astuce ?');
  const map = buildTextMap([...paragraph(text(first), text(second)), ...paragraph(text(third))]);

  it('counts offsets in UTF-16 code units, like the server', () => {
    assert.equal(map.text, '🎉 Profitez-en vite\nQuelle astuce ?');
    const start = map.text.indexOf('Profitez');
    assert.equal(start, 3);
    assert.deepEqual(rangesForSpan(map.segments, [start, start + 8]), [
      { node: first, startOffset: 3, endOffset: 11 },
    ]);
  });

  it('splits a span across the text nodes it covers', () => {
    const start = map.text.indexOf('Profitez-en');
    assert.deepEqual(rangesForSpan(map.segments, [start, start + 'Profitez-en'.length]), [
      { node: first, startOffset: 3, endOffset: 11 },
      { node: second, startOffset: 0, endOffset: 3 },
    ]);
  });

  it('skips the newline between paragraphs', () => {
    const start = map.text.indexOf('vite');
    const end = map.text.indexOf('astuce');
    assert.deepEqual(rangesForSpan(map.segments, [start, end]), [
      { node: second, startOffset: 4, endOffset: 8 },
      { node: third, startOffset: 0, endOffset: 7 },
    ]);
  });

  it('returns nothing for whole-post hints and malformed spans', () => {
    assert.deepEqual(rangesForSpan(map.segments, null), []);
    assert.deepEqual(rangesForSpan(map.segments, [5, 5]), []);
    assert.deepEqual(rangesForSpan(map.segments, [7, 2]), []);
    assert.deepEqual(rangesForSpan(map.segments, [0.5, 2]), []);
  });

  it('clips a span that runs past the end of the text', () => {
    assert.deepEqual(rangesForSpan(map.segments, [map.text.length - 1, map.text.length + 10]), [
      { node: third, startOffset: 14, endOffset: 15 },
    ]);
  });
});

describe('segmentsStillMatch', () => {
  it('is false once a node was edited or detached', () => {
    const a = node('Bonjour');
    const map = buildTextMap(paragraph(text(a)));
    const read = (n) => (n.detached ? null : n.data);
    assert.equal(segmentsStillMatch(map.segments, read), true);
    a.data = 'Bonjour !';
    assert.equal(segmentsStillMatch(map.segments, read), false);
    a.data = 'Bonjour';
    a.detached = true;
    assert.equal(segmentsStillMatch(map.segments, read), false);
  });
});

describe('boundariesForSpan', () => {
  const hello = node('Bonjour 👋🏽 à tous');
  const shout = node('Venez ');
  const caps = node('VITE');
  const { segments } = buildTextMap([...paragraph(text(hello)), ...paragraph(text(shout), text(caps))]);

  it('gives the selection of a span after emoji, in the next paragraph, across text nodes', () => {
    // "Bonjour 👋🏽 à tous" is 19 UTF-16 units (the emoji and its skin tone take two each),
    // then comes the newline.
    assert.deepEqual(boundariesForSpan(segments, [20 + 3, 20 + 8]), {
      startNode: shout,
      startOffset: 3,
      endNode: caps,
      endOffset: 2,
    });
  });

  it('refuses a span across a line break, whose replacement is never certain', () => {
    assert.equal(boundariesForSpan(segments, [15, 22]), null);
  });

  it('refuses whole-post hints and spans past the text', () => {
    assert.equal(boundariesForSpan(segments, null), null);
    assert.equal(boundariesForSpan(segments, [25, 40]), null);
  });
});

describe('boundariesForSpan across lines (a deletion)', () => {
  // "Intro." / empty line / "Like si tu aimes" / "À dimanche": the bait line goes with a break.
  const intro = node('Intro.');
  const bait = node('Like si tu aimes');
  const end = node('À dimanche');
  const { text: value, segments } = buildTextMap([
    ...paragraph(text(intro)),
    ...paragraph(trailingBr),
    ...paragraph(text(bait)),
    ...paragraph(text(end)),
  ]);
  const across = { acrossLines: true };

  it('selects from the end of the line before to the end of the removed one', () => {
    const start = value.indexOf('\n');
    assert.deepEqual(boundariesForSpan(segments, [start, value.indexOf('\nÀ')], across), {
      startNode: intro,
      startOffset: 6,
      endNode: bait,
      endOffset: 16,
    });
  });

  it('selects from the start of the removed line to the start of the next one', () => {
    const start = value.indexOf('Like');
    assert.deepEqual(boundariesForSpan(segments, [start, value.indexOf('À')], across), {
      startNode: bait,
      startOffset: 0,
      endNode: end,
      endOffset: 0,
    });
  });

  it('still refuses a span that ends between two line breaks, and any without the option', () => {
    assert.equal(boundariesForSpan(segments, [3, 7], across), null);
    assert.equal(boundariesForSpan(segments, [3, value.indexOf('Like')]), null);
  });
});

describe('offsetOfCaret', () => {
  const a = node('Bonjour');
  const b = node('à tous');
  const { segments } = buildTextMap([...paragraph(text(a)), ...paragraph(trailingBr), ...paragraph(text(b))]);

  it('counts from the start of the text node the caret is in', () => {
    assert.equal(offsetOfCaret(segments, b, 2, () => assert.fail('not asked')), 11);
  });

  it('puts a caret outside the text nodes after the last text before it', () => {
    const emptyLine = {};
    const before = (n) => n === a;
    assert.equal(offsetOfCaret(segments, emptyLine, 0, before), 7);
    assert.equal(offsetOfCaret(segments, emptyLine, 0, () => false), 0);
  });
});
