// Turns an editor's DOM into the plain text sent to the server, and maps the server's spans
// (UTF-16 offsets, the unit JavaScript strings index) back to positions in the editor's text
// nodes. The DOM walk produces a flat token list so this part stays pure and testable:
//   {kind: 'text', node, text}   a text node and its data
//   {kind: 'block'}              entering or leaving a block element (paragraph, list item…)
//   {kind: 'break'}              a <br> that starts a new line
//   {kind: 'trailing-break'}     the <br> that editors put in an empty or last line: no new line

// Lexical and ProseMirror keep typed trailing spaces as no-break spaces; the server must see
// ordinary spaces. Both are one UTF-16 unit, so offsets are unchanged.
const NO_BREAK_SPACE = /\u00A0/g;

export function buildTextMap(tokens) {
  let text = '';
  const segments = [];
  let lineStarted = false;
  let newlineOwed = false;

  const settleLine = () => {
    if (newlineOwed) {
      text += '\n';
      newlineOwed = false;
    }
    lineStarted = true;
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'text': {
        if (token.text === '') break;
        settleLine();
        const data = token.text.replace(NO_BREAK_SPACE, ' ');
        segments.push({ node: token.node, start: text.length, end: text.length + data.length, data });
        text += data;
        break;
      }
      case 'break':
        settleLine();
        text += '\n';
        break;
      case 'trailing-break':
        settleLine();
        break;
      case 'block':
        if (lineStarted) newlineOwed = true;
        lineStarted = false;
        break;
      default:
        throw new TypeError(`unknown token kind ${token.kind}`);
    }
  }
  return { text, segments };
}

/**
 * The pieces of text nodes covered by the span [start, end): one {node, startOffset, endOffset}
 * per text node touched, ready for Range.setStart/setEnd.
 */
export function rangesForSpan(segments, span) {
  if (!Array.isArray(span) || span.length !== 2) return [];
  const [start, end] = span;
  if (!(Number.isInteger(start) && Number.isInteger(end)) || end <= start) return [];
  const pieces = [];
  for (const segment of segments) {
    if (segment.end <= start) continue;
    if (segment.start >= end) break;
    pieces.push({
      node: segment.node,
      startOffset: Math.max(start, segment.start) - segment.start,
      endOffset: Math.min(end, segment.end) - segment.start,
    });
  }
  return pieces;
}

/** A map is stale once the editor replaced or edited one of the text nodes it points into. */
export function segmentsStillMatch(segments, readNode) {
  return segments.every((segment) => {
    const current = readNode(segment.node);
    return current !== null && current.replace(NO_BREAK_SPACE, ' ') === segment.data;
  });
}

/**
 * Where the span starts and ends in the editor's text nodes, ready for
 * Selection.setBaseAndExtent; null unless the span is text from end to end (a span across a
 * line break has no certain replacement). With `acrossLines` (a deletion: removing a sentence
 * that stands on its own line takes a line break with it) the span may cross line breaks, as
 * long as both of its ends lie in text: at the end of the line before, or the start of the one
 * after, as a person would select it.
 */
export function boundariesForSpan(segments, span, { acrossLines = false } = {}) {
  const pieces = rangesForSpan(segments, span);
  const covered = pieces.reduce((count, piece) => count + piece.endOffset - piece.startOffset, 0);
  if (pieces.length === 0) return null;
  if (covered !== span[1] - span[0]) return acrossLines ? boundariesAcrossLines(segments, span) : null;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return { startNode: first.node, startOffset: first.startOffset, endNode: last.node, endOffset: last.endOffset };
}

function boundariesAcrossLines(segments, [start, end]) {
  // The start may sit at the end of a text node (just before a line break), the end at the
  // start of one (just after it); inside text, either node of two that touch will do.
  const first = segments.find((segment) => segment.start <= start && start <= segment.end);
  const last = segments.findLast((segment) => segment.start <= end && end <= segment.end);
  if (!first || !last) return null;
  return {
    startNode: first.node,
    startOffset: start - first.start,
    endNode: last.node,
    endOffset: end - last.start,
  };
}

/**
 * The UTF-16 offset in the map's text of a caret position. `isBefore(node, offset)` says whether
 * that point of a text node lies before the caret (or at it); it is only asked when the caret is
 * not inside one of the map's text nodes (an empty line, the editor's own edge).
 */
export function offsetOfCaret(segments, caretNode, caretOffset, isBefore) {
  const inside = segments.find((segment) => segment.node === caretNode);
  if (inside) return inside.start + Math.min(caretOffset, inside.data.length);
  let offset = 0;
  for (const segment of segments) {
    if (!isBefore(segment.node, segment.data.length)) break;
    offset = segment.end;
  }
  return offset;
}
