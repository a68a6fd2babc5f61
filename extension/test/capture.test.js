import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONFIRM_MS,
  DEDUPE_MS,
  Press,
  activatesControl,
  continuesDraft,
  createPublishTracker,
  isPublishKey,
  mayRecord,
  permalinkOf,
} from '../lib/capture.js';
import { SELECTORS } from '../content/adapters/selectors.js';
import { Message, createMessage } from '../lib/messages.js';
import { DEFAULT_SETTINGS } from '../lib/settings.js';
import { createFakeTimers } from './fake-timers.js';

const key = (init = {}) => ({ key: 'Enter', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, keyCode: 13, ...init });

describe('which key presses publish', () => {
  it('Enter alone publishes a comment or reply box', () => {
    assert.equal(isPublishKey(key(), { mode: 'reply' }), true);
  });

  it('Enter in a post composer is a new line', () => {
    assert.equal(isPublishKey(key(), { mode: 'post' }), false);
  });

  it('Shift+Enter and the other modified Enters are not a publication', () => {
    for (const modifier of ['shiftKey', 'ctrlKey', 'altKey', 'metaKey']) {
      assert.equal(isPublishKey(key({ [modifier]: true }), { mode: 'reply' }), false, modifier);
    }
  });

  it('Enter that ends an input method composition, or picks a suggestion, is not one', () => {
    assert.equal(isPublishKey(key({ isComposing: true }), { mode: 'reply' }), false);
    assert.equal(isPublishKey(key({ keyCode: 229 }), { mode: 'reply' }), false);
    assert.equal(isPublishKey(key(), { mode: 'reply', choosing: true }), false);
  });

  it('other keys are not', () => {
    for (const name of ['a', ' ', 'Tab', 'NumpadEnter']) {
      assert.equal(isPublishKey(key({ key: name }), { mode: 'reply' }), false, name);
    }
  });

  it('Enter or Space presses a focused publish button, unmodified', () => {
    assert.equal(activatesControl(key()), true);
    assert.equal(activatesControl(key({ key: ' ' })), true);
    assert.equal(activatesControl(key({ key: 'a' })), false);
    assert.equal(activatesControl(key({ ctrlKey: true })), false);
    assert.equal(activatesControl(key({ isComposing: true })), false);
  });

  it('typing goes on writing the draft; a new line (Enter not consumed) does not say so', () => {
    for (const type of ['insertText', 'deleteContentBackward', 'insertFromPaste', 'deleteByCut']) {
      assert.equal(continuesDraft(type), true, type);
    }
    assert.equal(continuesDraft('insertParagraph'), false);
    assert.equal(continuesDraft('insertLineBreak'), false);
  });
});

describe('whether a post may be recorded', () => {
  const paired = { ...DEFAULT_SETTINGS, token: 'secret-token' };

  it('only paired, on a site the user coaches', () => {
    assert.equal(mayRecord(paired, 'facebook'), true);
    assert.equal(mayRecord(DEFAULT_SETTINGS, 'facebook'), false);
    assert.equal(mayRecord({ ...paired, platforms: { facebook: false, linkedin: true } }, 'facebook'), false);
    assert.equal(mayRecord({ ...paired, platforms: { facebook: false, linkedin: true } }, 'linkedin'), true);
  });
});

describe('permalinkOf', () => {
  const { facebook, linkedin } = SELECTORS;

  it('a page that shows one post gives its address, without tracking parameters', () => {
    assert.equal(
      permalinkOf('https://www.facebook.com/AtelierLumen/posts/pfbid02abc?__cft__[0]=x&__tn__=R#c', facebook.permalink),
      'https://www.facebook.com/AtelierLumen/posts/pfbid02abc',
    );
    assert.equal(
      permalinkOf('https://www.facebook.com/permalink.php?story_fbid=123&id=456&ref=feed', facebook.permalink),
      'https://www.facebook.com/permalink.php?story_fbid=123&id=456',
    );
    assert.equal(
      permalinkOf('https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/?commentUrn=x', linkedin.permalink),
      'https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/',
    );
  });

  it('a feed, a profile or a bad address gives none', () => {
    assert.equal(permalinkOf('https://www.facebook.com/', facebook.permalink), null);
    assert.equal(permalinkOf('https://www.facebook.com/AtelierLumen', facebook.permalink), null);
    assert.equal(permalinkOf('https://www.linkedin.com/feed/', linkedin.permalink), null);
    assert.equal(permalinkOf('not a url', linkedin.permalink), null);
  });
});

function tracker() {
  const timers = createFakeTimers();
  const sent = [];
  const settled = [];
  const publishes = createPublishTracker({
    send: (post) => sent.push(post),
    settled: (composer) => settled.push(composer),
    timers,
    now: () => timers.now(),
  });
  return { timers, sent, settled, publishes };
}

const post = (text) => ({ text, platform: 'facebook', reply: true });

describe('createPublishTracker', () => {
  it('sends what was pressed once the site took it, and only then', () => {
    const { sent, settled, publishes } = tracker();
    assert.equal(publishes.press('c1', post('Merci Julien !')), 'pending');
    assert.deepEqual(sent, []);
    assert.equal(publishes.confirm('c1'), true);
    assert.deepEqual(sent, [post('Merci Julien !')]);
    assert.deepEqual(settled, ['c1']);
    assert.equal(publishes.confirm('c1'), false, 'a second sign of the same publication sends nothing');
    assert.equal(sent.length, 1);
  });

  it('nothing to publish: empty or white space', () => {
    const { sent, publishes } = tracker();
    for (const text of ['', '   ', '\n\n']) assert.equal(publishes.press('c1', post(text)), 'empty');
    assert.equal(publishes.isPending('c1'), false);
    publishes.gone('c1');
    assert.deepEqual(sent, []);
  });

  it('a double click, or Enter then a click, is one publication', () => {
    const { sent, publishes } = tracker();
    assert.equal(publishes.press('c1', post('Merci !')), 'pending');
    assert.equal(publishes.press('c1', post('Merci !')), 'duplicate');
    publishes.confirm('c1');
    // The site had not cleared the box yet when the second press read it.
    assert.equal(publishes.press('c1', post('Merci !')), 'duplicate');
    publishes.confirm('c1');
    assert.equal(sent.length, 1);
  });

  it('the same text again after the window, or in another composer, is another publication', () => {
    const { timers, sent, publishes } = tracker();
    publishes.press('c1', post('Merci !'));
    publishes.confirm('c1');
    assert.equal(publishes.press('c2', post('Merci !')), 'pending');
    publishes.confirm('c2');
    timers.advance(DEDUPE_MS);
    assert.equal(publishes.press('c1', post('Merci !')), 'pending');
    publishes.confirm('c1');
    assert.equal(sent.length, 3);
  });

  it('a press the site never confirms publishes nothing', () => {
    const { timers, sent, settled, publishes } = tracker();
    publishes.press('c1', post('Trop long'));
    timers.advance(CONFIRM_MS);
    assert.equal(publishes.isPending('c1'), false);
    assert.deepEqual(settled, ['c1']);
    publishes.confirm('c1');
    publishes.gone('c1');
    assert.deepEqual(sent, []);
    assert.equal(timers.pendingCount, 0);
  });

  it('writing on after the press drops it (Enter picked a mention, the site refused the post)', () => {
    const { sent, publishes } = tracker();
    publishes.press('c1', post('Merci @Jul'));
    publishes.cancel('c1');
    publishes.confirm('c1');
    assert.deepEqual(sent, []);
  });

  it('a new press with other text replaces the pending one', () => {
    const { sent, publishes } = tracker();
    publishes.press('c1', post('Merci'));
    assert.equal(publishes.press('c1', post('Merci Julien')), 'pending');
    publishes.confirm('c1');
    assert.deepEqual(sent, [post('Merci Julien')]);
  });

  it('a composer that leaves the page with a post pending took it; then it is forgotten', () => {
    const { timers, sent, publishes } = tracker();
    publishes.press('c1', post('Nous ouvrons samedi.'));
    assert.equal(publishes.gone('c1'), true);
    assert.deepEqual(sent, [post('Nous ouvrons samedi.')]);
    assert.equal(timers.pendingCount, 0);
    assert.equal(publishes.gone('c1'), false);
  });

  it('a comment box that leaves the page after an Enter (a new line, not sent) took nothing', () => {
    const { timers, sent, publishes } = tracker();
    publishes.press('c1', post('Merci,'), Press.ENTER);
    assert.equal(publishes.gone('c1'), false);
    assert.deepEqual(sent, []);
    assert.equal(timers.pendingCount, 0);
  });

  it('Enter that sends empties the box; Enter then the button may also close it', () => {
    const { sent, publishes } = tracker();
    publishes.press('c1', post('Merci !'), Press.ENTER);
    publishes.confirm('c1');
    publishes.press('c2', post('Bien reçu'), Press.ENTER);
    assert.equal(publishes.press('c2', post('Bien reçu'), Press.CONTROL), 'duplicate');
    assert.equal(publishes.gone('c2'), true);
    assert.deepEqual(sent.map((p) => p.text), ['Merci !', 'Bien reçu']);
  });

  it('an abandoned draft is never sent: typed, then closed or cleared, without a press', () => {
    const { timers, sent, publishes } = tracker();
    publishes.confirm('c1'); // the user emptied the box
    publishes.gone('c2'); // the user closed the dialog
    timers.advance(CONFIRM_MS * 2);
    assert.deepEqual(sent, []);
  });

  it('what it sends is a valid history-add message', () => {
    const { sent, publishes } = tracker();
    publishes.press('c1', { ...post('Merci !'), publishedAt: '2026-05-06T09:15:00.000Z' });
    publishes.confirm('c1');
    assert.doesNotThrow(() => createMessage(Message.HISTORY_ADD, sent[0]));
  });
});
