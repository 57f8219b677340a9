// The ./preflight entry in a bundled page: checks a 1×1 PNG and an EXE posing as a PNG.
import { validateMedia } from "sinch-whatsapp/preflight";

const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
const exe = new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])], { type: "image/png" });
window.__outcome = Promise.all([
  validateMedia(new File([png], "dot.png", { type: "image/png" })),
  validateMedia(exe, { fileName: "photo.png" }),
]).then(([image, fake]) => ({ image, fake }), (err) => ({ error: String(err) }));
