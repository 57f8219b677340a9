// What keeps the start cheap (bench/startup.mjs measures it): each entry is one module
// (scripts/inline.mjs), and Node's imports nothing: the .wasm is read through
// process.getBuiltinModule, not an import of node:fs. (tests/consumers/ checks require().)
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

test("without process.getBuiltinModule the Node entries say what they need instead of failing later", () => {
  for (const build of BUILDS) {
    const entry = JSON.stringify(join(root, "pkg", build, "node.js"));
    const code = `delete process.getBuiltinModule; await import(${entry}).then(() => console.log("loaded"), (e) => console.log(e.message));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code]).toString();
    assert.match(out, /^sinch-whatsapp: cannot read its \.wasm: it needs process\.getBuiltinModule/, `pkg/${build}node.js`);
  }
});
