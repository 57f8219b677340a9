// Child process of client-gc.test.mjs: builds clients in rounds, dropping each at once, and
// collects garbage after each round. Prints the RSS in MiB after the warm-up rounds and at
// the end: the wasm memory, which never shrinks, grows with every core not freed.
//   node --expose-gc collected.mjs <package entry URL>
const [entry] = process.argv.slice(2);
const { WhatsAppClient } = await import(entry);
const options = { botId: "bot", token: "a-token-".repeat(8), region: "eu" };
const collect = async () => {
  // A FinalizationRegistry's callbacks run in a later task, after the collection.
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((ok) => setTimeout(ok, 0));
  }
};
const rss = [];
for (let round = 0; round < 20; round++) {
  for (let i = 0; i < 5000; i++) String(new WhatsAppClient(options));
  await collect();
  if (round === 4 || round === 19) rss.push(process.memoryUsage().rss / 2 ** 20);
}
console.log(JSON.stringify(rss));
