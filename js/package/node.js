// Node >= 20: the .wasm is read from disk and compiled synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./sinch_whatsapp.js";

initSync({ module: readFileSync(new URL("./sinch_whatsapp_bg.wasm", import.meta.url)) });

export * from "./api.js";
