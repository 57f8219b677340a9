// Takes out of wasm-bindgen's `--target web` glue the code no entry of pkg/ can reach, before
// scripts/inline.mjs puts the glue in. Each cut is an exact text of wasm-bindgen's output:
// where the code it belongs to is in the glue and the text is not (another wasm-bindgen),
// the build stops, so a cut never silently stops applying or half-applies. Then the names
// between the glue and its .wasm (`…_bg.wasm` beside it, rewritten too) become short ones.
//   node scripts/glue.mjs pkg/sinch_whatsapp.js [more…]   (each rewritten in place)
import { readFileSync, writeFileSync } from "node:fs";
import { leb, uleb } from "./leb128.mjs";

const CUTS = [
  {
    // Every entry calls `initSync(module)` once, at import (index.js, node.js, workerd.js), with
    // the compiled module itself, and a call after that returns at its first line: neither
    // form's reading (the `{ module }` object's, the deprecated one's warning) is reached.
    why: "initSync's reading of its argument",
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
    put: "\n",
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
  {
    // Where the .wasm imports nothing (the externref table's initialiser gone with the table,
    // below), the glue imports nothing.
    why: "the empty imports",
    in: "function __wbg_get_imports() {",
    when: (imported) => imported.size === 0,
    cut: `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
    };
    return {
        __proto__: null,
        "./sinch_whatsapp_bg.js": import0,
    };
}
`,
    put: `function __wbg_get_imports() {
    return {};
}
`,
  },
  {
    why: "the instance's empty imports",
    in: "function initSync(",
    when: (imported) => imported.size === 0,
    cut: "new WebAssembly.Instance(module, imports);",
    put: "new WebAssembly.Instance(module);",
  },
  {
    // `initSync` instantiates once, before any export is called (a later call returns at its
    // first line): the memory view it resets is still the `null` it starts as.
    why: "the memory view's reset at instantiation",
    in: "function __wbg_finalize_init(",
    cut: "\n    cachedUint8ArrayMemory0 = null;\n",
    put: "\n",
  },
  {
    // Every entry hands `initSync` a compiled `WebAssembly.Module` (index.js compiles it as it
    // streams in, node.js from the file's bytes, workerd.js is given one), and a later call
    // returns at its first line: the bytes are never compiled here.
    why: "initSync's compilation of bytes",
    in: "function initSync(",
    cut: `
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
`,
    put: "\n",
  },
  {
    // The memory view starts empty rather than `null`: its one test, an empty (or, once the
    // memory grew, detached) view, makes the first one too.
    why: "the memory view's null start",
    in: "function getUint8ArrayMemory0() {",
    cut: `let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {`,
    put: `let cachedUint8ArrayMemory0 = new Uint8Array();
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0.byteLength === 0) {`,
  },
  {
    // The decoder is made at the first decode, not at import (the counter starts at the limit).
    why: "the TextDecoder made at import",
    in: "function decodeText(bytes) {",
    cut: `let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
`,
    put: `let cachedTextDecoder;
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = MAX_SAFARI_DECODE_BYTES;
`,
  },
  {
    // An export's `String` as a JS string is `getStringFromWasm0` itself (same arguments).
    why: "the string cast's wrapper",
    in: "// Cast intrinsic for `Ref(String) -> Externref`.",
    cut: `: function(arg0, arg1) {
            // Cast intrinsic for \`Ref(String) -> Externref\`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },`,
    put: ": getStringFromWasm0,",
  },
  {
    // The imports are own properties with short names (below), none an `Object.prototype` one.
    why: "the imports' null prototypes",
    in: "const import0 = {",
    cut: `const import0 = {
        __proto__: null,
`,
    put: `const import0 = {
`,
  },
  {
    why: "the imports' module's null prototype",
    in: "const import0 = {",
    cut: `    return {
        __proto__: null,
        "./sinch_whatsapp_bg.js": import0,`,
    put: `    return {
        "./sinch_whatsapp_bg.js": import0,`,
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

// The names the glue and the .wasm share are wasm-bindgen's: the imports' module
// ("./sinch_whatsapp_bg.js") and names (`__wbg___wbindgen_throw_4c88d8bf264fd984`, …), the
// exports' (`__wbindgen_malloc`, `core_answer`, …), each written in the .wasm and again in the
// JS. Both get short ones (`a`, `b`, …: the module's, its imports' and the exports' each
// counted from `a`), the .wasm's import and export sections rewritten and every other byte of
// it kept. `memory` keeps its name: the repo's tests and soak read it through `initSync()`.
const KEPT = new Set(["memory"]);
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** The `n`th short name: a … Z, aa, ab, … */
const short = (n) => (n < LETTERS.length ? "" : short(Math.floor(n / LETTERS.length) - 1)) + LETTERS[n % LETTERS.length];

const encodeName = (name) => [...uleb(Buffer.byteLength(name)), ...Buffer.from(name)];
function readName(bytes, at) {
  const [length, from] = leb(bytes, at);
  return [Buffer.from(bytes.subarray(from, from + length)).toString(), from + length];
}

/** The offset after an import's description (its kind byte at `at`): a function, table, memory or global. */
function afterImport(path, bytes, at) {
  const limits = (p) => {
    const flags = bytes[p];
    const [, next] = leb(bytes, p + 1);
    return flags & 1 ? leb(bytes, next)[1] : next;
  };
  const kind = bytes[at];
  if (kind === 0) return leb(bytes, at + 1)[1];
  if (kind === 1 && [0x70, 0x6f].includes(bytes[at + 1])) return limits(at + 2);
  if (kind === 2) return limits(at + 1);
  if (kind === 3) return at + 3;
  return fail(path, `an import of kind ${kind}`);
}

/**
 * `bytes` (a .wasm) with each import's module and name, and each export's name, replaced by
 * `rename(what, name, module)` (`what`: "module", "import" or "export").
 */
function renameWasm(path, bytes, rename) {
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id !== 2 && id !== 7) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = leb(bytes, start);
    const body = uleb(count);
    for (; count > 0; count--) {
      if (id === 2) {
        const [module, afterModule] = readName(bytes, p);
        const [name, from] = readName(bytes, afterModule);
        p = afterImport(path, bytes, from);
        body.push(...encodeName(rename("module", module)), ...encodeName(rename("import", name, module)), ...bytes.subarray(from, p));
      } else {
        const [name, from] = readName(bytes, p);
        p = leb(bytes, from + 1)[1];
        body.push(...encodeName(rename("export", name)), ...bytes.subarray(from, p));
      }
    }
    if (p !== end) fail(path, `section ${id} was not read to its end`);
    out.push(Uint8Array.of(id, ...uleb(body.length)), Uint8Array.from(body));
    at = end;
  }
  return Buffer.concat(out);
}

/** The glue `text` and its .wasm at `wasmPath` with short names between them. */
function shortNames(path, text, wasmPath) {
  const modules = new Map();
  const imports = new Map(); // module → (name → short name)
  const exports = new Map();
  const wasm = renameWasm(path, readFileSync(wasmPath), (what, name, module) => {
    if (what === "module") {
      if (!modules.has(name)) modules.set(name, short(modules.size));
      return modules.get(name);
    }
    if (what === "import") {
      if (!imports.has(module)) imports.set(module, new Map());
      const names = imports.get(module);
      if (names.has(name)) fail(path, `the import ${name} twice`);
      names.set(name, short(names.size));
      return names.get(name);
    }
    if (KEPT.has(name)) return name;
    exports.set(name, short(exports.size));
    return exports.get(name);
  });
  // The imports object: `"module": import0`, and in it `name: function(…)`, each once.
  const once = (from, to) => {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) fail(path, `${from} not once in the glue`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  };
  for (const [module, name] of modules) once(`${JSON.stringify(module)}: import`, `${JSON.stringify(name)}: import`);
  for (const names of imports.values()) for (const [name, to] of names) once(`\n        ${name}: `, `\n        ${to}: `);
  // The exports, read as `wasm.name`: each the glue reads must be one the .wasm has.
  text = text.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (read, name) => {
    if (!exports.has(name) && !KEPT.has(name)) fail(path, `the glue reads wasm.${name}, which the .wasm does not export`);
    return `wasm.${exports.get(name) ?? name}`;
  });
  writeFileSync(wasmPath, wasm);
  return text;
}

// wasm-bindgen's glue starts the .wasm through its export `__wbindgen_start`, which is the
// import `__wbindgen_init_externref_table` re-exported; scripts/unused.mjs took both out of the
// .wasm (V8 compiles an optimised wrapper for an import re-exported). The initialiser's body
// is put in the start call's place where the .wasm has the table, and nowhere where it has none.
const INIT = /\n {8}__wbindgen_init_externref_table: function\(\) \{\n((?: {12}.*\n)+?) {8}\},/;
const START = "\n    wasm.__wbindgen_start();\n";
function startInJs(path, text, exported) {
  const init = text.match(INIT);
  if (!init || text.split(START).length !== 2) fail(path, "the externref table's initialiser and its start call");
  if (exported.has("__wbindgen_start")) fail(path, "the start export still in the .wasm");
  const body = exported.has("__wbindgen_externrefs") ? init[1].replace(/^ {8}/gm, "") : "";
  return text.replace(INIT, "").replace(START, `\n${body}`);
}

// `initSync` instantiates through `__wbg_finalize_init`, which only the async loader (no
// entry's) also calls: its body (set `wasm`, fill its externref table where it has one,
// return it) is put in `initSync`'s place of the call, the function left to the loader.
const FINALIZE = /\nfunction __wbg_finalize_init\(instance, module\) \{\n    wasm = instance\.exports;\n((?: {4}(?:const table|table\.).*\n)*)\s*return wasm;\n\}\n/;
const INSTANTIATE = /\n {4}const instance = (new WebAssembly\.Instance\(module(?:, imports)?\));\n {4}return __wbg_finalize_init\(instance, module\);\n/;
function finalizeInline(path, text) {
  const body = text.match(FINALIZE);
  if (!body || !INSTANTIATE.test(text)) fail(path, "initSync's instantiation");
  return text.replace(INSTANTIATE, (_, instance) => `\n    wasm = ${instance}.exports;\n${body[1]}    return wasm;\n`);
}

// `passStringToWasm0(arg, malloc, realloc)` and `passArray8ToWasm0(arg, malloc)`: every call
// passes `wasm.__wbindgen_malloc` (and `wasm.__wbindgen_realloc`), which the functions then
// read themselves.
function allocators(path, text) {
  const calls = text.match(/\bpass(?:String|Array8)ToWasm0\([^()]*\)/g) ?? [];
  for (const call of calls) {
    const [, kind, args] = call.match(/pass(String|Array8)ToWasm0\(([^()]*)\)/);
    const given = args.split(", ");
    const want = kind === "String" ? ["malloc", "realloc"] : ["malloc"];
    const def = given[0] === "arg" && given.slice(1).join() === want.join();
    const use = given.slice(1).join() === want.map((name) => `wasm.__wbindgen_${name}`).join();
    if (!def && !use) fail(path, `${call}: not the allocators`);
  }
  return text
    .replace(/\b(pass(?:String|Array8)ToWasm0)\(([^(),]+)(?:, wasm\.__wbindgen_malloc|, malloc)(?:, wasm\.__wbindgen_realloc|, realloc)?\)/g, "$1($2)")
    .replace(/(?<![.\w])(malloc|realloc)\(/g, "wasm.__wbindgen_$1(");
}

// An export answering a `String` (`./callbacks`' and `./preflight`'s) frees it in a `finally`
// whose pointer and length were set in the `try`: before the answer they are `undefined`, a
// free of nothing. The call is made before the `try`, which keeps only the reading.
const DEFERRED = /^ {4}let (deferred\d+)_0;\n {4}let \1_1;\n {4}try \{\n((?: {8}.*\n)+?) {8}\1_0 = ret\[0\];\n {8}\1_1 = ret\[1\];\n {8}return getStringFromWasm0\(ret\[0\], ret\[1\]\);\n {4}\} finally \{\n {8}wasm\.__wbindgen_free\(\1_0, \1_1, 1\);\n {4}\}\n/gm;
function deferredFree(path, text) {
  const out = text.replace(DEFERRED, (_, name, body) =>
    `${body.replace(/^ {4}/gm, "")}    try {\n        return getStringFromWasm0(ret[0], ret[1]);\n    } finally {\n        wasm.__wbindgen_free(ret[0], ret[1], 1);\n    }\n`);
  if (/\bdeferred\d+_/.test(out)) fail(path, "a String answer's free not as expected");
  return out;
}

// No entry exports a wasm-bindgen class (src/web/client.rs: free functions over a handle): a
// class would bring back its borrow checks in wasm and its FinalizationRegistry here.
function noClass(path, text) {
  if (/^export class /m.test(text)) fail(path, "an exported class");
  return text;
}

for (const path of process.argv.slice(2)) {
  let text = readFileSync(path, "utf8");
  const [imported, exported] = [new Set(), new Set()];
  renameWasm(path, readFileSync(path.replace(/\.js$/, "_bg.wasm")), (what, name) => {
    if (what !== "module") (what === "import" ? imported : exported).add(name);
    return name;
  });
  text = startInJs(path, text, exported);
  // `when`: a cut made only where the .wasm's imports are such.
  for (const { why, in: anchor, when, cut, put, check } of CUTS) {
    if (!text.includes(anchor) || (when && !when(imported))) continue;
    const at = text.indexOf(cut);
    if (at < 0 || text.indexOf(cut, at + 1) >= 0 || (check && !check(text))) fail(path, why);
    text = text.slice(0, at) + put + text.slice(at + cut.length);
  }
  text = noClass(path, unit(numbersStraight(path, allocators(path, deferredFree(path, finalizeInline(path, text))))));
  writeFileSync(path, shortNames(path, text, path.replace(/\.js$/, "_bg.wasm")));
}
