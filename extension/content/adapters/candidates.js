// What every adapter's findComposers shares: the editable roots matching its selector in one
// root (the document or a shadow root), minus what the user cannot type in and chat boxes.
import { isRendered } from '../dom.js';
import { SELECTORS } from './selectors.js';
import { Surface, surfaceOf } from './surface.js';

export function composersIn(root, selector, exclude = null) {
  return [...root.querySelectorAll(selector)].filter(
    (element) =>
      !(exclude && element.matches(exclude)) &&
      element.parentElement?.closest(SELECTORS.editable) == null &&
      isRendered(element) &&
      surfaceOf(element) !== Surface.CHAT,
  );
}

export const isReply = (editor) => surfaceOf(editor) === Surface.REPLY;
