// Every selector the extension relies on, in one place. They anchor on roles, data attributes
// and the editor libraries' own class names, never on aria-label or placeholder text (the sites
// are localised and change them, e.g. after a reaction) nor on hashed class names.

// An editable element, whatever form of contenteditable the editor chose.
const EDITABLE = ':is([contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"])';

export const SELECTORS = Object.freeze({
  editable: EDITABLE,
  // Where a composer sits, from the closest outwards: a post it answers, a dialog or another
  // landmark that frames it, and what such a frame may hold.
  post: 'article, [role="article"]',
  frame: '[role="dialog"], [role="complementary"], [role="region"]',
  dialog: '[role="dialog"]',
  // A conversation: Messenger lists its messages in a grid of rows (or a log).
  conversation: '[role="grid"], [role="log"]',
  facebook: Object.freeze({
    // Lexical marks the element it owns with data-lexical-editor.
    editor: `${EDITABLE}[data-lexical-editor="true"]`,
    // facebook.com/messages/… is Messenger itself.
    messengerPath: /^\/messages(\/|$)/,
  }),
  linkedin: Object.freeze({
    // Quill (classic share box, comment boxes), ProseMirror/TipTap (the newer editor, hashed
    // classes but ProseMirror's own), and any editable textbox (what the newer editors expose).
    editor: [
      `.ql-editor${EDITABLE}`,
      `[data-test-ql-editor-contenteditable="true"]`,
      `.ProseMirror${EDITABLE}`,
      `[role="textbox"]${EDITABLE}`,
    ].join(', '),
    // Quill 1 keeps a hidden editable element for pastes beside the real one.
    notEditor: '.ql-clipboard',
    quillFrame: '.ql-container',
  }),
});
