// Coaches one composer: watches its text (read-only), asks the service worker for an analysis
// after the typing pause, and keeps the view in step, including recovery when the server
// comes back or the token is fixed.
import { fixAtCaret } from '../lib/fixes.js';
import { resolveUiLanguage } from '../lib/i18n.js';
import { Message, createMessage } from '../lib/messages.js';
import { visibleHints } from '../lib/report.js';
import { rangesForSpan, segmentsStillMatch } from '../lib/text-map.js';
import { TYPING_PAUSE_MS, backoffDelay, createDebouncer, createLatestGate } from '../lib/timing.js';
import { applyReplacement, caretOffsetIn } from './apply-fix.js';
import { CoachView } from './view.js';

const RETRY = { baseMs: 1000, maxMs: 15000 };

function readConnectedText(node) {
  return node.isConnected ? node.data : null;
}

function clientRectsFor(pieces) {
  const rects = [];
  for (const { node, startOffset, endOffset } of pieces) {
    const range = document.createRange();
    range.setStart(node, startOffset);
    range.setEnd(node, endOffset);
    rects.push(...range.getClientRects());
  }
  return rects;
}

export class ComposerCoach {
  constructor({ editor, adapter, settings, composerId, sendMessage }) {
    this.editor = editor;
    this.adapter = adapter;
    this.settings = settings;
    this.composerId = composerId;
    this.sendMessage = sendMessage;
    this.gate = createLatestGate();
    this.debouncer = createDebouncer(() => this.check(), TYPING_PAUSE_MS);
    this.retryTimer = 0;
    this.failures = 0;
    this.lastAnalysis = null;
    // The draft changed since the result on screen: the badge says "checking" at once.
    this.changed = false;
    this.view = new CoachView({
      editor,
      anchor: adapter.anchorFor(editor),
      onOpenSettings: () => this.sendMessage(createMessage(Message.OPEN_SETTINGS)),
      onApplyFix: (hint, replacement) => this.applyFix(hint, replacement),
    });
    this.view.attach();

    // Typing, pasting, undo and changes made by the site's own scripts all show up here;
    // the callback stays cheap because it runs on every keystroke: only the first change
    // after a result re-renders.
    this.editorObserver = new MutationObserver(() => {
      this.view.hideHighlights();
      this.debouncer.schedule();
      if (!this.changed) this.markChanged();
    });
    this.editorObserver.observe(editor, { childList: true, characterData: true, subtree: true });
    this.onFocusChange = () => this.view.setEditorFocused(editor.contains(document.activeElement));
    editor.addEventListener('focusin', this.onFocusChange);
    editor.addEventListener('focusout', this.onFocusChange);
    this.onFocusChange();
    this.check();
  }

  get platformEnabled() {
    return this.settings.platforms[this.adapter.platform] !== false;
  }

  uiLanguage(draftLanguage) {
    return resolveUiLanguage(this.settings.hintLanguage, {
      draftLanguage,
      browserLanguage: navigator.language,
    });
  }

  baseModel(state, extra = {}) {
    return {
      state,
      mode: this.adapter.isReply(this.editor) ? 'reply' : 'post',
      lang: this.uiLanguage(this.lastAnalysis?.result.language),
      scores: null,
      hints: [],
      hiddenCount: 0,
      text: '',
      serverUrl: this.settings.serverUrl,
      ...extra,
    };
  }

  markChanged() {
    this.changed = true;
    const shown = this.view.model?.state;
    if (shown === 'ok' || shown === 'idle' || shown === 'rejected') {
      this.view.render(this.lastAnalysis ? this.resultModel(this.lastAnalysis, 'checking') : this.baseModel('checking'));
    }
  }

  async check({ force = false } = {}) {
    clearTimeout(this.retryTimer);
    this.debouncer.cancel();
    this.changed = false;
    if (!this.platformEnabled) {
      this.gate.invalidate();
      this.view.clearHighlights();
      this.view.render(this.baseModel('disabled'));
      return;
    }
    const map = this.adapter.readText(this.editor);
    if (map.text.trim() === '') {
      this.gate.invalidate();
      this.lastAnalysis = null;
      this.view.clearHighlights();
      this.view.render(this.baseModel('idle'));
      return;
    }
    const ticket = this.gate.begin();
    const reply = this.adapter.isReply(this.editor);
    const previous = this.lastAnalysis;
    this.view.render(previous ? this.resultModel(previous, 'checking') : this.baseModel('checking'));

    let answer;
    try {
      answer = await this.sendMessage(
        createMessage(Message.ANALYZE, {
          composerId: this.composerId,
          text: map.text,
          platform: this.adapter.platform,
          reply,
          force,
        }),
      );
    } catch (error) {
      answer = { status: 'offline', code: 'extension_unavailable', message: String(error?.message ?? error) };
    }
    if (!this.gate.isCurrent(ticket) || answer?.status === 'stale') return;
    this.apply(answer, map);
  }

  apply(answer, map) {
    const status = answer?.status ?? 'offline';
    if (status === 'ok') {
      this.failures = 0;
      this.lastAnalysis = { result: answer.result, map };
      this.view.render(this.resultModel(this.lastAnalysis, 'ok'));
      this.view.setHighlights(() => this.measureHighlights());
      return;
    }
    this.lastAnalysis = null;
    this.view.clearHighlights();
    if (status === 'rejected') {
      this.view.render(this.baseModel('rejected', { error: answer }));
      return;
    }
    const state = status === 'unauthorized' ? 'unauthorized' : 'offline';
    this.view.render(this.baseModel(state, { error: answer }));
    this.retryTimer = setTimeout(() => this.check(), backoffDelay(this.failures, RETRY));
    this.failures += 1;
  }

  resultModel({ result, map }, state) {
    const hints = visibleHints(result.hints, this.settings.families);
    return this.baseModel(state, {
      lang: this.uiLanguage(result.language),
      scores: result.scores,
      hints,
      hiddenCount: (result.hints?.length ?? 0) - hints.length,
      text: map.text,
    });
  }

  measureHighlights() {
    if (!this.lastAnalysis) return null;
    const { result, map } = this.lastAnalysis;
    if (!segmentsStillMatch(map.segments, readConnectedText)) return null;
    return visibleHints(result.hints, this.settings.families)
      .map((hint, index) => ({
        index,
        level: hint.level,
        rects: clientRectsFor(rangesForSpan(map.segments, hint.span)),
      }))
      .filter((group) => group.rects.length > 0);
  }

  /**
   * Puts `replacement` in place of the hint's span, through the editor's own input path, then
   * checks the new draft. False when the draft changed since the hint was given (it is checked
   * again instead).
   */
  applyFix(hint, replacement) {
    const analysis = this.lastAnalysis;
    const applied =
      analysis !== null &&
      applyReplacement({
        editor: this.editor,
        map: analysis.map,
        readText: this.adapter.readText,
        span: hint.span,
        replacement,
      });
    // The editor commits the change in its own time (Lexical on a microtask): check after it.
    setTimeout(() => this.check(), 0);
    return applied;
  }

  /** The apply-fix shortcut: the fix for the hint under the caret, if there is one. */
  applyFixAtCaret() {
    const analysis = this.lastAnalysis;
    if (!analysis) return { applied: false, reason: 'no_result' };
    const caret = caretOffsetIn(this.editor, analysis.map);
    const hints = visibleHints(analysis.result.hints, this.settings.families);
    const fix = fixAtCaret(hints, analysis.map.text, caret);
    if (!fix) return { applied: false, reason: 'no_fix_here' };
    return { applied: this.applyFix(fix.hint, fix.replacement), rule: fix.hint.rule };
  }

  /** The keyboard shortcut: check now, whatever the cache says, and show the details. */
  async recheck() {
    this.view.openPanel();
    await this.check({ force: true });
    this.view.openPanel();
  }

  updateSettings(settings) {
    this.settings = settings;
    this.failures = 0;
    this.check();
  }

  /** Sites re-render their composers' surroundings; put the host back if it was dropped. */
  keepAttached() {
    this.view.attach();
    this.view.scheduleReposition();
  }

  dispose() {
    this.gate.invalidate();
    this.debouncer.cancel();
    clearTimeout(this.retryTimer);
    this.editorObserver.disconnect();
    this.editor.removeEventListener('focusin', this.onFocusChange);
    this.editor.removeEventListener('focusout', this.onFocusChange);
    this.view.destroy();
  }
}
