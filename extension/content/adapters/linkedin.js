// LinkedIn: the share box is Quill (classic) or ProseMirror/TipTap (being rolled out) inside
// the share dialog; comment boxes on the feed use either editor outside any dialog.
import { readEditorText } from '../editor-text.js';
import { SELECTORS } from './selectors.js';

const { quillEditor, quillFrame, dialogTextbox, proseMirrorEditor } = SELECTORS.linkedin;
const COMPOSER = [quillEditor, dialogTextbox, proseMirrorEditor].join(', ');

export const linkedin = Object.freeze({
  platform: 'linkedin',
  matches: (hostname) => hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com'),
  findComposers: (root) => [...root.querySelectorAll(COMPOSER)],
  readText: readEditorText,
  // Quill draws the visible frame on its container, not on the editable element.
  anchorFor: (editor) => editor.closest(quillFrame) ?? editor,
  isReply: (editor) => editor.closest(SELECTORS.dialog) === null,
});
