// Calls back with the page's layout shifts since it began to load, as
// [score, "what moved"] (scripts/browser.py layout_shift_problems):
// the shifts that Lighthouse's cumulative layout shift adds up.
const done = arguments[arguments.length - 1];
const shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = entry.sources.map((source) => source.node &&
      (source.node.nodeName + " " + (source.node.textContent || "")
        .trim().replace(/\s+/g, " ").slice(0, 40)));
    shifts.push([entry.value, moved.filter(Boolean).join("; ")]);
  }
}).observe({type: "layout-shift", buffered: true});
// Two frames, so that a shift of the last frame is reported too.
requestAnimationFrame(() => requestAnimationFrame(() => done(shifts)));
