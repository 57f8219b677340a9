// Browsers and bundlers (Vite, webpack 5): the .wasm is fetched next to this file.
import init from "./sinch_whatsapp.js";

const wasmUrl = new URL("./sinch_whatsapp_bg.wasm", import.meta.url);
try {
  // A file: URL: a runtime's `browser` condition picked this entry (Node under
  // --conditions=browser, as Jest and Vitest with jsdom resolve). Node's fetch cannot read
  // file:, its fs can (getBuiltinModule: no import for a bundler to follow); Deno and Bun fetch it.
  const fs = wasmUrl.protocol === "file:" && globalThis.process?.getBuiltinModule?.("node:fs");
  await init({ module_or_path: fs ? fs.readFileSync(wasmUrl) : wasmUrl });
} catch (cause) {
  if (wasmUrl.protocol !== "file:") throw cause;
  const help = "under Node older than 20.16 or 22.3, import it without the `browser` condition; Deno needs --allow-read";
  throw new Error(`sinch-whatsapp: cannot read ${wasmUrl.pathname} (${cause?.message}): ${help}`, { cause });
}

export * from "./api.js";
