// The `externref` table of an entry whose code never uses it, taken out of its .wasm:
//   node scripts/externrefs.mjs FILE.wasm   (rewritten in place, or left as it is)
//
// wasm-bindgen declares the table (exported as `__wbindgen_externrefs`) in every module and
// imports `__wbindgen_init_externref_table`, which its glue calls once through the export
// `__wbindgen_start` to put `undefined`, `null`, `true` and `false` in the table's slots. An
// entry whose exports answer a `String` (`./callbacks`, `./preflight`: src/web/mod.rs,
// `Answer`) holds no JS value: no instruction reads or writes the table. There the two
// exports and the import go (no import, no start call), and the table, unreferenced, with
// them; scripts/glue.mjs then cuts the glue's import function and its start call, as it does
// wherever the .wasm has no such import. Where the code uses the table (the full entry), the
// file is left as it is.
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";

const [file] = process.argv.slice(2);
const TABLE = "__wbindgen_externrefs";
const START = "__wbindgen_start";
const INIT = "__wbindgen_init_externref_table";

/** The module in `bytes`, with the features rustc enables for wasm32-unknown-unknown. */
function read(bytes) {
  const module = binaryen.readBinary(bytes);
  const { BulkMemory, BulkMemoryOpt, NontrappingFPToInt, SignExt, MutableGlobals, ReferenceTypes, Multivalue } =
    binaryen.Features;
  module.setFeatures(BulkMemory | BulkMemoryOpt | NontrappingFPToInt | SignExt | MutableGlobals | ReferenceTypes | Multivalue);
  return module;
}

const exported = (module, name) => {
  const ref = module.getExport(name);
  return ref ? binaryen.getExportInfo(ref).value : undefined;
};
const tables = (module) =>
  Array.from({ length: module.getNumTables() }, (_, i) => binaryen.getTableInfo(module.getTableByIndex(i)).name);

const module = read(readFileSync(file));
const table = exported(module, TABLE);
const start = exported(module, START);
const init = start && binaryen.getFunctionInfo(module.getFunction(start));
if (!table || !init || init.base !== INIT) throw new Error(`${file}: not wasm-bindgen's ${TABLE}, ${START} and ${INIT}`);
module.removeExport(TABLE);
module.removeExport(START);
module.removeFunction(start);
// What nothing refers to goes: the table too, unless an instruction uses it.
module.runPasses(["remove-unused-module-elements"]);
if (tables(module).includes(table)) {
  console.log(`${file}: the externref table is used: kept`);
} else {
  if (!module.validate()) throw new Error(`${file}: invalid without the externref table`);
  writeFileSync(file, module.emitBinary());
  console.log(`${file}: the unused externref table, its export and ${INIT} taken out`);
}
