// Runs a Worker that imports "sinch-whatsapp" in workerd (Miniflare), on 127.0.0.1.
// Miniflare does not resolve npm specifiers (wrangler bundles instead), so the import
// is pointed at the file the package's "workerd" export condition names: pkg/workerd.js.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";

const root = resolve(fileURLToPath(import.meta.url), "../../..");

/**
 * Starts `script` with `bindings` (plain vars), R2 buckets and KV namespaces by name;
 * other Miniflare options (e.g. `durableObjects`, `handleRuntimeStdio`) are passed on.
 * Returns `{ mf, url }`; `mf.dispose()` stops it.
 */
export async function startWorker({ script, bindings = {}, r2Buckets = [], kvNamespaces = [], port = 0, entry = join(root, "pkg/workerd.js"), ...options }) {
  const out = join(root, "tests/out/workers", basename(dirname(dirname(script))) + "-" + basename(script));
  mkdirSync(dirname(out), { recursive: true });
  const source = readFileSync(script, "utf8").replace(/from "sinch-whatsapp"/g, `from ${JSON.stringify(relative(dirname(out), entry))}`);
  writeFileSync(out, source);
  const mf = new Miniflare({
    modules: true,
    scriptPath: out,
    modulesRoot: root,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2026-04-01",
    bindings,
    r2Buckets,
    kvNamespaces,
    host: "127.0.0.1",
    port,
    ...options,
  });
  const url = await mf.ready;
  return { mf, url: url.origin };
}
