// Browsers and bundlers (Vite, webpack 5): the .wasm is fetched next to this file and
// compiled as it streams in, then instantiated by the glue's `initSync`. The glue's own
// async loader (its deprecated-argument and MIME-type warnings) is then left out of bundles.
import { initSync } from "./sinch_whatsapp.js";

const wasmUrl = new URL("./sinch_whatsapp_bg.wasm", import.meta.url);

/** The compiled .wasm. */
async function compile() {
  // A file: URL: a runtime's `browser` condition picked this entry (Node under
  // --conditions=browser, as Jest and Vitest with jsdom resolve). Node's fetch cannot read
  // file:, its fs can (getBuiltinModule: no import for a bundler to follow); Deno and Bun fetch it.
  const fs = wasmUrl.protocol === "file:" && globalThis.process?.getBuiltinModule?.("node:fs");
  if (fs) return WebAssembly.compile(fs.readFileSync(wasmUrl));
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`sinch-whatsapp: cannot fetch ${response.url}: HTTP ${response.status}`);
  // Streaming compilation needs the `application/wasm` type; a server that sends another gets its bytes compiled.
  if (response.headers.get("content-type") === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

try {
  initSync(await compile());
} catch (cause) {
  if (wasmUrl.protocol !== "file:") throw cause;
  const help = "Node needs 20.19+ or 22.12+ (the package's engines), Deno --allow-read";
  throw new Error(`sinch-whatsapp: cannot read ${wasmUrl.pathname} (${cause?.message}): ${help}`, { cause });
}

export * from "./api.js";
