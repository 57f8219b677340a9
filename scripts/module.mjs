// A .wasm read with binaryen, as the rewrites around build.sh's `wasm-opt` runs take it
// (scripts/traps.mjs, scripts/unused.mjs, scripts/order.mjs).
import binaryen from "binaryen";

/** The module in `bytes`, with the features rustc enables for wasm32-unknown-unknown (as `wasm-opt` runs). */
export function read(bytes) {
  const module = binaryen.readBinary(bytes);
  const { BulkMemory, BulkMemoryOpt, NontrappingFPToInt, SignExt, MutableGlobals, ReferenceTypes, Multivalue } =
    binaryen.Features;
  module.setFeatures(BulkMemory | BulkMemoryOpt | NontrappingFPToInt | SignExt | MutableGlobals | ReferenceTypes | Multivalue);
  return module;
}

/** The functions `module` defines (not imports), as `binaryen.getFunctionInfo` gives them, in order. */
export const defined = (module) =>
  Array.from({ length: module.getNumFunctions() }, (_, i) => binaryen.getFunctionInfo(module.getFunctionByIndex(i))).filter(
    (info) => !info.module,
  );
