/* « Au hasard »: a link marked data-hasard="<address of hasard.json>" opens a post
   picked at random from that list (addresses relative to the site's root, which is
   where the list lives); the page /hasard/ does the same as soon as it is opened,
   replacing itself in the history. Without this script, or when the list cannot be
   read, the link leads to /hasard/, which shows a post chosen when the site was
   built. */
(function () {
  "use strict";

  function go(listAddress, fallback, replace) {
    var list = new URL(listAddress, document.baseURI);
    fetch(list).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (urls) {
      if (!Array.isArray(urls) || !urls.length) { throw new Error("empty"); }
      var pick = new URL(String(urls[Math.floor(Math.random() * urls.length)]), list);
      if (pick.origin !== list.origin) { throw new Error("elsewhere"); }  // this site only
      if (replace) { window.location.replace(pick.href); } else { window.location.assign(pick.href); }
    }).catch(function () {
      if (fallback) { window.location.assign(fallback); }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-hasard]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey ||
        event.ctrlKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    go(link.getAttribute("data-hasard"), link.href, false);
  });

  var page = document.getElementById("hasard");
  if (page && page.getAttribute("data-hasard-list")) {
    go(page.getAttribute("data-hasard-list"), "", true);
  }
}());
