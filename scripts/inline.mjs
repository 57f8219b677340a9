// Makes an entry of pkg/ one ES module: every `.js` it imports by relative path (the
// wasm-bindgen glue, the JS faces, api.js) is put in, in dependency order, with its
// import and export statements taken out and one `export { … }` at the end. Other
// imports (`node:…`, the `.wasm` in workerd.js) stay imports. A runtime then loads one
// module instead of a chain of seven (the Node and workerd startup budgets of issue 12).
//   node scripts/inline.mjs pkg/node.js [more entries…]   (each rewritten in place)
//
// It reads only the statement forms our modules and wasm-bindgen's glue use, at the
// start of a line; a form it does not know (`export default`, `import * as`) stops the
// build, and so does a result Node cannot parse (a name declared in two modules).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const IMPORT = /^import\s+(?:([^;]*?)\s+from\s+)?["']([^"']+)["'];?[ \t]*\n?/gm;
const EXPORT_FROM = /^export\s+(\*|\{[^}]*\})\s+from\s+["']([^"']+)["'];?[ \t]*\n?/gm;
const EXPORT_LIST = /^export\s+\{([^}]*)\};?[ \t]*\n?/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?\s*|class\s+|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/gm;

const inlined = (spec) => spec.startsWith("./") && spec.endsWith(".js");
const fail = (file, what) => {
  throw new Error(`scripts/inline.mjs: ${file}: ${what}`);
};

/** `a, b as c` → [["a", "a"], ["b", "c"]]: each name before `as`, and after it. */
const pairs = (list) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, alias = name] = s.split(/\s+as\s+/);
      return [name, alias];
    });

/** One module: its body without imports and exports, and what it imports and exports. */
function read(path) {
  const file = relative(process.cwd(), path);
  let body = readFileSync(path, "utf8");
  const imports = []; // { spec, bindings: [[imported, local]] } of inlined modules
  const external = []; // import statements kept as they are
  const exports = new Map(); // exported name → local name
  const reexports = []; // { spec, names: [[imported, exported]] | "*" }
  body = body.replace(IMPORT, (statement, clause, spec) => {
    if (!inlined(spec)) {
      external.push(statement.trim());
      return "";
    }
    const bindings = [];
    for (const part of (clause ?? "").split(/,(?![^{]*\})/).map((s) => s.trim()).filter(Boolean)) {
      if (part.startsWith("{")) bindings.push(...pairs(part.slice(1, -1)));
      else if (part.startsWith("*")) fail(file, `namespace import of ${spec} is not supported`);
      else bindings.push(["default", part]);
    }
    imports.push({ spec, bindings });
    return "";
  });
  body = body.replace(EXPORT_FROM, (_, what, spec) => {
    if (!inlined(spec)) fail(file, `re-export from ${spec} is not supported`);
    reexports.push({ spec, names: what === "*" ? "*" : pairs(what.slice(1, -1)) });
    imports.push({ spec, bindings: [] });
    return "";
  });
  body = body.replace(EXPORT_LIST, (_, list) => {
    for (const [local, name] of pairs(list)) exports.set(name, local);
    return "";
  });
  body = body.replace(EXPORT_DECL, (_, keyword, name) => {
    exports.set(name, name);
    return keyword + name;
  });
  if (/^export\s/m.test(body)) fail(file, "an export form this script does not know");
  return { path, file, body: body.replace(/^\n+/, ""), imports, external, exports, reexports };
}

/** The entry at `path` with everything it imports by relative `.js` path put in. */
function inline(path) {
  const modules = new Map(); // path → module, in dependency order once visited
  const visit = (p, from) => {
    if (modules.has(p)) {
      if (modules.get(p) === null) fail(p, `an import cycle through ${from}`);
      return modules.get(p);
    }
    modules.set(p, null);
    const m = read(p);
    for (const { spec } of m.imports) visit(join(dirname(p), spec), m.file);
    modules.delete(p);
    modules.set(p, m);
    return m;
  };
  const entry = visit(path);
  const of = (m, spec) => modules.get(join(dirname(m.path), spec));

  /** The local name of what module `m` exports as `name`. */
  const resolve = (m, name) => {
    if (m.exports.has(name)) return m.exports.get(name);
    for (const { spec, names } of m.reexports) {
      if (names === "*") {
        if (name !== "default" && exported(of(m, spec)).has(name)) return resolve(of(m, spec), name);
      } else {
        const hit = names.find(([, as]) => as === name);
        if (hit) return resolve(of(m, spec), hit[0]);
      }
    }
    return fail(m.file, `does not export ${name}`);
  };
  /** Every name module `m` exports. */
  const exported = (m) => {
    const names = new Set(m.exports.keys());
    for (const { spec, names: list } of m.reexports) {
      if (list === "*") for (const n of exported(of(m, spec))) n !== "default" && names.add(n);
      else for (const [, as] of list) names.add(as);
    }
    return names;
  };

  const external = new Set();
  const parts = [];
  for (const m of modules.values()) {
    m.external.forEach((s) => external.add(s));
    // An import under another name than its module declares becomes an alias.
    const aliases = m.imports.flatMap(({ spec, bindings }) =>
      bindings.flatMap(([name, local]) => {
        const target = resolve(of(m, spec), name);
        return target === local ? [] : [`const ${local} = ${target};\n`];
      }),
    );
    parts.push(`// ---- ${relative(dirname(path), m.path)}\n${aliases.join("")}${m.body.trimEnd()}\n`);
  }
  const list = [...exported(entry)].sort().map((name) => {
    const local = resolve(entry, name);
    return local === name ? name : `${local} as ${name}`;
  });
  const head = `// Generated by scripts/build.sh (scripts/inline.mjs) from js/package/ and wasm-bindgen's glue: one module.\n`;
  return `${head}${[...external].map((s) => `${s}\n`).join("")}\n${parts.join("\n")}\nexport { ${list.join(", ")} };\n`;
}

for (const path of process.argv.slice(2)) {
  const text = inline(path);
  try {
    execFileSync(process.execPath, ["--input-type=module", "--check"], { input: text, stdio: ["pipe", "inherit", "inherit"] });
  } catch {
    fail(path, "the module put together does not parse (Node's error above; a top-level name in two modules?)");
  }
  writeFileSync(path, text);
}
