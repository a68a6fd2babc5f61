// The named message table: every message that crosses between a content script, the settings
// page and the service worker is declared here with the fields it must carry, so a typo or a
// missing field fails loudly at the boundary instead of silently doing nothing.

export const Message = Object.freeze({
  ANALYZE: 'postcoach:analyze',
  RECHECK_FOCUSED: 'postcoach:recheck-focused',
  APPLY_FIX_AT_CARET: 'postcoach:apply-fix-at-caret',
  OPEN_SETTINGS: 'postcoach:open-settings',
  TEST_CONNECTION: 'postcoach:test-connection',
  // The settings page exchanges the one-time code `postcoach pair` shows for the token.
  PAIR: 'postcoach:pair',
  // Brand profiles, from the settings page; the service worker turns each into one API call.
  PROFILES_LIST: 'postcoach:profiles-list',
  PROFILE_GET: 'postcoach:profile-get',
  PROFILE_CREATE: 'postcoach:profile-create',
  PROFILE_UPDATE: 'postcoach:profile-update',
  PROFILE_DELETE: 'postcoach:profile-delete',
  PROFILE_LEARN: 'postcoach:profile-learn',
  PROFILE_SET_ACTIVE: 'postcoach:profile-set-active',
  PROFILE_EXPORT: 'postcoach:profile-export',
  PROFILE_IMPORT: 'postcoach:profile-import',
  // The brand's history. HISTORY_ADD comes from a content script when the user publishes from a
  // coached composer (never for a draft); the others from the settings and report pages.
  HISTORY_ADD: 'postcoach:history-add',
  HISTORY_LIST: 'postcoach:history-list',
  HISTORY_IMPORT: 'postcoach:history-import',
  HISTORY_CLEAR: 'postcoach:history-clear',
  HISTORY_SETTINGS_GET: 'postcoach:history-settings-get',
  HISTORY_SETTINGS_SET: 'postcoach:history-settings-set',
  HISTORY_EXPORT: 'postcoach:history-export',
  HISTORY_REPORT: 'postcoach:history-report',
});

// A field's type: a `typeof` name, `object` meaning a plain object (not an array, not null);
// a trailing `?` lets the field be absent or null.


const FIELDS = Object.freeze({
  [Message.ANALYZE]: {
    composerId: 'string',
    text: 'string',
    platform: 'string',
    reply: 'boolean',
    force: 'boolean',
  },
  [Message.RECHECK_FOCUSED]: {},
  [Message.APPLY_FIX_AT_CARET]: {},
  [Message.OPEN_SETTINGS]: {},
  [Message.TEST_CONNECTION]: { serverUrl: 'string', token: 'string' },
  [Message.PAIR]: { serverUrl: 'string', code: 'string' },
  [Message.PROFILES_LIST]: {},
  [Message.PROFILE_GET]: { name: 'string', lang: 'string?' },
  [Message.PROFILE_CREATE]: { profile: 'object' },
  [Message.PROFILE_UPDATE]: { name: 'string', changes: 'object', version: 'number' },
  [Message.PROFILE_DELETE]: { name: 'string' },
  // source: {samples: [...]} or {content, filename?, column?}
  [Message.PROFILE_LEARN]: { name: 'string', source: 'object' },
  [Message.PROFILE_SET_ACTIVE]: { platform: 'string', name: 'string?' },
  [Message.PROFILE_EXPORT]: { name: 'string' },
  [Message.PROFILE_IMPORT]: { document: 'object', replace: 'boolean?' },
  // publishedAt: ISO 8601 (default: now, on the server); url: the post's permalink when known.
  [Message.HISTORY_ADD]: { text: 'string', platform: 'string', reply: 'boolean', publishedAt: 'string?', url: 'string?' },
  // query: {network?, reply?, since?, until?, brand?, limit?, offset?}
  [Message.HISTORY_LIST]: { query: 'object?' },
  [Message.HISTORY_IMPORT]: { filename: 'string', contentBase64: 'string', brand: 'string?' },
  [Message.HISTORY_CLEAR]: {},
  [Message.HISTORY_SETTINGS_GET]: {},
  // changes: {enabled?: boolean, retention_days?: number|null}
  [Message.HISTORY_SETTINGS_SET]: { changes: 'object' },
  [Message.HISTORY_EXPORT]: {},
  [Message.HISTORY_REPORT]: { since: 'string?', until: 'string?', brand: 'string?' },
});

function hasType(value, type) {
  if (type.endsWith('?')) return value === undefined || value === null || hasType(value, type.slice(0, -1));
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'number') return Number.isFinite(value);
  return typeof value === type;
}

export class MessageError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export function createMessage(type, payload = {}) {
  const message = { type, ...payload };
  checkMessage(message);
  return message;
}

export function checkMessage(message) {
  if (message === null || typeof message !== 'object') {
    throw new MessageError('bad_message', 'a message must be an object');
  }
  const fields = FIELDS[message.type];
  if (!fields) {
    throw new MessageError('unknown_message', `unknown message type ${String(message.type)}`);
  }
  for (const [name, type] of Object.entries(fields)) {
    if (!hasType(message[name], type)) {
      const wanted = type.endsWith('?') ? `${type.slice(0, -1)} or null` : type;
      throw new MessageError('bad_field', `${message.type}: field "${name}" must be a ${wanted}`);
    }
  }
}

/**
 * Builds a dispatcher for the messages one side of the extension answers. It returns a promise
 * for the messages it handles and null for the others, so several listeners can coexist.
 */
export function createMessageRouter(handlers) {
  for (const type of Object.keys(handlers)) {
    if (!(type in FIELDS)) throw new MessageError('unknown_message', `no such message: ${type}`);
  }
  return function route(message, sender) {
    const type = message && typeof message === 'object' ? message.type : undefined;
    if (!Object.hasOwn(handlers, type)) return null;
    try {
      checkMessage(message);
    } catch (error) {
      return Promise.resolve(errorReply(error));
    }
    return Promise.resolve()
      .then(() => handlers[type](message, sender))
      .catch(errorReply);
  };
}

function errorReply(error) {
  return { error: { code: error.code ?? 'internal', message: String(error.message ?? error) } };
}

/** Wires a router to a runtime.onMessage event (sendResponse style works in every browser). */
export function listenForMessages(onMessageEvent, route) {
  const listener = (message, sender, sendResponse) => {
    const reply = route(message, sender);
    if (!reply) return false;
    reply.then(sendResponse);
    return true;
  };
  onMessageEvent.addListener(listener);
  return () => onMessageEvent.removeListener(listener);
}
