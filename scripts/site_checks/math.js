// The math check, run in the page by scripts/browser.py (page_facts).
// Math is drawn when the site is built (scripts/postbuild.mjs): each
// formula is an <mjx-container> holding an <svg> whose glyphs are <use>
// references to paths in the page's hidden font cache, and assistive
// MathML for screen readers. For every formula, in the light and in the
// dark palette, this finds: a TeX error box; no <svg>, or one of zero
// size; a glyph that points to no path (or to an empty one); glyphs not
// drawn in the colour of the surrounding text (currentColor); missing
// assistive MathML. It also reports MathJax scripts the page loads,
// fonts that failed to load, and raw TeX left in the visible text.
// Calls back with JSON.
const done = arguments[arguments.length - 1];
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  if (el.classList.length) name += "." + [...el.classList].join(".");
  return name;
};
const frame = () => new Promise((r) => requestAnimationFrame(r));

// Problems of one formula in the palette now shown.
function formulaProblems(box) {
  const error = box.querySelector('[data-mml-node="merror"]');
  if (error) {
    return ["TeX error " +
            `"${error.getAttribute("data-mjx-error") || error.textContent}"`];
  }
  const svg = box.querySelector(":scope > svg");
  if (!svg) return ["no <svg> in the formula"];
  const problems = [];
  if (box.checkVisibility()) {
    const rect = svg.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) problems.push("zero size");
  }
  // Every <use> must point to a glyph path; spaces and invisible
  // operators have empty paths by design, but some glyph must draw.
  let inked = svg.querySelector("rect, line") ? 1 : 0;
  for (const glyph of svg.querySelectorAll("use, path")) {
    let path = glyph;
    if (glyph.tagName === "use") {
      const ref = glyph.getAttribute("href") ||
                  glyph.getAttribute("xlink:href") || "";
      path = document.getElementById(ref.slice(1));
      if (!path) {
        problems.push(`glyph <use href="${ref}"> points to no path`);
        break;
      }
    }
    if ((path.getAttribute("d") || "").trim()) inked += 1;
  }
  if (!inked && !problems.length) {
    problems.push("the <svg> draws nothing (no glyph with a path)");
  }
  const ink = svg.querySelector("g[fill]");
  const text = getComputedStyle(box.parentElement).color;
  if (ink && getComputedStyle(ink).fill !== text) {
    problems.push(`glyphs drawn in ${getComputedStyle(ink).fill}, the ` +
                  `text around them in ${text} (not currentColor)`);
  }
  const mml = box.querySelector(":scope > mjx-assistive-mml > math");
  if (!mml || !mml.textContent.trim()) {
    problems.push("no assistive MathML for screen readers");
  } else if (svg.getAttribute("aria-hidden") !== "true") {
    problems.push("the <svg> is not hidden from screen readers, which " +
                  "would read the formula twice");
  }
  return problems;
}

(async () => {
  const facts = {math: [], raw: [], schemes: []};
  facts.mathjax_scripts = [
    ...[...document.scripts].map((s) => s.src),
    ...performance.getEntriesByType("resource").map((e) => e.name),
  ].filter((url) => /mathjax/i.test(url));
  facts.mathjax_global = typeof window.MathJax !== "undefined";
  await document.fonts.ready;
  facts.fonts = [...document.fonts].filter((f) => f.status === "error")
    .map((f) => `font ${f.family} failed to load`);
  facts.arithmatex = document.querySelectorAll(".arithmatex").length;
  const containers = [...document.querySelectorAll("mjx-container")];
  facts.containers = containers.length;
  facts.drawn = containers.filter(
    (box) => box.querySelector(":scope > svg")).length;
  // Each formula in both palettes: the light one and Material's dark
  // "slate" (what the toggle sets), then back to what was shown.
  const body = document.body;
  const shown = body.getAttribute("data-md-color-scheme");
  const seen = new Set();
  for (const scheme of ["default", "slate"]) {
    body.setAttribute("data-md-color-scheme", scheme);
    await frame();
    facts.schemes.push([scheme, getComputedStyle(body).color]);
    containers.forEach((box, i) => {
      const math = box.querySelector("math");
      const name = (math ? math.textContent : box.textContent).trim();
      for (const problem of formulaProblems(box)) {
        const line = `formula ${i + 1} \`${name.slice(0, 60)}\`: ` +
          problem + (problem.startsWith("glyphs drawn")
                     ? ` in the ${scheme} palette` : "");
        if (!seen.has(line)) {
          seen.add(line);
          facts.math.push(line);
        }
      }
    });
  }
  body.setAttribute("data-md-color-scheme", shown);
  await frame();
  // Raw TeX in the visible text: delimiters, and $…$ in notebook cells.
  const skip = "pre, code, script, style, textarea, mjx-container, " +
               "[hidden], .md-search";
  const walker = document.createTreeWalker(document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const text = node.nodeValue;
    let hit = ["\\(", "\\[", "$$"].find((d) => text.includes(d));
    if (!hit && node.parentElement.closest(".jp-RenderedMarkdown") &&
        /\$[^\s$][^$]*\$/.test(text)) {
      hit = "$";
    }
    if (hit && !node.parentElement.closest(skip) &&
        node.parentElement.checkVisibility()) {
      const at = Math.max(0, text.indexOf(hit) - 20);
      facts.raw.push(`raw "${hit}" in <${describe(node.parentElement)}>: ` +
        `"${text.slice(at, at + 60).trim()}"`);
    }
  }
  return facts;
})().then((facts) => done(JSON.stringify(facts)),
          (err) => done(JSON.stringify({error: String(err)})));
