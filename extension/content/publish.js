// Capture on publish: when the user publishes from a coached composer (the site's publish
// button, or Enter in a comment or reply box), the text is read at that very moment, in the
// capture phase, before the site's own handlers clear the editor or close its dialog; once the
// site shows it took the post (the composer empties or goes away), it is sent once to the
// service worker for the history. Nothing is written to the page.
import { Press, activatesControl, continuesDraft, createPublishTracker, isPublishKey } from '../lib/capture.js';
import { Message, createMessage } from '../lib/messages.js';
import { SELECTORS } from './adapters/selectors.js';
import { composedParent, deepActiveElement } from './dom.js';

// Enter picks a suggestion (a mention, a hashtag) while the editor's list of them is open.
const suggestionsOpen = (editor) =>
  editor.getAttribute('aria-expanded') === 'true' || Boolean(editor.getAttribute('aria-activedescendant'));

/**
 * Watches the document for publications. `coaches` maps each coached editor to its coach;
 * `mayRecord()` says whether a post may be recorded now (site on, extension paired).
 * Returns {composerGone(coach), stop()}.
 */
export function watchPublishing({ adapter, coaches, coachContaining, lastFocused, mayRecord, sendMessage }) {
  const observers = new Map(); // composerId → the observer of a composer with a post pending

  const tracker = createPublishTracker({
    send: (post) => {
      if (!mayRecord()) return;
      Promise.resolve(sendMessage(createMessage(Message.HISTORY_ADD, post))).catch(() => {});
    },
    settled: (composerId) => {
      observers.get(composerId)?.disconnect();
      observers.delete(composerId);
    },
  });

  function press(coach, via) {
    if (!mayRecord()) return;
    const { editor, composerId } = coach;
    const reply = adapter.isReply(editor);
    const post = {
      text: adapter.readText(editor).text,
      platform: adapter.platform,
      reply,
      publishedAt: new Date().toISOString(),
    };
    // A new post has no address yet; a reply belongs to the post the page shows, if one.
    const url = reply ? adapter.postUrl(location.href) : null;
    if (url) post.url = url;
    if (tracker.press(composerId, post, via) !== 'pending') return;
    const observer = new MutationObserver(() => {
      if (adapter.readText(editor).text.trim() === '') tracker.confirm(composerId);
    });
    observer.observe(editor, { childList: true, characterData: true, subtree: true });
    observers.set(composerId, observer);
  }

  /** The composer a publish control belongs to: the nearest coached editor around it, unless
   *  the control sits in another post or comment (its own "Reply"), or several are as near and
   *  none of them has the focus. */
  function composerFor(control) {
    for (let node = composedParent(control); node; node = composedParent(node)) {
      const near = [...coaches.values()].filter((coach) => node.contains(coach.editor));
      if (near.length === 0) {
        if (node.matches(SELECTORS.post)) return null;
        continue;
      }
      if (near.length === 1) return near[0];
      const active = deepActiveElement();
      return near.find((coach) => coach.editor.contains(active)) ?? near.find((coach) => coach === lastFocused()) ?? null;
    }
    return null;
  }

  const onPress = (event) => {
    const control = adapter.publishControl(event.composedPath());
    const coach = control && composerFor(control);
    if (coach) press(coach, Press.CONTROL);
  };

  const onKeyDown = (event) => {
    const coach = coachContaining(event.composedPath()[0]);
    if (!coach) {
      if (activatesControl(event)) onPress(event);
      return;
    }
    if (event.key !== 'Enter') return; // cheap on every keystroke: the surface is read only now
    const mode = adapter.isReply(coach.editor) ? 'reply' : 'post';
    if (isPublishKey(event, { mode, choosing: suggestionsOpen(coach.editor) })) press(coach, Press.ENTER);
  };

  const onBeforeInput = (event) => {
    if (tracker.pendingCount === 0 || !continuesDraft(event.inputType)) return;
    const coach = coachContaining(event.composedPath()[0]);
    if (coach) tracker.cancel(coach.composerId);
  };

  const listeners = [
    ['click', onPress],
    ['keydown', onKeyDown],
    ['beforeinput', onBeforeInput],
  ];
  for (const [type, listener] of listeners) document.addEventListener(type, listener, { capture: true });

  return {
    /** A coached composer left the page (see the tracker's gone). */
    composerGone(coach) {
      tracker.gone(coach.composerId);
    },
    stop() {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, { capture: true });
      for (const observer of observers.values()) observer.disconnect();
      observers.clear();
    },
  };
}
