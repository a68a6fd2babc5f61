import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesToBase64, historyRequest, publishedBody } from '../lib/history.js';
import { Message, createMessage, createMessageRouter } from '../lib/messages.js';

const published = { text: 'Nous ouvrons l’atelier samedi !', platform: 'linkedin', reply: false };

describe('history messages', () => {
  it('history-add carries the published text, network and kind, and maps to POST /v1/history', () => {
    const message = createMessage(Message.HISTORY_ADD, { ...published, publishedAt: '2024-05-06T09:15:00Z' });
    assert.deepEqual(historyRequest(message), {
      method: 'POST',
      path: '/v1/history',
      body: { text: published.text, network: 'linkedin', reply: false, published_at: '2024-05-06T09:15:00Z' },
    });
    assert.throws(() => createMessage(Message.HISTORY_ADD, { text: 'x', platform: 'facebook' }), /reply/);
  });

  it('refuses what cannot be a published post', () => {
    assert.throws(() => publishedBody({ ...published, platform: 'generic' }), /not a network/);
    assert.throws(() => publishedBody({ ...published, text: '   ' }), /nothing was published/);
  });

  it('maps the settings page and report messages', () => {
    const cases = [
      [Message.HISTORY_LIST, { query: { network: 'facebook', reply: false, limit: 20, since: '' } }, { method: 'GET', path: '/v1/history?network=facebook&reply=false&limit=20' }],
      [Message.HISTORY_LIST, {}, { method: 'GET', path: '/v1/history' }],
      [Message.HISTORY_IMPORT, { filename: 'Shares.csv', contentBase64: 'QQ==' }, { method: 'POST', path: '/v1/history/import', body: { filename: 'Shares.csv', content_base64: 'QQ==' } }],
      [Message.HISTORY_CLEAR, {}, { method: 'DELETE', path: '/v1/history' }],
      [Message.HISTORY_SETTINGS_GET, {}, { method: 'GET', path: '/v1/history/settings' }],
      [Message.HISTORY_SETTINGS_SET, { changes: { retention_days: null } }, { method: 'PUT', path: '/v1/history/settings', body: { retention_days: null } }],
      [Message.HISTORY_EXPORT, {}, { method: 'GET', path: '/v1/history/export' }],
      [Message.HISTORY_REPORT, { since: '2024-01-01', brand: 'Atelier Lumen' }, { method: 'GET', path: '/v1/history/report?since=2024-01-01&brand=Atelier+Lumen' }],
    ];
    for (const [type, payload, expected] of cases) assert.deepEqual(historyRequest(createMessage(type, payload)), expected, type);
  });

  it('a router answers a bad history-add with an error instead of calling the server', async () => {
    let called = false;
    const route = createMessageRouter({ [Message.HISTORY_ADD]: () => { called = true; } });
    const reply = await route({ type: Message.HISTORY_ADD, text: 'x', platform: 'facebook', reply: 'no' }, {});
    assert.equal(reply.error.code, 'bad_field');
    assert.equal(called, false);
  });

  it('encodes file bytes as base64, large files included', () => {
    assert.equal(bytesToBase64(new TextEncoder().encode('café')), Buffer.from('café').toString('base64'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    assert.equal(bytesToBase64(big), Buffer.from(big).toString('base64'));
  });
});
