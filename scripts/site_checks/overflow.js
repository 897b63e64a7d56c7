// The overflow check, run in the page at phone width by
// scripts/browser.py: names the outermost elements that stick out to the
// right. Calls back with JSON.
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const width = window.innerWidth;
  const page = document.documentElement.scrollWidth;
  const culprits = [];
  if (page > width) {
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      const parent = el.parentElement.getBoundingClientRect().right;
      if (right > width + 1 && parent <= width + 1) {
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        if (el.classList.length) name += "." + [...el.classList].join(".");
        culprits.push(`<${name}> reaches ${Math.round(right)} px`);
      }
    }
  }
  done(JSON.stringify({width, page, culprits: culprits.slice(0, 5)}));
}));
