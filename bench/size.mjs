// Size: what a Vite app ships for each entry of the package (every emitted .js and
// .wasm, gzip -9, summed), and the .wasm files and pkg/ as information.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { build } from "vite";

/** Bytes after `gzip -9` itself (its deflate differs slightly from zlib's level 9). */
export const gzip9 = (bytes) => execFileSync("gzip", ["-9c"], { input: bytes, maxBuffer: 1 << 30 }).length;
const brotli11 = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const files = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

/** The apps: one per entry, each using what its entry is for. */
export const APPS = {
  preflight: {
    entry: "./preflight",
    source: `import { validateMedia } from "sinch-whatsapp/preflight";
document.querySelector("input").addEventListener("change", async (event) => {
  document.querySelector("output").textContent = JSON.stringify(await validateMedia(event.target.files[0]));
});
`,
  },
  callbacks: {
    entry: "./callbacks",
    source: `import { parseCallback, verifyCallbackSignature } from "sinch-whatsapp/callbacks";
globalThis.onCallback = (body, headers, key) => verifyCallbackSignature(body, headers, key) && parseCallback(body);
`,
  },
  // Information: two entries in one app, to see what they share (issue 12: shared
  // code should not ship twice where the bundler can avoid it).
  preflightAndCallbacks: {
    entries: ["./preflight", "./callbacks"],
    source: `import { validateMedia } from "sinch-whatsapp/preflight";
import { parseCallback, verifyCallbackSignature } from "sinch-whatsapp/callbacks";
globalThis.app = { validateMedia, parseCallback, verifyCallbackSignature };
`,
  },
  full: {
    entry: ".",
    source: `import { WhatsAppClient, parseCallback, validateMedia, verifyCallbackSignature } from "sinch-whatsapp";
const client = new WhatsAppClient({ botId: "bot", token: "token", region: "eu", dangerouslyAllowBrowser: true });
globalThis.app = { send: (to, text) => client.sendText(to, text), parseCallback, verifyCallbackSignature, validateMedia };
`,
  },
};

/** Whether pkg/package.json exports `entry` ("." or "./name"). */
export function hasEntry(pkg, entry) {
  const { exports } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  return Object.hasOwn(exports, entry);
}

/**
 * Builds `app` with Vite in a consumer folder under `work` whose node_modules/sinch-whatsapp
 * links `pkg` (resolution goes through the exports map, as in a user's project), and
 * returns `{ bytes, files }`: gzip -9 of every emitted .js and .wasm, summed, and each.
 */
export async function viteAppSize(pkg, work, name) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(pkg, join(dir, "node_modules/sinch-whatsapp"), "dir");
  writeFileSync(join(dir, "package.json"), `{ "name": "bench-${name}", "private": true, "type": "module" }\n`);
  writeFileSync(join(dir, "app.js"), APPS[name].source);
  writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><input type="file"><output></output><script type="module" src="./app.js"></script>\n');
  const outDir = join(dir, "dist");
  await build({ root: dir, logLevel: "error", configFile: false, build: { outDir, emptyOutDir: true } });
  const shipped = files(outDir)
    .filter((f) => [".js", ".wasm"].includes(extname(f)))
    .map((f) => ({ file: f.slice(outDir.length + 1), gzip: gzip9(readFileSync(f)) }));
  return { bytes: shipped.reduce((n, f) => n + f.gzip, 0), files: shipped };
}

/**
 * What the Conversation API backend (the Cargo feature `conversation`) adds to the full
 * entry: the full entry built without it into `work` (`scripts/build.sh --full-into`:
 * without its wasm, its glue and its JS face, js/package/conversation.js), its Vite app
 * measured as `viteAppSize` does. Returns `{ bytes, without, withoutWasm }`, `bytes` to
 * subtract from the full app's. Only for measuring: every shipped full entry has it.
 */
export async function withoutConversation(root, pkg, work) {
  const dir = join(work, "pkg-without-conversation");
  rmSync(dir, { recursive: true, force: true });
  execFileSync(join(root, "scripts/build.sh"), ["--full-into", dir, "client,callbacks,preflight"], { stdio: ["ignore", "ignore", "inherit"] });
  copyFileSync(join(pkg, "package.json"), join(dir, "package.json"));
  // Without the backend, `api: "conversation"` is refused by name, never half-served.
  const { WhatsAppClient } = await import(join(dir, "node.js"));
  const options = { api: "conversation", projectId: "p", appId: "a", keyId: "k", keySecret: "s", region: "eu" };
  const refused = (() => {
    try {
      new WhatsAppClient(options);
    } catch (err) {
      return err.code === "invalid_argument" && err.field === "options.api";
    }
  })();
  if (!refused) throw new Error("the build without conversation did not refuse api: \"conversation\"");
  const app = await viteAppSize(dir, join(work, "without-conversation"), "full");
  return { ...app, wasm: wasmSizes(join(dir, "sinch_whatsapp_bg.wasm")) };
}

/** Information: raw / gzip -9 / brotli 11 of a .wasm. */
export function wasmSizes(path) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzip9(bytes), brotli: brotli11(bytes) };
}

/** Every .wasm under `dir`, as paths relative to it. */
export const wasmFiles = (dir) => files(dir).filter((f) => f.endsWith(".wasm")).map((f) => f.slice(dir.length + 1)).sort();

/** Information: every file under `dir`, in bytes. */
export const dirSize = (dir) => files(dir).reduce((n, f) => n + statSync(f).size, 0);
