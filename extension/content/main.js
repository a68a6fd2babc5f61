// Entry point on Facebook and LinkedIn pages: finds composers as the single-page app creates
// them, coaches each one, and lets go of them when they vanish.
import { Message, createMessageRouter, listenForMessages } from '../lib/messages.js';
import { loadSettings, touchesSettings } from '../lib/settings.js';
import { adapterForHost } from './adapters/index.js';
import { ComposerCoach } from './coach.js';

const SCAN_DELAY_MS = 150;

function isEditableRoot(editor) {
  return editor.parentElement?.closest('[contenteditable="true"]') == null;
}

export async function start() {
  const adapter = adapterForHost(location.hostname);
  if (!adapter) return;
  let settings = await loadSettings(chrome.storage.local);
  const coaches = new Map();
  let lastFocused = null;
  let nextId = 0;
  let scanTimer = 0;
  let pageObserver = null;
  let orphaned = false;

  // After the extension is reloaded or updated, this script is orphaned: its badges would
  // claim the server is offline forever, so they go away instead. Deferred, because the call
  // that notices it may come from a coach still being built.
  function shutDown() {
    if (orphaned) return;
    orphaned = true;
    queueMicrotask(() => {
      pageObserver.disconnect();
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
    scanTimer = 0;
    if (orphaned) return;
    for (const [editor, coach] of coaches) {
      if (editor.isConnected) {
        coach.keepAttached();
        continue;
      }
      coach.dispose();
      coaches.delete(editor);
      if (lastFocused === coach) lastFocused = null;
    }
    for (const editor of adapter.findComposers(document)) {
      if (coaches.has(editor) || !isEditableRoot(editor)) continue;
      nextId += 1;
      coaches.set(
        editor,
        new ComposerCoach({ editor, adapter, settings, composerId: `composer-${nextId}`, sendMessage }),
      );
    }
  }

  function insideCoachedEditor(node) {
    for (const editor of coaches.keys()) if (editor.contains(node)) return true;
    return false;
  }

  // Edits inside a coached editor are that coach's business; only structural changes
  // elsewhere can add or remove composers.
  pageObserver = new MutationObserver((records) => {
    if (scanTimer) return;
    const structural = records.some(
      (record) =>
        (record.addedNodes.length > 0 || record.removedNodes.length > 0) &&
        !insideCoachedEditor(record.target),
    );
    if (structural) scanTimer = setTimeout(scan, SCAN_DELAY_MS);
  });
  pageObserver.observe(document.documentElement, { childList: true, subtree: true });

  function coachContaining(node) {
    for (const [editor, coach] of coaches) if (node && editor.contains(node)) return coach;
    return null;
  }

  // The shortcut may come after focus moved to the badge or a toolbar: remember the last
  // composer the user was in.
  document.addEventListener(
    'focusin',
    (event) => {
      lastFocused = coachContaining(event.target) ?? lastFocused;
    },
    { capture: true },
  );

  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local' || !touchesSettings(changes)) return;
    settings = await loadSettings(chrome.storage.local);
    for (const coach of coaches.values()) coach.updateSettings(settings);
  });

  const route = createMessageRouter({
    [Message.RECHECK_FOCUSED]: async () => {
      const coach =
        coachContaining(document.activeElement) ??
        lastFocused ??
        (coaches.size === 1 ? [...coaches.values()][0] : null);
      if (!coach) return { handled: false };
      await coach.recheck();
      return { handled: true, composerId: coach.composerId };
    },
  });
  listenForMessages(chrome.runtime.onMessage, route);

  scan();
}
