// Post or reply is a matter of the surface the composer is on, not of "inside a dialog": the
// share/create dialog holds a new post, a comment box answers the post it sits under, and a post
// opened in a pop-up (a dialog too) holds comment boxes that are replies. A composer framed with
// a conversation is a chat box, which is not coached.
import { closestComposed } from '../dom.js';
import { SELECTORS } from './selectors.js';

export const Surface = Object.freeze({ POST: 'post', REPLY: 'reply', CHAT: 'chat' });

export function surfaceOf(editor) {
  if (closestComposed(editor, SELECTORS.post)) return Surface.REPLY;
  const frame = closestComposed(editor, SELECTORS.frame);
  if (frame) {
    if (frame.querySelector(SELECTORS.conversation)) return Surface.CHAT;
    if (frame.querySelector(SELECTORS.post)) return Surface.REPLY;
    if (frame.matches(SELECTORS.dialog)) return Surface.POST;
  }
  // Outside any frame, an editor on a feed is a comment box.
  return Surface.REPLY;
}
