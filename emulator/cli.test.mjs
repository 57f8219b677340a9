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
  for (const flag of ["--port", "--host", "--bot", "--callback-url", "--callback-secret", "--rate-limit", "--help"]) {
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
];
for (const [args, expected] of MISTAKES) {
  test(`${args.join(" ")} is refused with exit 2, the value not echoed`, async () => {
    const { code, stdout, stderr } = await run(args);
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.ok(stderr.includes(expected), stderr);
    assert.ok(!stderr.includes("SECRET"), stderr);
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
