// Browsers and bundlers (Vite, webpack 5): the .wasm is fetched next to this file.
import init from "./sinch_whatsapp.js";

const wasm = new URL("./sinch_whatsapp_bg.wasm", import.meta.url);
await init({ module_or_path: wasm.protocol === "file:" ? await fromFile(wasm) : wasm });

/**
 * A `file:` URL: this entry was picked by a runtime's `browser` condition (Node under
 * `--conditions=browser`, as Jest and Vitest with jsdom resolve). Node's `fetch` cannot read
 * `file:`, so the bytes come from its `fs` (`process.getBuiltinModule`, no import a bundler
 * would follow); elsewhere (Deno, Bun) the runtime's `fetch` reads the file.
 */
async function fromFile(url) {
  const fs = globalThis.process?.getBuiltinModule?.("node:fs");
  try {
    return fs ? fs.readFileSync(url) : await (await fetch(url)).arrayBuffer();
  } catch (cause) {
    const help = "under Node older than 20.16 or 22.3, import it without the `browser` condition; Deno needs --allow-read";
    throw new Error(`sinch-whatsapp: cannot read ${url.pathname} (${cause?.message}): ${help}`, { cause });
  }
}

export * from "./api.js";
