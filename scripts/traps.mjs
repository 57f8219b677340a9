// What a trapping panic leaves in the optimized .wasm, taken out in two passes around a
// second `wasm-opt` run (scripts/build.sh):
//   node scripts/traps.mjs stub FILE.wasm   (rewritten in place)
//   node scripts/traps.mjs zero FILE.wasm   (rewritten in place)
//
// `stub`: the wasm build's panic handler traps (src/lib.rs), so a panic's last function (an
// inlined `panic_fmt`, alloc's `handle_alloc_error`) only writes its message's pieces and
// location into a new stack frame, then traps. Such a function — straight-line code that
// only lowers the stack pointer into locals and stores values of constants, locals and
// arithmetic at those locals, then `unreachable`; no call, load or branch — becomes
// `unreachable` alone: it traps as before, and what it wrote below the stack pointer was
// never read (a trap ends the call; the glue reads no memory after one). `wasm-opt` then
// drops the arguments its callers passed: the addresses of alloc's panic texts.
//
// `zero`: those texts stay in the data segment, laid out by the linker, which `wasm-opt`
// cannot shrink. Each known one (alloc's panic messages and `/rustc/…` file names, their
// 16-byte `Location`s, core's `00`…`99` digit table, which only alloc's message formatting
// reads) is overwritten with zeros when nothing refers to it any more: no `i32.const` or
// memory offset in the code (an i64 constant's halves included: a pointer and a length are
// stored as one), and no aligned word of the data (outside what is zeroed) holding an address within
// it. That suffices because code forms the address of a byte only from a pointer into the
// object that holds it (Rust reads no object past its end): a constant base with a field's
// offset stays within its object. A text still referred to is left as it is. Then each data
// segment ends at its last byte that is not zero (the memory starts zeroed): the zeroed texts
// at the end of one go from the file.
import binaryen from "binaryen";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { leb, uleb } from "./leb128.mjs";
import { defined, read } from "./module.mjs";

const [mode, file] = process.argv.slice(2);
const bytes = readFileSync(file);

/** Whether `e` only reads locals, globals and constants and computes (no call, load or branch). */
function plain(e) {
  const id = binaryen.getExpressionId(e);
  if (id === binaryen.ConstId || id === binaryen.LocalGetId || id === binaryen.GlobalGetId) return true;
  const info = binaryen.getExpressionInfo(e);
  if (id === binaryen.BinaryId) return plain(info.left) && plain(info.right);
  return id === binaryen.UnaryId && plain(info.value);
}

/** `e` as a list of statements (blocks opened). */
function statements(e, out = []) {
  if (binaryen.getExpressionId(e) !== binaryen.BlockId) out.push(e);
  else for (const child of binaryen.getExpressionInfo(e).children) statements(child, out);
  return out;
}

/**
 * Whether `list` only opens stack frames (`global.set $sp (local.tee $f (i32.sub (global.get $sp)
 * (i32.const n)))`, one stack pointer) and stores plain values into them (`store (local.get $f) …`).
 */
function framesOnly(list) {
  const frames = new Set();
  let sp;
  const is = (e, id) => binaryen.getExpressionId(e) === id;
  for (const e of list) {
    const info = binaryen.getExpressionInfo(e);
    if (is(e, binaryen.GlobalSetId)) {
      const tee = binaryen.getExpressionInfo(info.value);
      if (!is(info.value, binaryen.LocalSetId) || !tee.isTee || !is(tee.value, binaryen.BinaryId)) return false;
      const sub = binaryen.getExpressionInfo(tee.value);
      if (sub.op !== binaryen.SubInt32 || !is(sub.left, binaryen.GlobalGetId) || !is(sub.right, binaryen.ConstId)) return false;
      sp ??= info.name;
      if (info.name !== sp || binaryen.getExpressionInfo(sub.left).name !== sp) return false;
      frames.add(tee.index);
    } else if (is(e, binaryen.StoreId)) {
      if (!is(info.ptr, binaryen.LocalGetId) || !frames.has(binaryen.getExpressionInfo(info.ptr).index)) return false;
      if (!plain(info.value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function stub() {
  const module = read(bytes);
  const names = [];
  for (const { name, body } of defined(module)) {
    const list = statements(body);
    const last = list.pop();
    if (list.length && binaryen.getExpressionId(last) === binaryen.UnreachableId && framesOnly(list)) names.push(name);
  }
  for (const name of names) {
    const { params, results, vars } = binaryen.getFunctionInfo(module.getFunction(name));
    module.removeFunction(name);
    module.addFunction(name, params, results, vars, module.unreachable());
  }
  if (!module.validate()) throw new Error(`${file}: invalid after stubbing ${names}`);
  console.log(`${file}: ${names.length} trapping functions stubbed`);
  writeFileSync(file, module.emitBinary());
}

/** The active data segments: `{ address, at (file offset), length }`. */
function segments() {
  const found = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (id === 11) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        const [flags, q] = leb(bytes, p);
        // Only the form wasm-ld writes: memory 0, `i32.const` offset (a positive one here).
        if (flags !== 0 || bytes[q] !== 0x41) throw new Error(`${file}: unexpected data segment`);
        const [address, r] = leb(bytes, q + 1);
        if (bytes[r] !== 0x0b) throw new Error(`${file}: unexpected data segment offset`);
        const [length, data] = leb(bytes, r + 1);
        found.push({ address, at: data, length });
        p = data + length;
      }
    }
    at = start + size;
  }
  return found;
}

function zero() {
  const text = binaryen.readBinary(bytes).emitText();
  // Every constant and memory offset the code and globals hold (the segments' own offsets left out).
  const code = text.split("\n").filter((line) => !line.trimStart().startsWith("(data "));
  const refs = new Set();
  for (const line of code) {
    for (const [, kind, n] of line.matchAll(/(i32\.const |i64\.const |offset=)(-?\d+)/g)) {
      // An i64 constant may be a pointer and a length stored at once: both halves count.
      const value = BigInt.asUintN(64, BigInt(n));
      refs.add(Number(value & 0xffffffffn));
      if (kind === "i64.const ") refs.add(Number(value >> 32n));
    }
  }
  const data = segments();
  const latin = Buffer.from(bytes).toString("latin1");
  const digits = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join("");
  const known = [
    /\/rustc\/[0-9a-f]{40}\/library\/[a-z_]+\/src\/[a-z_/]+\.rs/g,
    /memory allocation of /g,
    / bytes failed/g,
    /Tried to shrink to a larger capacity/g,
    /capacity overflow/g,
    new RegExp(digits, "g"),
  ];
  // A match is found by its content, so a text of the crate's own containing one would lose its
  // tail: the build stops if one does (the crate's sources, where its texts are written).
  const sources = readdirSync("src", { recursive: true }).filter((f) => f.endsWith(".rs"));
  for (const f of sources) {
    const source = readFileSync(join("src", f), "latin1");
    if (known.some((pattern) => source.search(new RegExp(pattern.source)) >= 0)) {
      throw new Error(`src/${f} holds a text traps.mjs zeroes as alloc's: reword it`);
    }
  }
  const addressOf = (offset) => {
    const s = data.find(({ at, length }) => offset >= at && offset < at + length);
    return s && s.address + (offset - s.at);
  };
  const fileOf = (address) => {
    const s = data.find((s) => address >= s.address && address < s.address + s.length);
    return s && s.at + (address - s.address);
  };
  // Ranges (addresses) to zero: the texts, then the `Location`s (ptr, len, line, column) of a path.
  const ranges = [];
  for (const pattern of known) {
    for (const m of latin.matchAll(pattern)) {
      const address = addressOf(m.index);
      if (address !== undefined) ranges.push([address, address + m[0].length]);
    }
  }
  const word = (address) => bytes.readUInt32LE(fileOf(address));
  for (const s of data) {
    for (let a = s.address + ((4 - (s.address % 4)) % 4); a + 16 <= s.address + s.length; a += 4) {
      const [ptr, len] = [word(a), word(a + 4)];
      if (ranges.some(([from, to]) => ptr === from && len === to - from && latin[fileOf(from)] === "/")) ranges.push([a, a + 16]);
    }
  }
  const inside = (value, [from, to]) => value >= from && value < to;
  // The data's words at 4-byte-aligned addresses: where wasm32 Rust lays out a pointer (its
  // statics have no packed structs). Not every byte: four bytes of a table that read as an
  // address by chance (the full wasm's audio magics, `fLaC` and the byte after, in session 34)
  // would keep a text alive.
  const words = [];
  for (const s of data) {
    for (let a = s.address + ((4 - (s.address % 4)) % 4); a + 4 <= s.address + s.length; a += 4) words.push([a, word(a)]);
  }
  // Drop what is still referred to, until nothing changes (a dropped range keeps its words alive).
  let kept = ranges;
  for (let changed = true; changed; ) {
    const live = kept.filter((range) =>
      ![...refs].some((ref) => inside(ref, range)) &&
      !words.some(([at, value]) => inside(value, range) && !kept.some((other) => inside(at, other) && inside(at + 3, other))),
    );
    changed = live.length !== kept.length;
    kept = live;
  }
  for (const [from, to] of kept) bytes.fill(0, fileOf(from), fileOf(from) + (to - from));
  const zeroed = kept.reduce((sum, [from, to]) => sum + to - from, 0);
  console.log(`${file}: ${kept.length} of ${ranges.length} panic texts and locations, referred to by nothing, zeroed (${zeroed} B)`);
  writeFileSync(file, trimmed());
}

/**
 * `bytes` with each data segment's trailing zeros left out (the zeroed texts at the end of one
 * among them): the module's memory starts zeroed and no two segments overlap.
 */
function trimmed() {
  const out = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (id !== 11) {
      out.push(bytes.subarray(at, start + size));
      at = start + size;
      continue;
    }
    let [count, p] = leb(bytes, start);
    const body = [Buffer.from(uleb(count))];
    for (; count > 0; count--) {
      // Flags 0 and an `i32.const` offset (segments() checked), kept as they are.
      let q = p + 2;
      while (bytes[q] & 0x80) q++;
      q++; // the `end` after the offset
      if (bytes[q] !== 0x0b) throw new Error(`${file}: unexpected data segment offset`);
      const [length, data] = leb(bytes, q + 1);
      let end = data + length;
      while (end > data && bytes[end - 1] === 0) end--;
      body.push(bytes.subarray(p, q + 1), Buffer.from(uleb(end - data)), bytes.subarray(data, end));
      p = data + length;
    }
    const section = Buffer.concat(body);
    out.push(Buffer.from([id, ...uleb(section.length)]), section);
    at = start + size;
  }
  return Buffer.concat(out);
}

if (mode === "stub") stub();
else if (mode === "zero") zero();
else throw new Error("usage: node scripts/traps.mjs stub|zero FILE.wasm");
