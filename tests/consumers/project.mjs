// A fresh project as a user makes one: `npm pack` of the built pkg/ into a temp folder, the
// tarball installed offline from the file (the package has no dependencies), so every import
// goes through the packed package.json's `exports` and only what ships is there.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { root } from "../js/support.mjs";

export const run = promisify(execFile);

/**
 * Packs pkg/ and installs the tarball into `<temp>/project`. Returns the project's path,
 * `npm pack --json`'s record of the tarball, an environment with its own npm cache (nothing
 * outside the temp folder is read or written) and `remove()`.
 */
export async function packedProject() {
  const dir = await mkdtemp(join(tmpdir(), "sinch-whatsapp-consumer-"));
  const env = { ...process.env, npm_config_cache: join(dir, "cache"), npm_config_update_notifier: "false" };
  const npm = (args, cwd) => run("npm", args, { cwd, env });
  const [packed] = JSON.parse((await npm(["pack", "--json", "--pack-destination", dir, join(root, "pkg")], dir)).stdout);
  const project = join(dir, "project");
  await mkdir(project);
  await writeFile(join(project, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
  await npm(["install", "--offline", "--no-audit", "--no-fund", join(dir, packed.filename)], project);
  return { dir, project, packed, env, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `files` ({ relative path: text }) under `dir`, making folders as needed. */
export async function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(file, text);
  }
}
