// Benchmarks: prints a table and writes bench/out/results.json. Figures only: it
// never fails on a number.   node bench/run.mjs [--quick]
//
// - size: the .wasm raw / gzip / brotli, the preflight-only .wasm, the whole pkg/;
// - startup: import + compile + instantiate + `new WhatsAppClient` in fresh Node
//   processes (timed inside each), and in workerd (timed from outside, see below);
// - client overhead: the same messages sent to the emulator through `sendText` and
//   through a hand-written fetch + JSON.stringify, same concurrency, ratio;
// - preflight: files per second and bytes read per file on the media corpus,
//   against npm `file-type` in the same run.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileTypeFromBlob } from "file-type";
import { startEmulator } from "../tests/emulator/server.mjs";
import { startWorker } from "../tests/support/worker.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const quick = process.argv.includes("--quick");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};

execFileSync(join(root, "scripts/build.sh"), { stdio: "inherit" });
const sdk = await import(join(root, "pkg/node.js"));

// Size.
const wasm = readFileSync(join(root, "pkg/sinch_whatsapp_bg.wasm"));
const preflightWasm = readFileSync(join(root, "pkg/preflight/sinch_whatsapp_bg.wasm"));
const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const dirSize = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
results.size = {
  wasmRaw: wasm.length, wasmGzip: gzip(wasm), wasmBrotli: brotli(wasm),
  preflightRaw: preflightWasm.length, preflightGzip: gzip(preflightWasm), preflightBrotli: brotli(preflightWasm),
  pkgTotal: dirSize(join(root, "pkg")),
};

// Startup in Node: a fresh process each run, timed inside it.
const child = `const t0 = performance.now();
const { WhatsAppClient } = await import(${JSON.stringify(join(root, "pkg/node.js"))});
new WhatsAppClient({ botId: "b", token: "t", region: "eu" });
console.log(performance.now() - t0);`;
const nodeRuns = Array.from({ length: quick ? 5 : 15 }, () => Number(execFileSync(process.execPath, ["--input-type=module", "-e", child]).toString()));
results.startupNodeMs = median(nodeRuns);

// Startup in workerd. workerd freezes clocks inside a request, so this is timed from
// outside: from `new Miniflare` to the first answer of a Worker that builds a client,
// minus the same for a Worker that does not import the package.
async function workerStartup(script) {
  const t0 = performance.now();
  const { mf } = await startWorker({ script: join(root, "bench", script) });
  await (await mf.dispatchFetch("http://bench/")).text();
  const ms = performance.now() - t0;
  await mf.dispose();
  return ms;
}
const withSdk = [];
const bare = [];
for (let i = 0; i < (quick ? 3 : 7); i++) {
  withSdk.push(await workerStartup("workers/with-client.mjs"));
  bare.push(await workerStartup("workers/bare.mjs"));
}
results.startupWorkerdMs = { withClient: median(withSdk), bare: median(bare), difference: median(withSdk) - median(bare) };

// Client overhead against a hand-written fetch, same messages, same concurrency.
const emu = await startEmulator({ bots: { bench: "t" }, rateLimit: 1e9, reportDelayMs: 3_600_000 });
const N = quick ? 500 : 2000;
const CONCURRENCY = 16;
const client = new sdk.WhatsAppClient({ botId: "bench", token: "t", baseUrl: emu.url });
const viaSdk = (i) => client.sendText("+46732001122", `message ${i}`);
const viaFetch = async (i) => {
  const res = await fetch(`${emu.url}/whatsapp/v1/bench/messages`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json" },
    body: JSON.stringify({ to: ["+46732001122"], message: { type: "text", text: `message ${i}` } }),
  });
  if (res.status !== 201) throw new Error(`status ${res.status}`);
  return res.json();
};
async function timeRun(send) {
  emu.reset();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < N) await send(next++);
  }));
  return ((performance.now() - t0) * 1000) / N;
}
const sdkRuns = [];
const fetchRuns = [];
for (let r = 0; r < 5; r++) {
  fetchRuns.push(await timeRun(viaFetch));
  sdkRuns.push(await timeRun(viaSdk));
}
await emu.close();
results.perMessageMicros = { sdk: median(sdkRuns), fetch: median(fetchRuns), ratio: median(sdkRuns) / median(fetchRuns), messages: N, concurrency: CONCURRENCY };

// Preflight against file-type on the corpus, counting the bytes each reads.
const corpusDir = join(root, "tests/out/media");
let files = [];
try {
  files = readdirSync(corpusDir).map((name) => new File([readFileSync(join(corpusDir, name))], name));
} catch {
  console.warn("no media corpus: run tests/media/make-corpus.sh for the preflight figures");
}
function countReads() {
  const proto = Blob.prototype;
  const saved = { stream: proto.stream, arrayBuffer: proto.arrayBuffer };
  const counter = { bytes: 0 };
  proto.arrayBuffer = function () {
    return saved.arrayBuffer.call(this).then((b) => ((counter.bytes += b.byteLength), b));
  };
  proto.stream = function () {
    return saved.stream.call(this).pipeThrough(new TransformStream({ transform: (c, out) => ((counter.bytes += c.byteLength), out.enqueue(c)) }));
  };
  return { counter, restore: () => Object.assign(proto, saved) };
}
async function preflightRun(check) {
  const rounds = quick ? 3 : 10;
  const { counter, restore } = countReads();
  const t0 = performance.now();
  try {
    for (let r = 0; r < rounds; r++) for (const f of files) await check(f);
  } finally {
    restore();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { filesPerSecond: (rounds * files.length) / seconds, bytesPerFile: counter.bytes / (rounds * files.length) };
}
if (files.length) {
  const ours = await preflightRun((f) => sdk.validateMedia(f));
  // file-type throws on some truncated files (EndOfStreamError): counted as a verdict too.
  const peer = await preflightRun((f) => fileTypeFromBlob(f).catch(() => undefined));
  results.preflight = { files: files.length, sinchWhatsapp: ours, fileType: peer, speedRatio: ours.filesPerSecond / peer.filesPerSecond, bytesRatio: ours.bytesPerFile / peer.bytesPerFile };
}

// Report.
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const s = results.size;
const rows = [
  ["wasm (client + preflight)", `${kb(s.wasmRaw)} raw, ${kb(s.wasmGzip)} gzip, ${kb(s.wasmBrotli)} brotli`],
  ["wasm (preflight only)", `${kb(s.preflightRaw)} raw, ${kb(s.preflightGzip)} gzip, ${kb(s.preflightBrotli)} brotli`],
  ["pkg/ in all", kb(s.pkgTotal)],
  ["startup, Node (import+compile+instantiate+construct)", `${results.startupNodeMs.toFixed(1)} ms median of ${nodeRuns.length}`],
  ["startup, workerd (first answer, from outside)", `${results.startupWorkerdMs.withClient.toFixed(0)} ms vs ${results.startupWorkerdMs.bare.toFixed(0)} ms bare: +${results.startupWorkerdMs.difference.toFixed(0)} ms`],
  ["per message, sendText vs fetch", `${results.perMessageMicros.sdk.toFixed(0)} µs vs ${results.perMessageMicros.fetch.toFixed(0)} µs: ratio ${results.perMessageMicros.ratio.toFixed(2)} (${N} messages, concurrency ${CONCURRENCY}, median of 5)`],
];
if (results.preflight) {
  const p = results.preflight;
  rows.push(["preflight, files/s (validateMedia vs file-type)", `${p.sinchWhatsapp.filesPerSecond.toFixed(0)} vs ${p.fileType.filesPerSecond.toFixed(0)}: ratio ${p.speedRatio.toFixed(2)} (${p.files} corpus files)`]);
  rows.push(["preflight, bytes read per file", `${p.sinchWhatsapp.bytesPerFile.toFixed(0)} vs ${p.fileType.bytesPerFile.toFixed(0)}: ratio ${p.bytesRatio.toFixed(2)}`]);
}
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${"benchmark".padEnd(width)} | result\n${"-".repeat(width)}-|-${"-".repeat(60)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)} | ${v}`);
mkdirSync(join(root, "bench/out"), { recursive: true });
writeFileSync(join(root, "bench/out/results.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, ...results }, null, 2));
console.log("\nwritten: bench/out/results.json");
