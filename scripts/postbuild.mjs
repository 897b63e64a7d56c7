// Finish a built site for readers, in one Node process, whatever built it
// (MkDocs or Zensical): the pages then load no MathJax and no JupyterLab
// stylesheet, and the figures are smaller.
//
//   node scripts/postbuild.mjs SITE_DIR
//
// * Math: every formula pymdownx.arithmatex left in a page (generic mode:
//   <span class="arithmatex">\(…\)</span>, <div class="arithmatex">\[…\]
//   </div>) and the $…$ / $$…$$ math of notebook Markdown cells becomes
//   static SVG drawn by MathJax's own engine (TeX input), with assistive
//   MathML for screen readers. Glyphs are defined once per page in a
//   hidden <svg> (MathJax's global font cache) that sits in the page's
//   content, so instant navigation swaps it with the page; they are drawn
//   in currentColor, so they follow the light or dark palette.
// * Notebook pages (mkdocs-jupyter): the JupyterLab stylesheet inlined
//   into each page keeps only the rules its cells use (PurgeCSS).
// * Figures: every SVG under figures/ is minified (svgo).
//
// Prints one JSON object: counts, seconds per part, and TeX errors
// ({page, tex, message}); a page with a TeX error keeps MathJax's red
// error box, and the caller decides whether that fails the build.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { SVG } = require("mathjax-full/js/output/svg.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AssistiveMmlHandler } = require(
  "mathjax-full/js/a11y/assistive-mml.js");
const { AllPackages } = require("mathjax-full/js/input/tex/AllPackages.js");

// --- math -------------------------------------------------------------

// What the browser's MathJax had, less the two packages that hide
// errors: an undefined macro or a broken formula must be reported.
const PACKAGES = AllPackages.filter(
  (name) => !["noerrors", "noundefined"].includes(name));

function makeMathJax() {
  const adaptor = liteAdaptor();
  AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
  let errors = [];
  const tex = new TeX({
    packages: PACKAGES,
    formatError(jax, err) {
      errors.push(err.message);
      return jax.formatError(err);
    },
  });
  const svg = new SVG({ fontCache: "global" });
  const doc = mathjax.document("", { InputJax: tex, OutputJax: svg });
  return {
    // One formula as HTML (<mjx-container> with its SVG and MathML),
    // and the TeX errors it raised.
    render(source, display) {
      errors = [];
      tex.reset();  // labels and equation numbers: one formula at a time
      const node = doc.convert(source, { display });
      return { html: adaptor.outerHTML(node), errors };
    },
    // The hidden <svg> holding the glyphs used since the last call.
    takeFontCache() {
      const cache = svg.pageElements(doc);
      const html = cache ? adaptor.outerHTML(cache) : "";
      svg.clearFontCache();
      return html;
    },
    styleSheet() {
      return adaptor.textContent(svg.styleSheet(doc))
        .replace(/\s*\n\s*/g, "").trim();
    },
  };
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'",
                   nbsp: "\u00a0" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x"
        ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

// pymdownx.arithmatex (generic mode) output. Its content is escaped
// text: it holds no tags.
const ARITHMATEX = /<(span|div) class="arithmatex">([^<]*)<\/\1>/g;

function arithmatexSource(tag, content) {
  const tex = decodeEntities(content).trim();
  const delimited = tag === "span" ? /^\\\(([\s\S]*)\\\)$/
                                   : /^\\\[([\s\S]*)\\\]$/;
  const match = tex.match(delimited);
  return { tex: match ? match[1] : tex, display: tag === "div" };
}

// Notebook Markdown cells (nbconvert leaves their math as text for a
// browser MathJax): $$…$$ and \[…\] display, $…$ and \(…\) inline, as
// MathJax's own tex2jax would find them. Only text between tags inside
// a rendered Markdown cell is searched, never code.
const CELL_START = /<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>/g;
const NOTEBOOK_MATH =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$])\$(?!\s)((?:\\\$|[^$])+?)(?<!\s)\$/g;

// The end of the element opened at `from` (balanced <div>…</div>).
function divEnd(html, from) {
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = from;
  let depth = 0;
  for (let m; (m = tags.exec(html));) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  return html.length;
}

// Text runs outside tags, <pre> and <code>, within html[start, end).
function* textRuns(html, start, end) {
  const parts = /<(pre|code)\b[\s\S]*?<\/\1>|<[^>]*>/g;
  parts.lastIndex = start;
  let at = start;
  for (let m; (m = parts.exec(html)) && m.index < end;) {
    if (m.index > at) yield [at, m.index];
    at = parts.lastIndex;
  }
  if (at < end) yield [at, end];
}

function notebookFormulas(html) {
  const found = [];  // [start, end, tex, display]
  for (const cell of html.matchAll(CELL_START)) {
    const end = divEnd(html, cell.index);
    for (const [a, b] of textRuns(html, cell.index, end)) {
      const text = html.slice(a, b);
      for (const m of text.matchAll(NOTEBOOK_MATH)) {
        const display = m[1] !== undefined || m[2] !== undefined;
        const tex = decodeEntities(m[1] ?? m[2] ?? m[3] ?? m[4]);
        found.push([a + m.index, a + m.index + m[0].length, tex, display]);
      }
    }
  }
  return found;
}

function renderPageMath(html, mj, page, errors) {
  const edits = [];  // [start, end, replacement]
  for (const m of html.matchAll(ARITHMATEX)) {
    const { tex, display } = arithmatexSource(m[1], m[2]);
    edits.push([m.index, m.index + m[0].length, tex, display,
                (inner) => `<${m[1]} class="arithmatex">${inner}</${m[1]}>`]);
  }
  for (const [start, end, tex, display] of notebookFormulas(html)) {
    const tag = display ? "div" : "span";
    edits.push([start, end, tex, display,
                (inner) => `<${tag} class="arithmatex">${inner}</${tag}>`]);
  }
  if (!edits.length) return { html, formulas: 0 };
  edits.sort((x, y) => x[0] - y[0]);
  let out = "";
  let at = 0;
  for (const [start, end, tex, display, wrap] of edits) {
    const done = mj.render(tex, display);
    for (const message of done.errors) {
      errors.push({ page, tex: tex.trim(), message });
    }
    out += html.slice(at, start) + wrap(done.html);
    at = end;
  }
  out += html.slice(at);
  // The glyphs, just before the first formula: inside the page's content,
  // which instant navigation replaces as a whole.
  const first = out.search(/<(span|div) class="arithmatex">/);
  out = out.slice(0, first) + mj.takeFontCache() + out.slice(first);
  out = out.replace("</head>",
    `<style id="MJX-SVG-styles">${mj.styleSheet()}</style></head>`);
  return { html: out, formulas: edits.length };
}

// --- notebook stylesheet ------------------------------------------------

// mkdocs-jupyter inlines JupyterLab's whole theme into every notebook
// page as <style> elements in the page content.
const NOTEBOOK_MARK = 'class="jupyter-wrapper"';
const STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

async function trimNotebookCss(html, PurgeCSS) {
  if (!html.includes(NOTEBOOK_MARK)) return { html, saved: 0 };
  const start = html.indexOf(NOTEBOOK_MARK);
  const styles = [...html.matchAll(STYLE)].filter(
    (m) => m.index > start && !m[0].includes("MJX-SVG-styles"));
  if (!styles.length) return { html, saved: 0 };
  const content = html.replace(STYLE, "");
  const purged = await new PurgeCSS().purge({
    content: [{ raw: content, extension: "html" }],
    css: styles.map((m) => ({ raw: m[1] })),
    variables: true,           // drop custom properties nothing reads
    keyframes: true,
    fontFace: true,
    // Set on <body> by the theme's script, not in the HTML.
    safelist: { greedy: [/data-md-color-scheme/, /data-jp-theme/] },
  });
  let out = "";
  let at = 0;
  styles.forEach((m, i) => {
    const css = purged[i].css.trim();
    out += html.slice(at, m.index) + (css ? `<style>${css}</style>` : "");
    at = m.index + m[0].length;
  });
  out += html.slice(at);
  return { html: out, saved: html.length - out.length };
}

// --- figures ----------------------------------------------------------

function minifyFigures(site, optimize) {
  const dir = path.join(site, "figures");
  let before = 0;
  let after = 0;
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true })
        .filter((name) => name.endsWith(".svg")) : [];
  for (const name of files) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, "utf8");
    // Keep the viewBox (figures scale with the page) and the ids that
    // <use> elements point to; svgo's default preset does both.
    const small = optimize(text, { path: file, multipass: true }).data;
    before += Buffer.byteLength(text);
    after += Buffer.byteLength(small);
    if (small.length < text.length) fs.writeFileSync(file, small);
  }
  return { figures: files.length, bytes_before: before, bytes_after: after };
}

// --- the site -----------------------------------------------------------

function htmlPages(site) {
  return fs.readdirSync(site, { recursive: true })
    .filter((name) => name.endsWith(".html"))
    .filter((name) => name.split(path.sep)[0] !== "assets")
    .sort();
}

async function main(site) {
  const { PurgeCSS } = await import("purgecss");
  const { optimize } = await import("svgo");
  const seconds = {};
  const report = { pages: 0, math_pages: 0, formulas: 0,
                   notebook_css_saved: 0, errors: [] };
  const mj = makeMathJax();
  let t0 = performance.now();
  const pages = htmlPages(site);
  const texts = new Map();
  for (const page of pages) {
    const file = path.join(site, page);
    const done = renderPageMath(fs.readFileSync(file, "utf8"), mj,
                                page.split(path.sep).join("/"),
                                report.errors);
    texts.set(page, done.html);
    report.pages += 1;
    report.formulas += done.formulas;
    if (done.formulas) report.math_pages += 1;
  }
  seconds.math = performance.now() - t0;
  t0 = performance.now();
  for (const [page, html] of texts) {
    const done = await trimNotebookCss(html, PurgeCSS);
    report.notebook_css_saved += done.saved;
    texts.set(page, done.html);
  }
  seconds.notebook_css = performance.now() - t0;
  for (const [page, html] of texts) {
    const file = path.join(site, page);
    if (fs.readFileSync(file, "utf8") !== html) fs.writeFileSync(file, html);
  }
  t0 = performance.now();
  Object.assign(report, minifyFigures(site, optimize));
  seconds.figures = performance.now() - t0;
  report.seconds = Object.fromEntries(Object.entries(seconds).map(
    ([k, ms]) => [k, Math.round(ms) / 1000]));
  process.stdout.write(JSON.stringify(report) + "\n");
}

const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, "index.html"))) {
  process.stderr.write("usage: node scripts/postbuild.mjs SITE_DIR " +
                       "(a built site, with its index.html)\n");
  process.exit(2);
}
await main(site);
