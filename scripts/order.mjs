// The defined functions of an optimized .wasm laid out in the order that compresses best
// (scripts/build.sh, after the second `wasm-opt`):
//   node scripts/order.mjs FILE.wasm   (rewritten in place)
//
// Safe: binaryen refers to a function by its name, not its index (calls, the table's elements,
// the exports and the start function name it) and numbers the functions afresh when it emits.
// Each defined function removed and added back with its own signature, locals and body only
// changes where it sits in the code section and the index its callers use; what runs is the
// same. The module is validated before it is written.
//
// The order: greedy, from one function, the next one each time the one whose body compresses
// best after those so far (deflated with their last 8 KiB as dictionary; score = compressed −
// α·raw, so that a large body that compresses well can win over a tiny one). One order per α
// and first function (the module's first, the most called), each emitted and judged by what the
// size budgets measure, `gzip -9` of the whole module (the calls' index sizes change with the
// order, and gzip's blocks with the bytes): the smallest is written, the input among the
// candidates (the first among equals, so the same input gives the same bytes).
import binaryen from "binaryen";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { leb } from "./leb128.mjs";
import { defined, read } from "./module.mjs";

const [file] = process.argv.slice(2);
const ALPHAS = [0.45, 0.5];
const WINDOW = 8192;

const gzip9 = (bytes) => execFileSync("gzip", ["-9c"], { input: bytes, maxBuffer: 1 << 30 }).length;

/** The function bodies of the code section in `bytes`, in order. */
function bodies(bytes) {
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const [size, start] = leb(bytes, at + 1);
    if (bytes[at] === 10) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        const [length, body] = leb(bytes, p);
        found.push(bytes.subarray(p, body + length));
        p = body + length;
      }
    }
    at = start + size;
  }
  return found;
}

/** The greedy order of `list` (indices into it) from `first`, for `alpha`. */
function greedy(list, first, alpha) {
  const left = new Set(list.keys());
  const order = [first];
  left.delete(first);
  let window = list[first];
  while (left.size > 0) {
    let best, least = Infinity;
    for (const i of left) {
      const score = deflateRawSync(list[i], { level: 9, dictionary: window }).length - alpha * list[i].length;
      if (score < least) [best, least] = [i, score];
    }
    order.push(best);
    left.delete(best);
    window = Buffer.concat([window, list[best]]).subarray(-WINDOW);
  }
  return order;
}

const input = readFileSync(file);
// Written as `wasm-opt -Oz` writes (its Stack IR optimized: values left on the stack, not in
// locals); else 219 B more code on the full entry. Still ≈ 20 B gzip over the input as it is
// (the locals binaryen's reader adds for such values stay declared): the judging counts it.
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);
const module = read(input);
const functions = defined(module);
const list = bodies(module.emitBinary());
if (list.length !== functions.length) throw new Error(`${file}: ${list.length} bodies for ${functions.length} functions`);
// Each function's call sites, from the module's text (`(call $name`).
const calls = new Map();
for (const [, name] of module.emitText().matchAll(/\(call \$([^\s)]+)/g)) calls.set(name, (calls.get(name) ?? 0) + 1);
const called = functions.reduce((most, { name }, i) => ((calls.get(name) ?? 0) > (calls.get(functions[most].name) ?? 0) ? i : most), 0);

let best = { bytes: input, size: gzip9(input), how: "as it was" };
const before = best.size;
for (const first of new Set([0, called])) {
  for (const alpha of ALPHAS) {
    for (const i of greedy(list, first, alpha)) {
      const { name, params, results, vars, body } = functions[i];
      module.removeFunction(name);
      module.addFunction(name, params, results, vars, body);
    }
    if (!module.validate()) throw new Error(`${file}: invalid after reordering`);
    const bytes = module.emitBinary();
    const size = gzip9(bytes);
    if (size < best.size) best = { bytes, size, how: `from function ${first}, α ${alpha}` };
  }
}
writeFileSync(file, best.bytes);
console.log(`${file}: functions reordered (${best.how}): ${before} → ${best.size} B gzip -9`);
