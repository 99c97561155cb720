/* Pagefind's own interface, in French, searching the index built with the site.
   Its field gets the page's visible label (WCAG 2.2: 2.5.3, 3.3.2). */
(function () {
  "use strict";
  var element = document.getElementById("recherche");
  if (!element || typeof PagefindUI === "undefined") { return; }
  new PagefindUI({
    element: "#recherche",
    bundlePath: element.getAttribute("data-bundle"),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "Chercher dans la journée" }
  });
  function labelField() {
    var field = element.querySelector("input");
    if (!field) { window.requestAnimationFrame(labelField); return; }
    field.id = "recherche-champ";
    field.removeAttribute("title");
  }
  labelField();
})();
