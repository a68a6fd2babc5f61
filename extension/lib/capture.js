// Capture on publish, the part that needs no page: which key presses publish, whether a post
// may be recorded at all, and the tracker that turns "the user pressed publish" into exactly one
// recorded post. The content script (content/publish.js) feeds it from the page.
//
// A press of the site's publish control (or Enter in a comment box) only says the user *asked*
// to publish; the site may refuse (an empty or too long post), or Enter may have picked a
// mention or made a new line. So the text read at the press is held, and recorded only when the
// site shows it took the post: the composer empties soon after, or, after a press of the
// publish button, goes away (the post dialog closes). The user typing on instead, or nothing
// happening in time, drops it. An abandoned draft never gets that far: without a press, closing
// or emptying a composer records nothing, and after an Enter that made a new line, a comment box
// the page removes (the user went elsewhere) records nothing either.

/** How long after the press the site has to show it took the post. */
export const CONFIRM_MS = 20000;
/** The same text from the same composer within this window is one publication (a double
 *  click, or Enter then a click on the button). */
export const DEDUPE_MS = 10000;

const hasModifier = (event) => event.shiftKey || event.ctrlKey || event.altKey || event.metaKey;
// 229: the key goes to an input method's composition (Japanese, Chinese…), not to the page.
const composing = (event) => event.isComposing || event.keyCode === 229;

/**
 * Whether a keydown in a composer publishes it: Enter alone, in a comment or reply box (the
 * post composers make a new line), outside an input method's composition and while no
 * suggestion list (mentions, hashtags) is open, where Enter picks a suggestion.
 */
export function isPublishKey(event, { mode, choosing = false }) {
  return mode === 'reply' && event.key === 'Enter' && !hasModifier(event) && !composing(event) && !choosing;
}

/** Whether a keydown on a focused publish control presses it (Enter or Space, as a button). */
export function activatesControl(event) {
  return (event.key === 'Enter' || event.key === ' ') && !hasModifier(event) && !composing(event);
}

/** Typing that shows the user went on writing; a new line is not (Enter not consumed). */
export function continuesDraft(inputType) {
  return inputType !== 'insertParagraph' && inputType !== 'insertLineBreak';
}

/** A post is recorded only from a site the user coaches, with the extension paired. */
export function mayRecord(settings, platform) {
  return Boolean(settings.token) && settings.platforms?.[platform] !== false;
}

/**
 * The post's permalink from the page's address, when the page is a single post (`rule.path`
 * matches its path): query parameters other than `rule.keep` and the fragment are dropped.
 * Null on a feed or anywhere else.
 */
export function permalinkOf(href, rule) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!rule?.path.test(url.pathname)) return null;
  const kept = new URLSearchParams();
  for (const name of rule.keep ?? []) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

/** How the user asked to publish: the site's button, or Enter in a comment or reply box. */
export const Press = Object.freeze({ CONTROL: 'control', ENTER: 'enter' });

/**
 * Holds at most one post per composer between the press and the site's confirmation, and
 * sends each publication once. `send(post)` gets the post as pressed ({text, …}); `settled(key)`
 * is told when a composer has nothing pending any more (to stop watching it).
 */
export function createPublishTracker({ send, settled = () => {}, timers = globalThis, now = () => Date.now() }) {
  const pending = new Map(); // key → {post, via, timer}
  const sent = new Map(); // key → {text, at}

  function drop(key) {
    const held = pending.get(key);
    if (!held) return null;
    timers.clearTimeout(held.timer);
    pending.delete(key);
    settled(key);
    return held.post;
  }

  const isRecent = (key, text) => {
    const last = sent.get(key);
    return last !== undefined && last.text === text && now() - last.at < DEDUPE_MS;
  };

  return {
    /**
     * The user pressed publish in composer `key`, `via` a Press. Returns what became of it:
     * 'empty' (nothing to publish), 'duplicate' (already pending or just sent) or 'pending'.
     */
    press(key, post, via = Press.CONTROL) {
      if (post.text.trim() === '') return 'empty';
      const held = pending.get(key);
      if (held?.post.text === post.text || isRecent(key, post.text)) {
        // Enter then the button: the button's press also lets the composer's closing confirm.
        if (held && via === Press.CONTROL) held.via = via;
        return 'duplicate';
      }
      drop(key);
      pending.set(key, { post, via, timer: timers.setTimeout(() => drop(key), CONFIRM_MS) });
      return 'pending';
    },

    isPending: (key) => pending.has(key),

    /** The site took it (the composer emptied or went away): send it, once. */
    confirm(key) {
      const post = drop(key);
      if (!post) return false;
      sent.set(key, { text: post.text, at: now() });
      send(post);
      return true;
    },

    /** The user went on writing, or may no longer record: the press published nothing. */
    cancel(key) {
      drop(key);
    },

    /** The composer left the page: a post pending from its publish button was taken with
     *  it (the dialog closed), one pending from Enter was not; then the composer is forgotten. */
    gone(key) {
      const fromButton = pending.get(key)?.via === Press.CONTROL;
      const confirmed = fromButton && this.confirm(key);
      drop(key);
      sent.delete(key);
      return confirmed;
    },

    get pendingCount() {
      return pending.size;
    },
  };
}
