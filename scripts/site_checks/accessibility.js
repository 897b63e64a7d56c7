// The accessibility check, run in the page by scripts/accessibility.py
// after axe-core (npm) has been injected: axe's rules in the light and
// in the dark palette. Calls back with JSON: [{scheme, id, impact, help,
// targets}] for each violation, at most five elements named per rule.
// arguments[0]: CSS that draws every block of the text
// (browser.ALL_BLOCKS_DRAWN).
const [allDrawn, done] = arguments;
const frame = () => new Promise((r) => requestAnimationFrame(r));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const body = document.body;
  const shown = body.getAttribute("data-md-color-scheme");
  const found = [];
  // A block of the text off the screen is drawn only when the reader
  // reaches it (book.css: content-visibility), and only then are its
  // scrolling boxes made focusable (book.js). So the check first reads
  // the page as a reader does, a screen at a time, to the end and back.
  // axe reads colours and boxes from what is drawn, so every block is
  // then judged as drawn.
  for (let y = 0; y < document.documentElement.scrollHeight;
       y += innerHeight) {
    scrollTo({top: y, behavior: "instant"});
    await frame();
    await frame();
  }
  scrollTo({top: 0, behavior: "instant"});
  const drawn = document.createElement("style");
  drawn.textContent = allDrawn;
  document.head.append(drawn);
  for (const scheme of ["default", "slate"]) {
    body.setAttribute("data-md-color-scheme", scheme);
    // Material fades colours over 0.25 s: judge them once every fade
    // has finished (and its scripts have made wide code blocks
    // focusable), or after 2 s at most.
    await frame();
    await Promise.race([
      Promise.all(document.getAnimations().map(
        (a) => a.finished.catch(() => null))),
      sleep(2000)]);
    await sleep(100);
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      rules: {"target-size": {enabled: true}},  // WCAG 2.2, as Lighthouse
    });
    for (const v of result.violations) {
      found.push({scheme, id: v.id, impact: v.impact, help: v.help,
                  targets: v.nodes.slice(0, 5).map(
                    (n) => n.target.join(" "))});
    }
  }
  body.setAttribute("data-md-color-scheme", shown);
  drawn.remove();
  return found;
})().then((found) => done(JSON.stringify(found)),
          (err) => done(JSON.stringify({error: String(err)})));
