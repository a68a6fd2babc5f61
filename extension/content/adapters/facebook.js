// Facebook: the post composer and the comment boxes are Lexical editors, and so are Messenger's
// chat boxes, which are left alone. Post or reply comes from the composer's surface.
import { permalinkOf } from '../../lib/capture.js';
import { readEditorText } from '../editor-text.js';
import { composersIn, isReply } from './candidates.js';
import { publishControlFinder } from './controls.js';
import { SELECTORS } from './selectors.js';

const { editor: EDITOR, messengerPath } = SELECTORS.facebook;

export const facebook = Object.freeze({
  platform: 'facebook',
  matches: (hostname) => hostname === 'facebook.com' || hostname.endsWith('.facebook.com'),
  findComposers: (root) => (messengerPath.test(location.pathname) ? [] : composersIn(root, EDITOR)),
  readText: readEditorText,
  anchorFor: (editor) => editor,
  isReply,
  publishControl: publishControlFinder(SELECTORS.facebook.publish),
  postUrl: (href) => permalinkOf(href, SELECTORS.facebook.permalink),
});
