// Fault kinds a hostile network or server could produce, for the emulator's fault
// injection: a redirect, and a body far larger than any answer, streamed without
// holding it in memory (or sent gzipped, small until inflated).
import { gzipSync } from "node:zlib";

const CHUNK = 64 * 1024;

/**
 * Kind `redirect`: answers `status` (default 307) with `Location: location` (when
 * given) and an empty body, before the request is acted on.
 */
export function redirect(res, { status = 307, location }, cors) {
  const headers = location === undefined ? cors : { ...cors, location };
  res.writeHead(status, headers).end();
}

/**
 * Kind `huge_body`: answers `status` with `value` as JSON followed by spaces (still
 * valid JSON) up to `bytes` in all (default 100 MiB), written chunk by chunk as
 * the client reads it, never held whole. Chunked unless `contentLength: true`.
 * Stops when the client goes away. With `gzip: true`, the body is sent gzipped
 * (`Content-Encoding: gzip`, its Content-Length the compressed size: a few KiB that
 * inflate to `bytes`); it is held whole while compressed, so keep `bytes` to some MiB.
 */
export function hugeBody(res, status, value, { bytes = 100 * 2 ** 20, contentLength = false, gzip = false }, cors) {
  const head = Buffer.from(value === undefined ? "" : JSON.stringify(value));
  const total = Math.max(bytes, head.length);
  if (gzip) {
    const zipped = gzipSync(Buffer.concat([head, Buffer.alloc(total - head.length, " ")]));
    const headers = { "content-type": "application/json", "content-encoding": "gzip", "content-length": zipped.length };
    return void res.writeHead(status, { ...cors, ...headers }).end(zipped);
  }
  const length = contentLength ? { "content-length": total } : {};
  res.writeHead(status, { ...cors, "content-type": "application/json", ...length });
  res.write(head);
  const filler = Buffer.alloc(CHUNK, " ");
  let left = total - head.length;
  const pump = () => {
    while (left > 0) {
      if (res.destroyed) return;
      const piece = left >= CHUNK ? filler : filler.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}
