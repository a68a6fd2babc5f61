// Reads an editor's DOM without touching it: a walk that emits the tokens text-map.js expects.
import { buildTextMap } from '../lib/text-map.js';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

function isLastInLine(node) {
  let next = node.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && next.data === '') next = next.nextSibling;
  return next === null || (next.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has(next.tagName));
}

function collectTokens(parent, tokens) {
  for (const child of parent.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      tokens.push({ kind: 'text', node: child, text: child.data });
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (child.tagName === 'BR') {
        tokens.push({ kind: isLastInLine(child) ? 'trailing-break' : 'break' });
      } else if (BLOCK_TAGS.has(child.tagName)) {
        tokens.push({ kind: 'block' });
        collectTokens(child, tokens);
        tokens.push({ kind: 'block' });
      } else {
        collectTokens(child, tokens);
      }
    }
  }
  return tokens;
}

export function readEditorText(editor) {
  return buildTextMap(collectTokens(editor, []));
}
