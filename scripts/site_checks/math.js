// The math check, run in the page by scripts/browser.py (page_facts).
// Waits for MathJax to finish typesetting, then describes the math:
// formulas MathJax did not typeset, typeset as an error, gave no size,
// or whose glyphs have no CSS content; fonts that failed to load; and
// raw TeX delimiters left in the visible text. Calls back with JSON.
const done = arguments[arguments.length - 1];
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  if (el.classList.length) name += "." + [...el.classList].join(".");
  return name;
};
(async () => {
  const facts = {math: [], raw: []};
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // MathJax is loaded only on pages with math: wait for it to arrive,
  // then for its typesetting to finish.
  const t0 = Date.now();
  const ready = () => window.MathJax && window.MathJax.startup &&
                      window.MathJax.startup.promise;
  if (document.querySelector(".arithmatex")) {
    while (!ready() && Date.now() - t0 < 15000) await sleep(50);
  }
  facts.mathjax = !!ready();
  if (facts.mathjax) {
    await Promise.race([window.MathJax.startup.promise, sleep(15000)]);
  }
  await document.fonts.ready;
  facts.fonts = [...document.fonts].filter((f) => f.status === "error")
    .map((f) => `font ${f.family} failed to load`);
  facts.arithmatex = document.querySelectorAll(".arithmatex").length;
  const containers = [...document.querySelectorAll("mjx-container")];
  facts.containers = containers.length;
  const bad = [];  // [container index, problem]
  let sampled = 0;
  containers.forEach((box, i) => {
    const error = box.querySelector("mjx-merror");
    if (error) {
      bad.push([i, "TeX error " +
        `"${error.getAttribute("data-mjx-error") || error.textContent}"`]);
      return;
    }
    if (box.checkVisibility()) {
      const rect = box.getBoundingClientRect();
      if (!(rect.width > 0 && rect.height > 0)) bad.push([i, "zero size"]);
    }
    // Glyphs are CSS content on mjx-c; check a few of every formula.
    // Invisible operators (U+2061-2064: function application, invisible
    // times, separator, plus) have no glyph by design.
    const visible = [...box.querySelectorAll("mjx-c")].filter(
      (c) => !/\bmjx-c206[1-4]\b/.test(c.className));
    for (const c of visible.slice(0, 3)) {
      sampled += 1;
      const content = getComputedStyle(c, "::before").content;
      if (["", "none", "normal", '""'].includes(content)) {
        bad.push([i, `glyph <mjx-c class="${c.className}"> has no CSS ` +
                     "content"]);
        break;
      }
    }
  });
  if (bad.length) {
    // Name each formula by its TeX, read from the page as served.
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, "text/html");
    const sources = [...served.querySelectorAll(".arithmatex")];
    const all = [...document.querySelectorAll(".arithmatex")];
    for (const [i, problem] of bad) {
      const at = all.indexOf(containers[i].closest(".arithmatex"));
      const tex = at >= 0 && sources[at] ? sources[at].textContent.trim()
                                         : containers[i].textContent;
      facts.math.push(`formula ${i + 1} \`${tex.slice(0, 60)}\`: ` +
                      problem);
    }
  }
  facts.glyphs_sampled = sampled;
  const skip = "pre, code, script, style, textarea, mjx-container, " +
               "[hidden], .md-search";
  const walker = document.createTreeWalker(document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const text = node.nodeValue;
    const hit = ["\\(", "\\[", "$$"].find((d) => text.includes(d));
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
