// Waits until Material has fetched sitemap.xml: from then on it follows
// links with instant navigation (tests/site instant-navigation test).
const done = arguments[arguments.length - 1];
const t0 = Date.now();
(function wait() {
  const fetched = performance.getEntriesByType("resource").some(
    (e) => e.name.endsWith("/sitemap.xml") && e.responseEnd > 0);
  if (fetched || Date.now() - t0 > 5000) setTimeout(done, 100);
  else setTimeout(wait, 50);
})();
