// Takes out of wasm-bindgen's `--target web` glue the code no entry of pkg/ can reach, before
// scripts/inline.mjs puts the glue in. Each cut is an exact text of wasm-bindgen's output:
// where the code it belongs to is in the glue and the text is not (another wasm-bindgen),
// the build stops, so a cut never silently stops applying or half-applies.
//   node scripts/glue.mjs pkg/sinch_whatsapp.js [more…]   (each rewritten in place)
import { readFileSync, writeFileSync } from "node:fs";

const CUTS = [
  {
    // Every entry calls `initSync({ module })` once, at import (index.js, node.js, workerd.js),
    // and a call after that returns at its first line: the old one-argument form and its
    // deprecation warning are never reached.
    why: "initSync's deprecated-argument branch",
    in: "function initSync(module) {",
    cut: `
    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')
        }
    }
`,
    put: `
    ({module} = module);
`,
  },
  {
    // Every call passes `wasm.__wbindgen_realloc` (checked below): the branch without is never taken.
    why: "passStringToWasm0's branch without realloc",
    in: "function passStringToWasm0(",
    cut: `
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`,
    put: "\n",
    check: (text) =>
      text.match(/passStringToWasm0\([^()]*\)/g).every((call) => call.startsWith("passStringToWasm0(arg,") || call.endsWith(", wasm.__wbindgen_realloc)")),
  },
  {
    // `TextEncoder.encodeInto` is in every runtime that can parse the JS faces, which the
    // glue shares one module with (class private methods: Chrome 84, Firefox 90, Safari 15,
    // Node 14.6; encodeInto since Chrome 74, Firefox 66, Safari 14.1, Node 12.11).
    why: "the encodeInto polyfill",
    in: "const cachedTextEncoder = new TextEncoder();",
    cut: `
if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`,
    put: "\n",
  },
  {
    // The `Core` object lives in a private field of the JS face and never reaches a caller,
    // and the face never disposes of it with `using`: only `free()` is called.
    why: "Core's Symbol.dispose",
    in: "export class Core {",
    cut: "\nif (Symbol.dispose) Core.prototype[Symbol.dispose] = Core.prototype.free;\n",
    put: "\n",
  },
  {
    // The module and instance are kept for the async loader, which no entry uses.
    why: "the unused wasmModule and wasmInstance",
    in: "function __wbg_finalize_init(",
    cut: `let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
`,
    put: `let wasm;
function __wbg_finalize_init(instance, module) {
    wasm = instance.exports;
`,
  },
];

const fail = (path, why) => {
  throw new Error(`scripts/glue.mjs: ${path}: ${why}: wasm-bindgen's glue is not as this script expects`);
};

// `const val2 = +count;` at the top of an export's function, `val2` passed to the wasm export:
// a number parameter of a wasm function converts its argument as unary `+` does (ToNumber, then
// ToInt32 for an i32), and every caller (the JS faces) passes numbers or booleans, so the
// parameter goes straight through. Each `valN` is the nearest `const valN` above it (the glue's
// functions are not nested and declare before use), and no parameter is assigned to.
const NUMBER = /^ +const (val\d+) = \+([A-Za-z_$][\w$]*);\n/gm;
function numbersStraight(path, text) {
  const parts = text.split(NUMBER); // text, name, parameter, text, name, parameter, …, text
  const to = new Map(); // valN → its parameter, as declared last
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const [name, parameter, after] = parts.slice(i, i + 3);
    if (new RegExp(`\\b${parameter} =[^=]`).test(text)) fail(path, `${parameter} is assigned to`);
    to.set(name, parameter);
    out += after.replace(/\bval\d+\b/g, (val) => to.get(val) ?? val);
  }
  if (/\bval\d+\b/.test(out)) fail(path, "a valN left");
  return out;
}

// wasm-bindgen's byte sizes, `len * 1` and `ptr / 1` (an element of a byte array is one byte):
// numbers (lengths, pointers) times or over 1 are the same numbers.
const unit = (text) => text.replace(/ \* 1(?=[,)])/g, "").replace(/\bptr \/ 1(?=\))/g, "ptr");

for (const path of process.argv.slice(2)) {
  let text = readFileSync(path, "utf8");
  for (const { why, in: anchor, cut, put, check } of CUTS) {
    if (!text.includes(anchor)) continue;
    const at = text.indexOf(cut);
    if (at < 0 || text.indexOf(cut, at + 1) >= 0 || (check && !check(text))) fail(path, why);
    text = text.slice(0, at) + put + text.slice(at + cut.length);
  }
  writeFileSync(path, unit(numbersStraight(path, text)));
}
