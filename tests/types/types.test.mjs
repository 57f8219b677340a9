// The public TypeScript of the built package (pkg/, after scripts/build.sh), as a user meets it:
// a fresh consumer project with the packed tarball installed, resolved through its `exports`.
// The consumer files (usage.ts: the full entry; callbacks.ts; preflight.ts) are type-checked with
// `strict` and `skipLibCheck: false`, no @types/node, in every environment × module resolution;
// their `@ts-expect-error` lines are what must not compile. Then no `any` may be reachable from an
// export of any entry, and the types declare the runtime's exports, no more and no fewer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { anyReachable } from "./reachable.mjs";
import { packedProject } from "../consumers/project.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const consumers = ["usage.ts", "callbacks.ts", "preflight.ts"];
const entries = { "sinch-whatsapp": "", "sinch-whatsapp/callbacks": "callbacks", "sinch-whatsapp/preflight": "preflight" };

const environments = {
  "es2020 + dom": { lib: ["lib.es2020.d.ts", "lib.dom.d.ts"], types: [] },
  "es2022 + webworker": { lib: ["lib.es2022.d.ts", "lib.webworker.d.ts"], types: [] },
  "@cloudflare/workers-types": { lib: ["lib.es2022.d.ts"], types: ["@cloudflare/workers-types"] },
};
const resolutions = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
};

/**
 * A consumer project as a user makes one: the packed tarball of pkg/ installed offline into a
 * temporary folder (no node_modules above it), so only what ships is there.
 */
async function consumerProject() {
  const { dir: temp, project } = await packedProject();
  mkdirSync(join(project, "node_modules", "@cloudflare"));
  symlinkSync(join(root, "node_modules", "@cloudflare", "workers-types"), join(project, "node_modules", "@cloudflare", "workers-types"));
  for (const file of consumers) cpSync(join(here, file), join(project, file));
  return { temp, project };
}

const { temp, project: dir } = await consumerProject();
process.on("exit", () => rmSync(temp, { recursive: true, force: true }));

// Lib and package files are parsed once and shared by the programs below.
const parsed = new Map();
const baseHost = ts.createCompilerHost({});
function host(options) {
  const h = ts.createCompilerHost(options);
  h.getSourceFile = (fileName, version, ...rest) => {
    const key = `${fileName}|${typeof version === "object" ? `${version.languageVersion}|${version.impliedNodeFormat}` : version}`;
    if (!parsed.has(key)) parsed.set(key, baseHost.getSourceFile(fileName, version, ...rest));
    return parsed.get(key);
  };
  return h;
}

/** A program over the consumer files in one environment and module resolution. */
function program(environment, resolution) {
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2020,
    ...environments[environment],
    ...resolutions[resolution],
  };
  return ts.createProgram({ rootNames: consumers.map((file) => join(dir, file)), options, host: host(options) });
}

const format = (diagnostics) =>
  ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => "\n" });

for (const environment of Object.keys(environments)) {
  for (const resolution of Object.keys(resolutions)) {
    test(`the consumer files type-check: ${environment}, moduleResolution ${resolution}`, () => {
      const p = program(environment, resolution);
      const diagnostics = ts.getPreEmitDiagnostics(p);
      assert.equal(diagnostics.length, 0, format(diagnostics));
      const files = p.getSourceFiles().map((f) => relative(dir, f.fileName));
      // Each entry's declarations are reached through `exports`, in the installed copy.
      for (const folder of Object.values(entries)) {
        assert.ok(files.includes(join("node_modules", "sinch-whatsapp", folder, "index.d.ts")), files.join("\n"));
      }
      assert.ok(!files.some((f) => f.includes(`@types${sep}node`)), "no @types/node");
      // Nothing of wasm-bindgen's own declarations is part of the public types.
      assert.ok(!files.some((f) => f.endsWith("sinch_whatsapp.d.ts")), files.join("\n"));
    });
  }
}

test("the package ships no wasm-bindgen declarations (sinch_whatsapp.d.ts, *_bg.wasm.d.ts)", () => {
  for (const folder of Object.values(entries)) {
    const shipped = readdirSync(join(root, "pkg", folder)).filter((f) => f.endsWith(".d.ts"));
    assert.deepEqual(shipped.sort(), ["index.d.ts", "sinch_error.d.ts"], folder || "pkg/");
  }
});

test("no `any` is reachable from an export of any entry", () => {
  const p = program("es2020 + dom", "bundler");
  for (const [name, folder] of Object.entries(entries)) {
    const file = p.getSourceFile(join(dir, "node_modules", "sinch-whatsapp", folder, "index.d.ts"));
    assert.ok(file, name);
    assert.deepEqual(anyReachable(p, file), [], name);
  }
});

test("the any check finds an `any` however deep (a check that cannot fail is no check)", () => {
  const bad = join(dir, "bad.d.ts");
  writeFileSync(bad, [
    'import type { Callback } from "sinch-whatsapp";',
    "export {};",
    "interface Deep { list: Promise<{ a: [string, Map<string, any>] }[]> }",
    "export declare class C { m(cb: (x: Deep) => void): void }",
    "export type Fine = Callback;",
    "export declare function f(x: unknown, ...rest: Parameters<(y: number) => void>): { [k: string]: any };",
  ].join("\n"));
  const options = { strict: true, noEmit: true, lib: ["lib.es2020.d.ts", "lib.dom.d.ts"], types: [], ...resolutions.bundler };
  const p = ts.createProgram({ rootNames: [bad], options, host: host(options) });
  assert.deepEqual(anyReachable(p, p.getSourceFile(bad)).sort(), ["C.m(cb)(x).list<0><0>.a<1><1>", "f().[string]"]);
});

test("the types declare exactly the runtime's exports (initSync is for the repo's tests only)", async () => {
  const p = program("es2020 + dom", "bundler");
  const checker = p.getTypeChecker();
  for (const [name, folder] of Object.entries(entries)) {
    const file = p.getSourceFile(join(dir, "node_modules", "sinch-whatsapp", folder, "index.d.ts"));
    const declared = checker
      .getExportsOfModule(checker.getSymbolAtLocation(file))
      .filter((s) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0)
      .map((s) => s.name);
    const runtime = Object.keys(await import(pathToFileURL(join(root, "pkg", folder, "node.js")))).filter((n) => n !== "initSync");
    assert.deepEqual(declared.sort(), runtime.sort(), name);
  }
});
