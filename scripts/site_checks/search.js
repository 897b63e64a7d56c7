// Types a query into Material's search box and calls back with the
// number of results shown (scripts/browser.py search_hits).
const [query, done] = arguments;
const input = document.querySelector(".md-search__input");
input.focus();
input.value = query;
input.dispatchEvent(new Event("input", {bubbles: true}));
input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
const t0 = Date.now();
(function wait() {
  const hits = document.querySelectorAll(".md-search-result__item").length;
  if (hits || Date.now() - t0 > 10000) done(hits);
  else setTimeout(wait, 100);
})();
