import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDraft, analyzeRequestBody, callServer, changesProfiles, checkConnection, pairWithCode, profileRequest } from '../lib/client.js';
import { Message, createMessage } from '../lib/messages.js';
import { DEFAULT_SETTINGS, normalizePairingCode } from '../lib/settings.js';

const settings = { ...DEFAULT_SETTINGS, token: 'secret-token-123' };
const draft = { text: 'Achetez !', platform: 'facebook', reply: false };
const RESULT = { language: 'fr', scores: { salesiness: 80, interaction_value: 5, tone_consistency: 90 }, hints: [] };

function jsonResponse(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('analyzeRequestBody', () => {
  it('sends ui_lang and profile only when chosen', () => {
    assert.deepEqual(analyzeRequestBody(draft, settings), draft);
    assert.deepEqual(analyzeRequestBody(draft, { ...settings, hintLanguage: 'en', profile: 'acme' }), {
      ...draft,
      ui_lang: 'en',
      profile: 'acme',
    });
  });
});

describe('analyzeDraft', () => {
  it('posts JSON with the bearer token to /v1/analyze', async () => {
    let seen;
    const fetch = async (url, init) => {
      seen = { url, init };
      return jsonResponse(200, RESULT);
    };
    const reply = await analyzeDraft({ fetch, settings, draft });
    assert.deepEqual(reply, { status: 'ok', result: RESULT });
    assert.equal(seen.url, 'http://127.0.0.1:8731/v1/analyze');
    assert.equal(seen.init.method, 'POST');
    assert.equal(seen.init.headers.Authorization, 'Bearer secret-token-123');
    assert.deepEqual(JSON.parse(seen.init.body), draft);
  });

  const cases = [
    [401, { error: { code: 'unauthorized', message: 'bad token' } }, 'unauthorized'],
    [403, { error: { code: 'forbidden_origin', message: 'origin' } }, 'unauthorized'],
    [413, { error: { code: 'too_large', message: 'Draft too long' } }, 'rejected'],
    [422, { error: { code: 'invalid_field', message: 'platform' } }, 'rejected'],
    [500, { error: { code: 'internal', message: 'oops' } }, 'offline'],
  ];
  for (const [status, body, expected] of cases) {
    it(`maps HTTP ${status} to ${expected}`, async () => {
      const reply = await analyzeDraft({ fetch: async () => jsonResponse(status, body), settings, draft });
      assert.equal(reply.status, expected);
      assert.equal(reply.code, body.error.code);
      assert.equal(reply.message, body.error.message);
    });
  }

  it('survives an error body that is not JSON', async () => {
    const reply = await analyzeDraft({ fetch: async () => new Response('nope', { status: 502 }), settings, draft });
    assert.deepEqual({ status: reply.status, code: reply.code }, { status: 'offline', code: 'http_502' });
  });

  it('reports a refused connection as offline', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const reply = await analyzeDraft({ fetch, settings, draft });
    assert.equal(reply.status, 'offline');
    assert.equal(reply.code, 'unreachable');
  });

  it('reports a call cancelled by a newer draft as stale', async () => {
    const controller = new AbortController();
    const fetch = (url, init) =>
      new Promise((resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const pending = analyzeDraft({ fetch, settings, draft, signal: controller.signal });
    controller.abort();
    assert.deepEqual(await pending, { status: 'stale' });
  });
});

describe('checkConnection', () => {
  it('gives the version and the round trip when the token is accepted', async () => {
    const calls = [];
    const fetch = async (url, init) => {
      calls.push([init.method, url]);
      return url.endsWith('/v1/health') ? jsonResponse(200, { status: 'ok', version: '0.3.0' }) : jsonResponse(200, RESULT);
    };
    let clock = 100;
    const now = () => (clock += 7);
    const result = await checkConnection({ fetch, serverUrl: 'http://127.0.0.1:9999', token: 'abcdefgh', now });
    assert.deepEqual(result, { status: 'ok', version: '0.3.0', roundTripMs: 7 });
    assert.deepEqual(calls, [
      ['GET', 'http://127.0.0.1:9999/v1/health'],
      ['POST', 'http://127.0.0.1:9999/v1/analyze'],
    ]);
  });

  it('tells a refused token apart from a missing server', async () => {
    const fetch = async (url) =>
      url.endsWith('/v1/health')
        ? jsonResponse(200, { status: 'ok', version: '0.3.0' })
        : jsonResponse(401, { error: { code: 'unauthorized', message: 'bad token' } });
    const refused = await checkConnection({ fetch, serverUrl: 'http://127.0.0.1:9999', token: 'wrong-token' });
    assert.equal(refused.status, 'unauthorized');
    assert.equal(refused.version, '0.3.0');

    const down = await checkConnection({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      serverUrl: 'http://127.0.0.1:9999',
      token: 'abcdefgh',
    });
    assert.equal(down.status, 'offline');
  });
});

describe('profile requests', () => {
  const cases = [
    [[Message.PROFILES_LIST, {}], { method: 'GET', path: '/v1/profiles' }],
    [[Message.PROFILE_GET, { name: 'Maison Lumière', lang: 'fr' }], { method: 'GET', path: '/v1/profiles/Maison%20Lumi%C3%A8re?lang=fr' }],
    [[Message.PROFILE_GET, { name: 'a/b' }], { method: 'GET', path: '/v1/profiles/a%2Fb' }],
    [[Message.PROFILE_CREATE, { profile: { name: 'Acme' } }], { method: 'POST', path: '/v1/profiles', body: { name: 'Acme' } }],
    [
      [Message.PROFILE_UPDATE, { name: 'Acme', changes: { emoji_max: 2 }, version: 4 }],
      { method: 'PATCH', path: '/v1/profiles/Acme', body: { emoji_max: 2, version: 4 } },
    ],
    [[Message.PROFILE_DELETE, { name: 'Acme' }], { method: 'DELETE', path: '/v1/profiles/Acme' }],
    [
      [Message.PROFILE_LEARN, { name: 'Acme', source: { samples: ['a', 'b'] } }],
      { method: 'POST', path: '/v1/profiles/Acme/learn', body: { samples: ['a', 'b'] } },
    ],
    [
      [Message.PROFILE_LEARN, { name: 'Acme', source: { content: 'text\nun', filename: 'posts.csv' } }],
      { method: 'POST', path: '/v1/profiles/Acme/learn', body: { content: 'text\nun', filename: 'posts.csv' } },
    ],
    [
      [Message.PROFILE_SET_ACTIVE, { platform: 'generic' }],
      { method: 'PUT', path: '/v1/profiles/active', body: { platform: 'generic', name: null } },
    ],
    [[Message.PROFILE_EXPORT, { name: 'Acme' }], { method: 'GET', path: '/v1/profiles/Acme/export' }],
    [[Message.PROFILE_IMPORT, { document: { name: 'Acme' } }], { method: 'POST', path: '/v1/profiles/import', body: { name: 'Acme' } }],
    [
      [Message.PROFILE_IMPORT, { document: { name: 'Acme' }, replace: true }],
      { method: 'POST', path: '/v1/profiles/import?replace=true', body: { name: 'Acme' } },
    ],
  ];
  for (const [[type, payload], expected] of cases) {
    it(`${type} → ${expected.method} ${expected.path}`, () => {
      assert.deepEqual(profileRequest(createMessage(type, payload)), expected);
    });
  }

  it('knows which calls change what an analysis would say', () => {
    assert.equal(changesProfiles({ type: Message.PROFILES_LIST }), false);
    assert.equal(changesProfiles({ type: Message.PROFILE_EXPORT }), false);
    assert.equal(changesProfiles({ type: Message.PROFILE_LEARN }), true);
    assert.equal(changesProfiles({ type: Message.PROFILE_SET_ACTIVE }), true);
  });

  it('sends the token and JSON, and reads a 204 as an empty success', async () => {
    const seen = [];
    const fetch = async (url, init) => {
      seen.push({ url, init });
      return init.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(200, { profiles: [] });
    };
    const removed = await callServer({ fetch, settings, request: { method: 'DELETE', path: '/v1/profiles/Acme' } });
    assert.deepEqual(removed, { status: 'ok', body: null });
    assert.equal(seen[0].init.headers.Authorization, 'Bearer secret-token-123');
    assert.equal(seen[0].init.body, undefined);
    assert.equal(seen[0].init.headers['Content-Type'], undefined);

    await callServer({ fetch, settings, request: { method: 'POST', path: '/v1/profiles', body: { name: 'Acme' } } });
    assert.equal(seen[1].url, 'http://127.0.0.1:8731/v1/profiles');
    assert.equal(seen[1].init.headers['Content-Type'], 'application/json');
    assert.deepEqual(JSON.parse(seen[1].init.body), { name: 'Acme' });
  });

  it('keeps the error code, the HTTP status and any extra detail', async () => {
    const fetch = async () =>
      jsonResponse(409, { error: { code: 'stale_version', message: 'changed since loaded', current: 5 } });
    const reply = await callServer({ fetch, settings, request: { method: 'PATCH', path: '/v1/profiles/Acme', body: {} } });
    assert.deepEqual(reply, {
      status: 'rejected',
      code: 'stale_version',
      message: 'changed since loaded',
      httpStatus: 409,
      extra: { current: 5 },
    });
  });
});

describe('pairing', () => {
  it('reads a code typed with spaces or a dash, and nothing else', () => {
    assert.equal(normalizePairingCode('482913'), '482913');
    assert.equal(normalizePairingCode(' 482 913 '), '482913');
    assert.equal(normalizePairingCode('482-913'), '482913');
    for (const bad of ['', '48291', '4829130', '48a913', null, undefined]) {
      assert.equal(normalizePairingCode(bad), null, String(bad));
    }
  });

  it('posts the code to /v1/pair without a token and returns the token', async () => {
    let seen;
    const fetch = async (url, init) => {
      seen = { url, init };
      return jsonResponse(200, { token: 'the-token-0123456789' });
    };
    const reply = await pairWithCode({ fetch, serverUrl: 'http://127.0.0.1:8731/', code: '482913' });
    assert.deepEqual(reply, { status: 'ok', token: 'the-token-0123456789' });
    assert.equal(seen.url, 'http://127.0.0.1:8731/v1/pair');
    assert.equal(seen.init.method, 'POST');
    assert.equal(seen.init.headers.Authorization, undefined);
    assert.deepEqual(JSON.parse(seen.init.body), { code: '482913' });
  });

  it('keeps the refusal and the tries left', async () => {
    const fetch = async () => jsonResponse(401, { error: { code: 'wrong_code', message: 'wrong', tries_left: 3 } });
    const reply = await pairWithCode({ fetch, serverUrl: 'http://127.0.0.1:8731', code: '000000' });
    assert.equal(reply.status, 'unauthorized');
    assert.equal(reply.code, 'wrong_code');
    assert.deepEqual(reply.extra, { tries_left: 3 });
  });

  it('refuses an answer without a token', async () => {
    const reply = await pairWithCode({ fetch: async () => jsonResponse(200, {}), serverUrl: 'http://127.0.0.1:8731', code: '000000' });
    assert.equal(reply.status, 'rejected');
  });

  it('declares the message the settings page sends', () => {
    assert.deepEqual(createMessage(Message.PAIR, { serverUrl: 'http://127.0.0.1:8731', code: '482913' }), {
      type: Message.PAIR, serverUrl: 'http://127.0.0.1:8731', code: '482913',
    });
  });
});
