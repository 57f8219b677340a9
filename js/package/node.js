// Node: the .wasm is read from disk and compiled synchronously (here: the glue's initSync
// takes a compiled module from every entry). It is read through
// process.getBuiltinModule, which every Node in `engines` has: an `import` of node:fs
// builds its ES module facade, whose every export is read, so 19 more internal modules
// load (fs/promises, readline, the streams), 1.9 ms of CPU at startup on Node 20.
import { initSync } from "./sinch_whatsapp.js";

const fs = globalThis.process.getBuiltinModule?.("node:fs");
if (!fs) {
  const help = "it needs Node 20.19+ or 22.12+ (the package's engines), for process.getBuiltinModule";
  throw new Error(`sinch-whatsapp: cannot read its .wasm: ${help}`);
}
initSync(new WebAssembly.Module(fs.readFileSync(new URL("./sinch_whatsapp_bg.wasm", import.meta.url))));

export * from "./api.js";
