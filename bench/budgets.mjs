// The budgets of issue 12 (and issue 13's Conversation backend), one row each: what is measured, the limit, and whether a
// figure meets it. KB here is 1000 bytes.

/** `max`: the figure must be ≤ limit; `min`: ≥ limit. `stretch` is printed, never enforced. */
export const BUDGETS = [
  { id: "preflightApp", figure: "./preflight entry, Vite app (wasm + JS, gzip -9)", unit: "KB", max: 30, stretch: 19 },
  { id: "callbacksApp", figure: "./callbacks entry, Vite app (wasm + JS, gzip -9)", unit: "KB", max: 15 },
  // Issue 12's 55 KB, plus the 10 KB issue 13 allows the full entry for its Conversation backend
  // (the next row holds the backend itself to its 10 KB; the entry without it is an information row).
  { id: "fullApp", figure: "full entry with the Conversation backend, Vite app (wasm + JS, gzip -9; issue 12's 55 KB + issue 13's 10 KB)", unit: "KB", max: 65, stretch: 30 },
  // Issue 13: the Conversation backend may add at most 10 KB to the full entry.
  { id: "conversationAdded", figure: "Conversation client backend added to the full entry (Vite app, with − without the conversation feature: its wasm, glue and JS; its webhooks not counted)", unit: "KB", max: 10 },
  { id: "sendTextRatio", figure: "sendText per message / plain fetch, emulator", unit: "×", max: 1.1 },
  { id: "cpuPerSend", figure: "client CPU per send, fetch stubbed", unit: "µs", max: 60 },
  { id: "workerdAdded", figure: "added cold start over a bare Worker, workerd serve", unit: "ms", max: 5 },
  { id: "nodeStartup", figure: "Node: import + init + construct, fresh process", unit: "ms", max: 8 },
  { id: "preflightSpeed", figure: "preflight files/s / file-type files/s, corpus", unit: "×", min: 10 },
];

const DIGITS = { KB: 1, "×": 2, "µs": 0, ms: 1 };
/** A figure in its unit: `30 KB`, `1.10×`. */
export const show = (value, unit) => `${value.toFixed(DIGITS[unit])}${unit === "×" ? "×" : ` ${unit}`}`;

/** The budget as text: `≤ 30 KB (stretch ≤ 19 KB)`. */
export function budgetText(b) {
  const text = b.max !== undefined ? `≤ ${show(b.max, b.unit)}` : `≥ ${show(b.min, b.unit)}`;
  return b.stretch !== undefined ? `${text} (stretch ≤ ${show(b.stretch, b.unit)})` : text;
}

/** Whether `value` meets `b`; a missing value (not built, failed) never does. */
export function meets(b, value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  return b.max !== undefined ? value <= b.max : value >= b.min;
}
