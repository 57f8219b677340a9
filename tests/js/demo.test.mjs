// The demo page in headless Chromium, driven by Playwright as a person would use it
// (labels, keyboard): a real file is checked in the page, a message goes through the
// relay Worker to the emulator, and its delivery reports come back to the page. The same
// on the Conversation API (SINCH_API=conversation): the relay holds the access key, and
// the reports come back as signed webhooks.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium, outDir, root } from "./support.mjs";
import { startDemo } from "../../scripts/demo.mjs";

let demo, browser, page;
const errors = [];

before(async () => {
  demo = await startDemo({ env: {} });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  // Counts the page's object URLs: those created and not yet revoked are `live`.
  await page.addInitScript(() => {
    const urls = (window.objectUrls = { created: 0, live: new Set() });
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (object) => {
      const url = createObjectURL.call(URL, object);
      urls.created += 1;
      urls.live.add(url);
      return url;
    };
    URL.revokeObjectURL = (url) => {
      urls.live.delete(url);
      return revokeObjectURL.call(URL, url);
    };
  });
  await page.goto(demo.url);
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

test("every control has a label a screen reader can use", async () => {
  const unlabelled = await page.$$eval("input, select, textarea, button", (els) =>
    els.filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.textContent.trim())).map((el) => el.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
});

test("a real PNG is accepted, with its sniffed type and a preview", async () => {
  await page.getByLabel("Drop a file here, or choose one").setInputFiles(join(root, "tests/out/media/image.png"));
  await page.getByText("can be sent as an image").waitFor();
  assert.equal(await page.locator("#v-type").textContent(), "image/png");
  assert.equal(await page.locator("#preview img").count(), 1);
});

test("a program named like a photo is refused in plain words", async () => {
  const exe = await readFile(join(root, "tests/out/media/program.exe"));
  await page.getByLabel("Drop a file here, or choose one").setInputFiles({ name: "holiday.png", mimeType: "image/png", buffer: exe });
  await page.getByText("“holiday.png” cannot be sent").waitFor();
  const issues = await page.locator("#v-issues li").allTextContents();
  assert.ok(issues.some((text) => text.startsWith("Problem:")), issues.join("\n"));
});

test("each preview's object URL is revoked when the preview is replaced", async () => {
  const png = await readFile(join(root, "tests/out/media/image.png"));
  const input = page.getByLabel("Drop a file here, or choose one");
  const before = await page.evaluate(() => window.objectUrls.created);
  for (const name of ["first.png", "second.png", "third.png"]) {
    await input.setInputFiles({ name, mimeType: "image/png", buffer: png });
    await page.getByText(`“${name}” can be sent as an image`).waitFor();
    const { live, src } = await page.evaluate(() => ({ live: [...window.objectUrls.live], src: document.querySelector("#preview img").src }));
    assert.deepEqual(live, [src], `only the shown preview's URL is live after ${name}`);
  }
  assert.equal(await page.evaluate(() => window.objectUrls.created), before + 3);
  // A file with no preview clears it, and its URL goes too.
  const exe = await readFile(join(root, "tests/out/media/program.exe"));
  await input.setInputFiles({ name: "fourth.png", mimeType: "image/png", buffer: exe });
  await page.getByText("“fourth.png” cannot be sent").waitFor();
  assert.deepEqual(await page.evaluate(() => [...window.objectUrls.live]), []);
});

test("the checked file is sent through the relay and its delivery reports arrive", async () => {
  await page.getByLabel("Drop a file here, or choose one").setInputFiles(join(root, "tests/out/media/image.png"));
  await page.getByText("can be sent as an image").waitFor();
  await page.getByLabel("The checked file", { exact: true }).check();
  await page.getByLabel("Caption (optional)").fill("From the demo");
  await page.getByLabel("Phone number (international, with country code)").fill("+46732001122");
  await page.getByLabel("Phone number (international, with country code)").press("Enter");
  await page.getByText(/^Sent\. Message id/).waitFor();
  await page.locator("#reports li", { hasText: "read by the recipient" }).waitFor({ timeout: 10_000 });
  const sent = demo.emulator.requests.filter((r) => r.path.endsWith("/messages"));
  assert.equal(sent.length, 1);
  assert.equal(sent[0].body.message.type, "image");
  assert.equal(sent[0].body.message.caption, "From the demo");
  assert.match(sent[0].body.message.url, /\/media\/[0-9a-f-]+\.png$/);
  await page.screenshot({ path: join(outDir, "demo.png"), fullPage: true });
  console.log(`screenshot: ${join(outDir, "demo.png")}`);
});

test("a template and a bad number: the result is shown in words", async () => {
  await page.getByLabel("Template", { exact: true }).check();
  await page.getByLabel("Phone number (international, with country code)").fill("0732");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByText(/^Please check the phone number: it must be an international phone number/).waitFor();
  await page.getByLabel("Phone number (international, with country code)").fill("+46732001122");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByText(/^Sent\. Message id/).waitFor();
  assert.equal(demo.emulator.requests.at(-1).body.message.template_name, "order_update");
  assert.deepEqual(errors, []);
});

describe("SINCH_API=conversation", () => {
  const KEY_SECRET = "demo-key-secret";
  let cdemo, cpage;
  const seen = []; // every answer the page got from the relay
  const phone = () => cpage.getByLabel("Phone number (international, with country code)");
  const sent = () => cdemo.emulator.requests.filter((r) => r.path.endsWith("/messages:send"));

  before(async () => {
    cdemo = await startDemo({ env: { SINCH_API: "conversation" } });
    cpage = await browser.newPage();
    cpage.on("pageerror", (e) => errors.push(e.message));
    cpage.on("response", async (res) => seen.push(await res.text().catch(() => "")));
    await cpage.goto(cdemo.url);
  });
  after(async () => {
    await cpage?.close();
    await cdemo?.close();
  });

  test("the number's message shows, a text goes out on the Conversation API, and its reports arrive as webhooks", async () => {
    await cpage.locator("#reports li", { hasText: "wrote: “Hi!" }).waitFor({ timeout: 10_000 });
    await phone().fill(cdemo.to);
    await phone().press("Enter");
    await cpage.getByText(/^Sent\. Message id/).waitFor();
    await cpage.locator("#reports li", { hasText: "read by the recipient" }).waitFor({ timeout: 10_000 });
    assert.equal(sent().length, 1);
    assert.deepEqual(sent()[0].body.message, { text_message: { text: "Hello from sinch-whatsapp" } });
    assert.equal(sent()[0].body.recipient.identified_by.channel_identities[0].identity, cdemo.to.slice(1));
    assert.equal(cdemo.emulator.requests.filter((r) => r.path === "/oauth2/token").length, 1);
    assert.ok(!seen.join("").includes(KEY_SECRET) && !(await cpage.content()).includes(KEY_SECRET), "the page never sees the key secret");
    await cpage.screenshot({ path: join(outDir, "demo-conversation.png"), fullPage: true });
  });

  test("a text to a number that has not written fails with Sinch's reason; a template to it goes", async () => {
    await phone().fill("+46732005566");
    await cpage.getByRole("button", { name: "Send" }).click();
    await cpage.getByText(/^Sent\. Message id/).waitFor();
    const failed = cpage.locator("#reports li.bad", { hasText: "+46732005566: could not be delivered" });
    await failed.waitFor({ timeout: 10_000 });
    assert.match(await failed.textContent(), /\(OUTSIDE_ALLOWED_SENDING_WINDOW\)/);
    await cpage.getByLabel("Template", { exact: true }).check();
    await cpage.getByRole("button", { name: "Send" }).click();
    await cpage.locator("#reports li.ok", { hasText: "+46732005566: read by the recipient" }).waitFor({ timeout: 10_000 });
    assert.equal(sent().at(-1).body.message.template_message.channel_template.WHATSAPP.template_id, "order_update");
    assert.deepEqual(errors, []);
  });
});
