// The packed package in fresh projects built by Vite and by webpack 5 (its CLI), one app per
// entry (full, ./preflight, ./callbacks): every build must be free of warnings, and each
// built app runs in headless Chromium and gives a real result (a sent text's id from the
// emulator, a preflight report, a verified and parsed callback).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { build, createLogger } from "vite";
import { TOKEN, emulator, launchChromium, root, serveStatic } from "../js/support.mjs";
import { sign } from "../../emulator/callbacks.mjs";
import { packedProject, run, writeFiles } from "./project.mjs";

const APPS = ["full", "preflight", "callbacks"];
const BOT = "bot-bundler";
let emu, browser, packed;

before(async () => {
  [emu, browser, packed] = await Promise.all([emulator(), launchChromium(), packedProject()]);
});
after(async () => {
  await Promise.all([browser?.close(), emu?.close()]);
  await packed?.remove();
});

/** Copies app `name` into its own folder of the project as `main.js`; returns the folder. */
async function app(name, bundler, html) {
  const dir = join(packed.project, `${bundler}-${name}`);
  await writeFiles(dir, { "index.html": `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${html}\n` });
  await copyFile(join(root, "tests/consumers/apps", `${name}.js`), join(dir, "main.js"));
  return dir;
}

/** Builds app `name` with Vite; returns the output folder. Any warning fails. */
async function vite(name) {
  const dir = await app(name, "vite", '<script type="module" src="./main.js"></script>');
  const warnings = [];
  const logger = createLogger("warn");
  logger.warn = logger.warnOnce = (msg) => warnings.push(msg);
  const outDir = join(dir, "dist");
  await build({ root: dir, configFile: false, logLevel: "warn", customLogger: logger, build: { outDir, emptyOutDir: true } });
  assert.deepEqual(warnings, [], `Vite warned building the ${name} app`);
  return outDir;
}

/** Builds app `name` with webpack-cli in production mode; returns the output folder. Any warning fails. */
async function webpack(name) {
  const dir = await app(name, "webpack", '<script src="./main.js"></script>');
  const output = 'output: { path: new URL("./dist", import.meta.url).pathname, clean: true }';
  const config = `export default { mode: "production", entry: "./main.js", ${output} };\n`;
  await writeFiles(dir, { "webpack.config.mjs": config });
  const cli = join(root, "node_modules/webpack-cli/bin/cli.js");
  const { stdout, stderr } = await run(process.execPath, [cli, "build", "--config", "webpack.config.mjs"], { cwd: dir, env: packed.env });
  assert.doesNotMatch(stdout + stderr, /WARNING|ERROR/, `webpack warned building the ${name} app:\n${stdout}${stderr}`);
  assert.match(stdout, /compiled successfully/, stdout);
  await copyFile(join(dir, "index.html"), join(dir, "dist/index.html"));
  return join(dir, "dist");
}

/** Serves `dist`, opens its page with `query` and returns what the app left in `window.__outcome`. */
async function outcome(dist, query) {
  const [server, page] = await Promise.all([serveStatic(dist), browser.newPage()]);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") errors.push(m.text());
  });
  try {
    await page.goto(`${server.url}/index.html?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => window.__outcome !== undefined, null, { timeout: 15_000 });
    return await page.evaluate(() => window.__outcome);
  } finally {
    assert.deepEqual(errors, []);
    await Promise.all([page.close(), server.close()]);
  }
}

/** Runs app `name` as built in `dist` and checks its result. */
async function check(name, dist, bundler) {
  if (name === "full") {
    const text = { bot: BOT, token: TOKEN, emulator: emu.url };
    const result = await outcome(dist, text);
    assert.match(result.id ?? "", /^[0-9A-Z]{26}$/, JSON.stringify(result));
    assert.ok(emu.requests.some((r) => r.path === `/whatsapp/v1/${BOT}/messages` && r.body?.message?.text === "from a consumer app"));
    // The id is the emulator's: its delivery reports for that message land in its callback store.
    for (let i = 0; i < 50 && !emu.callbacks.query(BOT, { kind: "status", messageId: result.id }).length; i++) await new Promise((ok) => setTimeout(ok, 20));
    assert.notDeepEqual(emu.callbacks.query(BOT, { kind: "status", messageId: result.id }), [], `no report for ${result.id} (${bundler})`);
  } else if (name === "preflight") {
    const { image, fake, error } = await outcome(dist, {});
    assert.equal(error, undefined);
    assert.deepEqual([image.ok, image.messageType, image.mimeType, image.size, image.issues], [true, "image", "image/png", 70, []]);
    assert.equal(fake.ok, false);
    assert.deepEqual(fake.issues.map((i) => i.code), ["media_unsupported_type"]);
  } else {
    const body = JSON.stringify({ type: "whatsapp", statuses: [{ status: "success", state: "delivered", message_id: "01H0000000000000000000000A", recipient: "46732001122" }] });
    const nonce = `nonce-${bundler}`;
    const headers = { "sinch-whatsapp-callback-signature": sign(body, nonce, "hmac-key"), "sinch-whatsapp-callback-signature-algorithm": "HMAC_SHA_256", "sinch-whatsapp-callback-signature-nonce": nonce };
    const result = await outcome(dist, { body, headers: JSON.stringify(headers), key: "hmac-key" });
    assert.deepEqual([result.verified, result.forged], [true, false], JSON.stringify(result));
    const [status] = result.callback.statuses;
    assert.deepEqual([status.messageId, status.recipient, status.state], ["01H0000000000000000000000A", "46732001122", "delivered"]);
  }
}

for (const name of APPS) {
  test(`Vite builds the ${name} app from the tarball without a warning, and it works in Chromium`, async () => {
    await check(name, await vite(name), "vite");
  });
  test(`webpack 5 builds the ${name} app from the tarball without a warning, and it works in Chromium`, async () => {
    await check(name, await webpack(name), "webpack");
  });
}
