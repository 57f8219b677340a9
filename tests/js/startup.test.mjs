// What keeps the start cheap (bench/startup.mjs measures it): each entry is one module
// (scripts/inline.mjs), and Node's imports nothing: the .wasm is read through
// process.getBuiltinModule, not an import of node:fs; every export of the full entry's wasm
// returns at most one value and none is an import exported again (Node 20 compiles an
// optimized wrapper for each of those: README, Startup), while ./callbacks and ./preflight
// return their answer as a String (two values, no externref slot allocation: smaller, and no
// startup budget; src/web/mod.rs).
// (tests/consumers/ checks require().)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./support.mjs";

const BUILDS = ["", "callbacks/", "preflight/"];
const IMPORTS = /^(?:import|export)\s[^;]*?["']([^"']+)["']/gm;

test("each entry of each build is one module: only workerd.js imports, and only its .wasm", () => {
  for (const build of BUILDS) {
    for (const file of ["index.js", "node.js", "workerd.js"]) {
      const text = readFileSync(join(root, "pkg", build, file), "utf8");
      const imports = [...text.matchAll(IMPORTS)].map((m) => m[1]);
      assert.deepEqual(imports, file === "workerd.js" ? ["./sinch_whatsapp_bg.wasm"] : [], `pkg/${build}${file}`);
    }
  }
});

test("the minified entries keep every name a user sees: classes, methods, functions", async () => {
  const names = {
    "": ["WhatsAppClient", "SinchError", "parseCallback", "verifyCallbackSignature", "validateMedia", "validateMediaBytes", "initSync"],
    "callbacks/": ["SinchError", "parseCallback", "verifyCallbackSignature"],
    "preflight/": ["SinchError", "validateMedia", "validateMediaBytes"],
  };
  for (const build of BUILDS) {
    const sdk = await import(join(root, "pkg", build, "node.js"));
    for (const name of names[build]) assert.equal(sdk[name].name, name, `pkg/${build}node.js`);
  }
  const { WhatsAppClient } = await import(join(root, "pkg/node.js"));
  for (const method of ["send", "sendText", "sendImage", "deleteSticker", "toJSON"]) {
    assert.equal(WhatsAppClient.prototype[method].name, method);
  }
});

test("without process.getBuiltinModule the Node entries say what they need instead of failing later", () => {
  for (const build of BUILDS) {
    const entry = JSON.stringify(join(root, "pkg", build, "node.js"));
    const code = `delete process.getBuiltinModule; await import(${entry}).then(() => console.log("loaded"), (e) => console.log(e.message));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code]).toString();
    assert.match(out, /^sinch-whatsapp: cannot read its \.wasm: it needs Node 20\.19\+ or 22\.12\+ \(the package's engines\), for process\.getBuiltinModule\n$/, `pkg/${build}node.js`);
  }
});

/**
 * The exported functions of a `.wasm`: how many values each returns (its type's results), and
 * whether it is one of the module's imports, exported again.
 */
function exportedFunctions(bytes) {
  let at = 8; // magic and version
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return Buffer.from(bytes.subarray(at - length, at)).toString();
  };
  const limits = () => (bytes[at++] & 1 ? (u32(), u32()) : u32());
  const results = []; // per type
  const funcTypes = []; // per function index, imports first
  let imported = 0; // functions imported
  const exports = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === 1) {
      for (let n = u32(); n > 0; n--) {
        assert.equal(bytes[at++], 0x60, "a function type");
        const params = u32(); // then one byte each, as the results
        at += params;
        results.push(u32());
        at += results.at(-1);
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) (funcTypes.push(u32()), imported++);
        else if (kind === 1) (at++, limits());
        else if (kind === 2) limits();
        else at += 2; // a global: its type and mutability
      }
    } else if (id === 3) {
      for (let n = u32(); n > 0; n--) funcTypes.push(u32());
    } else if (id === 7) {
      for (let n = u32(); n > 0; n--) {
        const exported = name();
        const kind = bytes[at++];
        const index = u32();
        if (kind === 0) exports.set(exported, index);
      }
    }
    at = end;
  }
  return new Map([...exports].map(([exported, index]) => [exported, { results: results[funcTypes[index]], imported: index < imported }]));
}

test("the full entry's wasm exports return at most one value; the other entries' answers are two (a String)", () => {
  // scripts/glue.mjs gives the exports short names (`a`, `b`, …): the answer is the export
  // the entry's JS calls with the byte buffer, its name read from that call.
  const answer = { "": null, "callbacks/": "__callbacks", "preflight/": "media_step" };
  for (const build of BUILDS) {
    const results = exportedFunctions(readFileSync(join(root, "pkg", build, "sinch_whatsapp_bg.wasm")));
    assert.ok(results.size >= 3, `pkg/${build}: the exports were read`);
    const several = [...results].filter(([, { results }]) => results > 1).map(([exported]) => exported);
    if (!answer[build]) {
      assert.deepEqual(several, [], `pkg/${build}`);
      continue;
    }
    // `function __callbacks(…){…wasm.X(ptr0, len0, …)…}`, minified: the export it calls with the
    // array's pointer and length after passing it (not the allocator, `wasm.Y(arg.length, 1)`).
    const text = readFileSync(join(root, "pkg", build, "node.js"), "utf8");
    // node.js comes in lines of at most 120 characters (scripts/build.sh): `.` spans them.
    const [, called] = text.match(new RegExp(`function ${answer[build]}\\([^)]*\\)\\{.*?passArray8ToWasm0\\(.*?\\b\\w+\\.(\\w+)\\(\\w+,\\w+[,)]`, "s")) ?? [];
    assert.ok(results.has(called), `pkg/${build}: ${answer[build]} calls the export ${called}`);
    assert.deepEqual(several, [called], `pkg/${build}`);
  }
});

// scripts/unused.mjs: an entry answering a String holds no JS value in its wasm, and no entry
// exports an import again (wasm-bindgen's start export was the table's initialiser): Node 20's V8
// compiles an optimised JS-to-wasm wrapper for such an export with the module (README, Startup).
test("only the full entry's wasm has the externref table; no entry's wasm exports an import again; the other entries import nothing", () => {
  for (const build of BUILDS) {
    const bytes = readFileSync(join(root, "pkg", build, "sinch_whatsapp_bg.wasm"));
    const module = new WebAssembly.Module(bytes);
    const tables = WebAssembly.Module.exports(module).filter(({ kind }) => kind === "table");
    const imports = WebAssembly.Module.imports(module);
    assert.equal(tables.length, build ? 0 : 1, `pkg/${build}: tables`);
    assert.equal(imports.length === 0, build !== "", `pkg/${build}: imports`);
    const again = [...exportedFunctions(bytes)].filter(([, { imported }]) => imported).map(([exported]) => exported);
    assert.deepEqual(again, [], `pkg/${build}: imports exported again`);
  }
});

// scripts/traps.mjs: what a trapping panic leaves is zeroed; were a new rustc or alloc to lay it
// out so that the script no longer finds it, this says so (the build only prints its count).
test("no entry's wasm carries alloc's panic texts, /rustc/ paths or core's digit table", () => {
  const digits = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join("");
  for (const build of BUILDS) {
    const text = readFileSync(join(root, "pkg", build, "sinch_whatsapp_bg.wasm")).toString("latin1");
    for (const left of ["memory allocation of", "capacity overflow", "/rustc/", digits]) {
      assert.ok(!text.includes(left), `pkg/${build}: ${left.slice(0, 20)}`);
    }
  }
});

// scripts/glue.mjs takes out of the glue what no entry reaches; these hold its premises.
test("the glue ships without what no entry reaches: initSync's deprecated form, the encodeInto polyfill, Symbol.dispose", () => {
  for (const build of BUILDS) {
    for (const file of ["index.js", "node.js", "workerd.js"]) {
      const text = readFileSync(join(root, "pkg", build, file), "utf8");
      for (const cut of ["deprecated parameters", "console.warn", "encodeInto=function", "Symbol.dispose", "wasmInstance"]) {
        assert.ok(!text.includes(cut), `pkg/${build}${file} has ${cut}`);
      }
    }
  }
});

test("initSync after import is a no-op whatever it is given: the entries' own call, at import, is the only one that instantiates", async () => {
  for (const build of BUILDS) {
    const { initSync } = await import(join(root, "pkg", build, "node.js"));
    const exports = initSync();
    assert.ok(exports.memory instanceof WebAssembly.Memory, `pkg/${build}`);
    for (const given of [undefined, null, {}, { module: 1 }, new Uint8Array(8), "x"]) {
      assert.equal(initSync(given), exports, `pkg/${build}: initSync(${String(given)})`);
    }
  }
});
