// Soak: many messages through the package in Node against the emulator with faults
// injected. Every call must settle, every failure must be a SinchError, and memory
// (JS heap, RSS, wasm linear memory) must level off.   node --expose-gc tests/soak/soak.mjs [messages]
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../../emulator/server.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const total = Number(process.argv[2] ?? 20_000);
const BATCH = 1000;
const CONCURRENCY = 32;
const FAULTS = [
  { kind: "latency", ms: 30 },
  { kind: "status", status: 429, retryAfter: 0 },
  { kind: "status", status: 503 },
  { kind: "status", status: 500 },
  { kind: "drop" },
  { kind: "truncate" },
  { kind: "non_json" },
  { kind: "empty" },
];

const sdk = await import(join(root, "pkg/node.js"));
const memory = sdk.initSync().memory;
const emu = await startEmulator({ bots: { soak: "t" }, rateLimit: 1e9, reportDelayMs: 3_600_000 });
const client = new sdk.WhatsAppClient({ botId: "soak", token: "t", baseUrl: emu.url, timeoutMs: 5000 });
const samples = [];
const outcomes = {};
const started = performance.now();
const deadline = setTimeout(() => {
  console.error("soak: calls did not settle within the time bound");
  process.exit(1);
}, 15 * 60_000);

for (let sent = 0; sent < total; sent += BATCH) {
  emu.reset(); // the emulator's request log stays bounded
  for (let i = 0; i < BATCH / 10; i++) emu.addFault({ path: "/messages", ...FAULTS[i % FAULTS.length] });
  let next = sent;
  const end = Math.min(total, sent + BATCH);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < end) {
        const i = next++;
        try {
          await client.sendText("+46732001122", `soak ${i}`);
          outcomes.ok = (outcomes.ok ?? 0) + 1;
        } catch (err) {
          assert.ok(err instanceof sdk.SinchError, `not a SinchError: ${err}`);
          outcomes[err.code] = (outcomes[err.code] ?? 0) + 1;
        }
      }
    }),
  );
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  samples.push({ sent: end, heapMiB: heapUsed / 2 ** 20, rssMiB: rss / 2 ** 20, wasmMiB: memory.buffer.byteLength / 2 ** 20 });
}
clearTimeout(deadline);
await emu.close();

const settled = Object.values(outcomes).reduce((a, b) => a + b, 0);
const seconds = (performance.now() - started) / 1000;
console.table(samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "sent" ? v : Number(v.toFixed(1))]))));
console.log(`soak: ${settled}/${total} calls settled in ${seconds.toFixed(1)} s (${(settled / seconds).toFixed(0)}/s): ${JSON.stringify(outcomes)}`);
assert.equal(settled, total);

// Level off: the last quarter's average within 1.5× (+8 MiB) of the second quarter's.
const quarter = (q) => samples.slice(Math.floor((q * samples.length) / 4), Math.floor(((q + 1) * samples.length) / 4));
for (const key of ["heapMiB", "rssMiB", "wasmMiB"]) {
  const avg = (xs) => xs.reduce((a, s) => a + s[key], 0) / Math.max(1, xs.length);
  const [early, late] = [avg(quarter(1)), avg(quarter(3))];
  console.log(`${key}: ${early.toFixed(1)} → ${late.toFixed(1)}`);
  assert.ok(late <= early * 1.5 + 8, `${key} grew from ${early.toFixed(1)} to ${late.toFixed(1)}`);
}
console.log("soak: ok");
