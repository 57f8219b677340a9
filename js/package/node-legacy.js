// Node without process.getBuiltinModule (before 20.16 and 22.3; no "module-sync"
// condition either): node.js cannot read the .wasm there, so this reads it with node:fs.
import { readFileSync } from "node:fs";
import { initSync } from "./node.js";

if (!globalThis.process.getBuiltinModule) {
  initSync({ module: readFileSync(new URL("./sinch_whatsapp_bg.wasm", import.meta.url)) });
}

export * from "./node.js";
