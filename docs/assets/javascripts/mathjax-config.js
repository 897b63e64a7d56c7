// MathJax 3 configuration for pymdownx.arithmatex (generic mode).
// Loaded before the self-hosted assets/mathjax/tex-chtml.js.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  chtml: {
    // Write the CSS of every glyph into the stylesheet's text up front.
    // Adaptive CSS adds glyph rules one by one (insertRule), and those
    // are lost when instant navigation takes MathJax's <style> out of the
    // head and MathJax puts it back: the browser rebuilds the sheet from
    // its text, and the new page's math shows as empty boxes.
    adaptiveCSS: false,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
};

// Material's instant navigation swaps the page body without a reload.
// Typeset the new body once MathJax is ready. The CHTML font cache is
// deliberately NOT cleared (MathJax.startup.output.clearCache()): doing
// so drops the glyph CSS of math already on screen and leaves empty
// boxes behind.
document$.subscribe(() => {
  const mj = window.MathJax;
  if (!mj.startup || !mj.typesetPromise) {
    return; // first page load: MathJax's own startup typesets the page
  }
  mj.startup.promise = mj.startup.promise
    .then(() => {
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    })
    .catch((err) => console.error("MathJax typeset failed:", err));
});
