// Benchmarks against the budgets of issue 12 (bench/budgets.mjs): builds pkg/, measures
// each budget row, prints every figure beside its budget with OK / MISSED, then the
// information rows; writes bench/out/results.json; exits 1 when a budget is missed
// (after printing the whole table).   node bench/run.mjs [--quick]
//
// One module per job: size.mjs (Vite apps, .wasm sizes), startup.mjs (Node, workerd
// serve), client.mjs (per message vs fetch, CPU with fetch stubbed), preflight.mjs
// (vs file-type), budgets.mjs + report.mjs (the limits and the table).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { perMessage, stubbedCpu } from "./client.mjs";
import { preflightVsFileType } from "./preflight.mjs";
import { show } from "./budgets.mjs";
import { check, render } from "./report.mjs";
import { APPS, dirSize, hasEntry, viteAppSize, wasmFiles, wasmSizes, withoutConversation } from "./size.mjs";
import { nodeStartup, workerdStartup } from "./startup.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const pkg = join(root, "pkg");
const out = join(root, "bench/out");
const quick = process.argv.includes("--quick");
// --quick: fewer runs and messages, the same rows. `messages`: a sendText round is 6,000
// to each path, not 2,000: the same median, half the spread between runs (session 37, the
// same package, twelve runs each: 2,000 read 1.05–1.15×, 6,000 read 1.05–1.10×, both 1.07×).
const RUNS = quick
  ? { node: 5, workerd: 5, messages: 500, rounds: 5, sends: 500, batches: 3, preflightRounds: 3 }
  : { node: 11, workerd: 11, messages: 6000, rounds: 5, sends: 2000, batches: 5, preflightRounds: 10 };

execFileSync(join(root, "scripts/build.sh"), { stdio: "inherit" });
mkdirSync(out, { recursive: true });
const sdk = await import(join(pkg, "node.js"));

/** Runs one measurement; a failure becomes its row's note (and the row is missed). */
const raw = {};
async function measure(id, run) {
  try {
    raw[id] = await run();
  } catch (err) {
    raw[id] = { error: String(err?.stack ?? err).split("\n")[0] };
    console.error(`bench: ${id} failed: ${err?.stack ?? err}`);
  }
  return raw[id];
}
const kb = (bytes) => bytes / 1000;
const failed = (m) => ({ note: `failed: ${m.error}` });
const app = (m) => (m.error ? failed(m) : { value: kb(m.bytes), note: `${m.bytes} B in ${m.files.map((f) => `${f.file.replace(/^assets\//, "")} ${f.gzip}`).join(" + ")}` });

// Sizes: a Vite app per entry.
const apps = join(out, "apps");
const rows = {};
rows.preflightApp = app(await measure("preflightApp", () => viteAppSize(pkg, apps, "preflight")));
rows.callbacksApp = hasEntry(pkg, "./callbacks")
  ? app(await measure("callbacksApp", () => viteAppSize(pkg, apps, "callbacks")))
  : { note: "not built yet: pkg/package.json exports no ./callbacks" };
rows.fullApp = app(await measure("fullApp", () => viteAppSize(pkg, apps, "full")));
// The full entry built again without the Conversation backend (only to measure it).
const full = raw.fullApp;
const bare = await measure("withoutConversation", () => withoutConversation(root, pkg, apps));
rows.conversationAdded = full.error || bare.error
  ? failed(full.error ? full : bare)
  : { value: kb(full.bytes - bare.bytes), note: `${full.bytes} − ${bare.bytes} B; wasm gzip -9 ${wasmSizes(join(pkg, "sinch_whatsapp_bg.wasm")).gzip} − ${bare.wasm.gzip} B` };
const both = APPS.preflightAndCallbacks.entries.every((entry) => hasEntry(pkg, entry))
  ? await measure("preflightAndCallbacksApp", () => viteAppSize(pkg, apps, "preflightAndCallbacks"))
  : { error: "not built yet: pkg/package.json exports no ./callbacks" };

// Per message against the emulator, and CPU with fetch stubbed.
const msg = await measure("sendTextRatio", () => perMessage(sdk, { messages: RUNS.messages, rounds: RUNS.rounds, concurrency: 16 }));
rows.sendTextRatio = msg.error ? failed(msg) : { value: msg.ratio, note: `${msg.sdkMicros.toFixed(0)} vs ${msg.fetchMicros.toFixed(0)} µs/message (plain: AbortSignal.timeout 30 s); ${msg.messages} messages, concurrency ${msg.concurrency}, one untimed run of each, then alternating, median of ${msg.rounds}; process CPU ${msg.sdkCpuMicros.toFixed(0)} vs ${msg.fetchCpuMicros.toFixed(0)} µs/message (${msg.cpuRatio.toFixed(2)}×)` };
const cpu = await measure("cpuPerSend", () => stubbedCpu(sdk, { sends: RUNS.sends, batches: RUNS.batches }));
rows.cpuPerSend = cpu.error ? failed(cpu) : { value: cpu.sdkMicros, note: `plain path ${cpu.fetchMicros.toFixed(0)} µs; ${cpu.sends} sequential sendText, median of ${cpu.batches} batches` };

// Startup.
const wd = await measure("workerdAdded", () => workerdStartup({ root, pkg, dir: join(out, "workerd"), runs: RUNS.workerd }));
rows.workerdAdded = wd.error ? failed(wd) : { value: wd.addedMs, note: `${wd.withClientMs.toFixed(1)} vs ${wd.bareMs.toFixed(1)} ms bare, spawn → first 200, median of ${wd.runs} each, alternating; load ${wd.load.join(" → ")}` };
const node = await measure("nodeStartup", () => nodeStartup(pkg, RUNS.node));
rows.nodeStartup = node.error ? failed(node) : { value: node.ms, note: `timed inside the process, median of ${node.runs}; CPU ${node.cpuMs.toFixed(1)} ms; ${node.warmedMs.toFixed(1)} ms after an app's own first module; load ${node.load.join(" → ")}` };

// Preflight against file-type.
const pf = await measure("preflightSpeed", () => preflightVsFileType(pkg, join(root, "tests/out/media"), RUNS.preflightRounds));
rows.preflightSpeed = pf.error ? failed(pf) : { value: pf.speedRatio, note: `${pf.sinchWhatsapp.filesPerSecond.toFixed(0)} vs ${pf.fileType.filesPerSecond.toFixed(0)} files/s; ${pf.files} files, median of ${pf.rounds} alternating rounds of 5 passes` };

// Information rows.
const KiB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const info = { wasm: Object.fromEntries(wasmFiles(pkg).map((f) => [f, wasmSizes(join(pkg, f))])), pkgBytes: dirSize(pkg) };
const infoLines = [
  ...Object.entries(info.wasm).map(([f, s]) => [`pkg/${f}`, `${KiB(s.raw)} raw, ${KiB(s.gzip)} gzip -9, ${KiB(s.brotli)} brotli 11`]),
  ["pkg/ in all", KiB(info.pkgBytes)],
];
if (!bare.error) infoLines.push(["full entry without the Conversation backend (issue 12's 55 KB read strictly)", `${show(kb(bare.bytes), "KB")}: ${app(bare).note}`]);
infoLines.push(["./preflight + ./callbacks in one Vite app", both.error ?? app(both).note]);
infoLines.push(["scripts/fuzz.sh, last run (≥ 10 million executions each, no crash)", fuzzSummary(join(root, "fuzz/out/results.json"))]);
if (!pf.error) infoLines.push(["preflight, bytes read per file (vs file-type)", `${pf.sinchWhatsapp.bytesPerFile.toFixed(0)} vs ${pf.fileType.bytesPerFile.toFixed(0)}: ratio ${pf.bytesRatio.toFixed(2)}`]);

/** The last `scripts/fuzz.sh` run's figures (fuzz/out/results.json), or why there are none. */
function fuzzSummary(path) {
  if (!existsSync(path)) return "not run on this machine (json_parse took 14 min for 10 million on 2 shared cores: run it apart)";
  const { at, bar, targets } = JSON.parse(readFileSync(path, "utf8"));
  return targets
    .map((t) => `${t.target} ${t.executions}${t.crashed ? " CRASHED" : ""} (bar ${t.bar ?? bar}, ${t.at ?? at})`)
    .join(", ");
}

const checked = check(rows);
console.log(`\n${render(checked, infoLines)}${quick ? " (--quick: fewer runs)" : ""}`);
writeFileSync(join(out, "results.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, quick, budgets: checked, info, measurements: raw }, null, 2));
console.log("written: bench/out/results.json");
if (checked.some((r) => !r.ok)) process.exitCode = 1;
