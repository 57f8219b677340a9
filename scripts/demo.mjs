// The main job: sends a WhatsApp text through the built package and prints the result.
// By default against the local emulator (no Sinch account needed); with SINCH_BOT_ID,
// SINCH_TOKEN and SINCH_REGION (us|eu) set, against the real Sinch API instead.
import { SinchError, WhatsAppClient } from "../pkg/node.js";
import { startEmulator } from "../tests/emulator/server.mjs";

const to = process.env.DEMO_TO ?? "+46732001122";
const text = process.env.DEMO_TEXT ?? "Hello from sinch-whatsapp (Rust → WebAssembly)";
const real = Boolean(process.env.SINCH_TOKEN);
const emulator = real ? undefined : await startEmulator({ port: 0, bots: { "demo-bot": "demo-token" } });

const client = real
  ? new WhatsAppClient({ botId: process.env.SINCH_BOT_ID, token: process.env.SINCH_TOKEN, region: process.env.SINCH_REGION ?? "eu" })
  : new WhatsAppClient({ botId: "demo-bot", token: "demo-token", baseUrl: emulator.url });

console.log(`client: ${client}  (JSON: ${JSON.stringify(client)})`);
try {
  const result = await client.sendText(to, text);
  for (const m of result.messages) console.log(`sent to ${m.recipient}: message id ${m.id} (${m.status}, ${m.state})`);
} catch (err) {
  if (!(err instanceof SinchError)) throw err;
  console.error(`failed: ${err.code}${err.status ? ` (HTTP ${err.status})` : ""}: ${err.message}`);
  process.exitCode = 1;
} finally {
  await emulator?.close();
}
