// Another origin for redirect tests, as an attacker would run it: it records every
// request and answers 201 with a receipt of its own message ids, with CORS open to
// any page and header.
import { createServer } from "node:http";

export const FOREIGN_ID = "F0REIGN0000000000000000000";

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
};

/** Starts it on 127.0.0.1: `{ url, requests, close }`; preflights are not recorded. */
export async function startForeign() {
  const requests = [];
  const server = createServer((req, res) => {
    if (req.method === "OPTIONS") return res.writeHead(204, CORS).end();
    const chunks = [];
    req.on("data", (c) => chunks.push(c)).on("end", () => {
      requests.push({ method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const status = { message_id: FOREIGN_ID, recipient: "+46732001122", status: "success", state: "queued" };
      res.writeHead(201, { ...CORS, "content-type": "application/json" }).end(JSON.stringify({ type: "whatsapp", statuses: [status] }));
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => (server.closeAllConnections(), new Promise((ok) => server.close(ok))) };
}
