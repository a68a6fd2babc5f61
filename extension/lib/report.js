// Turns an analysis result into what the badge and the panel show: tiers with words (never
// colour alone), the hints the user's settings let through, and a one-line summary.
import { translate, translateCount } from './i18n.js';

export const SCORE_KEYS = Object.freeze(['salesiness', 'interaction_value', 'tone_consistency']);

// Salesiness is the one score where high is bad.
const HIGH_IS_GOOD = { salesiness: false, interaction_value: true, tone_consistency: true };

export function scoreTier(key, value) {
  const goodness = HIGH_IS_GOOD[key] ? value : 100 - value;
  if (goodness >= 60) return 'good';
  if (goodness >= 35) return 'fair';
  return 'poor';
}

export function describeScores(scores, lang) {
  return SCORE_KEYS.map((key) => {
    const value = Math.round(Number(scores?.[key] ?? 0));
    const tier = scoreTier(key, value);
    return {
      key,
      value,
      tier,
      label: translate(lang, `score.${key}`),
      word: translate(lang, `score.${key}.${tier}`),
    };
  });
}

/** Hints whose family the user switched off are dropped client-side; server order is kept. */
export function visibleHints(hints, families) {
  return (hints ?? []).filter((hint) => families?.[hint.family] !== false);
}

export function summarize(scores, hintCount, lang) {
  const parts = describeScores(scores, lang).map(
    ({ label, value, word }) => `${label} ${value} (${word})`,
  );
  const hints = hintCount === 0 ? translate(lang, 'hints.none') : translateCount(lang, 'hints.count', hintCount);
  return `${parts.join(', ')}. ${hints}.`;
}
