// Each adapter answers the same questions about its site:
//   platform                the name the server knows it by
//   matches(hostname)       is this page one of the site's
//   findComposers(root)     the editable elements to coach
//   readText(editor)        the draft as plain text, with the map back to the editor's text nodes
//   anchorFor(editor)       the element whose box the badge sits on (the host goes right after it)
//   isReply(editor)         comment and reply boxes turn on the conflict rules
//   publishControl(path)    the site's publish button an event's composed path went through
//   postUrl(href)           the page's address when it shows one post (its permalink), or null
import { facebook } from './facebook.js';
import { linkedin } from './linkedin.js';

export const ADAPTERS = Object.freeze([facebook, linkedin]);

export function adapterForHost(hostname) {
  return ADAPTERS.find((adapter) => adapter.matches(hostname)) ?? null;
}
