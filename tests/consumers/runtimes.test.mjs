// The packed package as users of Node, of Jest/Vitest-style `browser` resolution, of Bun, of
// Deno and of wrangler meet it: what the tarball holds, `require`, `node --conditions=browser`,
// `bun` and `deno run` (both from npm, the repo's dev-dependencies), and a consumer Worker
// bundled by `wrangler deploy --dry-run` offline, then run in workerd.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import { Miniflare } from "miniflare";
import { TOKEN, emulator, root } from "../js/support.mjs";
import { packedProject, run, writeFiles } from "./project.mjs";

const BOT = "bot-node";
const CARGO = await readFile(join(root, "Cargo.toml"), "utf8");
/** A `[package]` field of Cargo.toml, where the version and the repository URL live. */
const cargo = (field) => new RegExp(`^${field} = "(.*)"$`, "m").exec(CARGO)[1];
let emu, packed, installed;

before(async () => {
  [emu, packed] = await Promise.all([emulator(), packedProject()]);
  installed = join(packed.project, "node_modules/sinch-whatsapp");
});
after(async () => {
  await emu?.close();
  await packed?.remove();
});

/** Runs `code` with `runtime` (Node by default) and its `flags` in the project (its file named `file`); returns stdout and stderr. */
async function node(file, code, flags = [], runtime = process.execPath) {
  await writeFiles(packed.project, { [file]: code });
  return run(runtime, [...flags, file], { cwd: packed.project, env: { ...packed.env, EMULATOR_URL: emu.url, BOT, TOKEN } });
}

/** The package files `file` (in the installed package) refers to: imports, re-exports and `new URL("./…")`. */
async function references(file) {
  const text = await readFile(join(installed, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']|new URL\(\s*["'](\.?\.?\/?[^"':]+)["']/g)];
  return specifiers.map((m) => posix.join(posix.dirname(file), m[1] ?? m[2]).replace(/\.js$/, file.endsWith(".d.ts") ? ".d.ts" : ".js"));
}

test("the tarball holds only what is used: the files the exports reach, README, LICENSE, package.json", async () => {
  const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8"));
  const reached = new Set(["package.json", "README.md", "LICENSE"]);
  const todo = Object.values(manifest.exports).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e))).map((f) => posix.normalize(f));
  while (todo.length) {
    const file = todo.pop();
    if (reached.has(file)) continue;
    reached.add(file);
    if (/\.(js|d\.ts)$/.test(file)) todo.push(...(await references(file)));
  }
  const files = packed.packed.files.map((f) => f.path);
  assert.deepEqual(files.toSorted(), [...reached].toSorted());
  assert.ok(!files.some((f) => f.endsWith("_bg.wasm.d.ts")), "no wasm-bindgen declarations of the raw exports");
  const license = await readFile(join(installed, "LICENSE"), "utf8");
  assert.equal(license, await readFile(join(root, "LICENSE"), "utf8"));
  assert.match(license, /^MIT License/);
  const readme = await readFile(join(installed, "README.md"), "utf8");
  const repository = cargo("repository");
  const own = (await readFile(join(root, "js/package/README.md"), "utf8")).replaceAll("@repository@", repository);
  assert.equal(readme, own, "the package's own README, not the repo's, linking the repository");
  assert.ok(readme.includes(repository));
  for (const path of readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)) assert.fail(`README links ${path[1]}, which does not ship`);
});

test("package.json: version and repository links from Cargo.toml, engines naming the Node versions require() needs", async () => {
  const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8"));
  const repository = cargo("repository");
  assert.equal(manifest.version, cargo("version"));
  assert.deepEqual(
    [manifest.repository, manifest.homepage, manifest.bugs],
    [{ type: "git", url: `git+${repository}.git` }, `${repository}#readme`, { url: `${repository}/issues` }],
  );
  assert.equal(manifest.license, "MIT");
  assert.equal(manifest.engines.node, "^20.19.0 || >=22.12.0");
});

const SEND = (how) => `
  const { messages } = await new sdk.WhatsAppClient({ botId: process.env.BOT, token: process.env.TOKEN, baseUrl: process.env.EMULATOR_URL }).sendText("+46732001122", "${how}");
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  const report = await preflight.validateMediaBytes(png);
  const callback = callbacks.parseCallback(JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "read", message_id: messages[0].id, recipient: "46732001122" }] }));
  console.log(JSON.stringify({ id: messages[0].id, mime: report.mimeType, state: callback.statuses[0].state, same: callback.statuses[0].messageId === messages[0].id }));`;

/** Checks one run's output: a text sent (the emulator saw it), a PNG recognised, a callback parsed. */
function assertWorked({ stdout, stderr }, how) {
  assert.equal(stderr, "", "no warning");
  const result = JSON.parse(stdout);
  assert.match(result.id, /^[0-9A-Z]{26}$/);
  assert.deepEqual([result.mime, result.state, result.same], ["image/png", "read", true]);
  assert.ok(emu.requests.some((r) => r.path === `/whatsapp/v1/${BOT}/messages` && r.body.message.text === how), `the emulator got "${how}"`);
}

test(`require() of all three entries works on this Node (${process.version}, which has require(esm))`, async () => {
  const code = `const sdk = require("sinch-whatsapp"), preflight = require("sinch-whatsapp/preflight"), callbacks = require("sinch-whatsapp/callbacks");
    (async () => { ${SEND("from require")} })();`;
  assertWorked(await node("required.cjs", code), "from require");
});

test("under node --conditions=browser (as jsdom test runners resolve) the browser entries load and work", async () => {
  const resolved = await node("resolve.mjs", 'console.log(["", "/preflight", "/callbacks"].map((e) => import.meta.resolve("sinch-whatsapp" + e)).join(" "))', ["--conditions=browser"]);
  assert.match(resolved.stdout, /\/sinch-whatsapp\/index\.js \S+\/preflight\/index\.js \S+\/callbacks\/index\.js\n$/);
  const code = `const [sdk, preflight, callbacks] = await Promise.all(["", "/preflight", "/callbacks"].map((e) => import("sinch-whatsapp" + e))); ${SEND("from the browser entry")}`;
  assertWorked(await node("browser.mjs", code, ["--conditions=browser"]), "from the browser entry");
});

const ALL_THREE = `import * as sdk from "sinch-whatsapp"; import * as preflight from "sinch-whatsapp/preflight"; import * as callbacks from "sinch-whatsapp/callbacks";`;

test("Bun runs all three entries from the packed project (its `node` condition: node.js)", async () => {
  const bun = join(root, "node_modules/.bin/bun");
  const { stdout } = await run(bun, ["--version"]);
  assertWorked(await node("bun.mjs", `${ALL_THREE} ${SEND(`from Bun ${stdout.trim()}`)}`, [], bun), `from Bun ${stdout.trim()}`);
});

test("Deno runs all three entries from the packed project with --allow-read, --allow-net to the emulator and three env vars, nothing more", async () => {
  const deno = join(root, "node_modules/.bin/deno");
  const flags = ["run", "--no-prompt", "--allow-read", `--allow-net=${new URL(emu.url).host}`, "--allow-env=EMULATOR_URL,BOT,TOKEN"];
  assertWorked(await node("deno.mjs", `${ALL_THREE} ${SEND("from Deno")}`, flags, deno), "from Deno");
  // Without read access the import fails, and Deno's own error names the flag.
  await assert.rejects(node("deno.mjs", `${ALL_THREE} ${SEND("never sent")}`, flags.filter((f) => f !== "--allow-read"), deno), /Requires read access to "\S+sinch_whatsapp_bg\.wasm", run again with the --allow-read flag/);
});

test("where the browser entry cannot read its wasm from a file: URL, the error says what to do", async () => {
  // Node before 20.16 / 22.3 has no process.getBuiltinModule and its fetch cannot read file:.
  const code = 'delete process.getBuiltinModule; await import("sinch-whatsapp").catch((e) => console.log(e.message));';
  const { stdout } = await node("old-node.mjs", code, ["--conditions=browser"]);
  assert.match(stdout, /^sinch-whatsapp: cannot read \/\S+\/sinch-whatsapp\/sinch_whatsapp_bg\.wasm \(.+\): Node needs 20\.19\+ or 22\.12\+ \(the package's engines\), Deno --allow-read\n$/);
});

test("wrangler deploy --dry-run bundles a consumer Worker offline, and the bundle sends a text in workerd", async () => {
  const dir = join(packed.project, "worker");
  await writeFiles(dir, {
    "wrangler.toml": 'name = "consumer-worker"\nmain = "src/index.js"\ncompatibility_date = "2026-04-01"\n',
    "src/index.js": `import { WhatsAppClient } from "sinch-whatsapp";
export default {
  async fetch(request, env) {
    const client = new WhatsAppClient({ botId: env.BOT, token: env.TOKEN, baseUrl: env.EMULATOR_URL });
    return Response.json(await client.sendText("+46732001122", "from a wrangler bundle"));
  },
};\n`,
  });
  // Offline: every request wrangler might make goes to a closed port.
  const offline = { HTTPS_PROXY: "http://127.0.0.1:9", HTTP_PROXY: "http://127.0.0.1:9", WRANGLER_SEND_METRICS: "false", XDG_CONFIG_HOME: join(packed.dir, "config") };
  const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
  const { stdout, stderr } = await run(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", "dist"], { cwd: dir, env: { ...packed.env, ...offline } });
  // The one warning is about the closed-port proxy that keeps it offline.
  const output = (stdout + stderr).replace(/^.*WARNING.*Proxy environment variables detected.*$/m, "");
  assert.doesNotMatch(output, /WARNING|ERROR/, output);
  assert.match(stdout, /--dry-run: exiting now/);
  const files = (await readdir(join(dir, "dist"))).filter((f) => !/\.(map|md)$/.test(f)); // wrangler adds a README.md
  const wasm = files.find((f) => f.endsWith(".wasm"));
  assert.deepEqual(files.toSorted(), ["index.js", wasm].toSorted(), "the Worker and the .wasm as its own module");

  const mf = new Miniflare({
    modules: [
      { type: "ESModule", path: join(dir, "dist/index.js") },
      { type: "CompiledWasm", path: join(dir, "dist", wasm) },
    ],
    modulesRoot: join(dir, "dist"),
    compatibilityDate: "2026-04-01",
    bindings: { BOT, TOKEN, EMULATOR_URL: emu.url },
  });
  try {
    const { messages } = await (await mf.dispatchFetch("http://worker.test/")).json();
    assert.match(messages[0].id, /^[0-9A-Z]{26}$/);
    assert.ok(emu.requests.some((r) => r.body?.message?.text === "from a wrangler bundle"));
  } finally {
    await mf.dispose();
  }
});
