// Lighthouse on many pages with one Chromium, for scripts/measure.py.
//
//   node tools/lighthouse/run.mjs PRESET[,PRESET] URL... [-- CHROME_FLAG...]
//
// PRESET is "mobile" (Lighthouse's default: a mid-tier phone on a slow
// network, simulated) or "desktop". Chromium is CHROME_PATH. Prints one
// JSON line per page and preset: {url, preset, scores: {category: 0-100},
// metrics: {name: ms or CLS}} or {url, preset, error}.
//
// The phone's CPU is simulated as this machine's CPU slowed down, so the
// same page scores lower on a slower machine. Lighthouse's default, 4x,
// assumes a high-end desktop (benchmark index 1500-2000) and lands in its
// mid-tier mobile bracket; its docs/throttling.md asks to calibrate the
// slowdown on other machines. Before the mobile runs, three runs on the
// first URL measure this machine's benchmark index, and the slowdown
// becomes median / PHONE_BENCHMARK (at least 1): the same simulated phone
// on any machine. It is printed first, as {calibration: {benchmarks,
// phone, slowdown}}. CPU_SLOWDOWN=4 (any number) fixes it instead.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

// What Lighthouse's default 4x makes of the middle of its high-end
// desktop bracket (1750 / 4).
const PHONE_BENCHMARK = 437.5;
const CALIBRATION_RUNS = 3;

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
const flags = {port: chrome.port, output: "json", logLevel: "error",
               onlyCategories: CATEGORIES};

async function mobileSlowdown() {
  const fixed = Number(process.env.CPU_SLOWDOWN);
  if (fixed > 0) return fixed;
  const benchmarks = [];
  for (let run = 0; run < CALIBRATION_RUNS; run++) {
    const done = await lighthouse(urls[0], {...flags,
                                            onlyCategories: ["performance"]});
    benchmarks.push(Math.round(done.lhr.environment.benchmarkIndex));
  }
  const median = benchmarks.sort((a, b) => a - b)[
    Math.floor(benchmarks.length / 2)];
  const slowdown = Math.max(1, Math.round(10 * median / PHONE_BENCHMARK) / 10);
  process.stdout.write(JSON.stringify(
    {calibration: {benchmarks, phone: PHONE_BENCHMARK, slowdown}}) + "\n");
  return slowdown;
}

try {
  const slowdown = presets.split(",").includes("mobile")
    ? await mobileSlowdown() : null;
  for (const url of urls) {
    for (const preset of presets.split(",")) {
      try {
        const done = preset === "desktop"
          ? await lighthouse(url, flags, desktopConfig)
          : await lighthouse(url, {...flags, throttling: {
              cpuSlowdownMultiplier: slowdown}});
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
        const cpuSlowdown = lhr.configSettings.throttling.cpuSlowdownMultiplier;
        process.stdout.write(JSON.stringify(
          {url, preset, scores, metrics, failed, mainThread, benchmark,
           cpuSlowdown}) + "\n");
      } catch (err) {
        process.stdout.write(JSON.stringify(
          {url, preset, error: String(err).slice(0, 300)}) + "\n");
      }
    }
  }
} finally {
  await chrome.kill();
}
