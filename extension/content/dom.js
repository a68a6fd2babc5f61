// DOM helpers that see through open shadow roots: LinkedIn renders its share dialog inside one,
// so `closest`, `activeElement` and a document-wide query all stop short of it.

/** The parent in the composed tree: a shadow root's children climb to its host. */
export function composedParent(node) {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode?.();
  return root && root !== node && root.host ? root.host : null;
}

/** Element.closest that continues from a shadow root to its host. */
export function closestComposed(node, selector) {
  for (let element = node?.nodeType === Node.ELEMENT_NODE ? node : composedParent(node); element; ) {
    const found = element.closest(selector);
    if (found) return found;
    const root = element.getRootNode();
    element = root.host ?? null;
  }
  return null;
}

/** The element that has the focus, inside open shadow roots too. */
export function deepActiveElement(doc = document) {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every open shadow root attached to `node` or to an element under it (not nested ones). */
export function openShadowRootsUnder(node) {
  const roots = [];
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && node.nodeType !== Node.DOCUMENT_NODE) {
    return roots;
  }
  if (node.shadowRoot) roots.push(node.shadowRoot);
  const walker = (node.ownerDocument ?? node).createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return roots;
}

/** Whether the browser draws the element at all (a light-DOM child of a shadow host without a
 *  slot, or anything under display: none, is not drawn and cannot be typed in). */
export function isRendered(element) {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}
