// Entry point on Facebook and LinkedIn pages: finds composers as the single-page app creates
// them (in the document and in open shadow roots), coaches each one, records what is published
// from them, and lets go of them when they vanish.
import { mayRecord } from '../lib/capture.js';
import { Message, createMessageRouter, listenForMessages } from '../lib/messages.js';
import { loadSettings, touchesSettings } from '../lib/settings.js';
import { adapterForHost } from './adapters/index.js';
import { ComposerCoach } from './coach.js';
import { deepActiveElement, isRendered } from './dom.js';
import { watchPublishing } from './publish.js';
import { createRootWatcher } from './root-watcher.js';

const SCAN_DELAY_MS = 150;

export async function start() {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return;
  let settings = await loadSettings(chrome.storage.local);
  const coaches = new Map();
  let lastFocused = null;
  let nextId = 0;
  let scanTimer = 0;
  let orphaned = false;

  function insideCoachedEditor(node) {
    for (const editor of coaches.keys()) if (editor.contains(node)) return true;
    return false;
  }

  // Edits inside a coached editor are that coach's business; only structural changes
  // elsewhere can add or remove composers.
  const roots = createRootWatcher({
    ignoreMutationsIn: insideCoachedEditor,
    onStructuralChange: () => {
      if (!scanTimer && !orphaned) scanTimer = setTimeout(scan, SCAN_DELAY_MS);
    },
  });

  // After the extension is reloaded or updated, this script is orphaned: its badges would
  // claim the server is offline forever, so they go away instead. Deferred, because the call
  // that notices it may come from a coach still being built.
  function shutDown() {
    if (orphaned) return;
    orphaned = true;
    queueMicrotask(() => {
      clearTimeout(scanTimer);
      roots.disconnect();
      publishing.stop();
      for (const coach of coaches.values()) coach.dispose();
      coaches.clear();
      lastFocused = null;
    });
  }

  const sendMessage = (message) => {
    if (!chrome.runtime?.id) {
      shutDown();
      return Promise.resolve({ status: 'stale' });
    }
    return chrome.runtime.sendMessage(message);
  };

  function scan() {
    clearTimeout(scanTimer);
    scanTimer = 0;
    if (orphaned) return;
    // A composer the page hid (or that a shadow root attached over) is let go like a removed
    // one; it is picked up again when it shows or gets the focus.
    for (const [editor, coach] of coaches) {
      if (editor.isConnected && isRendered(editor)) {
        coach.keepAttached();
        continue;
      }
      coach.dispose();
      coaches.delete(editor);
      publishing.composerGone(coach);
      if (lastFocused === coach) lastFocused = null;
    }
    for (const root of roots.refresh()) {
      for (const editor of adapter.findComposers(root)) {
        if (coaches.has(editor)) continue;
        nextId += 1;
        coaches.set(
          editor,
          new ComposerCoach({ editor, adapter, settings, composerId: `composer-${nextId}`, sendMessage }),
        );
      }
    }
  }

  function coachContaining(node) {
    for (const [editor, coach] of coaches) if (node && editor.contains(node)) return coach;
    return null;
  }

  const publishing = watchPublishing({
    adapter,
    coaches,
    coachContaining,
    lastFocused: () => lastFocused,
    mayRecord: () => mayRecord(settings, adapter.platform),
    sendMessage,
  });

  // Focus tells where the user is: the composer the shortcuts act on, and a composer in a
  // shadow root that appeared without any mutation the observers could see.
  document.addEventListener(
    'focusin',
    (event) => {
      const path = event.composedPath();
      const target = path[0];
      const newRoot = roots.adoptPath(path);
      const coach = coachContaining(target);
      if (!coach && (newRoot || target?.isContentEditable)) scan();
      lastFocused = coachContaining(target) ?? lastFocused;
    },
    { capture: true },
  );

  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local' || !touchesSettings(changes)) return;
    settings = await loadSettings(chrome.storage.local);
    for (const coach of coaches.values()) coach.updateSettings(settings);
  });

  function focusedCoach() {
    return (
      coachContaining(deepActiveElement()) ??
      lastFocused ??
      (coaches.size === 1 ? [...coaches.values()][0] : null)
    );
  }

  const route = createMessageRouter({
    [Message.RECHECK_FOCUSED]: async () => {
      const coach = focusedCoach();
      if (!coach) return { handled: false };
      await coach.recheck();
      return { handled: true, composerId: coach.composerId };
    },
    [Message.APPLY_FIX_AT_CARET]: () => {
      const coach = focusedCoach();
      if (!coach) return { handled: false };
      return { handled: true, composerId: coach.composerId, ...coach.applyFixAtCaret() };
    },
  });
  listenForMessages(chrome.runtime.onMessage, route);

  roots.start(document);
  scan();
}
