// One-click fixes: a hint may carry `replacements`, texts that can take the place of its span
// with certainty (a brand's preferred term, normal case for capitals, "!" for "!!!", "" to
// remove a passage). This part decides which fixes can be offered and what the draft becomes;
// content/apply-fix.js makes the editor do it.

const LEVEL_RANK = { error: 3, warning: 2, suggestion: 1 };

function validSpan(span, length) {
  return (
    Array.isArray(span) &&
    span.length === 2 &&
    Number.isInteger(span[0]) &&
    Number.isInteger(span[1]) &&
    span[0] >= 0 &&
    span[0] < span[1] &&
    span[1] <= length
  );
}

/**
 * The replacements of a hint that can be applied to `text`: strings on one line that change
 * something. A line break would have to go through the editor's Enter handling, which in a
 * comment box sends the comment: never offered.
 */
export function replacementsOf(hint, text) {
  if (!validSpan(hint?.span, text.length) || !Array.isArray(hint.replacements)) return [];
  const current = text.slice(hint.span[0], hint.span[1]);
  const seen = new Set();
  return hint.replacements.filter((replacement) => {
    if (typeof replacement !== 'string' || /[\r\n]/.test(replacement)) return false;
    if (replacement === current || seen.has(replacement)) return false;
    seen.add(replacement);
    return true;
  });
}

/** The draft once `replacement` took the place of `span`. */
export function replaceSpan(text, span, replacement) {
  return text.slice(0, span[0]) + replacement + text.slice(span[1]);
}

/**
 * The fix for the caret at UTF-16 offset `caret`: among the hints with a replacement whose
 * span holds the caret (its edges included), the most serious, then the narrowest, then the
 * first; its first replacement. Null when there is none.
 */
export function fixAtCaret(hints, text, caret) {
  if (!Number.isInteger(caret)) return null;
  let best = null;
  (hints ?? []).forEach((hint, index) => {
    const [replacement] = replacementsOf(hint, text);
    if (replacement === undefined || caret < hint.span[0] || caret > hint.span[1]) return;
    const candidate = { index, hint, span: hint.span, replacement };
    if (best === null || outranks(candidate, best)) best = candidate;
  });
  return best;
}

function outranks(a, b) {
  const rank = (LEVEL_RANK[a.hint.level] ?? 0) - (LEVEL_RANK[b.hint.level] ?? 0);
  if (rank !== 0) return rank > 0;
  return a.span[1] - a.span[0] < b.span[1] - b.span[0];
}
