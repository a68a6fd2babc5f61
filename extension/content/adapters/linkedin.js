// LinkedIn: the share box is Quill (classic) or ProseMirror/TipTap (being rolled out), in a
// dialog that may live in an open shadow root (#interop-outlet); the feed's comment and reply
// boxes use either editor. Post or reply comes from the composer's surface.
import { permalinkOf } from '../../lib/capture.js';
import { closestComposed } from '../dom.js';
import { readEditorText } from '../editor-text.js';
import { composersIn, isReply } from './candidates.js';
import { publishControlFinder } from './controls.js';
import { SELECTORS } from './selectors.js';

const { editor: EDITOR, notEditor, quillFrame } = SELECTORS.linkedin;

export const linkedin = Object.freeze({
  platform: 'linkedin',
  matches: (hostname) => hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com'),
  findComposers: (root) => composersIn(root, EDITOR, notEditor),
  readText: readEditorText,
  // Quill draws the visible frame on its container, not on the editable element.
  anchorFor: (editor) => closestComposed(editor, quillFrame) ?? editor,
  isReply,
  publishControl: publishControlFinder(SELECTORS.linkedin.publish),
  postUrl: (href) => permalinkOf(href, SELECTORS.linkedin.permalink),
});
