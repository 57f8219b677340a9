// What of wasm-bindgen's own an entry's code and glue never use, out of its .wasm (before
// build.sh's second `wasm-opt`, which drops what then has no reference):
//   node scripts/unused.mjs FILE.wasm   (rewritten in place; its glue FILE.js beside it)
//
// The exports the glue never reads (`wasm.NAME`; `memory` stays, the repo's tests read it):
// wasm-bindgen's `__abort_handler` and `__instance_terminated` globals.
//
// The start export. wasm-bindgen declares an `externref` table (exported as
// `__wbindgen_externrefs`) in every module and imports `__wbindgen_init_externref_table`,
// which the glue calls once through the export `__wbindgen_start` (that import, re-exported)
// to put `undefined`, `null`, `true` and `false` in its slots. An import re-exported is the
// one export whose JS-to-wasm wrapper V8 11 (Node 20) compiles with its optimising compiler
// when it compiles the module, ≈ 0.25 ms of a fresh Node's start: the export and then the
// import go, and scripts/glue.mjs calls the initialiser from JS instead.
// The table itself, where no instruction uses it. An entry whose exports answer a `String`
// (`./callbacks`, `./preflight`: src/web/mod.rs, `Answer`) holds no JS value: no instruction
// reads or writes the table. There its export goes too, and the table, unreferenced, with it;
// scripts/glue.mjs then drops the initialiser. The full entry keeps the table.
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";
import { read } from "./module.mjs";

const [file] = process.argv.slice(2);
const TABLE = "__wbindgen_externrefs";
const START = "__wbindgen_start";
const INIT = "__wbindgen_init_externref_table";

const exports = (module) =>
  Array.from({ length: module.getNumExports() }, (_, i) => binaryen.getExportInfo(module.getExportByIndex(i)));
const tables = (module) =>
  Array.from({ length: module.getNumTables() }, (_, i) => binaryen.getTableInfo(module.getTableByIndex(i)).name);

const bytes = readFileSync(file);
const glue = readFileSync(file.replace(/_bg\.wasm$/, ".js"), "utf8");
const unread = exports(read(bytes))
  .map(({ name }) => name)
  .filter((name) => name !== "memory" && !glue.includes(`wasm.${name}`));

/** The module without the unread exports, the start export and its import, and, if `table`, the table's export. */
function without(table) {
  const module = read(bytes);
  for (const name of unread) module.removeExport(name);
  const value = (name) => exports(module).find((e) => e.name === name)?.value;
  const start = value(START);
  if (!value(TABLE) || !start || binaryen.getFunctionInfo(module.getFunction(start)).base !== INIT) {
    throw new Error(`${file}: not wasm-bindgen's ${TABLE}, ${START} and ${INIT}`);
  }
  module.removeExport(START);
  module.removeFunction(start);
  if (table) module.removeExport(TABLE);
  module.runPasses(["remove-unused-module-elements"]);
  return module;
}

let module = without(true);
// The table is still there when an instruction uses it: then it keeps its export.
const table = exports(read(bytes)).find(({ name }) => name === TABLE)?.value;
const used = tables(module).includes(table);
if (used) module = without(false);
if (!module.validate()) throw new Error(`${file}: invalid without ${unread.join(", ")}`);
writeFileSync(file, module.emitBinary());
console.log(`${file}: ${[...unread, `${START} and ${INIT}`, ...(used ? [] : ["the externref table"])].join(", ")} taken out`);
