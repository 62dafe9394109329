// Types for operation-charts.js: the <operation-chart> element, its events, the JS API
// (mount, validate) and operation data format version 1 (reference: docs/data-format.md).

// ---------------------------------------------------------------------------------------------
// The data format, version 1.

/** An ISO 8601 date (`2018-04-16`, the whole day) or a date-time with a UTC offset
 *  (`2018-04-16T06:00:00+01:00` or `...Z`). */
export type EventTime = string;

/** Fields every event may carry. Texts are plain text, never markup. */
export interface EventBase {
  /** When it happened. */
  time: EventTime;
  /** Unique among all events; what other events refer to. */
  id?: string;
  /** Where it happened. */
  place?: string;
  /** Groups places (e.g. "Norfolk", "London") for colour and the by-area view;
   *  an event without one takes its raid's. */
  area?: string;
  /** A free-text note. */
  note?: string;
}

/** A raid: a warrant executed, premises searched. */
export interface RaidEvent extends EventBase {
  type: 'raid';
}

/** People arrested. */
export interface ArrestEvent extends EventBase {
  type: 'arrest';
  /** The `id` of the raid this belongs to; must exist. */
  raid?: string;
  /** How many people; at least 1, default 1. */
  count?: number;
}

/** People charged. */
export interface ChargeEvent extends EventBase {
  type: 'charge';
  /** The `id` of the raid this belongs to; must exist. */
  raid?: string;
  /** How many people; at least 1, default 1. */
  count?: number;
  /** e.g. "Possession with intent to supply a Class A drug". */
  offence?: string;
}

/** Something seized. */
export interface SeizureEvent extends EventBase {
  type: 'seizure';
  /** The `id` of the raid this belongs to; must exist. */
  raid?: string;
  /** What was seized, e.g. "Machete", "£1,200 in cash". */
  item: string;
}

export type OperationEvent = RaidEvent | ArrestEvent | ChargeEvent | SeizureEvent;

/** A whole document (format version 1). Unknown fields are errors. */
export interface OperationData {
  /** Must be 1. */
  version: 1;
  /** Shown above the chart; derived from the operation name when absent. */
  title?: string;
  /** Shown under the title. */
  subtitle?: string;
  operation: {
    /** e.g. "Operation Cayman". */
    name: string;
    /** e.g. "Norfolk Constabulary". */
    agency?: string;
  };
  /** Headline totals as officially reported (integers ≥ 0). Where the itemised events add up
   *  to less, the charts show the reported figure and say how many are not itemised. */
  reported?: {
    raids?: number;
    arrests?: number;
    charged?: number;
  };
  /** The itemised record, in any order (may be empty when `reported` is given). At most 1,000,000. */
  events: OperationEvent[];
  source: {
    /** The credit line. */
    name: string;
    /** `https:` only. */
    url?: string;
    /** Shown under the chart, e.g. what is illustrative. */
    note?: string;
  };
  /** Moments marked on the timeline and running-totals views, at most 50. */
  annotations?: Annotation[];
}

/** A moment a reporter marks on the time views: a guide and a label. */
export interface Annotation {
  /** The same forms as an event's `time`. */
  time: string;
  /** The label, plain text, 1 to 200 characters. */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Validation.

/** One problem, with the JSON path it concerns, e.g. `events[12].time`; `$` for the whole
 *  document (not JSON, not an object, could not be fetched, could not be drawn). */
export interface Problem {
  path: string;
  message: string;
}

export interface ValidationReport {
  ok: boolean;
  /** Everything that stops the data from being drawn; all of them, not just the first. */
  errors: Problem[];
  /** Consistency problems a real record can have (drawn anyway). */
  warnings: Problem[];
}

/** Checks data (an object or a JSON string) without drawing it. Synchronous: importing the
 *  module waits for the WebAssembly core. Throws only if the core could not be loaded. */
export function validate(data: OperationData | string | object): ValidationReport;

/** Resolves when the WebAssembly core is ready (already settled once the import resolves). */
export const ready: Promise<void>;

// ---------------------------------------------------------------------------------------------
// Views and items.

export type ChartView = 'summary' | 'timeline' | 'cumulative' | 'areas';
export const VIEWS: readonly ChartView[];

export type ChartTheme = 'light' | 'dark' | 'auto';

/** A box to highlight, in CSS px relative to the canvas; `round` = circle; a 1-px-wide box is a guide line. */
export interface ItemMark {
  x: number;
  y: number;
  width: number;
  height: number;
  round: boolean;
}

/** What a reader hovers or focuses. */
export interface ChartItem {
  view: ChartView;
  kind: 'stage' | 'raid' | 'moment' | 'area' | 'annotation';
  index: number;
  /** Its lane: the area (timeline) or the series (cumulative and areas: 0 arrests, 1 charged); 0 in the summary. */
  lane: number;
  /** The tooltip text; lines separated by "\n". */
  label: string;
  /** Where the tooltip points, in CSS px relative to the canvas. */
  anchor: { x: number; y: number };
  marks: ItemMark[];
  /** The numbers behind the label (depends on `kind`). */
  values: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Events (all bubble and are composed).

export interface ChartReadyDetail { view: ChartView | string }
export interface ChartHoverDetail { view: ChartView | string; item: ChartItem | null }
export interface ChartErrorDetail { message: string; errors: Problem[] }

export type ChartReadyEvent = CustomEvent<ChartReadyDetail>;
export type ChartHoverEvent = CustomEvent<ChartHoverDetail>;
export type ChartErrorEvent = CustomEvent<ChartErrorDetail>;

export interface OperationChartEventMap extends HTMLElementEventMap {
  chartready: ChartReadyEvent;
  charthover: ChartHoverEvent;
  charterror: ChartErrorEvent;
}

// ---------------------------------------------------------------------------------------------
// The element.

/**
 * `<operation-chart src view refresh theme>`: attributes in the README, events in docs/embedding.md.
 *
 * Readers: the data is one tab stop (arrow keys, Home, End, Escape move through the items and
 * announce them in a polite live region; keyboard focus shows how, as text); legend entries are
 * toggle buttons; "Show data" reveals a table of the same numbers, sortable by each column and
 * downloadable as CSV; new data is announced with what changed. Brand with CSS custom
 * properties on the element: `--operation-chart-font`, `--operation-chart-accent` (needs 3:1
 * against the background), `--operation-chart-background` and `--operation-chart-text`
 * (tooltip, keyboard hint, table, buttons).
 * Shadow parts: `chart`, `tooltip`, `hint`, `alert`, `show-data`, `data`.
 */
export class OperationChartElement extends HTMLElement {
  /** `summary` (default), `timeline`, `cumulative` or `areas`; reflects the attribute. */
  view: ChartView | string;
  /** URL of the JSON (same-origin or CORS); reflects the attribute. */
  src: string;
  /** Seconds between re-fetches of `src` (at least 30; 0 = never); reflects the attribute. */
  refresh: number;
  /** `light`, `dark` or `auto` (default); reflects the attribute. */
  theme: ChartTheme;
  /** Set an object or a JSON string to (re)draw; returns what was last set. */
  data: OperationData | string | object | undefined;
  /** The report for the last data given (by any source), or null. */
  readonly report: ValidationReport | null;
  /** The item under the pointer (or focused with the keyboard), or null. */
  readonly hoveredItem: ChartItem | null;

  addEventListener<K extends keyof OperationChartEventMap>(
    type: K,
    listener: (this: OperationChartElement, ev: OperationChartEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OperationChartEventMap>(
    type: K,
    listener: (this: OperationChartElement, ev: OperationChartEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}
export default OperationChartElement;

// ---------------------------------------------------------------------------------------------
// The JS API.

export interface MountOptions {
  view?: ChartView;
  theme?: ChartTheme;
}

export interface ChartHandle {
  /** The <operation-chart> created in the container. */
  readonly element: OperationChartElement;
  /** Re-render with new data; an invalid update keeps the last good chart and shows the error. */
  update(data: OperationData | string | object): ValidationReport | null;
  setView(view: ChartView): void;
  /** A PNG of the chart as drawn (at the device pixel ratio). */
  toPNG(): Promise<Blob>;
  /** Removes listeners and DOM and frees the wasm memory. */
  destroy(): void;
}

/** Error thrown by `mount` for invalid data. */
export interface ChartDataError extends Error {
  errors: Problem[];
}

/** Draws `data` in a new <operation-chart> inside `container`, and resolves once it is drawn (in a
 *  container with no size yet, display:none or collapsed, once the data is read: it draws when
 *  the container gets a size). Rejects with a ChartDataError
 *  when the data is invalid, and at once with an Error when `container` is not in the document
 *  (a detached element never draws). */
export function mount(container: Element, data: OperationData | string | object, options?: MountOptions): Promise<ChartHandle>;

declare global {
  interface HTMLElementTagNameMap {
    'operation-chart': OperationChartElement;
  }
  interface HTMLElementEventMap {
    chartready: ChartReadyEvent;
    charthover: ChartHoverEvent;
    charterror: ChartErrorEvent;
  }
}
