// What keeps the start cheap (bench/startup.mjs measures it): each entry is one module
// (scripts/inline.mjs), Node's imports nothing (the .wasm is read through
// process.getBuiltinModule, not an import of node:fs) and has no top-level await, and a
// Node without getBuiltinModule or the "module-sync" condition gets node-legacy.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { consumer, root } from "./support.mjs";

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

test("the Node entries load through require() too: no top-level await", () => {
  const require = createRequire(import.meta.url);
  const sdk = require(join(root, "pkg/node.js"));
  assert.equal(new sdk.WhatsAppClient({ botId: "b", token: "t", region: "eu" }).botId, "b");
  assert.equal(typeof require(join(root, "pkg/callbacks/node.js")).parseCallback, "function");
  assert.equal(typeof require(join(root, "pkg/preflight/node.js")).validateMediaBytes, "function");
});

// Each entry, loaded by name as an older Node would: without the "module-sync" condition
// (node-legacy.js), with and without process.getBuiltinModule; each answer comes from the wasm.
const CHECKS = {
  "sinch-whatsapp": `new sdk.WhatsAppClient({ botId: "b", token: "t", region: "eu" });
    try { new sdk.WhatsAppClient({ botId: "b", token: "t", region: "mars" }); } catch (e) { out.push(e.code, e.field); }`,
  "sinch-whatsapp/callbacks": `try { sdk.parseCallback("{}"); } catch (e) { out.push(e.code); }`,
  "sinch-whatsapp/preflight": `out.push(...sdk.validateMediaBytes(new Uint8Array()).issues.map((i) => i.code));`,
};
const EXPECTED = {
  "sinch-whatsapp": ["invalid_argument", "options.region"],
  "sinch-whatsapp/callbacks": ["invalid_callback"],
  "sinch-whatsapp/preflight": ["media_empty"],
};

test("a Node without the module-sync condition gets node-legacy.js, which works with or without getBuiltinModule", () => {
  const dir = consumer();
  for (const [specifier, check] of Object.entries(CHECKS)) {
    for (const hide of [false, true]) {
      const code = `${hide ? "delete process.getBuiltinModule;" : ""}
        const out = [import.meta.resolve(${JSON.stringify(specifier)}).replace(/^.*\\/pkg\\//, "")];
        const sdk = await import(${JSON.stringify(specifier)});
        ${check}
        console.log(JSON.stringify(out));`;
      const args = ["--no-experimental-require-module", "--input-type=module", "-e", code];
      const out = JSON.parse(execFileSync(process.execPath, args, { cwd: dir }).toString());
      const build = specifier.split("/")[1];
      assert.deepEqual(out, [`${build ? `${build}/` : ""}node-legacy.js`, ...EXPECTED[specifier]], `${specifier}, getBuiltinModule ${hide ? "hidden" : "there"}`);
    }
  }
});
