// Small accessibility fixes to the theme's markup, found by Lighthouse
// (python -m scripts.measure).
document$.subscribe(() => {
  // The search overlay is a dialog and needs an accessible name.
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search");
  }
});

// A table wider than the screen scrolls in Material's wrapper; keyboard
// users must be able to focus it to scroll it (axe:
// scrollable-region-focusable), as Material does for wide code blocks.
document$.subscribe(() => {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
    }
  }
});
