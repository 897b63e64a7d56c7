// Lighthouse on many pages with one Chromium, for scripts/measure.py.
//
//   node tools/lighthouse/run.mjs PRESET[,PRESET] URL... [-- CHROME_FLAG...]
//
// PRESET is "mobile" (Lighthouse's default: a slow phone on a slow
// network, simulated) or "desktop". Chromium is CHROME_PATH. Prints one
// JSON line per page and preset: {url, preset, scores: {category: 0-100},
// metrics: {name: ms or CLS}} or {url, preset, error}.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = ["first-contentful-paint", "largest-contentful-paint",
                 "total-blocking-time", "cumulative-layout-shift",
                 "speed-index"];

const args = process.argv.slice(2);
const split = args.indexOf("--");
const [presets, ...urls] = split < 0 ? args : args.slice(0, split);
const chromeFlags = split < 0 ? [] : args.slice(split + 1);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH, chromeFlags});
try {
  for (const url of urls) {
    for (const preset of presets.split(",")) {
      try {
        const done = await lighthouse(
          url, {port: chrome.port, output: "json", logLevel: "error",
                onlyCategories: CATEGORIES},
          preset === "desktop" ? desktopConfig : undefined);
        const lhr = done.lhr;
        const scores = Object.fromEntries(CATEGORIES.map(
          (c) => [c, Math.round(100 * lhr.categories[c].score)]));
        const metrics = Object.fromEntries(METRICS.map(
          (m) => [m, lhr.audits[m].numericValue]));
        // What costs points outside performance, and where the main
        // thread's time goes (for reading a low performance score).
        const failed = CATEGORIES.slice(1).flatMap(
          (c) => lhr.categories[c].auditRefs.map((ref) => lhr.audits[ref.id])
            .filter((a) => a.score !== null && a.score < 1)
            .map((a) => {
              const node = ((a.details || {}).items || [])
                .map((item) => item.node).find(Boolean);
              return `${c}: ${a.id}` +
                (node ? ` at ${node.selector || node.snippet}` : "");
            }));
        const work = (lhr.audits["mainthread-work-breakdown"].details || {})
          .items || [];
        const mainThread = Object.fromEntries(work.map(
          (item) => [item.group, Math.round(item.duration)]));
        // Lighthouse's own measure of how fast (and how free) the CPU was.
        const benchmark = Math.round(lhr.environment.benchmarkIndex);
        process.stdout.write(JSON.stringify(
          {url, preset, scores, metrics, failed, mainThread, benchmark})
          + "\n");
      } catch (err) {
        process.stdout.write(JSON.stringify(
          {url, preset, error: String(err).slice(0, 300)}) + "\n");
      }
    }
  }
} finally {
  await chrome.kill();
}
