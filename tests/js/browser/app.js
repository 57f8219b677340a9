// Loaded by the direct-import page and by the Vite-built bundle alike: sends one
// text to the emulator named in the query string and exposes the outcome.
import { SinchError, WhatsAppClient } from "sinch-whatsapp";

const params = new URLSearchParams(location.search);

async function run() {
  const options = { botId: params.get("bot"), token: params.get("token"), baseUrl: params.get("emulator") };
  // A token in a page is refused unless the caller opts in loudly.
  let refused;
  try {
    new WhatsAppClient(options);
  } catch (err) {
    refused = { code: err.code, field: err.field, mentionsRelay: err.message.includes("relay") };
  }
  const client = new WhatsAppClient({ ...options, dangerouslyAllowBrowser: true });
  try {
    const result = await client.sendText("+46732001122", "from a browser");
    return { ok: true, refused, result, client: JSON.parse(JSON.stringify(client)) };
  } catch (err) {
    return { ok: false, isSinchError: err instanceof SinchError, error: err.toJSON?.() ?? String(err) };
  }
}

window.__outcome = run();
