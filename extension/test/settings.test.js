import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SETTINGS,
  FAMILIES,
  STORAGE_KEYS,
  loadSettings,
  normalizeServerUrl,
  saveSettings,
  settingsFromStorage,
  touchesSettings,
  validateSettings,
} from '../lib/settings.js';

function fakeStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key]]));
    },
    async set(values) {
      Object.assign(data, values);
    },
  };
}

describe('server address', () => {
  it('accepts loopback addresses and normalizes them to an origin', () => {
    assert.deepEqual(normalizeServerUrl(' http://127.0.0.1:8731/ '), { value: 'http://127.0.0.1:8731' });
    assert.deepEqual(normalizeServerUrl('http://localhost:9000'), { value: 'http://localhost:9000' });
    assert.deepEqual(normalizeServerUrl('http://[::1]:8731'), { value: 'http://[::1]:8731' });
  });

  it('refuses anything that is not this machine or not a bare origin', () => {
    assert.equal(normalizeServerUrl('http://192.168.1.10:8731').error, 'server_url_not_local');
    assert.equal(normalizeServerUrl('https://example.com').error, 'server_url_not_local');
    assert.equal(normalizeServerUrl('ftp://127.0.0.1').error, 'server_url_invalid');
    assert.equal(normalizeServerUrl('http://127.0.0.1:8731/v1').error, 'server_url_invalid');
    assert.equal(normalizeServerUrl('http://user:pw@127.0.0.1').error, 'server_url_invalid');
    assert.equal(normalizeServerUrl('127.0.0.1 8731').error, 'server_url_invalid');
    assert.equal(normalizeServerUrl('').error, 'server_url_required');
  });
});

describe('validateSettings', () => {
  it('normalizes valid fields', () => {
    const { values, ok } = validateSettings({
      token: '  abcdefgh12345678  ',
      hintLanguage: 'fr',
      platforms: { linkedin: false },
      profile: null,
    });
    assert.equal(ok, true);
    assert.deepEqual(values, {
      token: 'abcdefgh12345678',
      hintLanguage: 'fr',
      platforms: { facebook: true, linkedin: false },
      profile: null,
    });
  });

  it('reports one error code per bad field, including unknown keys', () => {
    const { values, errors, ok } = validateSettings({
      token: 'short',
      hintLanguage: 'de',
      families: { tone: 'off' },
      platforms: [],
      serverUrl: 'http://127.0.0.1:1',
      tokne: 'typo',
    });
    assert.equal(ok, false);
    assert.deepEqual(values, { serverUrl: 'http://127.0.0.1:1' });
    assert.deepEqual(errors, {
      token: 'token_invalid',
      hintLanguage: 'hint_language_invalid',
      families: 'switches_invalid',
      platforms: 'switches_invalid',
      tokne: 'unknown_setting',
    });
  });

  it('allows an empty token (not paired yet) but not inner spaces', () => {
    assert.deepEqual(validateSettings({ token: '   ' }).values, { token: '' });
    assert.equal(validateSettings({ token: 'abcd efgh ijkl' }).errors.token, 'token_invalid');
  });
});

describe('storage', () => {
  it('keeps the test-hook key names', () => {
    assert.ok(STORAGE_KEYS.includes('serverUrl'));
    assert.ok(STORAGE_KEYS.includes('token'));
  });

  it('fills defaults and falls back on corrupt stored values', () => {
    const settings = settingsFromStorage({ serverUrl: 'http://evil.example', hintLanguage: 'en', other: 1 });
    assert.equal(settings.serverUrl, DEFAULT_SETTINGS.serverUrl);
    assert.equal(settings.hintLanguage, 'en');
    assert.equal(settings.families.conflict, true);
    assert.equal(Object.keys(settings.families).length, FAMILIES.length);
    assert.equal('other' in settings, false);
  });

  it('saves valid fields only and reads them back', async () => {
    const storage = fakeStorage();
    const { saved, errors } = await saveSettings(storage, {
      serverUrl: 'http://localhost:8800/',
      token: 'x',
      families: { conflict: false },
    });
    assert.deepEqual(errors, { token: 'token_invalid' });
    assert.equal(saved.serverUrl, 'http://localhost:8800');
    const settings = await loadSettings(storage);
    assert.equal(settings.serverUrl, 'http://localhost:8800');
    assert.equal(settings.token, '');
    assert.equal(settings.families.conflict, false);
    assert.equal(settings.families.salesiness, true);
  });

  it('touchesSettings ignores unrelated storage keys', () => {
    assert.equal(touchesSettings({ token: {} }), true);
    assert.equal(touchesSettings({ somethingElse: {} }), false);
  });
});
