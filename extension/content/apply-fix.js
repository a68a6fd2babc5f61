// Applies a fix the way a person would: select the span with the Selection API, then let the
// editor insert the replacement through its own input path (execCommand fires the input events
// Lexical, Quill and ProseMirror listen to; a deletion is first offered as the beforeinput event
// the Delete key fires), and the change lands in their model and their undo history. The editor's DOM is never written to: Harper, Grammarly and
// LanguageTool corrupt Lexical, or stop it, by doing so.
import { boundariesForSpan, offsetOfCaret, segmentsStillMatch } from '../lib/text-map.js';

const readConnectedText = (node) => (node.isConnected ? node.data : null);

/** The selection that sees inside the editor's shadow root, if it is in one (Chromium's
 *  document selection only shows the host there; Firefox's shows the nodes). */
function selectionFor(editor) {
  const root = editor.getRootNode();
  return (typeof root.getSelection === 'function' ? root.getSelection() : null) ?? document.getSelection();
}

/** Whether `map` (what was analysed) still describes the editor's text, node for node. */
export function mapIsCurrent(map, readText, editor) {
  return segmentsStillMatch(map.segments, readConnectedText) && readText(editor).text === map.text;
}

/** The caret's UTF-16 offset in the draft, or null when the caret is not in this editor. */
export function caretOffsetIn(editor, map) {
  const selection = selectionFor(editor);
  if (!selection || selection.rangeCount === 0 || !editor.contains(selection.focusNode)) return null;
  const caret = document.createRange();
  caret.setStart(selection.focusNode, selection.focusOffset);
  return offsetOfCaret(map.segments, selection.focusNode, selection.focusOffset, (node, offset) => caret.comparePoint(node, offset) <= 0);
}

/**
 * Replaces `span` of the analysed draft with `replacement` in the editor. Returns false, and
 * changes nothing, when the draft changed since (the caller checks it again instead).
 */
export function applyReplacement({ editor, map, readText, span, replacement }) {
  if (!mapIsCurrent(map, readText, editor)) return false;
  // Only a deletion may cross a line break: nothing is typed there, lines are joined.
  const bounds = boundariesForSpan(map.segments, span, { acrossLines: replacement === '' });
  if (!bounds) return false;
  editor.focus({ preventScroll: true });
  const selection = selectionFor(editor);
  if (!selection) return false;
  selection.setBaseAndExtent(bounds.startNode, bounds.startOffset, bounds.endNode, bounds.endOffset);
  return replacement === '' ? deleteSelection(editor) : document.execCommand('insertText', false, replacement);
}

/**
 * Deletes the selection as the Delete key would. Chromium's execCommand fires no beforeinput,
 * and an editor that keeps its own model (Lexical) puts back any node the browser removes
 * behind its back: deleting across a line break must go through its beforeinput handler. So
 * the editor is offered the event first; one that takes it cancels it, and for the others
 * (Quill, ProseMirror read the DOM's change) the browser deletes.
 */
function deleteSelection(editor) {
  const offered = new InputEvent('beforeinput', {
    inputType: 'deleteContentBackward',
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!editor.dispatchEvent(offered)) return true;
  return document.execCommand('delete', false);
}
