// The printed table: each budget row with its figure, budget and OK / MISSED, then
// the information rows.
import { BUDGETS, budgetText, meets, show } from "./budgets.mjs";

/**
 * `rows` maps a budget id to `{ value?, note }` (no value: not measured, the note says
 * why). Returns the rows as checked: `{ id, figure, value, unit, budget, ok, note }`.
 */
export function check(rows) {
  return BUDGETS.map((b) => {
    const { value = null, note = "" } = rows[b.id] ?? { note: "not measured" };
    const ok = meets(b, value);
    const stretchMet = b.stretch !== undefined && ok ? value <= b.stretch : undefined;
    return { id: b.id, figure: b.figure, value, unit: b.unit, max: b.max, min: b.min, stretch: b.stretch, stretchMet, ok, note };
  });
}

function table(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...lines.map(line)].join("\n");
}

/** The whole report as text: budgets, then `info` (`[name, text]` pairs). */
export function render(checked, info) {
  const budgetLines = checked.map((r) => [
    r.figure,
    r.value === null ? "—" : show(r.value, r.unit),
    budgetText(r),
    r.ok ? (r.stretchMet ? "OK (stretch met)" : "OK") : "MISSED",
    r.note,
  ]);
  const missed = checked.filter((r) => !r.ok).length;
  return [
    table(["budget row", "measured", "budget", "mark", "how"], budgetLines),
    "",
    table(["information (no budget)", "figure"], info),
    "",
    missed ? `${missed} of ${checked.length} budgets MISSED` : `all ${checked.length} budgets met`,
  ].join("\n");
}
