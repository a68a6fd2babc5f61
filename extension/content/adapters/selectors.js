// Every selector the extension relies on, in one place. They anchor on roles, data attributes
// and the editor libraries' own class names, never on placeholder text (the sites are localised
// and change it) nor on hashed class names. The one exception is the publish buttons: Facebook's
// are bare role="button" elements with hashed classes, whose label is all that says what they
// do, so they are also known by their exact label, in French and English. A label that changes
// only makes a capture be missed: a press records nothing until the composer empties or closes.

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
  // What the user presses: a publish button is one of these.
  control: 'button, [role="button"], input[type="submit"]',
  facebook: Object.freeze({
    // Lexical marks the element it owns with data-lexical-editor.
    editor: `${EDITABLE}[data-lexical-editor="true"]`,
    // facebook.com/messages/… is Messenger itself.
    messengerPath: /^\/messages(\/|$)/,
    // The create-post dialog's "Publier" and the comment box's send arrow (the arrow of the box
    // that has the focus carries this id). Replies are sent with the same arrow, or with Enter;
    // "Répondre" is not listed: it is also the link under every comment that opens a reply box.
    publish: Object.freeze({
      selector: '#focused-state-composer-submit',
      labels: Object.freeze(['Publier', 'Post', 'Commenter', 'Comment']),
    }),
    // A page that shows one post: its address is the post's (the query keeps only the post's id).
    permalink: Object.freeze({
      path: /^\/(?:permalink\.php|story\.php|photo(?:\.php|\/)|groups\/[^/]+\/(?:posts|permalink)\/|[^/]+\/(?:posts|videos)\/)/,
      keep: Object.freeze(['story_fbid', 'fbid', 'id']),
    }),
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
    // The share box's "Publier" and the comment and reply boxes' submit buttons.
    publish: Object.freeze({
      selector: '.share-actions__primary-action, [class*="comments-comment-box__submit-button"]',
      labels: Object.freeze(['Publier', 'Post', 'Commenter', 'Comment', 'Répondre', 'Reply']),
    }),
    permalink: Object.freeze({
      path: /^\/(?:feed\/update\/urn:li:(?:activity|share|ugcPost):|posts\/)/,
      keep: Object.freeze([]),
    }),
  }),
});
