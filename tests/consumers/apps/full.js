// The full entry in a bundled page: sends one text to the emulator named in the query.
import { SinchError, WhatsAppClient } from "sinch-whatsapp";

const q = new URLSearchParams(location.search);
const client = new WhatsAppClient({ botId: q.get("bot"), token: q.get("token"), baseUrl: q.get("emulator"), dangerouslyAllowBrowser: true });
window.__outcome = client.sendText("+46732001122", "from a consumer app").then(
  (result) => ({ id: result.messages[0].id }),
  (err) => ({ error: String(err), isSinchError: err instanceof SinchError }),
);
