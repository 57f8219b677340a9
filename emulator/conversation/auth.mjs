// The OAuth2 token endpoint (client credentials, brief §1.2) and the check of an API call's
// `Authorization`: a bearer token it issued and has not expired, or Basic `keyId:keySecret`
// (§1.3). The token endpoint has its own token bucket: 30 of burst, 10 a second (§1.2).
// Tokens are checked by their own signature and claims, as a JWT is: nothing is stored per
// token, so memory stays flat however long the emulator runs, and an expired token is told
// apart as expired for ever.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const BUCKET = { burst: 30, perSecond: 10 };
const base64url = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token-endpoint answer: `[status, body, headers]` in OAuth2's error form when not 200. */
const oauthError = (status, error, description, headers = {}) => [status, { error, error_description: description }, headers];

/** Constant-time equality of two strings. */
function same(a, b) {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Auth {
  /** @param {{ keyId: string, keySecret: string, tokenTtlSeconds: number, projectId: string }} app */
  constructor({ keyId, keySecret, tokenTtlSeconds, projectId }) {
    Object.assign(this, { keyId, keySecret, tokenTtlSeconds, projectId });
    this.signingKey = randomBytes(32);
    /** Tokens issued so far (each carries its number), and the first number `expireAll` left valid. */
    Object.assign(this, { issued: 0, firstValid: 0 });
    this.bucket = { tokens: BUCKET.burst, at: Date.now() };
  }

  /** Whether `Authorization: Basic …` names this emulator's key. */
  basicOk(header) {
    const m = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
    return Boolean(m) && same(Buffer.from(m[1], "base64").toString("utf8"), `${this.keyId}:${this.keySecret}`);
  }

  /** Takes one request from the token endpoint's bucket; false when it is empty. */
  take(now) {
    const b = this.bucket;
    b.tokens = Math.min(BUCKET.burst, b.tokens + ((now - b.at) / 1000) * BUCKET.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** `POST /oauth2/token`: `[status, body, headers]`. */
  token({ method, headers, text }, now = Date.now()) {
    if (!this.take(now)) return oauthError(429, "too_many_requests", "The token endpoint's rate limit is exceeded.");
    if (method !== "POST") return oauthError(405, "invalid_request", "Use POST.", { allow: "POST" });
    if (!this.basicOk(headers.authorization)) {
      return oauthError(401, "invalid_client", "Client authentication failed: send Authorization: Basic base64(keyId:keySecret).", { "www-authenticate": 'Basic realm="sinch"' });
    }
    if (!/^application\/x-www-form-urlencoded\b/i.test(headers["content-type"] ?? "")) {
      return oauthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
    }
    const grant = new URLSearchParams(text).get("grant_type");
    if (grant === null) return oauthError(400, "invalid_request", "grant_type is missing.");
    if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    return [200, this.issue(now), { "cache-control": "no-store", pragma: "no-cache" }];
  }

  /**
   * A new JWT-shaped token, valid `tokenTtlSeconds` from now (its `exp` claim: that time,
   * rounded down; `exp_ms` and its number `n` are the emulator's own claims).
   */
  issue(now) {
    const expires = now + this.tokenTtlSeconds * 1000;
    const [iat, exp] = [Math.floor(now / 1000), Math.floor(expires / 1000)];
    const claims = { sub: this.keyId, project_id: this.projectId, iat, exp, jti: randomBytes(8).toString("hex"), exp_ms: expires, n: this.issued++ };
    const head = `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(claims)}`;
    const token = `${head}.${this.sign(head)}`;
    return { access_token: token, token_type: "bearer", expires_in: this.tokenTtlSeconds, scope: "" };
  }

  /** The signature of `head`: HMAC-SHA256 with this emulator's key, base64url. */
  sign(head) {
    return createHmac("sha256", this.signingKey).update(head).digest("base64url");
  }

  /** The claims of `token` when this emulator signed it, else `undefined`. */
  claims(token) {
    const [header, payload, signature, ...rest] = token.split(".");
    if (signature === undefined || rest.length > 0 || !same(signature, this.sign(`${header}.${payload}`))) return undefined;
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  }

  /** Every token issued so far expires now. */
  expireAll() {
    this.firstValid = this.issued;
  }

  /** `undefined` when `Authorization` is good, else the 401's `{ message, challenge }`. */
  check(header, now = Date.now()) {
    if (/^Basic /i.test(header ?? "")) {
      return this.basicOk(header) ? undefined : { message: "The key id or key secret is wrong.", challenge: 'Basic realm="sinch"' };
    }
    const token = /^Bearer (\S+)$/i.exec(header ?? "")?.[1];
    const claims = token === undefined ? undefined : this.claims(token);
    if (claims === undefined) {
      return { message: "The access token is missing or invalid.", challenge: 'Bearer error="invalid_token", error_description="The access token is invalid"' };
    }
    if (claims.exp_ms <= now || claims.n < this.firstValid) {
      return { message: "The access token expired.", challenge: 'Bearer error="invalid_token", error_description="The access token expired"' };
    }
    return undefined;
  }
}
