// The command line from the source tree: --help, mistakes refused without echoing the
// value given, and a run that answers and stops cleanly on SIGTERM and SIGINT.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("./bin.mjs", import.meta.url));

/** Runs the command to its end: `{ code, stdout, stderr }`. */
const run = (args) =>
  new Promise((ok) => {
    execFile(process.execPath, [BIN, ...args], (err, stdout, stderr) => ok({ code: err ? err.code : 0, stdout, stderr }));
  });

test("--help lists every option and exits 0", async () => {
  const { code, stdout } = await run(["--help"]);
  assert.equal(code, 0);
  for (const flag of ["--port", "--host", "--bot", "--callback-url", "--callback-secret", "--rate-limit", "--conversation", "--window", "--help"]) {
    assert.match(stdout, new RegExp(`^  (-h, )?${flag}\\b`, "m"), flag);
  }
});

const MISTAKES = [
  [["--bot", "no-colon-SECRET"], "--bot takes ID:TOKEN"],
  [["--bot", "b:SECRET", "--bot", "b:SECRET"], "given twice"],
  [["--port", "80SECRET"], "--port takes an integer from 0 to 65535"],
  [["--port=65536"], "--port takes an integer"],
  [["--rate-limit", "0"], "--rate-limit takes an integer from 1"],
  [["--tokne=SECRET"], "unknown option"],
  [["SECRET"], "unexpected argument"],
  [["--callback-secret"], "--callback-secret needs a value"],
  [["--conversation", "p:a:SECRET"], "--conversation takes PROJECT:APP:KEY_ID:KEY_SECRET"],
  [["--conversation=p::k:SECRET"], "--conversation takes PROJECT:APP:KEY_ID:KEY_SECRET"],
  [["--window", "SECRET"], "--window takes enforce or open"],
];
for (const [args, expected] of MISTAKES) {
  test(`${args.join(" ")} is refused with exit 2, the value not echoed`, async () => {
    const { code, stdout, stderr } = await run(args);
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.ok(stderr.includes(expected), stderr);
    assert.ok(!stderr.replace(expected, "").includes("SECRET"), stderr); // the usage text may name KEY_SECRET
  });
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  test(`it prints its URL, answers, and stops cleanly on ${signal}`, { timeout: 10_000 }, async () => {
    const child = spawn(process.execPath, [BIN, "--port", "0", "--bot", "b1:t:with:colons", "--bot=b2:t2"]);
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const exited = once(child, "exit");
    try {
      while (!stdout.includes("\nbots:")) await once(child.stdout, "data");
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
      assert.ok(url, stdout);
      assert.match(stdout, /^bots: b1, b2$/m);
      const auth = (token) => ({ headers: { authorization: `Bearer ${token}` } });
      assert.equal((await fetch(`${url}/whatsapp/v1/b1/provision/blacklist`, auth("t:with:colons"))).status, 200);
      assert.equal((await fetch(`${url}/whatsapp/v1/b2/provision/blacklist`, auth("t:with:colons"))).status, 401);
      child.kill(signal);
      assert.deepEqual(await exited, [0, null]);
      assert.match(stdout, /stopped\n$/);
      await assert.rejects(fetch(`${url}/whatsapp/v1/b1/provision/blacklist`, auth("t:with:colons")));
    } finally {
      child.kill("SIGKILL");
    }
  });
}

test("--conversation and --window configure the Conversation API: a token for that key, a send to that project", { timeout: 10_000 }, async () => {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--conversation", "proj:app-x:kid:se:cret", "--window=open"]);
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const exited = once(child, "exit");
  try {
    while (!stdout.includes("\nconversation:")) await once(child.stdout, "data");
    while (!stdout.endsWith("\n")) await once(child.stdout, "data");
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
    assert.match(stdout, /^conversation: project proj, app app-x, token URL http:\/\/127\.0\.0\.1:\d+\/oauth2\/token, window open$/m);
    const basic = `Basic ${Buffer.from("kid:se:cret").toString("base64")}`;
    const token = await fetch(`${url}/oauth2/token`, { method: "POST", headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    const { access_token } = await token.json();
    const send = (project) =>
      fetch(`${url}/v1/projects/${project}/messages:send`, {
        method: "POST",
        headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
        body: JSON.stringify({ app_id: "app-x", recipient: { identified_by: { channel_identities: [{ channel: "WHATSAPP", identity: "46732001122" }] } }, message: { text_message: { text: "hi" } } }),
      });
    assert.equal((await send("proj")).status, 200);
    assert.equal((await send("project-1")).status, 404);
    child.kill("SIGTERM");
    assert.deepEqual(await exited, [0, null]);
  } finally {
    child.kill("SIGKILL");
  }
});
