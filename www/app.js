// The demo page: checks a file with the package's preflight (in the browser, no
// upload), and sends messages through the relay (/api/*, the Worker example),
// which holds the Sinch credentials (a token, or a Conversation API access key): the
// page is the same for both APIs. Delivery reports and replies arrive from the relay by polling.
import { validateMedia } from "sinch-whatsapp/preflight";

const $ = (id) => document.getElementById(id);
const MB = 1024 * 1024;
/** Post-processing limits shown next to the size (api.md, "Accepted media"); stickers: static, animated. */
const LIMITS = { image: 5 * MB, video: 16 * MB, audio: 16 * MB, sticker: 100 * 1024, document: 100 * MB };
const ANIMATED_STICKER = 500 * 1024;
const STATE_WORDS = {
  queued: "queued at Sinch", dispatched: "handed to WhatsApp", sent: "sent", delivered: "delivered to the phone",
  read: "read by the recipient", failed: "could not be delivered", deleted: "deleted", no_opt_in: "not delivered: no opt-in",
  no_capability: "not delivered: the number has no WhatsApp",
  switching_channel: "not delivered on WhatsApp: trying the next channel",
};
let checked; // { file, report } of the last check
let previewUrl; // the object URL the preview shows; revoked when the preview is replaced

const size = (n) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);

async function check(file) {
  const report = await validateMedia(file, { as: $("as").value || undefined });
  checked = { file, report };
  render(file, report);
}

function render(file, report) {
  $("verdict").hidden = false;
  $("verdict").className = `verdict ${report.ok ? "ok" : "bad"}`;
  $("verdict-headline").textContent = report.ok
    ? `“${file.name}” can be sent as ${article(report.messageType)}.`
    : `“${file.name}” cannot be sent${$("as").value ? ` as ${article($("as").value)}` : ""}.`;
  $("v-type").textContent = report.mimeType ? `${report.mimeType}${report.declaredMimeType && report.declaredMimeType !== report.mimeType ? ` (the file claims ${report.declaredMimeType})` : ""}` : "not recognised";
  $("v-as").textContent = report.messageType ?? "nothing fits";
  const animated = report.messageType === "sticker" && report.details.animated;
  const limit = animated ? ANIMATED_STICKER : LIMITS[report.messageType];
  const what = `${animated ? "animated " : ""}${report.messageType}s`;
  $("v-size").textContent = limit ? `${size(report.size)} of ${size(limit)} allowed for ${what}` : size(report.size);
  $("v-issues").replaceChildren(
    ...report.issues.map((issue) => {
      const li = document.createElement("li");
      li.className = issue.severity;
      li.textContent = `${issue.severity === "error" ? "Problem" : "Note"}: ${issue.message}`;
      return li;
    }),
  );
  preview(file, report);
}

function preview(file, report) {
  const kind = report.mimeType?.split("/")[0];
  const tag = { image: "img", video: "video", audio: "audio" }[kind];
  $("preview").replaceChildren();
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = undefined;
  if (!tag || !report.messageType || report.messageType === "document") return;
  const el = document.createElement(tag);
  el.src = previewUrl = URL.createObjectURL(file);
  if (tag === "img") el.alt = `Preview of ${file.name}`;
  else el.controls = true;
  $("preview").append(el);
}

const article = (type) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** What a person calls the fields the relay may name. */
const FIELD_WORDS = [[/^to/, "the phone number"], [/^message\.text/, "the message"], [/^message\.templateName/, "the template name"], [/^message\.bodyParams/, "the parameters"], [/^message\.caption/, "the caption"]];

/** Plain words for the relay's error codes (SinchError codes passed through). */
function explain(error) {
  const field = FIELD_WORDS.find(([pattern]) => pattern.test(error.field ?? ""))?.[1] ?? "the form";
  const rule = error.field && error.message.startsWith(`${error.field}: `) ? `it ${error.message.slice(error.field.length + 2)}` : error.message;
  const words = {
    invalid_argument: `Please check ${field}: ${rule}.`,
    unauthorized: "The relay's Sinch credentials were refused. An administrator needs to check them.",
    rate_limited: "Too many messages right now. Please wait a moment and try again.",
    timeout: "Sinch did not answer in time. The message may or may not have been sent; check the reports below before sending again.",
    network: "The connection to Sinch failed. The message may or may not have been sent; check the reports below before sending again.",
    media_rejected: "The relay refused the file after checking it again.",
  };
  return words[error.code] ?? `Sending failed (${error.code}): ${error.message}`;
}

async function send(event) {
  event.preventDefault();
  const form = new FormData($("send"));
  const kind = form.get("kind");
  let request;
  if (kind === "media") {
    if (!checked?.report.ok) return say("Please check a file first: it must pass before it can be sent.", "bad");
    const body = new FormData();
    body.set("file", checked.file);
    body.set("to", form.get("to"));
    body.set("caption", form.get("caption") ?? "");
    if ($("as").value) body.set("as", $("as").value);
    request = fetch("/api/media", { method: "POST", body });
  } else {
    const message = kind === "text"
      ? { type: "text", text: form.get("text") }
      : { type: "template", templateName: form.get("templateName"), language: form.get("language"), bodyParams: form.get("bodyParams").split("\n").filter(Boolean) };
    request = fetch("/api/send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to: form.get("to"), message }) });
  }
  $("send-button").disabled = true;
  say("Sending…");
  try {
    const res = await request;
    const answer = await res.json();
    if (!res.ok) return say(explain(answer.error ?? { code: "unknown", message: res.statusText }), "bad");
    say(`Sent. Message id ${answer.messages.map((m) => m.id).join(", ")}. Delivery reports appear below.`, "ok");
  } catch {
    say("Could not reach the relay. Is the demo still running?", "bad");
  } finally {
    $("send-button").disabled = false;
  }
}

function say(text, tone = "") {
  $("send-result").textContent = text;
  $("send-result").className = `result ${tone}`;
}

/** Why a report failed, when Sinch said (and its reason code, from the Conversation API). */
const because = (report) => (report.details ? `: ${report.details}` : "") + (report.reason?.code ? ` (${report.reason.code})` : "");
/** A number as a person writes it: the Conversation API's identities have no `+`. */
const number = (n) => (/^[0-9]+$/.test(n ?? "") ? `+${n}` : n);

let since = 0;
async function poll() {
  try {
    const res = await fetch(`/api/events?since=${since}`);
    if (res.ok) {
      const { events, next } = await res.json();
      since = next;
      for (const e of events) {
        const li = document.createElement("li");
        if (e.kind === "status") {
          li.className = e.status === "failure" ? "bad" : "ok";
          li.textContent = `${number(e.recipient)}: ${STATE_WORDS[e.state] ?? e.state}${because(e)} (message ${e.messageId})`;
        } else {
          li.textContent = `${number(e.from)} wrote: ${e.message.type === "text" ? `“${e.message.body}”` : `a ${e.message.type} message`}`;
        }
        $("reports").prepend(li);
      }
    }
  } finally {
    setTimeout(poll, 700);
  }
}

$("file").addEventListener("change", () => $("file").files[0] && check($("file").files[0]));
$("as").addEventListener("change", () => checked && check(checked.file));
$("drop").addEventListener("dragover", (e) => e.preventDefault());
$("drop").addEventListener("drop", (e) => {
  e.preventDefault();
  if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]);
});
for (const radio of document.querySelectorAll('input[name="kind"]')) {
  radio.addEventListener("change", () => {
    for (const part of document.querySelectorAll("[data-kind]")) part.hidden = part.dataset.kind !== radio.value;
  });
}
$("send").addEventListener("submit", send);
poll();
