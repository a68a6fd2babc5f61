// Timing primitives for "check after the typing pause, and only keep the latest answer".
// Timers are injectable so the behaviour can be tested without waiting.

export const TYPING_PAUSE_MS = 400;

export function createDebouncer(callback, delayMs, timers = globalThis) {
  let handle = null;
  let pendingArgs = null;

  function fire() {
    handle = null;
    const args = pendingArgs;
    pendingArgs = null;
    callback(...args);
  }

  return {
    schedule(...args) {
      pendingArgs = args;
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(fire, delayMs);
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      pendingArgs = null;
    },
  };
}

/**
 * Answers "is this response still the one we are waiting for?": each request takes a ticket,
 * and only the newest ticket is current, so a slow answer can never overwrite a newer one.
 */
export function createLatestGate() {
  let current = 0;
  return {
    begin() {
      current += 1;
      return current;
    },
    isCurrent(ticket) {
      return ticket === current;
    },
    invalidate() {
      current += 1;
    },
  };
}

/** Exponential backoff with a ceiling, for retrying an offline or refused server. */
export function backoffDelay(attempt, { baseMs = 1000, maxMs = 30000 } = {}) {
  const exponent = Math.max(0, Math.min(attempt, 30));
  return Math.min(maxMs, baseMs * 2 ** exponent);
}

/** Keeps one AbortController per key, aborting the previous call of the same key. */
export function createAbortRegistry() {
  const controllers = new Map();
  return {
    start(key) {
      controllers.get(key)?.abort();
      const controller = new AbortController();
      controllers.set(key, controller);
      return controller.signal;
    },
    finish(key, signal) {
      if (controllers.get(key)?.signal === signal) controllers.delete(key);
    },
    get size() {
      return controllers.size;
    },
  };
}
