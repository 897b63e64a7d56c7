// Small accessibility fixes to the theme's markup, found by Lighthouse
// (python -m scripts.measure).
document$.subscribe(() => {
  // The search overlay is a dialog and needs an accessible name.
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search");
  }
});

// Whatever scrolls in its own box (a wide table in Material's wrapper,
// a long display formula, a notebook's code cell) must take keyboard
// focus so that keyboard users can scroll it (axe:
// scrollable-region-focusable), as Material does for wide code blocks.
// What overflows depends on the reader's fonts and screen, so it is
// measured in the browser: on every page, again after a resize, and in
// each block of the text when the browser draws it. book.css draws a
// block only when it nears the screen (content-visibility); until then
// nothing in it overflows, and measuring it would lay it out at once.
const SCROLLING = new Set(["auto", "scroll"]);
// Inline code never scrolls (only a code block's pre > code does).
const BOXES = "article :is(div, pre, pre > code, table):not(mjx-container *)";
const drawn = (box) => !box.checkVisibility ||
  box.checkVisibility({contentVisibilityAuto: true});

function focusScrollingBoxes(root = document) {
  const boxes = [...root.querySelectorAll(BOXES)];
  if (root !== document && root.matches(BOXES)) boxes.push(root);
  // Measure every box first, then mark them: a tabindex set between two
  // measurements would make the browser lay the page out again for the
  // next one (on a long page, dozens of layouts on a phone's CPU).
  const scrolling = boxes.filter((box) => {
    if (box.hasAttribute("tabindex") || !drawn(box)) return false;
    const wide = box.scrollWidth > box.clientWidth;
    const tall = box.scrollHeight > box.clientHeight;
    if (!wide && !tall) return false;
    const style = getComputedStyle(box);
    return (wide && SCROLLING.has(style.overflowX)) ||
      (tall && SCROLLING.has(style.overflowY));
  });
  for (const box of scrolling) box.setAttribute("tabindex", "0");
}

document$.subscribe(() => focusScrollingBoxes());
document.fonts.ready.then(() => focusScrollingBoxes());
document.addEventListener("contentvisibilityautostatechange", (event) => {
  if (!event.skipped) focusScrollingBoxes(event.target);
}, true);
// Material sets up each code block when it nears the screen (the
// content.lazy feature: setting all of them up at load lays the page
// out once per block) and then, on a device without hover, removes the
// block's tabindex. Where the block scrolls, it gets it back.
new MutationObserver((changes) => {
  for (const {target} of changes) {
    if (!target.hasAttribute("tabindex")) focusScrollingBoxes(target);
  }
}).observe(document.body, {subtree: true, attributeFilter: ["tabindex"]});
let measuring = false;
window.addEventListener("resize", () => {
  if (measuring) return;
  measuring = true;
  requestAnimationFrame(() => {
    measuring = false;
    focusScrollingBoxes();
  });
});
