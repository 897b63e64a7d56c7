// After an instant-navigation click: waits until the page at the given
// path is shown and, if it has math, MathJax has typeset it.
const [path, done] = arguments;
const t0 = Date.now();
(function wait() {
  const ready = location.pathname === path &&
    (!document.querySelector(".arithmatex") ||
     (document.querySelector(".arithmatex mjx-container") &&
      window.MathJax && window.MathJax.startup.promise));
  if (ready) window.MathJax.startup.promise.then(() => done());
  else if (Date.now() - t0 > 15000) done();
  else setTimeout(wait, 50);
})();
