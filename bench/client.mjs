// The client's cost per message: against the emulator (wall time per message at a
// fixed concurrency, next to a hand-written fetch), and its own CPU with `fetch`
// stubbed out (next to the hand-written path on the same stub).
import { startEmulator } from "../emulator/server.mjs";

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TO = "+46732001122";
// The client's default deadline of one attempt (README, "Client options").
const TIMEOUT_MS = 30_000;

/** The hand-written path: JSON.stringify, one fetch with the same timeout, res.json(). */
function plainSender(baseUrl, botId, token) {
  const url = `${baseUrl}/whatsapp/v1/${botId}/messages`;
  return async (i) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ to: [TO], message: { type: "text", text: `message ${i}` } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
    return res.json();
  };
}

/**
 * `sendText` vs the plain path to the same emulator, `messages` each at `concurrency`,
 * after one untimed run of each, alternating (plain first), `rounds` rounds: the median
 * µs per message of each and the ratio of the medians; beside them the process's CPU µs
 * per message of each (client, `fetch` and emulator: one process), median, which a busy
 * machine moves far less than the wall time.
 */
export async function perMessage(sdk, { messages, concurrency = 16, rounds = 5 }) {
  const emu = await startEmulator({ bots: { bench: "t" }, rateLimit: 1e9, reportDelayMs: 3_600_000 });
  try {
    const client = new sdk.WhatsAppClient({ botId: "bench", token: "t", baseUrl: emu.url });
    const viaSdk = (i) => client.sendText(TO, `message ${i}`);
    const viaFetch = plainSender(emu.url, "bench", "t");
    const timeRun = async (send) => {
      emu.reset();
      let next = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < messages) await send(next++);
      }));
      const cpu = process.cpuUsage(c0);
      return [((performance.now() - t0) * 1000) / messages, (cpu.user + cpu.system) / messages];
    };
    // Warm-up, untimed: a process's first run compiles undici and the emulator, and the
    // path timed first (plain) paid for it: its first round took about 1.5× its others,
    // which raised its median and lowered the ratio by ≈ 3 % (session 36).
    await timeRun(viaFetch);
    await timeRun(viaSdk);
    const [sdkRuns, fetchRuns, sdkCpu, fetchCpu] = [[], [], [], []];
    for (let r = 0; r < rounds; r++) {
      const [fetchWall, fetchCpuRun] = await timeRun(viaFetch);
      const [sdkWall, sdkCpuRun] = await timeRun(viaSdk);
      fetchRuns.push(fetchWall);
      fetchCpu.push(fetchCpuRun);
      sdkRuns.push(sdkWall);
      sdkCpu.push(sdkCpuRun);
    }
    return {
      sdkMicros: median(sdkRuns), fetchMicros: median(fetchRuns), ratio: median(sdkRuns) / median(fetchRuns),
      sdkCpuMicros: median(sdkCpu), fetchCpuMicros: median(fetchCpu), cpuRatio: median(sdkCpu) / median(fetchCpu),
      messages, concurrency, rounds, sdkRuns, fetchRuns,
    };
  } finally {
    await emu.close();
  }
}

/** The emulator's answer to one text to one recipient (emulator/api.mjs). */
const ANSWER = JSON.stringify({ type: "whatsapp", statuses: [{ message_id: "01HZX0000000000000000000AB", recipient: TO, status: "success", state: "queued" }] });

/**
 * CPU per send with `globalThis.fetch` replaced by a stub that hands out a ready
 * `Response` (201, the emulator's JSON; all made before the clock starts): `sends`
 * sequential sends per batch, `batches` batches alternating client and plain path,
 * median µs per send of each.
 */
export async function stubbedCpu(sdk, { sends, batches = 5 }) {
  const saved = globalThis.fetch;
  let ready = [];
  globalThis.fetch = async () => ready.pop();
  const prepare = () => {
    ready = Array.from({ length: sends }, () => new Response(ANSWER, { status: 201, headers: { "content-type": "application/json" } }));
  };
  try {
    const client = new sdk.WhatsAppClient({ botId: "bench", token: "t", baseUrl: "http://127.0.0.1:9" });
    const viaSdk = (i) => client.sendText(TO, `message ${i}`);
    const viaFetch = plainSender("http://127.0.0.1:9", "bench", "t");
    const batch = async (send) => {
      prepare();
      const t0 = performance.now();
      for (let i = 0; i < sends; i++) await send(i);
      return ((performance.now() - t0) * 1000) / sends;
    };
    // Warm-up: the first calls compile (JIT) both paths.
    await batch(viaSdk);
    await batch(viaFetch);
    const sdkRuns = [];
    const fetchRuns = [];
    for (let b = 0; b < batches; b++) {
      sdkRuns.push(await batch(viaSdk));
      fetchRuns.push(await batch(viaFetch));
    }
    return { sdkMicros: median(sdkRuns), fetchMicros: median(fetchRuns), sends, batches, sdkRuns, fetchRuns };
  } finally {
    globalThis.fetch = saved;
  }
}
