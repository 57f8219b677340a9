// The package as a user gets it: `npm pack`, installed from the tarball into a fresh
// project with no registry (it has no dependencies), then run with `npx` and imported.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const BIN = "sinch-whatsapp-emulator";
let dir, project, packed, env;

const npm = (args, cwd) => promisify(execFile)("npm", args, { cwd, env });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "emulator-package-"));
  // Its own npm cache and no update check: nothing outside `dir` is read or written.
  env = { ...process.env, npm_config_cache: join(dir, "cache"), npm_config_update_notifier: "false" };
  const { stdout } = await npm(["pack", "--json", "--pack-destination", dir, HERE], dir);
  [packed] = JSON.parse(stdout);
  project = join(dir, "project");
  await mkdir(project);
  await writeFile(join(project, "package.json"), '{ "name": "user-project", "private": true, "type": "module" }\n');
  await npm(["install", "--offline", "--no-audit", "--no-fund", join(dir, packed.filename)], project);
});
after(() => rm(dir, { recursive: true, force: true }));

test("the tarball holds the emulator, its README and LICENSE, and no tests", () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "LICENSE", "README.md", "api.mjs", "bin.mjs", "callbacks.mjs", "conversation/api.mjs", "conversation/auth.mjs", "conversation/check.mjs",
    "conversation/message.mjs", "conversation/reports.mjs", "conversation/requests.mjs", "conversation/webhooks.mjs", "network-faults.mjs",
    "package.json", "server.d.ts", "server.mjs", "validate.mjs",
  ]);
  assert.equal(packed.name, BIN);
});

test("npx sinch-whatsapp-emulator serves the API and stops cleanly on Ctrl-C", { timeout: 30_000 }, async () => {
  // Its own process group, signalled as a whole, as a terminal's Ctrl-C is.
  const args = ["--offline", BIN, "--port", "0", "--bot", "my-bot:my-token"];
  const child = spawn("npx", args, { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = once(child, "exit");
  const group = (signal) => process.kill(-child.pid, signal);
  try {
    while (!stdout.includes("\nbots:")) await Promise.race([once(child.stdout, "data"), exited]);
    const url = /^sinch-whatsapp-emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
    assert.ok(url, stdout + stderr);

    const res = await fetch(`${url}/whatsapp/v1/my-bot/messages`, {
      method: "POST",
      headers: { authorization: "Bearer my-token", "content-type": "application/json" },
      body: JSON.stringify({ to: ["46732001122"], message: { type: "text", text: "hi" } }),
    });
    assert.equal(res.status, 201);
    const { type, statuses } = await res.json();
    assert.equal(type, "whatsapp");
    assert.equal(statuses.length, 1);
    assert.match(statuses[0].message_id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.deepEqual({ ...statuses[0], message_id: "" }, { message_id: "", recipient: "46732001122", status: "success", state: "queued" });

    group("SIGINT");
    await exited;
    assert.match(stdout, /^sinch-whatsapp-emulator stopped$/m, stderr);
    assert.equal(stderr, "");
    await assert.rejects(fetch(url), "the port is closed");
    assert.throws(() => group(0), { code: "ESRCH" }, "no process of the group is left");
  } finally {
    try {
      group("SIGKILL");
    } catch {}
  }
});

test("the installed package exports startEmulator, sign and signConversation, and serves the Conversation API", async () => {
  const code = `
    import { sign, signConversation, startEmulator } from "sinch-whatsapp-emulator";
    const emu = await startEmulator({ bots: { b: "t" } });
    const res = await fetch(emu.url + "/whatsapp/v1/b/provision/blacklist", { headers: { authorization: "Bearer t" } });
    const token = await fetch(emu.url + "/oauth2/token", { method: "POST", headers: { authorization: "Basic " + btoa("key-1:secret-1"), "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    console.log(res.status, JSON.stringify(await res.json()), sign("{}", "n", "k"), signConversation("{}", "n", "1", "k"), token.status);
    await emu.close();`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", code], { cwd: project });
  const expected = (await import("./callbacks.mjs")).sign("{}", "n", "k");
  const conversation = (await import("./conversation/webhooks.mjs")).signConversation("{}", "n", "1", "k");
  assert.equal(stdout, `200 {"numbers":[]} ${expected} ${conversation} 200\n`);
});

// The declarations as a strict TypeScript user meets them, with no Node types: a mistyped
// fault kind and a missing `status` must be errors.
const USAGE_TS = `
import { sign, signConversation, startEmulator, type ConversationMessage, type Emulator, type Fault } from "sinch-whatsapp-emulator";
const emu: Emulator = await startEmulator({ bots: { b: "t" }, rateLimit: 100, conversation: { projectId: "p", window: "open", templates: { t: { buttons: ["quick_reply"] } } } });
emu.addFault({ path: "/messages", kind: "status", status: 503, retryAfter: 2, times: 2 });
emu.addFault({ path: "/messages", kind: "huge_body", bytes: 1024, contentLength: true });
const last: string | undefined = emu.requests.at(-1)?.method;
const signature: string = sign("{}", "nonce", "key");
const reports: unknown[] = emu.callbacks.query("b", { kind: "status", messageId: "x" });
await emu.inbound("b", { type: "text", text: { body: "hi" } });
emu.expireTokens();
const inbound: ConversationMessage = await emu.conversationInbound({ from: "+46732001122", contactMessage: { text_message: { text: "hi" } } });
const signed: string = signConversation("{}", "nonce", "1714644931", "key");
const project: string = emu.conversation.app.projectId;
// @ts-expect-error: not a window setting
emu.configure({ window: "closed" });
await emu.close();
// @ts-expect-error: not a fault kind
const typo: Fault = { path: "/", kind: "late" };
// @ts-expect-error: a status fault needs its status
const bare: Fault = { path: "/", kind: "status" };
export { last, signature, reports, typo, bare, inbound, signed, project };
`;

test("the declarations check under tsc --strict in a fresh project (nodenext, lib es2022 + dom)", async () => {
  await writeFile(join(project, "usage.ts"), USAGE_TS);
  const options = { noEmit: true, strict: true, skipLibCheck: false, target: "es2022", lib: ["es2022", "dom"], module: "nodenext", moduleResolution: "nodenext", types: [] };
  await writeFile(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: ["usage.ts"] }));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = await promisify(execFile)(process.execPath, [tsc, "-p", "."], { cwd: project }).catch((err) => err);
  assert.equal(result.stdout, "");
  assert.equal(result.code, undefined);
});
