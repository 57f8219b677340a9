// The built package in headless Chromium, twice: imported directly by a page
// (the package's "browser" entry via an import map), and bundled by Vite.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { TOKEN, consumer, emulator, launchChromium, resolveEntry, root, serveStatic } from "./support.mjs";

let emu, browser;
before(async () => {
  emu = await emulator();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await emu?.close();
});

/** Opens `url` with the emulator and bot in the query and returns the page's outcome. */
async function outcome(url, bot) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(`${url}?${new URLSearchParams({ emulator: emu.url, bot, token: TOKEN })}`);
    await page.waitForFunction(() => window.__outcome !== undefined, null, { timeout: 15_000 });
    return await page.evaluate(() => window.__outcome);
  } finally {
    assert.deepEqual(errors, []);
    await page.close();
  }
}

function assertSent(result, bot) {
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(result.refused, { code: "invalid_argument", field: "token", mentionsRelay: true });
  assert.match(result.result.messages[0].id, /^[0-9A-Z]{26}$/);
  const request = emu.requests.find((r) => r.path === `/whatsapp/v1/${bot}/messages`);
  assert.deepEqual(request.body, { to: ["+46732001122"], message: { type: "text", text: "from a browser" } });
  assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
}

test("a page imports the package directly and sends a text", async () => {
  assert.match(resolveEntry(consumer(), ["browser"]), /\/pkg\/index\.js$/);
  const server = await serveStatic(root);
  try {
    assertSent(await outcome(`${server.url}/tests/js/browser/index.html`, "bot-browser"), "bot-browser");
  } finally {
    await server.close();
  }
});

test("a Vite build of an app that imports the package sends a text", async () => {
  const dir = consumer();
  copyFileSync(join(root, "tests/js/browser/app.js"), join(dir, "app.js"));
  writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><script type="module" src="./app.js"></script>\n');
  mkdirSync(join(dir, "dist"), { recursive: true });
  await build({ root: dir, logLevel: "warn", configFile: false, build: { outDir: join(dir, "dist"), emptyOutDir: true } });
  const server = await serveStatic(join(dir, "dist"));
  try {
    assertSent(await outcome(`${server.url}/index.html`, "bot-bundler"), "bot-bundler");
  } finally {
    await server.close();
  }
});
