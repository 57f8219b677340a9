// Cloudflare Workers / workerd: the runtime imports the .wasm as a compiled
// WebAssembly.Module (no fetch, no eval), so it is instantiated synchronously.
import { initSync } from "./sinch_whatsapp.js";
import module from "./sinch_whatsapp_bg.wasm";

initSync(module);

export * from "./api.js";
