// Startup benchmark: a Worker that loads the package and builds a client.
import { WhatsAppClient } from "sinch-whatsapp";

export default {
  fetch() {
    new WhatsAppClient({ botId: "b", token: "t", region: "eu" });
    return new Response("ok");
  },
};
