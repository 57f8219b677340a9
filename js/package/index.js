// Browsers and bundlers (Vite, webpack 5): the .wasm is fetched next to this file.
import init from "./sinch_whatsapp.js";

await init({ module_or_path: new URL("./sinch_whatsapp_bg.wasm", import.meta.url) });

export * from "./api.js";
