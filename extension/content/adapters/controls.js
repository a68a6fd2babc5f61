// What every adapter's publishControl shares: the publish button the user pressed, from the
// event's composed path (inside open shadow roots too), by the site's selector or exact label.
import { SELECTORS } from './selectors.js';

const normalize = (label) => label.replace(/\s+/g, ' ').trim().toLowerCase();

// The accessible name as the sites give it: the aria-label, else the visible text.
const labelOf = (element) => normalize(element.getAttribute('aria-label') ?? element.textContent ?? '');

const isDisabled = (element) => element.disabled === true || element.getAttribute('aria-disabled') === 'true';

/**
 * Returns (path) => the enabled publish control the event went through, or null. Only the
 * innermost control on the path is judged (a button inside a clickable card is that button),
 * and a press inside an editor is never one.
 */
export function publishControlFinder({ selector, labels }) {
  const wanted = new Set(labels.map(normalize));
  return (path) => {
    for (const node of path) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.matches(SELECTORS.editable)) return null;
      if (!node.matches(SELECTORS.control)) continue;
      const publishes = node.matches(selector) || wanted.has(labelOf(node));
      return publishes && !isDisabled(node) ? node : null;
    }
    return null;
  };
}
