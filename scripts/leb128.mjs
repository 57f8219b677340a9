// LEB128, as the .wasm rewrites (scripts/glue.mjs, scripts/traps.mjs, scripts/order.mjs) read and write it.

/** An unsigned LEB128 at `at` in `bytes` (also a non-negative signed one): [value, the offset after it]. */
export function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** `n` as an unsigned LEB128: its bytes. */
export const uleb = (n) => {
  const out = [];
  do {
    out.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return out;
};
