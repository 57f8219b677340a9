// Loaded by the direct-import page and by the Vite-built bundle alike: sends one
// text to the emulator named in the query string and exposes the outcome.
import { SinchError, WhatsAppClient } from "sinch-whatsapp";

const params = new URLSearchParams(location.search);

async function run() {
  const client = new WhatsAppClient({ botId: params.get("bot"), token: params.get("token"), baseUrl: params.get("emulator") });
  try {
    const result = await client.sendText("+46732001122", "from a browser");
    return { ok: true, result, client: JSON.parse(JSON.stringify(client)) };
  } catch (err) {
    return { ok: false, isSinchError: err instanceof SinchError, error: err.toJSON?.() ?? String(err) };
  }
}

window.__outcome = run();
