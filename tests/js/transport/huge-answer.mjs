// Child process of transport.test.mjs: a warm-up call, then one message send whose
// answer is huge, sampling RSS all along. Prints `{ code, message, growthMiB }`.
//   node --expose-gc huge-answer.mjs <package entry URL> <base URL> <bot> <token>
const [entry, baseUrl, botId, token] = process.argv.slice(2);
const { WhatsAppClient } = await import(entry);
const wa = new WhatsAppClient({ botId, token, baseUrl, timeoutMs: 120_000 });
await wa.capability(["+46732001122"]); // the same code paths, warmed up: wasm, fetch, body reading
globalThis.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 2);
const outcome = await wa.sendText("+46732001122", "huge answer").then(
  (result) => ({ code: "ok", message: JSON.stringify(result).slice(0, 200) }),
  (err) => ({ code: err.code, message: err.message, retryable: err.retryable }),
);
clearInterval(timer);
sample();
console.log(JSON.stringify({ ...outcome, growthMiB: (peak - before) / 2 ** 20 }));
