// The coaching UI of one composer: a host element placed right after the composer (never
// inside the editor), a closed shadow root, and three popovers in the top layer — the badge,
// the panel and the highlight overlay — so the page neither moves nor clips them. The page sees
// the host and its data-* attributes (the documented test hooks), never what is inside.
import { replacementsOf } from '../lib/fixes.js';
import { translate } from '../lib/i18n.js';
import { describeScores, summarize } from '../lib/report.js';
import { themeForBackgrounds } from '../lib/theme.js';
import { closestComposed, composedParent } from './dom.js';
import { VIEW_CSS } from './view-styles.js';

const HOST_STYLE = [
  'all: initial',
  'position: absolute',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'pointer-events: none',
]
  .map((rule) => `${rule} !important`)
  .join('; ');
const SCORE_ATTRIBUTES = {
  salesiness: 'data-salesiness',
  interaction_value: 'data-interaction',
  tone_consistency: 'data-tone',
};
const EDGE = 8;
const GAP = 6;
const SIDE_GAP = 12;
const INSIDE_MIN_HEIGHT = 72;
const LEVEL_RANK = { error: 3, warning: 2, suggestion: 1 };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function logo() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  // A speech bubble with a tick: a reviewed message.
  path.setAttribute(
    'd',
    'M2 3.5A2.5 2.5 0 0 1 4.5 1h7A2.5 2.5 0 0 1 14 3.5v5a2.5 2.5 0 0 1-2.5 2.5H7.4L4 14v-3h0.5A2.5 2.5 0 0 1 2 8.5zm3.3 2.9-0.9 0.9L7 9.9l4.6-4.6-0.9-0.9L7 8.1z',
  );
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('fill-rule', 'evenodd');
  svg.append(path);
  return el('span', { class: 'logo' }, svg);
}

function setPopoverOpen(node, open) {
  if (!node.isConnected) return;
  const isOpen = node.matches(':popover-open');
  if (open && !isOpen) node.showPopover();
  if (!open && isOpen) node.hidePopover();
}

function visibleRect(rect) {
  const width = document.documentElement.clientWidth || window.innerWidth;
  const height = document.documentElement.clientHeight || window.innerHeight;
  const left = Math.max(rect.left, 0);
  const top = Math.max(rect.top, 0);
  const right = Math.min(rect.right, width);
  const bottom = Math.min(rect.bottom, height);
  if (right <= left || bottom <= top) return null;
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

function clamp(value, min, max) {
  return Math.max(min, Math.min(value, max));
}

let nextPanelId = 0;

export class CoachView {
  constructor({ editor, anchor, onOpenSettings, onApplyFix }) {
    this.editor = editor;
    this.anchor = anchor;
    this.onOpenSettings = onOpenSettings;
    this.onApplyFix = onApplyFix;
    this.model = null;
    this.panelWanted = false;
    this.measureHighlights = null;
    this.highlightsShown = false;
    this.activeHint = null;
    this.editorFocused = false;
    this.frame = 0;

    this.host = el('post-coach', { 'data-postcoach-host': '', style: HOST_STYLE });
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.layer = el('div', { class: 'layer' });
    this.overlay = el('div', { class: 'overlay', popover: 'manual', 'aria-hidden': 'true' });
    this.panelId = `postcoach-panel-${(nextPanelId += 1)}`;
    this.badge = el('button', {
      class: 'badge',
      type: 'button',
      popover: 'manual',
      'aria-expanded': 'false',
      'aria-controls': this.panelId,
    });
    this.panel = el('section', { class: 'panel', popover: 'manual', id: this.panelId, role: 'dialog' });
    this.layer.append(this.overlay, this.badge, this.panel);
    this.root.append(el('style', { text: VIEW_CSS }), this.layer);

    this.badge.addEventListener('click', () => this.togglePanel({ focus: true }));
    for (const node of [this.badge, this.panel]) {
      node.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || !this.panelOpen) return;
        event.stopPropagation();
        this.closePanel();
        this.badge.focus();
      });
    }

    this.scheduleReposition = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.reposition();
      });
    };
    window.addEventListener('scroll', this.scheduleReposition, { capture: true, passive: true });
    window.addEventListener('resize', this.scheduleReposition, { passive: true });
    this.resizeObserver = new ResizeObserver(this.scheduleReposition);
    this.resizeObserver.observe(this.editor);
    if (this.anchor !== this.editor) this.resizeObserver.observe(this.anchor);
  }

  /** (Re)inserts the host right after the composer; sites re-render and may drop it. */
  attach() {
    if (this.host.isConnected && this.host.previousSibling === this.anchor) return;
    this.anchor.after(this.host);
    if (this.model) this.render(this.model);
  }

  render(model) {
    this.model = model;
    const { state, lang } = model;
    this.host.setAttribute('data-state', state === 'idle' || state === 'rejected' ? 'ok' : state);
    this.host.setAttribute('data-mode', model.mode);
    for (const [key, attribute] of Object.entries(SCORE_ATTRIBUTES)) {
      if (model.scores) this.host.setAttribute(attribute, String(Math.round(model.scores[key])));
      else this.host.removeAttribute(attribute);
    }
    this.host.setAttribute('data-hints', String(model.hints?.length ?? 0));
    this.layer.setAttribute('data-theme', this.detectTheme());
    this.layer.lang = lang;

    if (state === 'disabled') {
      this.closePanel();
      this.clearHighlights();
      this.showBadgeIfWanted();
      return;
    }
    this.renderBadge(model);
    this.renderPanel(model);
    setPopoverOpen(this.overlay, true);
    this.showBadgeIfWanted();
    if (this.panelWanted) setPopoverOpen(this.panel, true);
    this.badgeSize = null;
    this.reposition();
  }

  renderBadge(model) {
    const { state, lang } = model;
    const parts = [logo()];
    let label;
    this.badge.removeAttribute('data-busy');
    if (model.scores) {
      const scores = describeScores(model.scores, lang);
      scores.forEach((score, index) => {
        if (index > 0) parts.push(el('span', { class: 'sep', 'aria-hidden': 'true' }));
        parts.push(
          el(
            'span',
            { class: `chip tier-${score.tier}`, title: `${score.label} ${score.value} — ${score.word}` },
            el('span', { class: 'dot', 'aria-hidden': 'true' }),
            el('span', { class: 'label', text: score.label }),
            el('b', { text: String(score.value) }),
          ),
        );
      });
      const worst = model.hints.reduce(
        (level, hint) => ((LEVEL_RANK[hint.level] ?? 0) > (LEVEL_RANK[level] ?? 0) ? hint.level : level),
        null,
      );
      parts.push(
        el('span', {
          class: 'count',
          'data-level': worst,
          'aria-hidden': 'true',
          text: model.hints.length === 0 ? '✓' : String(model.hints.length),
        }),
      );
      label = summarize(model.scores, model.hints.length, lang);
      if (state === 'checking') {
        this.badge.setAttribute('data-busy', 'true');
        parts.splice(1, 0, el('span', { class: 'spinner', 'aria-hidden': 'true' }));
      }
    } else if (state === 'checking') {
      parts.push(el('span', { class: 'spinner', 'aria-hidden': 'true' }));
      parts.push(el('span', { class: 'status', text: translate(lang, 'state.checking') }));
      label = translate(lang, 'state.checking');
    } else if (state === 'offline' || state === 'unauthorized') {
      const text = translate(lang, `state.${state}`);
      parts.push(el('span', { class: 'status alert', text }));
      label = text;
    } else {
      label = translate(lang, state === 'rejected' ? 'state.rejected.title' : 'state.idle');
    }
    this.badge.replaceChildren(...parts);
    this.badge.setAttribute('aria-label', translate(lang, 'badge.label', { summary: label }));
    this.badge.title = label;
  }

  renderPanel(model) {
    const { lang } = model;
    const close = el('button', {
      class: 'icon-button',
      type: 'button',
      'aria-label': translate(lang, 'action.close'),
      title: translate(lang, 'action.close'),
      text: '×',
    });
    close.addEventListener('click', () => {
      this.closePanel();
      this.badge.focus();
    });
    const titleId = `${this.panelId}-title`;
    const header = el(
      'header',
      {},
      el(
        'h2',
        { id: titleId },
        logo(),
        translate(lang, 'panel.title'),
        el('span', { class: 'mode', text: translate(lang, `mode.${model.mode}`) }),
      ),
      close,
    );
    this.panel.setAttribute('aria-labelledby', titleId);
    this.panel.replaceChildren(header, el('div', { class: 'body' }, ...this.panelBody(model)));
  }

  panelBody(model) {
    const { state, lang } = model;
    if (state === 'offline' || state === 'unauthorized' || state === 'rejected') {
      const callout = el(
        'div',
        { class: 'callout', role: 'alert' },
        el('h3', { text: translate(lang, `state.${state}.title`) }),
      );
      if (state === 'rejected') callout.append(el('p', { text: model.error?.message ?? '' }));
      else callout.append(el('p', { text: translate(lang, `state.${state}.body`) }));
      if (state === 'offline') {
        callout.append(
          el('p', {}, el('code', { text: 'make run' })),
          el('p', { class: 'note', text: translate(lang, 'state.offline.address', { url: model.serverUrl }) }),
        );
      }
      if (state === 'unauthorized') {
        const open = el('button', { class: 'action', type: 'button', text: translate(lang, 'action.open_settings') });
        open.addEventListener('click', () => this.onOpenSettings());
        callout.append(open);
      }
      return [callout];
    }
    if (!model.scores) {
      return [el('p', { class: 'note', text: translate(lang, state === 'checking' ? 'state.checking' : 'state.idle') })];
    }
    const scores = el(
      'ul',
      { class: 'scores', 'aria-label': translate(lang, 'panel.scores') },
      ...describeScores(model.scores, lang).map((score) =>
        el(
          'li',
          { class: 'score' },
          el('span', { class: 'name', text: score.label }),
          el(
            'span',
            { class: `meter tier-${score.tier}`, 'aria-hidden': 'true' },
            el('span', { class: 'fill', style: `width: ${clamp(score.value, 2, 100)}%` }),
          ),
          el('span', { class: 'word' }, el('b', { text: String(score.value) }), score.word),
        ),
      ),
    );
    const body = [scores];
    if (model.hints.length === 0) {
      body.push(
        el('p', { class: 'empty' }, el('strong', { text: translate(lang, 'hints.none') }), translate(lang, 'hints.none_detail')),
      );
    } else {
      body.push(el('ol', { class: 'hints' }, ...model.hints.map((hint, index) => this.hintItem(hint, index, model))));
    }
    if (model.hiddenCount > 0) {
      body.push(el('p', { class: 'note', text: translate(lang, 'hints.hidden_families', { count: model.hiddenCount }) }));
    }
    return body;
  }

  hintItem(hint, index, model) {
    const { lang } = model;
    const excerpt = hint.span ? model.text.slice(hint.span[0], hint.span[1]) : translate(lang, 'hint.whole_post');
    const item = el(
      'li',
      { class: 'hint', tabindex: '0', 'data-level': hint.level, 'data-rule': hint.rule },
      el(
        'div',
        { class: 'hint-head' },
        el('span', { class: 'level', text: translate(lang, `hint.level.${hint.level}`) }),
        el('span', { class: 'excerpt', text: hint.span ? `« ${excerpt} »` : excerpt }),
      ),
      el('p', { class: 'message', text: hint.message }),
    );
    if (hint.suggestion) {
      item.append(el('p', { class: 'suggestion' }, el('span', { text: translate(lang, 'hint.try') }), hint.suggestion));
    }
    const fixes = hint.span ? replacementsOf(hint, model.text) : [];
    if (fixes.length > 0) item.append(this.fixButtons(hint, fixes, model));
    if (hint.source) {
      item.append(el('p', { class: 'principle' }, el('span', { text: translate(lang, 'hint.principle') }), hint.source));
    }
    const activate = (active) => this.setActiveHint(active ? index : null);
    item.addEventListener('mouseenter', () => activate(true));
    item.addEventListener('mouseleave', () => activate(false));
    item.addEventListener('focus', () => activate(true));
    item.addEventListener('blur', () => activate(false));
    return item;
  }

  /** One button per replacement; they work only on the draft the hint was given for. */
  fixButtons(hint, fixes, model) {
    const { lang } = model;
    const buttons = fixes.map((replacement) => {
      const button = el('button', {
        class: 'fix',
        type: 'button',
        'data-replacement': replacement,
        disabled: model.state !== 'ok',
        text: replacement === '' ? translate(lang, 'fix.remove') : translate(lang, 'fix.replace', { text: replacement }),
      });
      // The editor keeps the focus and its selection until the fix is applied.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => this.onApplyFix(hint, replacement));
      return button;
    });
    return el('div', { class: 'fixes', role: 'group', 'aria-label': translate(lang, 'fix.label') }, ...buttons);
  }

  setActiveHint(index) {
    this.activeHint = index;
    for (const mark of this.overlay.children) {
      mark.setAttribute('data-active', String(Number(mark.dataset.hint) === index));
    }
    this.panel.querySelectorAll('.hint').forEach((item, position) => {
      item.setAttribute('data-active', String(position === index));
    });
  }

  /** `measure()` returns [{index, level, rects}] for the current text, or null once stale. */
  setHighlights(measure) {
    this.measureHighlights = measure;
    this.highlightsShown = measure !== null;
    this.drawHighlights();
  }

  /** Called on every edit, so it only flips a flag: the next result redraws. */
  hideHighlights() {
    if (!this.highlightsShown) return;
    this.highlightsShown = false;
    this.overlay.replaceChildren();
  }

  clearHighlights() {
    this.measureHighlights = null;
    this.hideHighlights();
  }

  drawHighlights() {
    if (!this.highlightsShown || !this.measureHighlights) {
      this.overlay.replaceChildren();
      return;
    }
    const frame = visibleRect(this.editor.getBoundingClientRect());
    const groups = frame ? this.measureHighlights() : null;
    if (!groups) {
      this.overlay.style.display = 'none';
      this.overlay.replaceChildren();
      if (frame) this.highlightsShown = false;
      return;
    }
    this.overlay.style.display = '';
    Object.assign(this.overlay.style, {
      left: `${frame.left}px`,
      top: `${frame.top}px`,
      width: `${frame.width}px`,
      height: `${frame.height}px`,
    });
    const marks = [];
    for (const { index, level, rects } of groups) {
      for (const rect of rects) {
        if (rect.width === 0) continue;
        const mark = el('span', {
          class: 'mark',
          'data-hint': String(index),
          'data-level': level,
          'data-active': String(index === this.activeHint),
        });
        mark.style.left = `${rect.left - frame.left}px`;
        mark.style.top = `${rect.top - frame.top}px`;
        mark.style.width = `${rect.width}px`;
        mark.style.height = `${rect.height}px`;
        marks.push(mark);
      }
    }
    this.overlay.replaceChildren(...marks);
  }

  reposition() {
    if (!this.host.isConnected || !this.model || this.model.state === 'disabled') return;
    const box = visibleRect(this.anchor.getBoundingClientRect());
    const shown = box !== null && !this.isCovered(box);
    for (const node of [this.badge, this.panel, this.overlay]) node.style.visibility = shown ? '' : 'hidden';
    if (!shown) return;
    const rect = this.anchor.getBoundingClientRect();
    this.badgeSize ??= { width: this.badge.offsetWidth, height: this.badge.offsetHeight };
    const { width, height } = this.badgeSize;
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    // Tall composers keep the badge inside their bottom-right corner, like a spell checker;
    // one-line comment boxes get it just below, so it never covers the text being typed.
    const inside = rect.height >= INSIDE_MIN_HEIGHT;
    const badgeLeft = clamp(rect.right - width - (inside ? EDGE : 0), EDGE, viewportWidth - width - EDGE);
    const badgeTop = clamp(inside ? rect.bottom - height - EDGE : rect.bottom + 4, EDGE, viewportHeight - height - EDGE);
    this.badge.style.left = `${badgeLeft}px`;
    this.badge.style.top = `${badgeTop}px`;
    if (this.panel.matches(':popover-open')) {
      // Beside the whole dialog when the composer is in one, so the panel covers neither.
      const frame = (closestComposed(this.anchor, '[role="dialog"]') ?? this.anchor).getBoundingClientRect();
      this.placePanel(frame, { left: badgeLeft, top: badgeTop, width, height });
    }
    this.drawHighlights();
  }

  /** Beside the frame when there is room (the draft stays readable), else by the badge. */
  placePanel(rect, badge) {
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    const panelWidth = this.panel.offsetWidth;
    const maxHeight = viewportHeight - 2 * EDGE;
    this.panel.style.maxHeight = `${maxHeight}px`;
    const panelHeight = Math.min(this.panel.scrollHeight, maxHeight);
    let left;
    let top;
    if (rect.right + SIDE_GAP + panelWidth <= viewportWidth - EDGE) {
      left = rect.right + SIDE_GAP;
      top = rect.top;
    } else if (rect.left - SIDE_GAP - panelWidth >= EDGE) {
      left = rect.left - SIDE_GAP - panelWidth;
      top = rect.top;
    } else {
      const below = viewportHeight - (badge.top + badge.height + GAP) - EDGE;
      const above = badge.top - GAP - EDGE;
      const room = Math.max(below, above);
      this.panel.style.maxHeight = `${Math.max(160, room)}px`;
      const height = Math.min(panelHeight, Math.max(160, room));
      left = badge.left + badge.width - panelWidth;
      top = below >= height || below >= above ? badge.top + badge.height + GAP : badge.top - GAP - height;
    }
    this.panel.style.left = `${clamp(left, EDGE, viewportWidth - panelWidth - EDGE)}px`;
    this.panel.style.top = `${clamp(top, EDGE, Math.max(EDGE, viewportHeight - panelHeight - EDGE))}px`;
  }

  /**
   * The popovers sit in the top layer, above everything: when the page puts something over
   * the composer (a modal dialog, a menu), they must step aside instead of floating over it.
   */
  isCovered(box) {
    const samples = [
      [box.left + box.width / 2, box.top + Math.min(box.height / 2, 16)],
      [box.left + Math.min(8, box.width / 2), box.top + Math.min(8, box.height / 2)],
    ];
    // In a shadow root, the document only answers with the outermost host: ask the root.
    const root = this.anchor.getRootNode();
    const scope = typeof root.elementFromPoint === 'function' ? root : document;
    return !samples.some(([x, y]) => {
      const hit = scope.elementFromPoint(x, y);
      return hit !== null && (hit === this.host || this.anchor.contains(hit) || hit.contains(this.anchor));
    });
  }

  detectTheme() {
    const colours = [];
    for (let node = this.anchor; node; node = composedParent(node)) {
      colours.push(getComputedStyle(node).backgroundColor);
    }
    return (
      themeForBackgrounds(colours) ??
      (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
    );
  }

  // A feed has many empty comment boxes: an idle one shows its badge only while in use.
  showBadgeIfWanted() {
    const state = this.model?.state;
    const inUse = state !== 'idle' || this.editorFocused || this.panelWanted;
    setPopoverOpen(this.badge, state !== undefined && state !== 'disabled' && inUse);
  }

  /** Only toggles the badge: re-rendering it between mousedown and click would eat the click. */
  setEditorFocused(focused) {
    if (focused === this.editorFocused) return;
    this.editorFocused = focused;
    this.showBadgeIfWanted();
    this.badgeSize = null;
    this.scheduleReposition();
  }

  get panelOpen() {
    return this.panel.matches(':popover-open');
  }

  openPanel({ focus = false } = {}) {
    this.panelWanted = true;
    if (!this.model || this.model.state === 'disabled') return;
    setPopoverOpen(this.panel, true);
    this.badge.setAttribute('aria-expanded', 'true');
    this.reposition();
    if (focus) this.panel.querySelector('button')?.focus();
  }

  closePanel() {
    this.panelWanted = false;
    setPopoverOpen(this.panel, false);
    this.badge.setAttribute('aria-expanded', 'false');
  }

  togglePanel(options) {
    if (this.panelOpen) this.closePanel();
    else this.openPanel(options);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    window.removeEventListener('scroll', this.scheduleReposition, { capture: true });
    window.removeEventListener('resize', this.scheduleReposition);
    this.resizeObserver.disconnect();
    this.host.remove();
  }
}
