// The only caller of the local server: content scripts and the settings page ask through
// messages, so the token never reaches a web page and every request shares one cache.
import { analyzeDraft, callServer, changesProfiles, checkConnection, profileRequest } from '../lib/client.js';
import { createLruCache } from '../lib/cache.js';
import { Message, createMessage, createMessageRouter, listenForMessages } from '../lib/messages.js';
import { loadSettings, touchesSettings } from '../lib/settings.js';
import { createAbortRegistry } from '../lib/timing.js';

// The manifest's commands and the message each sends to the focused tab's content script.
const COMMAND_MESSAGES = Object.freeze({
  recheck: Message.RECHECK_FOCUSED,
  'apply-fix': Message.APPLY_FIX_AT_CARET,
});

const results = createLruCache(200);
const inFlight = createAbortRegistry();
let settingsLoaded = null;

function currentSettings() {
  settingsLoaded ??= loadSettings(chrome.storage.local);
  return settingsLoaded;
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !touchesSettings(changes)) return;
  settingsLoaded = null;
  results.clear();
});

async function analyze(message, sender) {
  const settings = await currentSettings();
  const draft = { text: message.text, platform: message.platform, reply: message.reply };
  const cacheKey = JSON.stringify([draft, settings.hintLanguage, settings.profile]);
  if (!message.force) {
    const cached = results.get(cacheKey);
    if (cached) return { status: 'ok', result: cached, cached: true };
  }
  // A newer draft from the same composer makes the previous request worthless.
  const callKey = `${sender.tab?.id ?? 'extension'}:${message.composerId}`;
  const signal = inFlight.start(callKey);
  const reply = await analyzeDraft({ fetch, settings, draft, signal });
  inFlight.finish(callKey, signal);
  if (reply.status === 'ok') results.set(cacheKey, reply.result);
  return reply;
}

/** A brand-profile call from the settings page, with the stored address and token. */
async function profileCall(message, sender) {
  // Only the extension's own pages manage profiles, never a content script in a web page.
  if (!String(sender?.url ?? '').startsWith(chrome.runtime.getURL(''))) {
    return { status: 'rejected', code: 'forbidden_sender', message: 'profiles are managed from the settings page' };
  }
  const settings = await currentSettings();
  if (!settings.token) return { status: 'unauthorized', code: 'no_token', message: '' };
  const reply = await callServer({ fetch, settings, request: profileRequest(message) });
  // The active profile or its voice may have changed: earlier results no longer hold.
  if (reply.status === 'ok' && changesProfiles(message)) results.clear();
  return reply;
}

const PROFILE_MESSAGES = [
  Message.PROFILES_LIST,
  Message.PROFILE_GET,
  Message.PROFILE_CREATE,
  Message.PROFILE_UPDATE,
  Message.PROFILE_DELETE,
  Message.PROFILE_LEARN,
  Message.PROFILE_SET_ACTIVE,
  Message.PROFILE_EXPORT,
  Message.PROFILE_IMPORT,
];

const route = createMessageRouter({
  ...Object.fromEntries(PROFILE_MESSAGES.map((type) => [type, profileCall])),
  [Message.ANALYZE]: analyze,
  [Message.OPEN_SETTINGS]: () => chrome.runtime.openOptionsPage().then(() => ({ opened: true })),
  [Message.TEST_CONNECTION]: ({ serverUrl, token }) => checkConnection({ fetch, serverUrl, token }),
});
listenForMessages(chrome.runtime.onMessage, route);

async function runCommand(command) {
  if (!Object.hasOwn(COMMAND_MESSAGES, command)) return { handled: false };
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id) return { handled: false };
  try {
    return await chrome.tabs.sendMessage(tab.id, createMessage(COMMAND_MESSAGES[command]));
  } catch {
    // The active tab is not a coached site: nothing listens there.
    return { handled: false };
  }
}
chrome.commands.onCommand.addListener(runCommand);

// Lets tests and a debugging developer trigger exactly what the keyboard shortcut triggers;
// the worker's global scope is private to the extension.
globalThis.postcoach = Object.freeze({ runCommand });

chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason !== 'install') return;
  const settings = await currentSettings();
  if (!settings.token) await chrome.runtime.openOptionsPage();
});
