// A Worker that uses the package the way a Cloudflare Worker would (tests/support/worker.mjs
// points the import at the file the package's "workerd" export condition names).
import * as sdk from "sinch-whatsapp";

export default {
  async fetch(request, env) {
    const { token, to, text, timeoutMs, options } = await request.json();
    const client = new sdk.WhatsAppClient({ botId: env.BOT_ID, token, baseUrl: env.EMULATOR_URL, timeoutMs, ...options });
    try {
      const result = await client.sendText(to, text);
      return Response.json({ ok: true, result, client: JSON.parse(JSON.stringify(client)), hasWindow: "window" in globalThis });
    } catch (err) {
      return Response.json({ ok: false, isSinchError: err instanceof sdk.SinchError, error: err.toJSON?.() ?? String(err) });
    }
  },
};
