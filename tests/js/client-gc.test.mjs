// A collected client's core is freed in wasm (client.js's FinalizationRegistry): 75,000
// clients built and dropped after the warm-up leave the RSS where it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { consumer, resolveEntry, root } from "./support.mjs";

test("a garbage-collected client's core is freed (child process)", () => {
  const entry = resolveEntry(consumer());
  const out = execFileSync(process.execPath, ["--expose-gc", join(root, "tests/js/client/collected.mjs"), entry]);
  const [warm, end] = JSON.parse(out);
  console.log(`75,000 clients dropped: RSS ${warm.toFixed(1)} → ${end.toFixed(1)} MiB`);
  // Not freed, their cores grew the wasm memory by ≈ 20 MiB (measured with the registry taken out).
  assert.ok(end - warm < 6, `RSS grew by ${(end - warm).toFixed(1)} MiB`);
});
