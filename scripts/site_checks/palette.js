// The palette check, run in the page by scripts/browser.py: clicks the
// visible light/dark toggle twice and records data-md-color-scheme
// before and after each click. Calls back with JSON.
const done = arguments[arguments.length - 1];
const frame = () => new Promise((r) => requestAnimationFrame(r));
(async () => {
  const labels = [...document.querySelectorAll(
    "form[data-md-component=palette] label")];
  if (!labels.length) {
    return {error: "no palette toggle (form[data-md-component=palette])"};
  }
  const scheme = () => document.body.getAttribute("data-md-color-scheme");
  const seen = [scheme()];
  for (const _ of [1, 2]) {  // to the other scheme and back
    const shown = labels.find((label) => label.checkVisibility());
    if (!shown) return {error: `no visible palette toggle in ${scheme()}`};
    shown.click();
    await frame();
    seen.push(scheme());
  }
  return {seen};
})().then((r) => done(JSON.stringify(r)));
