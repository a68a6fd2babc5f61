// One message to the service worker from an extension page, its failures as replies: the pages
// show every outcome the same way, whether the server, the worker or the message failed.
import { createMessage } from '../lib/messages.js';

export async function send(type, payload = {}) {
  try {
    const reply = await chrome.runtime.sendMessage(createMessage(type, payload));
    if (reply?.error) return { status: 'rejected', code: reply.error.code, message: reply.error.message };
    return reply ?? { status: 'offline', code: 'no_reply', message: '' };
  } catch (error) {
    return { status: 'offline', code: 'no_worker', message: String(error?.message ?? error) };
  }
}
