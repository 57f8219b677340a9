// Shared helpers for the JS tests of the built package (pkg/).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../emulator/server.mjs";

export const root = resolve(fileURLToPath(import.meta.url), "../../..");
export const outDir = join(root, "tests/out");
export const TOKEN = "test-token";
export const BOTS = Object.fromEntries(["bot-node", "bot-workerd", "bot-browser", "bot-bundler"].map((b) => [b, TOKEN]));

/** Starts the emulator with the test bots on a random loopback port. */
export function emulator() {
  return startEmulator({ port: 0, bots: BOTS });
}

/**
 * A folder that depends on the package the way a user's project does
 * (node_modules/sinch-whatsapp → pkg/), so resolution goes through its exports map.
 */
export function consumer() {
  const dir = join(outDir, "consumer");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(join(root, "pkg"), join(dir, "node_modules/sinch-whatsapp"), "dir");
  writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
  return dir;
}

/** The file `import specifier` resolves to from `dir` under the given export conditions. */
export function resolveEntry(dir, conditions = [], specifier = "sinch-whatsapp") {
  const flags = conditions.flatMap((c) => ["-C", c]);
  const code = `process.stdout.write(import.meta.resolve(${JSON.stringify(specifier)}))`;
  return execFileSync(process.execPath, [...flags, "--input-type=module", "-e", code], { cwd: dir }).toString();
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/**
 * A static file server for `dir` on 127.0.0.1 (browsers need http, not file:); `types`
 * overrides the Content-Type of an extension (`{ ".wasm": "application/octet-stream" }`).
 */
export async function serveStatic(dir, types = {}) {
  const server = createServer(async (req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    try {
      const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
      const type = types[extname(path)] ?? TYPES[extname(path)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium through playwright-core, with the flags this sandbox needs. */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
  });
}
