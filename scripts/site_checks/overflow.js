// The overflow check, run in the page by scripts/browser.py at each
// phone width. The page must not scroll sideways, and nothing may stick
// out past the right edge of the screen unless it sits inside a box of
// its own that scrolls: a wide table, code block or formula scrolls in
// its box, the page stays put. Every element and every line of text is
// measured, not only the page's width, so content that happens to fit
// with this machine's fonts, or that a hidden overflow cuts off, is
// still named. It also checks that every display formula paints where
// the reader sees it: its scroll box has a size, its <svg> is drawn at
// the size MathJax gave it (not shrunk, not collapsed to an empty box)
// and lies inside the box's visible area, whole from top to bottom.
// arguments[0]: CSS to apply while measuring (the "wider text" pass),
// or null; arguments[1]: CSS that draws every block of the text
// (browser.ALL_BLOCKS_DRAWN). Calls back with JSON.
const [css, allDrawn, done] = arguments;
const frame = () => new Promise((r) => requestAnimationFrame(r));
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  if (el.classList.length) name += "." + [...el.classList].join(".");
  return name;
};
(async () => {
  let style = null;
  if (css) {
    style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }
  await frame();
  await frame();
  const width = document.documentElement.clientWidth;
  const page = Math.max(document.documentElement.scrollWidth,
                        document.body.scrollWidth);
  const edge = width + 0.5;
  const culprits = [];
  const range = document.createRange();
  // One walk down the tree. `flow`: a box that scrolls or clips
  // sideways holds this element's normal-flow content; `positioned`:
  // one holds what is absolutely positioned inside the nearest
  // positioned ancestor (an absolute element escapes the boxes between
  // itself and its containing block). Overflow does nothing on an
  // inline element; a fixed element is out of the page's flow.
  const visit = (el, flow, positioned) => {
    const s = getComputedStyle(el);
    if (s.display === "none") return;
    const held = s.position === "fixed" ||
                 (s.position === "absolute" ? positioned : flow);
    if (!held && s.visibility !== "hidden") {
      const right = el.getBoundingClientRect().right;
      if (right > edge) {
        const text = el.textContent.trim().replace(/\s+/g, " ");
        culprits.push(`<${describe(el)}>` +
                      (text ? ` "${text.slice(0, 40)}"` : "") +
                      ` reaches ${Math.round(right)} px`);
        return;  // its content is part of the same culprit
      }
    }
    const box = s.overflowX !== "visible" && s.display !== "inline";
    const inner = held || box;
    const contains = s.position !== "static" || s.transform !== "none";
    if (el instanceof SVGElement) return;
    for (const child of el.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        visit(child, inner, contains ? inner : positioned);
      } else if (child.nodeType === Node.TEXT_NODE && !inner &&
                 s.visibility !== "hidden" && child.nodeValue.trim()) {
        // A line wider than its own element (in a box that does not
        // scroll) sticks out although the element fits.
        range.selectNodeContents(child);
        const right = range.getBoundingClientRect().right;
        if (right > edge) {
          culprits.push(`text "${child.nodeValue.trim().slice(0, 40)}" ` +
                        `in <${describe(el)}> reaches ` +
                        `${Math.round(right)} px`);
        }
      }
    }
  };
  for (const child of document.body.children) visit(child, false, false);
  // A block of the text off the screen is not laid out (book.css:
  // content-visibility) and holds a placeholder height; each formula is
  // measured as it is drawn once the reader scrolls to it.
  const drawn = document.createElement("style");
  drawn.textContent = allDrawn;
  document.head.append(drawn);
  await frame();
  const formulas = [];
  const px = (r) => `${Math.round(r.width)}×${Math.round(r.height)} px`;
  for (const box of document.querySelectorAll('mjx-container[display="true"]')) {
    const svg = box.querySelector(":scope > svg");
    if (!svg || !box.checkVisibility()) continue;  // the math check's
    const math = box.querySelector("math");
    const name = `formula "${(math ? math.textContent : "").trim()
      .replace(/\s+/g, " ").slice(0, 40)}"`;
    // The box the reader sees it through: the nearest one that scrolls
    // or clips sideways (div.arithmatex), else the formula's block.
    let view = box.parentElement;
    for (let el = box.parentElement; el && el !== document.body;
         el = el.parentElement) {
      if (getComputedStyle(el).overflowX !== "visible") {
        view = el;
        break;
      }
    }
    const outer = view.getBoundingClientRect();
    const seen = {left: outer.left + view.clientLeft,
                  top: outer.top + view.clientTop,
                  width: view.clientWidth, height: view.clientHeight};
    if (!(seen.width > 0 && seen.height > 0)) {
      formulas.push(`${name}: its box <${describe(view)}> shows ` +
                    `${px(seen)}`);
      continue;
    }
    // MathJax's own size for the formula: the svg's width and height
    // attributes (in ex of the formula's font), measured as a box.
    const probe = document.createElement("span");
    probe.style.cssText = "position: absolute; display: block; " +
      `visibility: hidden; width: ${svg.getAttribute("width")}; ` +
      `height: ${svg.getAttribute("height")}`;
    box.append(probe);
    const size = probe.getBoundingClientRect();
    probe.remove();
    const rect = svg.getBoundingClientRect();
    if (rect.width < 0.98 * size.width - 1 ||
        rect.height < 0.98 * size.height - 1) {
      formulas.push(`${name}: its <svg> paints ${px(rect)} of the ` +
                    `${px(size)} MathJax drew (an empty or shrunk box)`);
      continue;
    }
    const across = Math.min(rect.right, seen.left + seen.width) -
                   Math.max(rect.left, seen.left);
    const down = Math.min(rect.bottom, seen.top + seen.height) -
                 Math.max(rect.top, seen.top);
    if (!(across > 0 && down >= rect.height - 1)) {
      formulas.push(`${name}: its <svg> (${px(rect)}) lies outside what ` +
                    `its box <${describe(view)}> shows (${px(seen)})`);
    }
  }
  drawn.remove();
  if (style) {
    style.remove();
    await frame();
  }
  return {width, page, culprits: culprits.slice(0, 8),
          formulas: formulas.slice(0, 8)};
})().then((r) => done(JSON.stringify(r)),
          (err) => done(JSON.stringify({error: String(err)})));
