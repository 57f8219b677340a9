// A Worker that uses the client with api: "conversation" (tests/js/conversation.test.mjs).
// One client per isolate, so that its token cache lives across requests as in production;
// each request names what to do: `{ op, args, options? }` (options: a fresh client).
import * as sdk from "sinch-whatsapp";

let shared;
const create = (env, options) =>
  new sdk.WhatsAppClient({
    api: "conversation", projectId: "project-1", appId: "app-1", keyId: "key-1", keySecret: env.KEY_SECRET,
    baseUrl: env.EMULATOR_URL, authUrl: `${env.EMULATOR_URL}/oauth2/token`, ...options,
  });

/** Runs `op` on `client`: one method, a burst of sends, or every call of a list (each outcome kept). */
async function run(client, op, args) {
  if (op === "burst") return (await Promise.all(Array.from({ length: args[0] }, (_, i) => client.sendText("+46732001122", `burst ${i}`)))).length;
  if (op === "each") {
    const outcomes = [];
    for (const [method, methodArgs] of args) {
      try {
        outcomes.push([method, "ok", await client[method](...methodArgs)]);
      } catch (err) {
        outcomes.push([method, err instanceof sdk.SinchError ? err.code : "not a SinchError", err.message]);
      }
    }
    return outcomes;
  }
  return client[op](...args);
}

export default {
  async fetch(request, env) {
    const { op, args = [], options } = await request.json();
    const client = options ? create(env, options) : (shared ??= create(env, {}));
    const shown = { json: JSON.parse(JSON.stringify(client)), string: String(client) };
    try {
      return Response.json({ ok: true, result: await run(client, op, args), ...shown });
    } catch (err) {
      return Response.json({ ok: false, isSinchError: err instanceof sdk.SinchError, error: err.toJSON?.() ?? String(err), ...shown });
    }
  },
};
