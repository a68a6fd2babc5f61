// The only caller of the local server: content scripts and the settings page ask through
// messages, so the token never reaches a web page and every request shares one cache.
import { analyzeDraft, callServer, changesProfiles, checkConnection, pairWithCode, profileRequest } from '../lib/client.js';
import { createLruCache } from '../lib/cache.js';
import { historyRequest } from '../lib/history.js';
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

function fromExtensionPage(sender) {
  return String(sender?.url ?? '').startsWith(chrome.runtime.getURL(''));
}

/** A brand-profile call from the settings page, with the stored address and token. */
async function profileCall(message, sender) {
  // Only the extension's own pages manage profiles, never a content script in a web page.
  if (!fromExtensionPage(sender)) {
    return { status: 'rejected', code: 'forbidden_sender', message: 'profiles are managed from the settings page' };
  }
  const settings = await currentSettings();
  if (!settings.token) return { status: 'unauthorized', code: 'no_token', message: '' };
  const reply = await callServer({ fetch, settings, request: profileRequest(message) });
  // The active profile or its voice may have changed: earlier results no longer hold.
  if (reply.status === 'ok' && changesProfiles(message)) results.clear();
  return reply;
}

/**
 * A history call. A post just published (HISTORY_ADD) comes from a content script on a coached
 * site; everything else (list, import, delete, settings, report) only from the extension's pages.
 */
async function historyCall(message, sender) {
  if (message.type !== Message.HISTORY_ADD && !fromExtensionPage(sender)) {
    return { status: 'rejected', code: 'forbidden_sender', message: 'history is managed from the settings page' };
  }
  const settings = await currentSettings();
  if (!settings.token) return { status: 'unauthorized', code: 'no_token', message: '' };
  if (message.type === Message.HISTORY_ADD && (await historyIsOff(settings))) {
    return { status: 'ok', body: { stored: false, reason: 'history_off' } };
  }
  const reply = await callServer({ fetch, settings, request: historyRequest(message) });
  // A new post on one network changes what a draft on the other may repeat.
  if (reply.status === 'ok' && message.type !== Message.HISTORY_LIST) results.clear();
  return reply;
}

/** While the history is switched off, a published post's text is not even sent (the server
 *  would refuse it anyway, and stays the judge when the switch cannot be read). */
async function historyIsOff(settings) {
  const request = historyRequest(createMessage(Message.HISTORY_SETTINGS_GET));
  const reply = await callServer({ fetch, settings, request });
  return reply.status === 'ok' && reply.body?.enabled === false;
}

const HISTORY_MESSAGES = [
  Message.HISTORY_ADD,
  Message.HISTORY_LIST,
  Message.HISTORY_IMPORT,
  Message.HISTORY_CLEAR,
  Message.HISTORY_SETTINGS_GET,
  Message.HISTORY_SETTINGS_SET,
  Message.HISTORY_EXPORT,
  Message.HISTORY_REPORT,
];

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
  ...Object.fromEntries(HISTORY_MESSAGES.map((type) => [type, historyCall])),
  [Message.ANALYZE]: analyze,
  [Message.OPEN_SETTINGS]: () => chrome.runtime.openOptionsPage().then(() => ({ opened: true })),
  [Message.TEST_CONNECTION]: ({ serverUrl, token }) => checkConnection({ fetch, serverUrl, token }),
  // The token goes back to the settings page only, which saves it like a pasted one.
  [Message.PAIR]: ({ serverUrl, code }, sender) =>
    fromExtensionPage(sender)
      ? pairWithCode({ fetch, serverUrl, code })
      : { status: 'rejected', code: 'forbidden_sender', message: 'pairing is done from the settings page' },
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
