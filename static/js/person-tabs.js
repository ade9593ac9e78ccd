/* The person page's tabs (people/detail.html, people/tabs.py). Each tab is a link to ?fane=<key>, which
 * works without JavaScript; here a tab is shown in the page instead (every tab is already rendered, so
 * nothing more is read or logged), the address keeps ?fane=<key> for reload and sharing, #fane-<key>
 * opens a tab too, and focus moves into the shown tab as it would after a page load. */
(function () {
  "use strict";

  function init() {
    var container = document.querySelector("[data-person-tabs]");
    if (!container) return;
    var links = Array.prototype.slice.call(container.querySelectorAll("a[data-tab]"));

    function show(key, focus) {
      var found = links.some(function (a) { return a.dataset.tab === key; });
      if (!found) return false;
      links.forEach(function (a) {
        var on = a.dataset.tab === key;
        if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
        var panel = document.getElementById("fane-" + a.dataset.tab);
        if (panel) panel.hidden = !on;
      });
      var url = new URL(window.location.href);
      url.searchParams.set("fane", key);
      url.hash = "";
      window.history.replaceState(null, "", url.toString());
      if (focus) {
        var panel = document.getElementById("fane-" + key);
        if (panel) panel.focus();
      }
      return true;
    }

    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        if (show(a.dataset.tab, true)) event.preventDefault();
      });
    });

    function fromHash() {
      var m = /^#fane-([\w-]+)$/.exec(window.location.hash);
      if (m) show(m[1], true);
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
