// The HTTP request behind each history message. Pure, so the whole mapping is tested without a
// server; the service worker adds the address and the token.

import { Message } from './messages.js';

export const HISTORY_NETWORKS = Object.freeze(['facebook', 'linkedin']);
const QUERY_KEYS = ['network', 'reply', 'since', 'until', 'brand', 'limit', 'offset'];

function query(params, keys) {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = params?.[key];
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** POST /v1/history's body for a post the user has just published. */
export function publishedBody(message) {
  if (!HISTORY_NETWORKS.includes(message.platform)) {
    throw Object.assign(new Error(`not a network with a history: ${message.platform}`), { code: 'bad_field' });
  }
  if (!message.text.trim()) throw Object.assign(new Error('nothing was published'), { code: 'bad_field' });
  const body = { text: message.text, network: message.platform, reply: message.reply };
  if (message.publishedAt) body.published_at = message.publishedAt;
  if (message.url) body.url = message.url;
  return body;
}

export function historyRequest(message) {
  const base = '/v1/history';
  switch (message.type) {
    case Message.HISTORY_ADD:
      return { method: 'POST', path: base, body: publishedBody(message) };
    case Message.HISTORY_LIST:
      return { method: 'GET', path: `${base}${query(message.query, QUERY_KEYS)}` };
    case Message.HISTORY_IMPORT: {
      const body = { filename: message.filename, content_base64: message.contentBase64 };
      if (message.brand) body.brand = message.brand;
      return { method: 'POST', path: `${base}/import`, body };
    }
    case Message.HISTORY_CLEAR:
      return { method: 'DELETE', path: base };
    case Message.HISTORY_SETTINGS_GET:
      return { method: 'GET', path: `${base}/settings` };
    case Message.HISTORY_SETTINGS_SET:
      return { method: 'PUT', path: `${base}/settings`, body: message.changes };
    case Message.HISTORY_EXPORT:
      return { method: 'GET', path: `${base}/export` };
    case Message.HISTORY_REPORT:
      return { method: 'GET', path: `${base}/report${query(message, ['since', 'until', 'brand'])}` };
    default:
      throw new Error(`not a history message: ${message.type}`);
  }
}

/** Base64 of a file's bytes, in slices (String.fromCharCode takes a bounded argument list). */
export function bytesToBase64(bytes) {
  let binary = '';
  const slice = 0x8000;
  for (let start = 0; start < bytes.length; start += slice) {
    binary += String.fromCharCode(...bytes.subarray(start, start + slice));
  }
  return btoa(binary);
}
