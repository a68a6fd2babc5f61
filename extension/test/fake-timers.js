// A manual clock for code that takes a `timers` object, so tests never sleep.
export function createFakeTimers() {
  let now = 0;
  let nextHandle = 1;
  const pending = new Map();
  return {
    setTimeout(callback, delay) {
      const handle = nextHandle++;
      pending.set(handle, { at: now + delay, callback });
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, timer]) => timer.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [handle, timer] = due;
        pending.delete(handle);
        now = timer.at;
        timer.callback();
      }
      now = target;
    },
    now() {
      return now;
    },
    get pendingCount() {
      return pending.size;
    },
  };
}
