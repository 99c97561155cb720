/* « Au hasard »: a link marked data-hasard="<address of hasard.json>" opens a post
   picked at random from that list (addresses relative to the site's root, which is
   where the list lives). The link's own href, a post chosen when the site was built,
   is where it leads without this script, or when the list cannot be read. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-hasard]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey ||
        event.ctrlKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    var list = new URL(link.getAttribute("data-hasard"), document.baseURI);
    fetch(list).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (urls) {
      if (!Array.isArray(urls) || !urls.length) { throw new Error("empty"); }
      var pick = new URL(String(urls[Math.floor(Math.random() * urls.length)]), list);
      if (pick.origin !== list.origin) { throw new Error("elsewhere"); }  // this site only
      window.location.assign(pick.href);
    }).catch(function () {
      window.location.assign(link.href);
    });
  });
}());
