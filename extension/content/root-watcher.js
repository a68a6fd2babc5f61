// Keeps a MutationObserver on the document and on every open shadow root in it, as they appear.
// A document-level observer never sees what happens inside a shadow root, and attaching a shadow
// root makes no mutation at all, so roots are found three ways: by a walk of the page at start,
// by a walk of each subtree the page adds (done at scan time, so typing costs nothing), and from
// the path of a focus event (the user has to focus a composer to type in it).
import { openShadowRootsUnder } from './dom.js';

export function createRootWatcher({ onStructuralChange, ignoreMutationsIn }) {
  const observers = new Map();
  let added = [];

  const handleRecords = (records) => {
    let structural = false;
    for (const record of records) {
      if (record.addedNodes.length === 0 && record.removedNodes.length === 0) continue;
      if (ignoreMutationsIn(record.target)) continue;
      structural = true;
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(node);
    }
    if (structural) onStructuralChange();
  };

  function watch(root) {
    if (observers.has(root)) return false;
    const observer = new MutationObserver(handleRecords);
    observer.observe(root, { childList: true, subtree: true });
    observers.set(root, observer);
    for (const inner of openShadowRootsUnder(root)) watch(inner);
    return true;
  }

  return {
    /** Starts with the document and every open shadow root already in it. */
    start(doc) {
      watch(doc);
    },

    /** Watches the roots under the subtrees added since the last call; lets go of the roots
     *  whose host left the page. Returns the roots to search for composers. */
    refresh() {
      const subtrees = added;
      added = [];
      for (const node of subtrees) {
        if (!node.isConnected) continue;
        for (const root of openShadowRootsUnder(node)) watch(root);
      }
      for (const [root, observer] of observers) {
        if (root.host && !root.host.isConnected) {
          observer.disconnect();
          observers.delete(root);
        }
      }
      return [...observers.keys()];
    },

    /** Watches the open shadow roots a focus event went through; true if one was new. */
    adoptPath(path) {
      let found = false;
      for (const node of path) {
        if (node instanceof ShadowRoot && watch(node)) found = true;
      }
      return found;
    },

    disconnect() {
      for (const observer of observers.values()) observer.disconnect();
      observers.clear();
      added = [];
    },
  };
}
