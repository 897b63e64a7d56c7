// MathJax 3 configuration for pymdownx.arithmatex (generic mode), and
// the loader of the self-hosted assets/mathjax/tex-chtml.js: MathJax
// (1 MB of script) is fetched only once a page with math is shown.
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

const MATHJAX_URL = new URL("../mathjax/tex-chtml.js",
                            document.currentScript.src).href;

function loadMathJax() {
  if (document.getElementById("MathJax-script")) {
    return; // loading: its startup typesets whatever page is shown then
  }
  const script = document.createElement("script");
  script.id = "MathJax-script";
  script.src = MATHJAX_URL;
  script.async = true;
  document.head.appendChild(script);
}

// Every page shown, the first one and each one Material's instant
// navigation swaps in without a reload: load MathJax the first time a
// page has math (its startup typesets the page), typeset later pages.
// The CHTML font cache is deliberately NOT cleared
// (MathJax.startup.output.clearCache()): doing so drops the glyph CSS of
// math already on screen and leaves empty boxes behind.
document$.subscribe(() => {
  if (!document.querySelector(".arithmatex")) {
    return;
  }
  const mj = window.MathJax;
  if (!mj.startup || !mj.typesetPromise) {
    loadMathJax();
    return;
  }
  mj.startup.promise = mj.startup.promise
    .then(() => {
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    })
    .catch((err) => console.error("MathJax typeset failed:", err));
});
