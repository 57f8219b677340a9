// The ./callbacks entry in a bundled page: verifies and parses the signed callback in the query.
import { parseCallback, verifyCallbackSignature } from "sinch-whatsapp/callbacks";

const q = new URLSearchParams(location.search);
const body = new TextEncoder().encode(q.get("body"));
const headers = new Headers(JSON.parse(q.get("headers")));
try {
  const verified = verifyCallbackSignature(body, headers, q.get("key"));
  const forged = verifyCallbackSignature(body, headers, "another-key");
  window.__outcome = { verified, forged, callback: parseCallback(body) };
} catch (err) {
  window.__outcome = { error: String(err) };
}
