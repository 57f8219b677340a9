// Node >= 20: the .wasm is read from disk and compiled synchronously. It is read
// through process.getBuiltinModule (Node >= 20.16 and 22.3, and every Node with the
// "module-sync" export condition, which picks this file): an `import` of node:fs builds
// its ES module facade, whose every export is read, so 19 more internal modules load
// (fs/promises, readline, the streams), 1.9 ms of CPU at startup on Node 20. Older Node
// gets node-legacy.js, which imports node:fs and initialises.
import { initSync } from "./sinch_whatsapp.js";

const fs = globalThis.process.getBuiltinModule?.("node:fs");
if (fs) initSync({ module: fs.readFileSync(new URL("./sinch_whatsapp_bg.wasm", import.meta.url)) });

export * from "./api.js";
