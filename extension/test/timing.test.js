import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  TYPING_PAUSE_MS,
  backoffDelay,
  createAbortRegistry,
  createDebouncer,
  createLatestGate,
} from '../lib/timing.js';
import { createFakeTimers } from './fake-timers.js';

describe('createDebouncer', () => {
  it('calls once, after the pause, with the last arguments', () => {
    const timers = createFakeTimers();
    const calls = [];
    const debouncer = createDebouncer((value) => calls.push(value), TYPING_PAUSE_MS, timers);
    debouncer.schedule('a');
    timers.advance(300);
    debouncer.schedule('ab');
    timers.advance(300);
    debouncer.schedule('abc');
    assert.deepEqual(calls, []);
    timers.advance(TYPING_PAUSE_MS - 1);
    assert.deepEqual(calls, []);
    timers.advance(1);
    assert.deepEqual(calls, ['abc']);
    assert.equal(timers.pendingCount, 0);
  });

  it('cancel drops the pending call', () => {
    const timers = createFakeTimers();
    let calls = 0;
    const debouncer = createDebouncer(() => (calls += 1), 400, timers);
    debouncer.schedule();
    debouncer.cancel();
    timers.advance(1000);
    assert.equal(calls, 0);
    assert.equal(timers.pendingCount, 0);
  });
});

describe('createLatestGate', () => {
  it('only the newest ticket is current', () => {
    const gate = createLatestGate();
    const first = gate.begin();
    const second = gate.begin();
    assert.equal(gate.isCurrent(first), false);
    assert.equal(gate.isCurrent(second), true);
    gate.invalidate();
    assert.equal(gate.isCurrent(second), false);
  });

  it('drops a slow answer that arrives after a newer one', async () => {
    const gate = createLatestGate();
    const shown = [];
    const respond = (value, ms) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
    const request = async (value, ms) => {
      const ticket = gate.begin();
      const answer = await respond(value, ms);
      if (gate.isCurrent(ticket)) shown.push(answer);
    };
    await Promise.all([request('old draft', 30), request('new draft', 1)]);
    assert.deepEqual(shown, ['new draft']);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the ceiling', () => {
    const delays = [0, 1, 2, 3, 4, 5, 40].map((attempt) => backoffDelay(attempt, { baseMs: 1000, maxMs: 15000 }));
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});

describe('createAbortRegistry', () => {
  it('aborts the previous call of the same key only', () => {
    const registry = createAbortRegistry();
    const first = registry.start('tab1:composer-1');
    const other = registry.start('tab1:composer-2');
    const second = registry.start('tab1:composer-1');
    assert.equal(first.aborted, true);
    assert.equal(second.aborted, false);
    assert.equal(other.aborted, false);
    registry.finish('tab1:composer-1', first);
    assert.equal(registry.size, 2, 'finishing a stale call keeps the newer one registered');
    registry.finish('tab1:composer-1', second);
    assert.equal(registry.size, 1);
  });
});
