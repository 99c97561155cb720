/* Pagefind's own interface, in French, searching the index built with the site.
   Its field gets the page's visible label (WCAG 2.2: 2.5.3, 3.3.2). A post's result
   is titled by its time and place (« 15 h 43 · Place Saint-Sulpice ») and its author
   comes on a second line: Pagefind writes a page's other metadata as « key: value »,
   so the author's line is rewritten to its value alone once Pagefind has drawn it.
   The filters (Heure, Lieu) come from the posts' data-pagefind-filter marks. */
(function () {
  "use strict";
  var element = document.getElementById("recherche");
  if (!element || typeof PagefindUI === "undefined") { return; }
  new PagefindUI({
    element: "#recherche",
    bundlePath: element.getAttribute("data-bundle"),
    showSubResults: false,
    showImages: false,
    showEmptyFilters: false,
    resetStyles: false,
    excerptLength: 24,
    translations: {
      placeholder: "Chercher dans la journée",
      clear_search: "Effacer",
      load_more: "Afficher plus de résultats",
      search_label: "Chercher dans la journée",
      filters_label: "Filtres",
      zero_results: "Aucun résultat pour [SEARCH_TERM]",
      many_results: "[COUNT] résultats pour [SEARCH_TERM]",
      one_result: "[COUNT] résultat pour [SEARCH_TERM]",
      alt_search: "Aucun résultat pour [SEARCH_TERM]. Résultats pour [DIFFERENT_TERM]",
      search_suggestion: "Aucun résultat pour [SEARCH_TERM]. Essayer l’une de ces recherches :",
      searching: "Recherche de [SEARCH_TERM]…"
    }
  });
  function labelField() {
    var field = element.querySelector("input");
    if (!field) { window.requestAnimationFrame(labelField); return; }
    field.id = "recherche-champ";
    field.removeAttribute("title");
  }
  labelField();
  function authorLines() {
    var items = element.querySelectorAll("li[data-pagefind-ui-meta='auteur']:not(.is-author)");
    Array.prototype.forEach.call(items, function (item) {
      var text = item.textContent.replace(/^\s*auteur\s*:\s*/i, "").trim();
      item.textContent = text;
      item.classList.add("is-author");
    });
  }
  new MutationObserver(authorLines).observe(element, { childList: true, subtree: true });
})();
