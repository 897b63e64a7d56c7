// Small accessibility fixes to the theme's markup, found by Lighthouse
// (python -m scripts.measure).
document$.subscribe(() => {
  // The search overlay is a dialog and needs an accessible name.
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search");
  }
});
