// Runs a command with the emulator listening on 127.0.0.1, its URL in
// SINCH_EMULATOR_URL:  node tests/support/with-emulator.mjs -- cargo test ...
import { spawn } from "node:child_process";
import { startEmulator } from "../../emulator/server.mjs";

const [cmd, ...args] = process.argv.slice(process.argv.indexOf("--") + 1);
const bots = Object.fromEntries(["bot-1", "bot-wasm"].map((bot) => [bot, "test-token"]));
const emulator = await startEmulator({ port: 0, bots });
const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, SINCH_EMULATOR_URL: emulator.url } });
child.on("exit", async (code, signal) => {
  await emulator.close();
  process.exit(code ?? (signal ? 1 : 0));
});
