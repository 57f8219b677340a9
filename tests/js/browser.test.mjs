// The built package in headless Chromium, twice: imported directly by a page
// (the package's "browser" entry via an import map), and bundled by Vite.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import { TOKEN, consumer, emulator, launchChromium, resolveEntry, root, serveStatic } from "./support.mjs";
import { startForeign } from "./foreign.mjs";

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
  assert.deepEqual(result.refused, { code: "invalid_argument", field: "options.token", mentionsRelay: true });
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

test("a page loads the package from a server that sends the .wasm without application/wasm (no streaming compile)", async () => {
  const server = await serveStatic(root, { ".wasm": "application/octet-stream" });
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

test("in Chromium a redirect is never followed and an oversized answer is refused, the send never repeated", async () => {
  const [server, foreign, page] = await Promise.all([serveStatic(root), startForeign(), browser.newPage()]);
  try {
    await page.goto(`${server.url}/tests/js/browser/network.html`);
    await page.waitForFunction(() => window.sdk !== undefined, null, { timeout: 15_000 });
    const send = (text) =>
      page.evaluate(
        async ({ baseUrl, token, text }) => {
          const options = { botId: "bot-browser", token, baseUrl, dangerouslyAllowBrowser: true, retries: 5, retryMessagesOnNetworkError: true };
          try {
            return { ok: true, result: await new window.sdk.WhatsAppClient(options).sendText("+46732001122", text) };
          } catch (err) {
            return { ok: false, isSinchError: err instanceof window.sdk.SinchError, error: err.toJSON?.() ?? String(err) };
          }
        },
        { baseUrl: emu.url, token: TOKEN, text },
      );
    const attempts = (text) => emu.requests.filter((r) => r.body?.message?.text === text).length;
    const path = "/bot-browser/messages";

    emu.addFault({ path, kind: "redirect", status: 307, location: `${foreign.url}/whatsapp/v1/bot-browser/messages` });
    const moved = await send("redirected in Chromium");
    assert.equal(moved.error?.code, "unexpected_redirect", JSON.stringify(moved));
    assert.equal(moved.isSinchError, true);
    // Chromium hides a manual redirect as an "opaqueredirect" of status 0: no status, no Location.
    assert.deepEqual([moved.error.status, moved.error.retryable], [undefined, false]);
    assert.equal(attempts("redirected in Chromium"), 1);
    assert.deepEqual(foreign.requests, [], "nothing reached the other origin");

    emu.addFault({ path, kind: "redirect", status: 307, location: `/whatsapp/v1${path}`, times: 50 });
    const looped = await send("looped in Chromium");
    assert.equal(looped.error?.code, "unexpected_redirect", JSON.stringify(looped));
    assert.equal(attempts("looped in Chromium"), 1);
    emu.reset(); // the loop's other 49 redirects

    emu.addFault({ path, kind: "huge_body", bytes: 2 * 2 ** 20 });
    const huge = await send("huge answer in Chromium");
    assert.equal(huge.error?.code, "invalid_response", JSON.stringify(huge));
    assert.equal(huge.error.status, 201);
    assert.match(huge.error.message, /maxResponseBytes \(1048576 bytes\)/);
    assert.equal(attempts("huge answer in Chromium"), 1);
  } finally {
    await Promise.all([page.close(), server.close(), foreign.close()]);
  }
});
