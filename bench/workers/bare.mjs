// Startup benchmark baseline: the same Worker without the package.
export default {
  fetch() {
    return new Response("ok");
  },
};
