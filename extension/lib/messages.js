// The named message table: every message that crosses between a content script, the settings
// page and the service worker is declared here with the fields it must carry, so a typo or a
// missing field fails loudly at the boundary instead of silently doing nothing.

export const Message = Object.freeze({
  ANALYZE: 'postcoach:analyze',
  RECHECK_FOCUSED: 'postcoach:recheck-focused',
  OPEN_SETTINGS: 'postcoach:open-settings',
  TEST_CONNECTION: 'postcoach:test-connection',
});

const FIELDS = Object.freeze({
  [Message.ANALYZE]: {
    composerId: 'string',
    text: 'string',
    platform: 'string',
    reply: 'boolean',
    force: 'boolean',
  },
  [Message.RECHECK_FOCUSED]: {},
  [Message.OPEN_SETTINGS]: {},
  [Message.TEST_CONNECTION]: { serverUrl: 'string', token: 'string' },
});

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
    if (typeof message[name] !== type) {
      throw new MessageError('bad_field', `${message.type}: field "${name}" must be a ${type}`);
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
