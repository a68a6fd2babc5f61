import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Message,
  MessageError,
  createMessage,
  createMessageRouter,
  listenForMessages,
} from '../lib/messages.js';

const analyzeFields = { composerId: 'composer-1', text: 'Bonjour', platform: 'facebook', reply: false, force: false };

describe('message table', () => {
  it('names are unique and namespaced', () => {
    const names = Object.values(Message);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) assert.match(name, /^postcoach:/);
  });

  it('createMessage checks the declared fields', () => {
    assert.deepEqual(createMessage(Message.ANALYZE, analyzeFields), { type: Message.ANALYZE, ...analyzeFields });
    assert.throws(() => createMessage(Message.ANALYZE, { ...analyzeFields, reply: 'yes' }), /reply/);
    assert.throws(() => createMessage(Message.TEST_CONNECTION, { serverUrl: 'http://127.0.0.1:8731' }), /token/);
    assert.throws(() => createMessage('postcoach:nope'), MessageError);
  });
});

describe('createMessageRouter', () => {
  it('refuses handlers for messages that are not in the table', () => {
    assert.throws(() => createMessageRouter({ 'postcoach:typo': () => {} }), /no such message/);
  });

  it('dispatches known messages with the sender and ignores the others', async () => {
    const route = createMessageRouter({
      [Message.ANALYZE]: (message, sender) => ({ echoed: message.text, tab: sender.tab.id }),
    });
    assert.deepEqual(await route(createMessage(Message.ANALYZE, analyzeFields), { tab: { id: 7 } }), {
      echoed: 'Bonjour',
      tab: 7,
    });
    assert.equal(route({ type: Message.OPEN_SETTINGS }, {}), null);
    assert.equal(route('not a message', {}), null);
  });

  it('answers malformed messages and handler failures with an error object', async () => {
    const route = createMessageRouter({
      [Message.ANALYZE]: () => {
        throw new Error('boom');
      },
    });
    assert.deepEqual(await route({ type: Message.ANALYZE, text: 3 }, {}), {
      error: { code: 'bad_field', message: `${Message.ANALYZE}: field "composerId" must be a string` },
    });
    assert.deepEqual(await route(createMessage(Message.ANALYZE, analyzeFields), {}), {
      error: { code: 'internal', message: 'boom' },
    });
  });
});

describe('listenForMessages', () => {
  it('keeps the channel open only for messages it answers', async () => {
    let listener;
    const event = {
      addListener: (fn) => (listener = fn),
      removeListener: (fn) => assert.equal(fn, listener),
    };
    const stop = listenForMessages(event, createMessageRouter({ [Message.OPEN_SETTINGS]: () => ({ opened: true }) }));
    const replies = [];
    assert.equal(listener({ type: Message.ANALYZE }, {}, (reply) => replies.push(reply)), false);
    const reply = new Promise((resolve) => {
      assert.equal(listener({ type: Message.OPEN_SETTINGS }, {}, resolve), true);
    });
    assert.deepEqual(await reply, { opened: true });
    assert.deepEqual(replies, []);
    stop();
  });
});

describe('brand-profile messages', () => {
  it('accept optional fields as absent or null, and nothing else', () => {
    assert.deepEqual(createMessage(Message.PROFILE_GET, { name: 'Acme' }), { type: Message.PROFILE_GET, name: 'Acme' });
    assert.ok(createMessage(Message.PROFILE_GET, { name: 'Acme', lang: 'fr' }));
    assert.ok(createMessage(Message.PROFILE_SET_ACTIVE, { platform: 'facebook', name: null }));
    assert.throws(() => createMessage(Message.PROFILE_SET_ACTIVE, { platform: 'facebook', name: 3 }), /string or null/);
  });

  it('want plain objects and finite numbers where the table says so', () => {
    const update = { name: 'Acme', changes: { emoji_max: 2 }, version: 3 };
    assert.ok(createMessage(Message.PROFILE_UPDATE, update));
    assert.throws(() => createMessage(Message.PROFILE_UPDATE, { ...update, version: Number.NaN }), /version/);
    assert.throws(() => createMessage(Message.PROFILE_UPDATE, { ...update, changes: null }), /changes/);
    assert.throws(() => createMessage(Message.PROFILE_LEARN, { name: 'Acme', source: ['a', 'b'] }), /source/);
    assert.throws(() => createMessage(Message.PROFILE_CREATE, {}), /profile/);
    assert.throws(() => createMessage(Message.PROFILE_IMPORT, { document: 'text' }), /document/);
  });
});
