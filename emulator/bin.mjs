#!/usr/bin/env node
// The command line: starts the emulator, prints its URL, stops on SIGINT/SIGTERM.
import { startEmulator } from "./server.mjs";

const NAME = "sinch-whatsapp-emulator";
const HELP = `Usage: ${NAME} [options]

A local stand-in for Sinch's WhatsApp Business Messaging API and the WhatsApp
channel of its Conversation API (see README.md).

Options:
  --port N               port to listen on (default 8787; 0 picks a free one)
  --host H               address to listen on (default 127.0.0.1)
  --bot ID:TOKEN         a bot and its bearer token; repeat for more bots
                         (default: one bot, demo-bot:demo-token)
  --callback-url URL     where delivery reports and inbound messages are posted
  --callback-secret KEY  sign callbacks with HMAC-SHA256 under KEY
  --rate-limit N         requests per second per bot (Sinch's rate-limit 500) and per
                         Conversation API project (429) (default 20)
  --conversation PROJECT:APP:KEY_ID:KEY_SECRET
                         the Conversation API's project, app and access key (the secret
                         may contain :) (default project-1:app-1:key-1:secret-1)
  --window W             the 24-hour window: enforce (default: free-form messages to a
                         number that has not written in 24 h fail) or open
  -h, --help             show this help and exit

Each option's value may also follow an = (--port=8787).

Point a client at the printed URL (baseUrl). Ctrl-C stops it.
`;

/** A command-line mistake: its message names the option, never the value given. */
class Usage extends Error {}

/** An integer in `min..max` from option `flag`'s text. */
function integer(text, flag, min, max) {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new Usage(`${flag} takes an integer from ${min} to ${max}`);
  return n;
}

/** `ID:TOKEN` (the token may hold colons) into `bots`. */
function addBot(bots, text) {
  const at = text.indexOf(":");
  if (at <= 0 || at === text.length - 1) throw new Usage("--bot takes ID:TOKEN, both non-empty");
  const id = text.slice(0, at);
  if (Object.hasOwn(bots, id)) throw new Usage("--bot: a bot id is given twice");
  bots[id] = text.slice(at + 1);
}

/** `PROJECT:APP:KEY_ID:KEY_SECRET` (the secret may hold colons) into `conversation`. */
function setConversation(conversation, text) {
  const parts = text.split(":");
  const secret = parts.slice(3).join(":");
  if (parts.length < 4 || parts.slice(0, 3).some((p) => p === "") || secret === "") {
    throw new Usage("--conversation takes PROJECT:APP:KEY_ID:KEY_SECRET, all non-empty");
  }
  [conversation.projectId, conversation.appId, conversation.keyId] = parts;
  conversation.keySecret = secret;
}

/** The options for `startEmulator`, or `undefined` for --help. */
function parse(argv) {
  const options = { port: 8787, conversation: {} };
  const bots = {};
  for (let i = 0; i < argv.length; i++) {
    const [, flag, inline] = /^(--[^=]+)=(.*)$/s.exec(argv[i]) ?? [, argv[i]];
    if (flag === "-h" || flag === "--help") return undefined;
    if (!["--port", "--host", "--bot", "--callback-url", "--callback-secret", "--rate-limit", "--conversation", "--window"].includes(flag)) {
      throw new Usage(flag.startsWith("-") ? `unknown option ${flag}` : "unexpected argument");
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Usage(`${flag} needs a value`);
    if (flag === "--port") options.port = integer(value, flag, 0, 65535);
    else if (flag === "--host") options.host = value;
    else if (flag === "--bot") addBot(bots, value);
    else if (flag === "--callback-url") options.callbackUrl = value;
    else if (flag === "--callback-secret") options.callbackSecret = value;
    else if (flag === "--conversation") setConversation(options.conversation, value);
    else if (flag === "--window") {
      if (!["enforce", "open"].includes(value)) throw new Usage("--window takes enforce or open");
      options.conversation.window = value;
    }
    else options.rateLimit = integer(value, flag, 1, 1_000_000);
  }
  options.bots = Object.keys(bots).length > 0 ? bots : { "demo-bot": "demo-token" };
  return options;
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof Usage)) throw err;
  process.stderr.write(`${NAME}: ${err.message}\nRun ${NAME} --help for the options.\n`);
  process.exit(2);
}
if (options === undefined) {
  process.stdout.write(HELP);
  process.exit(0);
}

let emu;
try {
  emu = await startEmulator(options);
} catch (err) {
  process.stderr.write(`${NAME}: cannot listen: ${err.message}\n`);
  process.exit(1);
}
console.log(`${NAME} listening on ${emu.url}`);
console.log(`bots: ${Object.keys(options.bots).join(", ")}`);
const { projectId, appId, window } = emu.conversation.app;
console.log(`conversation: project ${projectId}, app ${appId}, token URL ${emu.url}/oauth2/token, window ${window}`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1); // a second signal: stop now
  stopping = true;
  emu.close().then(() => {
    console.log(`${NAME} stopped`);
    process.exit(0);
  });
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
