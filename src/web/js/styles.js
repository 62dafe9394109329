// Styles: one sheet shared by every element (constructable, so no <style> and no inline style
// attributes: CSP style-src 'self' is enough). Each element adds one tiny sheet for its height.
// Every text size is in em of the element's own font size (the reader's default, or what the
// page sets on the element), never px, so the tooltip, hint, buttons, table and alerts grow
// with it as the canvas text does (see `_textScale` in element.js). 0.8125em is 13 px at the
// browser's default 16 px; 0.75em is 12 px.

const SHARED_CSS = `
:host {
  display: flex;
  flex-direction: column;
  position: relative;
  box-sizing: border-box;
  min-width: 0;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
/* The widget's own boxes lay out and read alike on every page: a host's inherited direction,
   writing mode or text styling (an RTL article, a careless "div { ... }") must not mirror the
   canvas (its text aligns to "start"), turn the chart or restyle its English text. The slotted
   fallback is the page's own, and keeps them. */
.frame, .alert, .sr-only, .hint {
  direction: ltr;
  writing-mode: horizontal-tb;
  text-align: left;
  text-indent: 0;
  text-transform: none;
  letter-spacing: normal;
  word-spacing: normal;
  font-style: normal;
  font-variant: normal;
  font-weight: normal;
  line-height: normal;
  white-space: normal;
}
.frame {
  --oc-bg: #ffffff;
  --oc-fg: #1a1a1a;
  --oc-muted: #595959;
  --oc-border: rgba(0, 0, 0, 0.18);
  --oc-focus: #1a1a1a;
  --oc-highlight: #1a1a1a;
  --oc-highlight-fill: rgba(0, 0, 0, 0.08);
  --oc-panel-bg: var(--operation-chart-background, var(--oc-bg));
  --oc-panel-fg: var(--operation-chart-text, var(--oc-fg));
  position: relative;
  display: flex;
  flex-direction: column;
  flex: 1 1 auto;
  min-height: 0;
  min-width: 0;
}
.frame.dark {
  --oc-bg: #161616;
  --oc-fg: #f0f0f0;
  --oc-muted: #b3b3b3;
  --oc-border: rgba(255, 255, 255, 0.28);
  --oc-focus: #f0f0f0;
  --oc-highlight: #f0f0f0;
  --oc-highlight-fill: rgba(255, 255, 255, 0.10);
}
.chart {
  position: relative;
  flex: 1 1 auto;
  min-height: 0;
  min-width: 0;
  width: 100%;
  overflow: hidden;
}
.chart.empty { flex: none; height: 0 !important; }
canvas {
  position: absolute;
  left: 0;
  top: 0;
  width: 100%;
  height: 100%;
  display: block;
  outline: none;
}
canvas.plot:focus-visible {
  outline: 2px solid var(--oc-focus);
  outline-offset: -4px;
}
canvas.snapshot { pointer-events: none; }
.overlay, .legend {
  position: absolute;
  inset: 0;
  pointer-events: none;
}
.mark {
  position: absolute;
  box-sizing: border-box;
  left: 0;
  top: 0;
  border: 2px solid var(--oc-highlight);
  background: var(--oc-highlight-fill);
  border-radius: 2px;
}
.mark.round { border-radius: 50%; }
.changes { position: absolute; inset: 0; }
.changed {
  position: absolute;
  box-sizing: content-box;
  left: 0;
  top: 0;
  border: 2px dashed var(--oc-focus);
  border-radius: 3px;
  margin: -5px;
  padding: 3px;
}
.changed.round { border-radius: 50%; }
.changed-note { order: -1; margin: 0 auto 0 0; align-self: center; font-size: 0.8125em; color: var(--oc-muted); }
.mark.focus {
  outline: 2px solid var(--oc-focus);
  outline-offset: 2px;
  box-shadow: 0 0 0 2px var(--oc-bg);
}
.mark.guide {
  border: none;
  background: var(--oc-highlight);
  opacity: 0.55;
  border-radius: 0;
  outline: none;
  box-shadow: none;
}
.legend button {
  position: absolute;
  left: 0;
  top: 0;
  box-sizing: border-box;
  margin: 0;
  padding: 0;
  border: 0;
  border-radius: 3px;
  background: transparent;
  color: inherit;
  font: inherit;
  cursor: pointer;
  pointer-events: auto;
  -webkit-tap-highlight-color: transparent;
}
.legend button:focus-visible { outline: 2px solid var(--oc-focus); outline-offset: 1px; }
@media (hover: hover) {
  .legend button:hover { background: var(--oc-highlight-fill); }
}
.tooltip {
  position: absolute;
  left: 0;
  top: 0;
  z-index: 2;
  box-sizing: border-box;
  max-width: min(22em, calc(100% - 8px));
  padding: 0.46em 0.7em;
  border: 1px solid var(--oc-border);
  border-radius: 4px;
  background: var(--oc-panel-bg);
  color: var(--oc-panel-fg);
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
  font-size: 0.8125em;
  line-height: 1.4;
  white-space: pre-line;
  overflow-wrap: anywhere;
  pointer-events: none;
}
.tooltip.hoverable { pointer-events: auto; }
.tooltip.strip {
  width: 100%;
  max-width: none;
  border-radius: 0;
  border-width: 1px 0;
  box-shadow: none;
}
.tooltip::first-line { font-weight: 600; }
.hint {
  position: absolute;
  inset: auto 0 0;
  z-index: 1;
  padding: 0.33em 0.67em;
  border-top: 1px solid var(--oc-border);
  background: var(--oc-panel-bg);
  color: var(--oc-panel-fg);
  font-size: 0.75em;
  pointer-events: none;
  display: flex;
  align-items: center;
  gap: 8px;
}
.hint > span { flex: 1 1 auto; }
.hint .close {
  flex: none;
  pointer-events: auto;
  min-width: 24px;
  min-height: 24px;
  padding: 0 4px;
  border: 1px solid var(--oc-border);
  border-radius: 3px;
  background: var(--oc-panel-bg);
  color: inherit;
  font: inherit;
  cursor: pointer;
}
.tools {
  flex: none;
  display: flex;
  justify-content: flex-end;
  padding: 0.25em 0 0;
  background: var(--oc-panel-bg);
  color: var(--oc-panel-fg);
}
.frame.fixed .tools {
  position: absolute;
  right: 4px;
  bottom: 4px;
  z-index: 4;
  padding: 0;
  background: transparent;
}
.tools button, .data .csv {
  box-sizing: border-box;
  min-height: 24px;
  margin: 0;
  padding: 0.17em 0.67em;
  border: 1px solid var(--oc-border);
  border-radius: 3px;
  background: var(--oc-panel-bg);
  color: var(--oc-panel-fg);
  font-family: inherit;
  font-size: 0.75em;
  line-height: 1.4;
  cursor: pointer;
}
/* "Download CSV" sits in the table, whose text is 0.8125em: 12/13 of that is 12 px again. */
.data .csv { font-size: calc(12em / 13); }
.tools button::before { content: "\\25B8\\00A0"; content: "\\25B8\\00A0" / ""; }
.tools button[aria-expanded="true"]::before { content: "\\25BE\\00A0"; content: "\\25BE\\00A0" / ""; }
.tools button:focus-visible, .data button:focus-visible { outline: 2px solid var(--oc-focus); outline-offset: 1px; }
.data {
  flex: none;
  max-width: 100%;
  overflow-x: auto;
  margin: 4px 0 0;
  background: var(--oc-panel-bg);
  color: var(--oc-panel-fg);
  font-size: 0.8125em;
  line-height: 1.4;
}
.data:focus-visible { outline: 2px solid var(--oc-focus); outline-offset: -2px; }
.data tbody tr[tabindex]:focus-visible { outline: 2px solid var(--oc-focus); outline-offset: -2px; }
.frame.fixed .data {
  position: absolute;
  inset: 0;
  z-index: 3;
  margin: 0;
  /* The foot leaves room for the "Show data" button floating over it, at any text size. */
  padding: 0.6em 0.6em 2.8em;
  overflow: auto;
}
.data table { border-collapse: collapse; min-width: 100%; }
.data caption { text-align: left; font-weight: 600; padding: 0 0 4px; }
.data th, .data td {
  padding: 0.23em 0.6em 0.23em 0;
  border-bottom: 1px solid var(--oc-border);
  text-align: left;
  vertical-align: top;
}
.data thead th { font-weight: 600; }
.data th button { all: unset; cursor: pointer; }
.data th button::after { content: "\\00A0\\2195" / ""; opacity: 0.5; }
[aria-sort=ascending] button::after { content: "\\00A0\\25B2" / ""; opacity: 1; }
[aria-sort=descending] button::after { content: "\\00A0\\25BC" / ""; opacity: 1; }
.data .csv { float: right; margin: 0 0 4px 8px; }
.data tbody th { font-weight: normal; }
.sr-only {
  position: absolute !important;
  width: 1px !important;
  height: 1px !important;
  padding: 0 !important;
  margin: -1px !important;
  overflow: hidden !important;
  clip: rect(0 0 0 0) !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
  border: 0 !important;
}
.probe { forced-color-adjust: none; }
/* 1em wide: its size changes with the element's font size (element.js watches it). */
.sizer {
  position: absolute;
  left: 0;
  top: 0;
  width: 1em;
  height: 0;
  visibility: hidden;
  pointer-events: none;
}
.alert {
  flex: none;
  margin: 6px 0 0;
  padding: 0.6em 0.77em;
  border-left: 4px solid #c62828;
  background: #fff4f2;
  color: #5c1010;
  font-size: 0.8125em;
  line-height: 1.4;
}
.alert p { margin: 0; font-weight: 600; }
.alert ul { margin: 4px 0 0; padding-left: 1.2em; }
.alert li { overflow-wrap: anywhere; }
.alert code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: calc(12em / 13); }
.fallback.gone { display: none; }
@media (forced-colors: active) {
  .mark { forced-color-adjust: none; border-color: Highlight; background: transparent; }
  .mark.focus { outline-color: CanvasText; box-shadow: none; }
  .mark.guide { background: Highlight; opacity: 1; }
  .changed { forced-color-adjust: none; border-color: Highlight; }
  .tooltip, .hint, .tools button, .data .csv, .data th, .data td { border-color: CanvasText; }
  canvas.plot:focus-visible, .legend button:focus-visible, .tools button:focus-visible, .data button:focus-visible { outline-color: Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; }
}
`;

let sharedSheet = null;
export function getSharedSheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(SHARED_CSS);
  }
  return sharedSheet;
}
