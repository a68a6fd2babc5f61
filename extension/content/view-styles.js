// Styles of the coaching UI. They live in the shadow root, so the page's CSS cannot reach them
// and ours cannot leak into the page.
export const VIEW_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }

.layer {
  --pc-surface: #ffffff;
  --pc-surface-raised: #f6f7f9;
  --pc-text: #1c1e21;
  --pc-muted: #5d6670;
  --pc-border: rgba(15, 23, 42, 0.14);
  --pc-shadow: 0 6px 24px rgba(15, 23, 42, 0.16), 0 1px 3px rgba(15, 23, 42, 0.12);
  --pc-accent: #4f46e5;
  --pc-good: #13794a;
  --pc-good-soft: #e3f4ea;
  --pc-fair: #a15c00;
  --pc-fair-soft: #fdf0d9;
  --pc-poor: #c2262e;
  --pc-poor-soft: #fde5e6;
  --pc-neutral: #6b7280;
  --pc-suggestion: #2563eb;
  --pc-warning: #d97706;
  --pc-error: #dc2626;
  --pc-mark-suggestion: rgba(37, 99, 235, 0.12);
  --pc-mark-warning: rgba(217, 119, 6, 0.16);
  --pc-mark-error: rgba(220, 38, 38, 0.14);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--pc-text);
}
.layer[data-theme="dark"] {
  --pc-surface: #23262b;
  --pc-surface-raised: #2d3137;
  --pc-text: #e8eaed;
  --pc-muted: #a8b0ba;
  --pc-border: rgba(255, 255, 255, 0.16);
  --pc-shadow: 0 6px 24px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4);
  --pc-accent: #a5b4fc;
  --pc-good: #5fd394;
  --pc-good-soft: rgba(95, 211, 148, 0.14);
  --pc-fair: #f4b860;
  --pc-fair-soft: rgba(244, 184, 96, 0.14);
  --pc-poor: #ff8a8f;
  --pc-poor-soft: rgba(255, 138, 143, 0.14);
  --pc-neutral: #9aa3ad;
  --pc-suggestion: #7aa7ff;
  --pc-warning: #f6ad55;
  --pc-error: #ff7a7a;
  --pc-mark-suggestion: rgba(122, 167, 255, 0.18);
  --pc-mark-warning: rgba(246, 173, 85, 0.2);
  --pc-mark-error: rgba(255, 122, 122, 0.2);
}

/* Popovers live in the top layer: nothing of the page moves, and no container clips them. */
[popover] {
  position: fixed;
  pointer-events: auto;
  inset: auto;
  margin: 0;
  padding: 0;
  border: 0;
  background: transparent;
  overflow: visible;
  color: inherit;
}

.badge:popover-open { display: inline-flex; }
.badge {
  align-items: center;
  gap: 6px;
  height: 26px;
  padding: 0 8px 0 4px;
  border: 1px solid var(--pc-border);
  border-radius: 13px;
  background: var(--pc-surface);
  box-shadow: 0 1px 4px rgba(15, 23, 42, 0.14);
  color: var(--pc-text);
  font: inherit;
  font-size: 12px;
  cursor: pointer;
  white-space: nowrap;
  transition: opacity 120ms ease;
}
.badge:hover { background: var(--pc-surface-raised); }
.badge:focus-visible, .panel button:focus-visible, .hint:focus-visible {
  outline: 2px solid var(--pc-accent);
  outline-offset: 2px;
}
.logo {
  display: inline-grid;
  place-items: center;
  width: 18px;
  height: 18px;
  border-radius: 50%;
  background: var(--pc-accent);
  color: var(--pc-surface);
  flex: none;
}
.logo svg { width: 11px; height: 11px; }
.chip { display: inline-flex; align-items: center; gap: 3px; }
.chip b { font-weight: 650; font-variant-numeric: tabular-nums; }
.chip .label { color: var(--pc-muted); }
.sep { width: 1px; height: 12px; background: var(--pc-border); }
.dot { width: 7px; height: 7px; border-radius: 50%; flex: none; }
.tier-good .dot, .meter.tier-good .fill { background: var(--pc-good); }
.tier-fair .dot, .meter.tier-fair .fill { background: var(--pc-fair); }
.tier-poor .dot, .meter.tier-poor .fill { background: var(--pc-poor); }
.count {
  display: inline-grid;
  place-items: center;
  min-width: 18px;
  height: 18px;
  padding: 0 5px;
  border-radius: 9px;
  font-weight: 650;
  font-size: 11px;
  color: #fff;
  background: var(--pc-good);
}
.count[data-level="suggestion"] { background: var(--pc-suggestion); }
.count[data-level="warning"] { background: var(--pc-warning); }
.count[data-level="error"] { background: var(--pc-error); }
.status { color: var(--pc-muted); }
.status.alert { color: var(--pc-poor); font-weight: 600; }
.spinner {
  width: 10px;
  height: 10px;
  border: 2px solid var(--pc-border);
  border-top-color: var(--pc-accent);
  border-radius: 50%;
  animation: spin 700ms linear infinite;
  flex: none;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2s; } }
.badge[data-busy="true"] .chip, .badge[data-busy="true"] .count { opacity: 0.55; }

.panel:popover-open { display: flex; }
.panel {
  width: min(360px, calc(100vw - 16px));
  flex-direction: column;
  border: 1px solid var(--pc-border);
  border-radius: 12px;
  background: var(--pc-surface);
  box-shadow: var(--pc-shadow);
  overflow: hidden;
}
.panel header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 10px 10px 10px 14px;
  border-bottom: 1px solid var(--pc-border);
}
.panel h2 { margin: 0; font-size: 14px; font-weight: 650; flex: 1; display: flex; align-items: center; gap: 8px; }
.mode {
  font-size: 11px;
  font-weight: 600;
  padding: 1px 7px;
  border-radius: 9px;
  background: var(--pc-surface-raised);
  color: var(--pc-muted);
  border: 1px solid var(--pc-border);
}
.icon-button {
  display: inline-grid;
  place-items: center;
  width: 26px;
  height: 26px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--pc-muted);
  font: inherit;
  font-size: 16px;
  cursor: pointer;
}
.icon-button:hover { background: var(--pc-surface-raised); color: var(--pc-text); }
.body { overflow-y: auto; padding: 12px 14px 14px; display: grid; gap: 12px; }
.scores { display: grid; gap: 8px; margin: 0; padding: 0; list-style: none; }
.score { display: grid; grid-template-columns: 92px 1fr auto; align-items: center; gap: 10px; }
.score .name { font-weight: 600; }
.score .word { font-size: 12px; color: var(--pc-muted); min-width: 108px; text-align: right; }
.score .word b { color: var(--pc-text); font-variant-numeric: tabular-nums; margin-right: 4px; }
.meter { display: block; height: 6px; border-radius: 3px; background: var(--pc-surface-raised); overflow: hidden; }
.meter .fill { display: block; height: 100%; border-radius: 3px; }
.hints { display: grid; gap: 8px; margin: 0; padding: 0; list-style: none; }
.hint {
  display: grid;
  gap: 4px;
  padding: 9px 10px 10px 12px;
  border-radius: 8px;
  border: 1px solid var(--pc-border);
  border-left: 4px solid var(--pc-neutral);
  background: var(--pc-surface);
}
.hint[data-level="suggestion"] { border-left-color: var(--pc-suggestion); }
.hint[data-level="warning"] { border-left-color: var(--pc-warning); }
.hint[data-level="error"] { border-left-color: var(--pc-error); }
.hint:hover, .hint[data-active="true"] { background: var(--pc-surface-raised); }
.hint-head { display: flex; align-items: baseline; gap: 8px; font-size: 11px; color: var(--pc-muted); }
.level { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
.hint[data-level="suggestion"] .level { color: var(--pc-suggestion); }
.hint[data-level="warning"] .level { color: var(--pc-warning); }
.hint[data-level="error"] .level { color: var(--pc-error); }
.excerpt { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-style: italic; }
.message { margin: 0; font-weight: 600; }
.suggestion { margin: 0; }
.suggestion span, .principle span { font-weight: 600; }
.principle { margin: 0; font-size: 12px; color: var(--pc-muted); }
.note { margin: 0; font-size: 12px; color: var(--pc-muted); }
.empty {
  display: flex;
  align-items: center;
  gap: 8px;
  margin: 0;
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--pc-good-soft);
  color: var(--pc-text);
}
.callout { display: grid; gap: 8px; padding: 12px; border-radius: 8px; background: var(--pc-poor-soft); }
.callout h3 { margin: 0; font-size: 13px; }
.callout p { margin: 0; }
.callout code {
  font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  padding: 1px 4px;
  border-radius: 4px;
  background: var(--pc-surface);
}
.action {
  justify-self: start;
  padding: 6px 12px;
  border: 0;
  border-radius: 6px;
  background: var(--pc-accent);
  color: var(--pc-surface);
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}

.fixes { display: flex; flex-wrap: wrap; gap: 6px; }
.fix {
  padding: 4px 10px;
  border: 1px solid var(--pc-accent);
  border-radius: 6px;
  background: transparent;
  color: var(--pc-accent);
  font: inherit;
  font-size: 12px;
  font-weight: 600;
  cursor: pointer;
}
.fix:hover { background: var(--pc-accent); color: var(--pc-surface); }
.fix:disabled { opacity: 0.5; cursor: default; background: transparent; color: var(--pc-accent); }
.fix:focus-visible { outline: 2px solid var(--pc-accent); outline-offset: 2px; }

/* The overlay only draws; clicks and the caret go through to the editor below. */
.overlay { pointer-events: none; overflow: hidden; }
.overlay * { pointer-events: none; }
.mark {
  position: absolute;
  border-radius: 2px;
  border-bottom: 2px solid var(--pc-neutral);
  transition: background-color 120ms ease;
}
.mark[data-level="suggestion"] { border-bottom-color: var(--pc-suggestion); background: var(--pc-mark-suggestion); }
.mark[data-level="warning"] { border-bottom-color: var(--pc-warning); background: var(--pc-mark-warning); }
.mark[data-level="error"] { border-bottom-color: var(--pc-error); background: var(--pc-mark-error); }
.mark[data-active="true"] { background: rgba(79, 70, 229, 0.22); }
`;
