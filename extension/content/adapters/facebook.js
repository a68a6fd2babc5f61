// Facebook: the post composer and the comment boxes are Lexical editors. The post composer
// opens in a dialog; a Lexical editor anywhere else answers someone, so it is a reply.
import { readEditorText } from '../editor-text.js';
import { SELECTORS } from './selectors.js';

export const facebook = Object.freeze({
  platform: 'facebook',
  matches: (hostname) => hostname === 'facebook.com' || hostname.endsWith('.facebook.com'),
  findComposers: (root) => [...root.querySelectorAll(SELECTORS.facebook.editor)],
  readText: readEditorText,
  anchorFor: (editor) => editor,
  isReply: (editor) => editor.closest(SELECTORS.dialog) === null,
});
