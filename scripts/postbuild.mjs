// Finish a built site for readers, in one Node process, whatever built it
// (MkDocs or Zensical): the pages then load no MathJax and no JupyterLab
// stylesheet, and the figures are smaller.
//
//   node scripts/postbuild.mjs SITE_DIR [CACHE_DIR]
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

import crypto from "node:crypto";
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
const version = (name) => JSON.parse(fs.readFileSync(new URL(
  `../node_modules/${name}/package.json`, import.meta.url))).version;
const SVGO_VERSION = version("svgo");
const PURGECSS_VERSION = version("purgecss");
const MATHJAX_VERSION = version("mathjax-full");

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
      const svg = adaptor.childNodes(node).find(
        (child) => adaptor.kind(child) === "svg");
      if (svg) slim(adaptor, svg);
      const html = adaptor.outerHTML(node)
        .replace(/<(use|path|rect|line)\b([^>]*)><\/\1>/g, "<$1$2/>")
        // HTML puts <math> in MathML's namespace by itself.
        .replace(/<mjx-assistive-mml unselectable="on"/g, "<mjx-assistive-mml")
        .replace(/<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/g,
                 "<math");
      return { html, errors };
    },
    // The hidden <svg> holding the glyphs used since the last call.
    takeFontCache() {
      const cache = svg.pageElements(doc);
      const html = cache ? adaptor.outerHTML(cache) : "";
      svg.clearFontCache();
      return html;
    },
    styleSheet() {
      // Glyphs are <use> elements once slim() dropped their data-c.
      return adaptor.textContent(svg.styleSheet(doc))
        .replace(/\s*\n\s*/g, "")
        .replace('mjx-container[jax="SVG"] path[data-c], ' +
                 'mjx-container[jax="SVG"] use[data-c]',
                 'mjx-container[jax="SVG"] use').trim();
    },
  };
}

// MathJax's SVG carries attributes for its in-browser tools (menus,
// explorers, editing): drop those no stylesheet rule reads, and the
// <g> wrappers left with no attribute at all. What is drawn does not
// change; the page gets a good deal lighter.
const STYLED_NODES = new Set(["merror", "mtable", "maction"]);
// <use> keeps xlink:href, not href: Material's instant navigation sets
// the href of every element that has one, and an SVG element's href is
// read-only (a TypeError that stops the navigation).
const DROPPED = new Set(["data-c", "data-mjx-texclass", "focusable",
                         "xmlns", "xmlns:xlink"]);

function slim(adaptor, node) {
  for (const child of [...adaptor.childNodes(node)]) {
    if (adaptor.kind(child) !== "#text") slim(adaptor, child);
  }
  for (const { name, value } of adaptor.allAttributes(node)) {
    if (DROPPED.has(name) ||
        (name === "data-mml-node" && !STYLED_NODES.has(value))) {
      adaptor.removeAttribute(node, name);
    }
  }
  const parent = adaptor.parent(node);
  if (adaptor.kind(node) !== "g" ||
      STYLED_NODES.has(adaptor.getAttribute(parent, "data-mml-node"))) {
    return;
  }
  const attributes = adaptor.allAttributes(node);
  const children = adaptor.childNodes(node);
  if (!attributes.length) {
    for (const child of [...children]) adaptor.insert(child, node);
    adaptor.remove(node);
  } else if (attributes.length === 1 && attributes[0].name === "transform" &&
             children.length === 1 && adaptor.kind(children[0]) === "use" &&
             !adaptor.getAttribute(children[0], "transform")) {
    // <g transform><use/></g> draws what <use transform/> draws.
    adaptor.setAttribute(children[0], "transform", attributes[0].value);
    adaptor.insert(children[0], node);
    adaptor.remove(node);
  }
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
const NOTEBOOK_MATH = new RegExp([
  String.raw`\$\$([\s\S]+?)\$\$`,                 // $$ display $$
  String.raw`\\\[([\s\S]+?)\\\]`,               // \[ display \]
  String.raw`\\\(([\s\S]+?)\\\)`,               // \( inline \)
  // $inline$: not \$ or $$, no space inside either dollar
  String.raw`(?<![\\$])\$(?!\s)((?:\\\$|[^$])+?)(?<!\s)\$`,
].join("|"), "g");

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

// A page as built always becomes the same page: cached by its text, so
// a warm build draws no formula again. TeX errors are never cached.
function cachedPageMath(html, mj, page, errors, cacheDir) {
  const digest = crypto.createHash("sha256")
    .update(`mathjax ${MATHJAX_VERSION}\n${html}`).digest("hex");
  const key = cacheDir && path.join(cacheDir, `${digest}.math.json`);
  if (key && fs.existsSync(key)) {
    return { ...JSON.parse(fs.readFileSync(key, "utf8")), cached: true };
  }
  const before = errors.length;
  const done = renderPageMath(html, mj, page, errors);
  if (key && done.formulas && errors.length === before) {
    fs.writeFileSync(key, JSON.stringify(done));
  }
  return done;
}

// --- notebook stylesheet ------------------------------------------------

async function purge(PurgeCSS, content, styles) {
  const purged = await new PurgeCSS().purge({
    content: [{ raw: content, extension: "html" }],
    css: styles.map((m) => ({ raw: m[1] })),
    variables: true,           // drop custom properties nothing reads
    keyframes: true,
    fontFace: true,
    // Set on <body> by the theme's script, not in the HTML.
    safelist: { greedy: [/data-md-color-scheme/, /data-jp-theme/] },
  });
  return purged.map((result) => ({ css: result.css }));
}

// mkdocs-jupyter inlines JupyterLab's whole theme into every notebook
// page as <style> elements in the page's body, before the notebook.
const NOTEBOOK_MARK = '<div class="jupyter-wrapper">';
const STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;

async function trimNotebookCss(html, PurgeCSS, cacheDir) {
  if (!html.includes(NOTEBOOK_MARK)) return { html, saved: 0 };
  const body = html.search(/<body[\s>]/);
  const styles = [...html.matchAll(STYLE)].filter((m) => m.index > body);
  if (!styles.length) return { html, saved: 0 };
  // mkdocs-jupyter 0.26 also writes its code-highlighting CSS a second
  // time as a Python list's repr (['pre { … }']): not CSS, so browsers
  // drop it; so does this pass.
  const real = (m) => !m[1].trim().startsWith("['");
  const content = html.replace(STYLE, "");
  // Cached by the page as built: a warm build purges nothing again.
  const digest = crypto.createHash("sha256")
    .update(`purgecss ${PURGECSS_VERSION}\n${html}`).digest("hex");
  const key = cacheDir && path.join(cacheDir, `${digest}.json`);
  const purged = key && fs.existsSync(key)
    ? JSON.parse(fs.readFileSync(key, "utf8"))
    : await purge(PurgeCSS, content, styles.filter(real));
  if (key) fs.writeFileSync(key, JSON.stringify(purged));
  let out = "";
  let at = 0;
  const kept = styles.filter(real);
  styles.forEach((m) => {
    const i = kept.indexOf(m);
    const css = i < 0 ? "" : purged[i].css.trim();
    out += html.slice(at, m.index) + (css ? `<style>${css}</style>` : "");
    at = m.index + m[0].length;
  });
  out += html.slice(at);
  // Wide code cells scroll sideways: keyboard users must be able to
  // reach them (Material does the same for its own code blocks).
  out = out.replaceAll('<div class="highlight-ipynb hl-python">',
                       '<div class="highlight-ipynb hl-python" tabindex="0">');
  return { html: out, saved: html.length - out.length };
}

// --- figures ----------------------------------------------------------

// <img> of the book's figures: width and height from the SVG, so the
// page keeps its layout while a figure loads (CSS still scales it down
// to the column: Material sets max-width 100% and height auto), and
// loading="lazy" on all but a page's first figure, so a reader's phone
// fetches a figure only when it is about to be shown.
const IMG = /<img\b[^>]*>/g;
const SVG_SIZE = new RegExp(
  String.raw`<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"` +
  String.raw`[^>]*?\sheight="([\d.]+)(pt|px)?"`);

function figureSize(file) {
  if (!fs.existsSync(file)) return null;
  const head = fs.readFileSync(file, "utf8").slice(0, 4000);
  const m = head.match(SVG_SIZE);
  if (!m) return null;
  const px = (value, unit) => Math.round(
    parseFloat(value) * (unit === "pt" ? 4 / 3 : 1));
  return [px(m[1], m[2]), px(m[3], m[4])];
}

function figureHints(html, pageFile) {
  let seen = 0;
  return html.replace(IMG, (tag) => {
    const src = tag.match(/\ssrc="([^"]+)"/);
    if (!src || !/(^|\/)figures\/.+\.svg$/.test(src[1])) return tag;
    seen += 1;
    let extra = "";
    if (!/\swidth=/.test(tag) && !/\sheight=/.test(tag)) {
      const size = figureSize(path.join(path.dirname(pageFile),
                                        decodeURI(src[1])));
      if (size) extra += ` width="${size[0]}" height="${size[1]}"`;
    }
    if (seen > 1 && !/\sloading=/.test(tag)) extra += ' loading="lazy"';
    if (!/\sdecoding=/.test(tag)) extra += ' decoding="async"';
    return tag.replace(/^<img\b/, `<img${extra}`);
  });
}

const hash = (text) => crypto.createHash("sha256")
  .update(`svgo ${SVGO_VERSION}\n${text}`).digest("hex");

// Minified copies are kept in CACHE_DIR (when given), keyed by a hash of
// the figure and svgo's version: a warm build minifies nothing.
function minifyFigures(site, optimize, cacheDir) {
  const dir = path.join(site, "figures");
  let before = 0;
  let after = 0;
  let minified = 0;
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true })
        .filter((name) => name.endsWith(".svg")) : [];
  for (const name of files) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, "utf8");
    const key = hash(text);
    const cached = cacheDir && path.join(cacheDir, `${key}.svg`);
    let small;
    if (cached && fs.existsSync(cached)) {
      small = fs.readFileSync(cached, "utf8");
    } else {
      // svgo's default preset keeps the viewBox (figures scale with the
      // page) and the ids that <use> elements point to.
      small = optimize(text, { path: file, multipass: true }).data;
      minified += 1;
      if (cached) {
        fs.writeFileSync(cached, small);
        // A second pass over the same site finds its output minified.
        fs.writeFileSync(path.join(cacheDir, `${hash(small)}.svg`), small);
      }
    }
    before += Buffer.byteLength(text);
    after += Buffer.byteLength(small);
    if (small.length < text.length) fs.writeFileSync(file, small);
  }
  return { figures: files.length, minified, bytes_before: before,
           bytes_after: after };
}

// --- the site -----------------------------------------------------------

function htmlPages(site) {
  return fs.readdirSync(site, { recursive: true })
    .filter((name) => name.endsWith(".html"))
    .filter((name) => name.split(path.sep)[0] !== "assets")
    .sort();
}

async function main(site, cacheDir) {
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  const { PurgeCSS } = await import("purgecss");
  const { optimize } = await import("svgo");
  const seconds = {};
  const report = { pages: 0, math_pages: 0, math_pages_cached: 0,
                   formulas: 0,
                   notebook_css_saved: 0, errors: [] };
  const mj = makeMathJax();
  let t0 = performance.now();
  const pages = htmlPages(site);
  const texts = new Map();
  for (const page of pages) {
    const file = path.join(site, page);
    const done = cachedPageMath(fs.readFileSync(file, "utf8"), mj,
                                page.split(path.sep).join("/"),
                                report.errors, cacheDir);
    texts.set(page, done.html);
    report.pages += 1;
    report.formulas += done.formulas;
    if (done.formulas) report.math_pages += 1;
    if (done.cached) report.math_pages_cached += 1;  // of math_pages
  }
  seconds.math = performance.now() - t0;
  t0 = performance.now();
  for (const [page, html] of texts) {
    const done = await trimNotebookCss(html, PurgeCSS, cacheDir);
    report.notebook_css_saved += done.saved;
    texts.set(page, done.html);
  }
  seconds.notebook_css = performance.now() - t0;
  for (const [page, html] of texts) {
    const file = path.join(site, page);
    const done = figureHints(html, file);
    if (fs.readFileSync(file, "utf8") !== done) fs.writeFileSync(file, done);
  }
  t0 = performance.now();
  Object.assign(report, minifyFigures(site, optimize, cacheDir));
  seconds.figures = performance.now() - t0;
  report.seconds = Object.fromEntries(Object.entries(seconds).map(
    ([k, ms]) => [k, Math.round(ms) / 1000]));
  process.stdout.write(JSON.stringify(report) + "\n");
}

const [site, cacheDir] = process.argv.slice(2);
if (!site || !fs.existsSync(path.join(site, "index.html"))) {
  process.stderr.write("usage: node scripts/postbuild.mjs SITE_DIR " +
                       "[CACHE_DIR] (a built site, with its index.html)\n");
  process.exit(2);
}
await main(site, cacheDir);
