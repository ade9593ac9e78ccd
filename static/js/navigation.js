/* The header's menus: DKFDS's own navigation (the mobile drawer with its focus trap, and the "Mere" menu
 * when the groups do not fit), its dropdowns for the groups on a wide screen and its collapsible groups in
 * the drawer. Only the header is initialised, so DKFDS's script changes nothing else on the pages. */
(function () {
  "use strict";
  function init() {
    if (!window.DKFDS) return;
    var header = document.querySelector("header.header");
    if (!header) return;
    header.querySelectorAll(".navigation-menu .js-dropdown").forEach(function (button) {
      new window.DKFDS.Dropdown(button).init();
    });
    header.querySelectorAll(".js-menudropdown").forEach(function (button) {
      new window.DKFDS.MenuDropdown(button).init();
    });
    if (header.querySelector(".js-menu-open")) new window.DKFDS.Navigation().init();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
