// After an instant-navigation click: waits until the page at the given
// path is shown, that is until the content the click left (marked
// data-left by the caller) has been replaced. Its math comes drawn,
// with the page's own font cache: nothing else to wait for.
const [path, done] = arguments;
const t0 = Date.now();
(function wait() {
  const swapped = location.pathname === path &&
    !document.querySelector("article[data-left]");
  if (swapped || Date.now() - t0 > 15000) {
    requestAnimationFrame(() => done());
  } else {
    setTimeout(wait, 50);
  }
})();
