// Every selector the extension relies on, in one place. They anchor on roles, data attributes
// and the editor libraries' own class names, never on aria-label text (the sites are localised)
// nor on the sites' hashed class names (they change with every deploy).
export const SELECTORS = Object.freeze({
  dialog: '[role="dialog"]',
  facebook: Object.freeze({
    // Lexical marks the element it owns with data-lexical-editor.
    editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  }),
  linkedin: Object.freeze({
    // The classic share box and the comment boxes are Quill editors.
    quillEditor: '[data-test-ql-editor-contenteditable="true"], .ql-editor[contenteditable="true"]',
    quillFrame: '.ql-container',
    // The newer composer is ProseMirror/TipTap with hashed classes: inside the share dialog any
    // editable textbox is it; elsewhere ProseMirror's own class identifies comment boxes.
    dialogTextbox: '[role="dialog"] [role="textbox"][contenteditable="true"]',
    proseMirrorEditor: '.ProseMirror[contenteditable="true"]',
  }),
});
