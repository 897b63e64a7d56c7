// The images check, run in the page by scripts/browser.py (page_facts):
// waits for every image to decode, then names those that did not load
// (natural width 0). Calls back with JSON.
const done = arguments[arguments.length - 1];
(async () => {
  await Promise.all([...document.images].map(
    (img) => img.decode().catch(() => null)));
  const images = [];
  for (const img of document.images) {
    if (!(img.complete && img.naturalWidth > 0)) {
      images.push(`<img src="${img.getAttribute("src")}" ` +
        `alt="${img.alt}"> did not load`);
    }
  }
  return {images};
})().then((facts) => done(JSON.stringify(facts)),
          (err) => done(JSON.stringify({error: String(err)})));
