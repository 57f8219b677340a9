// The media preflight through the built package: every corpus case in Node and in
// headless Chromium, and the bounded reads on a 100 MB Blob and a 100 MB array.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { consumer, launchChromium, resolveEntry, root, serveStatic } from "./support.mjs";
import { checkCorpus, summary } from "./media/check.js";

const corpus = join(root, "tests/out/media");
const cases = JSON.parse(await readFile(join(root, "tests/media/cases.json"), "utf8"));
const readCorpus = (file) => readFile(join(corpus, file)).catch(() => undefined);
let sdk;

before(async () => {
  sdk = await import(resolveEntry(consumer()));
  assert.ok(await readCorpus("image.png"), "run tests/media/make-corpus.sh first (scripts/test.sh does)");
});

test("every corpus case gives the expected verdict in Node (validateMedia on a File)", async () => {
  const { checked, mismatches } = await checkCorpus(sdk, cases, readCorpus);
  assert.deepEqual(mismatches, []);
  assert.ok(checked >= 130, `only ${checked} cases checked`);
});

test("validateMediaBytes agrees with validateMedia", async () => {
  for (const c of cases.cases.filter((_, i) => i % 4 === 0)) {
    const bytes = await readCorpus(c.file);
    if (!bytes) continue;
    const options = { as: c.as, fileName: c.file, declaredType: cases.browserTypes[c.file.split(".").pop()] };
    const fromBytes = sdk.validateMediaBytes(new Uint8Array(bytes), options);
    assert.deepEqual(fromBytes, await sdk.validateMedia(new Blob([bytes]), options), c.file);
    assert.deepEqual(summary(fromBytes), { mime: c.mime, messageType: c.messageType, ok: c.ok, issues: c.issues }, c.file);
  }
});

test("checks run at once give the reports each gives alone (their steps share one buffer)", async () => {
  const files = [];
  for (const c of cases.cases) {
    const bytes = await readCorpus(c.file);
    if (bytes) files.push(new File([bytes], `é ${c.file}`, { type: cases.browserTypes[c.file.split(".").pop()] }));
  }
  const alone = [];
  for (const f of files) alone.push(await sdk.validateMedia(f));
  assert.deepEqual(await Promise.all(files.map((f) => sdk.validateMedia(f))), alone);
});

test("a 100 MB Blob costs kilobytes of reads, and never a whole-file read", { timeout: 10_000 }, async () => {
  const mp4 = await readCorpus("video-long-faststart.mp4");
  const big = new Blob([mp4, new Uint8Array(100 * 1024 * 1024 - mp4.length)], { type: "video/mp4" });
  const { slice, arrayBuffer } = Blob.prototype;
  const reads = [];
  let whole = 0;
  Blob.prototype.slice = function (start, end, type) {
    reads.push((end ?? this.size) - (start ?? 0));
    return slice.call(this, start, end, type);
  };
  Blob.prototype.arrayBuffer = function () {
    if (this.size === big.size) whole += 1;
    return arrayBuffer.call(this);
  };
  const started = performance.now();
  try {
    const report = await sdk.validateMedia(big, { as: "video" });
    const ms = performance.now() - started;
    const total = reads.reduce((a, b) => a + b, 0);
    console.log(`100 MiB Blob: ${reads.length} reads, ${total} bytes, ${ms.toFixed(1)} ms`);
    assert.equal(report.mimeType, "video/mp4");
    assert.ok(report.issues.some((i) => i.code === "media_over_processing_limit"), JSON.stringify(report.issues));
    assert.equal(whole, 0, "the whole Blob was read");
    assert.ok(total < 64 * 1024, `read ${total} bytes`);
  } finally {
    Object.assign(Blob.prototype, { slice, arrayBuffer });
  }
});

test("runs of small boxes or segments are read a window at a time, never a byte twice", async () => {
  // A Blob counting the ranges validateMedia slices.
  class CountingBlob extends Blob {
    ranges = [];
    slice(start, end, type) {
      this.ranges.push([start, end]);
      return super.slice(start, end, type);
    }
  }
  // 80 ICC segments of 2,000 bytes before the frame; 100 free boxes of 2,000 bytes before the
  // movie; 80 ICC segments of 6,000 bytes (read until the bytes budget is spent).
  for (const [file, most] of [["image-many-segments.jpg", 12], ["video-h264-many-boxes.mp4", 9], ["image-many-large-segments.jpg", 18]]) {
    const blob = new CountingBlob([await readCorpus(file)]);
    const report = await sdk.validateMedia(blob);
    const { ranges } = blob;
    console.log(`${file}: ${ranges.length} reads, ${ranges.reduce((n, [s, e]) => n + e - s, 0)} bytes`);
    assert.ok(report.mimeType, file);
    assert.ok(ranges.length <= most, `${file}: ${JSON.stringify(ranges)}`);
    ranges.forEach(([s, e], i) => {
      assert.ok(0 <= s && s < e && e <= blob.size, `${file}: ${s}..${e}`);
      for (const [s2, e2] of ranges.slice(0, i)) assert.ok(e <= s2 || e2 <= s, `${file}: ${s}..${e} repeats ${s2}..${e2}`);
    });
  }
});

test("validateMediaBytes on a 100 MB array leaves wasm memory flat", () => {
  const memory = sdk.initSync().memory;
  const big = new Uint8Array(100 * 1024 * 1024);
  big.set(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]));
  sdk.validateMediaBytes(big);
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 5; i++) assert.equal(sdk.validateMediaBytes(big).size, big.length);
  assert.ok(memory.buffer.byteLength - before <= 1024 * 1024, `${before} -> ${memory.buffer.byteLength}`);
  assert.ok(memory.buffer.byteLength < 16 * 1024 * 1024, `wasm memory is ${memory.buffer.byteLength} bytes`);
});

test("every corpus case gives the expected verdict in headless Chromium", async () => {
  const server = await serveStatic(root);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/tests/js/media/index.html`);
    await page.waitForFunction(() => window.__outcome !== undefined, null, { timeout: 30_000 });
    const { checked, mismatches } = await page.evaluate(() => window.__outcome);
    assert.deepEqual(errors, []);
    assert.deepEqual(mismatches, []);
    assert.ok(checked >= 130, `only ${checked} cases checked`);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("the preflight-only entry validates without the client, from a much smaller wasm", async () => {
  const dir = consumer();
  const entry = resolveEntry(dir, [], "sinch-whatsapp/preflight");
  assert.match(entry, /\/pkg\/preflight\/node\.js$/);
  assert.match(resolveEntry(dir, ["workerd"], "sinch-whatsapp/preflight"), /\/pkg\/preflight\/workerd\.js$/);
  const preflight = await import(entry);
  assert.equal(preflight.WhatsAppClient, undefined);
  const png = await readCorpus("image.png");
  assert.deepEqual(preflight.validateMediaBytes(png), sdk.validateMediaBytes(png));
  const sizes = await Promise.all(["pkg/sinch_whatsapp_bg.wasm", "pkg/preflight/sinch_whatsapp_bg.wasm"].map((f) => readFile(join(root, f))));
  console.log(`wasm: full ${sizes[0].length} bytes, preflight-only ${sizes[1].length} bytes`);
  assert.ok(sizes[1].length < sizes[0].length / 2);
});

test("validateMedia takes an ArrayBuffer or a typed array too, and refuses anything else", async () => {
  const png = await readCorpus("image.png");
  const expected = sdk.validateMediaBytes(png, { fileName: "image.png" });
  assert.equal(expected.mimeType, "image/png");
  const copy = png.buffer.slice(png.byteOffset, png.byteOffset + png.length);
  assert.deepEqual(await sdk.validateMedia(copy, { fileName: "image.png" }), expected);
  // A view that starts inside its buffer: only its own bytes are read.
  const padded = new Uint8Array(png.length + 8);
  padded.set(png, 5);
  assert.deepEqual(await sdk.validateMedia(new DataView(padded.buffer, 5, png.length), { fileName: "image.png" }), expected);
  for (const wrong of [undefined, "image.png", 42, {}, [1, 2]]) {
    const err = await sdk.validateMedia(wrong).catch((e) => e);
    assert.equal(err.code, "invalid_argument");
    assert.equal(err.field, "blob", err.message);
  }
  assert.throws(() => sdk.validateMediaBytes(copy), (e) => e.code === "invalid_argument" && e.field === "bytes");
});

test("refused options read nothing of the Blob; a throwing getter is an error, not a trap", async () => {
  const { slice } = Blob.prototype;
  let reads = 0;
  Blob.prototype.slice = function (...args) {
    reads += 1;
    return slice.apply(this, args);
  };
  try {
    const blob = new Blob([await readCorpus("image.png")]);
    for (const [options, field, rule] of [
      [{ as: "gif" }, "options.as", 'must be one of "image", "audio", "video", "sticker", "document"'],
      [{ as: 1 }, "options.as", "must be a string"],
      [{ fileName: "a.png", size: 1 }, "options.size", "is not a known field"],
      ["image", "options", "must be an object"],
      [{ get as() { throw new Error("boom"); } }, "options", "could not be read (a getter or Proxy threw)"],
      // The words of the JSON reader that read them before: the first unknown key in order,
      // then each known key in turn; JSON's view of the value (toJSON, no undefined).
      [{ fileNmae: "a.png", as: 1 }, "options.fileNmae", "is not a known field"],
      [{ as: "Image" }, "options.as", 'must be one of "image", "audio", "video", "sticker", "document"'],
      [{ fileName: true, as: 5 }, "options.as", "must be a string"],
      [{ fileName: true }, "options.fileName", "must be a string"],
      [{ fileName: true, as: "gif" }, "options.as", 'must be one of "image", "audio", "video", "sticker", "document"'],
      [{ __proto__: null, ["__proto__"]: 1 }, "options.__proto__", "is not a known field"],
      [{ declaredType: {} }, "options.declaredType", "must be a string"],
      [{ declaredType: ["image/png"] }, "options.declaredType", "must be a string"],
      [[], "options", "must be an object"],
      [["image"], "options", "must be an object"],
      [5, "options", "must be an object"],
      [() => {}, "options", "must be an object"],
      [{ toJSON: () => "x" }, "options", "must be an object"],
      [{ toJSON: () => ({ size: 1 }) }, "options.size", "is not a known field"],
      [{ 2: 1, as: "image" }, "options.2", "is not a known field"],
      [{ fileName: "a\ud800.png" }, "options", "could not be read"],
    ]) {
      const err = await sdk.validateMedia(blob, options).catch((e) => e);
      assert.equal(err.code, "invalid_argument", String(err));
      assert.equal(err.field, field);
      assert.equal(err.message, `${field}: ${rule}`);
    }
    assert.equal(reads, 0);
    // Options left out or null fall back to the Blob's own type.
    const typed = new Blob([await readCorpus("image.png")], { type: "image/jpeg" });
    for (const options of [undefined, null, { declaredType: null }, { declaredType: undefined, fileName: undefined }, NaN, { toJSON: () => null }]) {
      assert.equal((await sdk.validateMedia(typed, options)).declaredMimeType, "image/jpeg");
    }
    assert.equal((await sdk.validateMedia(typed, { declaredType: "image/png" })).declaredMimeType, "image/png");
    // The File's name too, unless given; an empty blob.type is no declared type.
    const file = new File([await readCorpus("image.png")], "photo.jpg");
    const named = (options) => sdk.validateMedia(file, options).then((r) => [r.declaredMimeType, r.issues.map((i) => i.code)]);
    assert.deepEqual(await named(), [null, ["media_extension_mismatch"]]);
    assert.deepEqual(await named({ fileName: "photo.png" }), [null, []]);
    assert.deepEqual(await named({ as: "image", declaredType: "image/png" }), ["image/png", ["media_extension_mismatch"]]);
    // A key JSON cannot see is no key; a string of a known message type is read as one.
    assert.equal((await sdk.validateMedia(typed, { as: "document", extra: undefined })).messageType, "document");
  } finally {
    Blob.prototype.slice = slice;
  }
});

test("a typed array's or a File's own getters never run while a step fills the shared buffer", async () => {
  const png = await readCorpus("image.png");
  const mp4 = await readCorpus("audio-aac-in.mp4");
  const expected = sdk.validateMediaBytes(new Uint8Array(png), { declaredType: "image/png" });
  // Every reading of its length checks another file first, in the same buffer.
  class Reentrant extends Uint8Array {
    get length() {
      sdk.validateMediaBytes(new Uint8Array(mp4), { declaredType: "video/mp4" });
      return super.length;
    }
  }
  const sneaky = new Reentrant(png.length);
  sneaky.set(png);
  assert.deepEqual(sdk.validateMediaBytes(sneaky, { declaredType: "image/png" }), expected);
  // A File whose name or type is not a string: read as absent, not a raw TypeError.
  class Odd extends File {
    get name() {
      return 42;
    }
    get type() {
      return { toString: () => "video/mp4" };
    }
  }
  assert.deepEqual(await sdk.validateMedia(new Odd([png], "x.png")), await sdk.validateMedia(new Blob([png])));
});

test("a read of another length than asked is refused, never looped on or handed to wasm", async () => {
  const mp4 = await readCorpus("video-long-moov-at-end.mp4");
  const png = await readCorpus("image.png");
  // A Blob whose slices come back short (half) or long (5,000 bytes more), or whose size says
  // more than its bytes (the PNG's end, read for IEND, comes back empty).
  class Liar extends Blob {
    constructor(bytes, mode) {
      super([bytes]);
      Object.assign(this, { mode, reads: 0, claimed: bytes.length + (mode === "size" ? 100_000 : 0) });
    }
    get size() {
      return this.claimed;
    }
    slice(start, end) {
      this.reads += 1;
      const part = super.slice(start, end);
      if (this.mode === "more") return new Blob([part, new Uint8Array(5000)]);
      return this.mode === "half" ? super.slice(start, start + Math.floor((end - start) / 2)) : part;
    }
  }
  const { memory } = sdk.initSync();
  for (const [bytes, mode] of [[mp4, "half"], [mp4, "more"], [png, "half"], [png, "more"], [png, "size"]]) {
    const blob = new Liar(bytes, mode);
    const err = await sdk.validateMedia(blob).catch((e) => e);
    assert.equal(err.code, "invalid_argument", `${mode}: ${JSON.stringify(err)}`);
    assert.equal(err.message, "blob: could not be read", mode);
    assert.ok(blob.reads <= 2, `${mode}: ${blob.reads} reads`);
  }
  // Honest Blobs of the same bytes pass, the MP4 in two reads.
  const honest = new Liar(mp4, "honest");
  const before = memory.buffer.byteLength;
  const report = await sdk.validateMedia(honest);
  assert.deepEqual([report.ok, report.messageType, report.issues], [true, "video", []]);
  assert.equal(honest.reads, 2);
  assert.equal(memory.buffer.byteLength, before);
  assert.equal((await sdk.validateMedia(new Liar(png, "honest"))).mimeType, "image/png");
});
