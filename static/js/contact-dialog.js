/* The contact dialog (people/_contact_dialog.html, people/_contact_button.html).
 *
 * A button's hx-get loads the contact form into the native <dialog>; this script opens it as a modal,
 * moves focus into it (the first field, or the first field with an error after a refused save), closes it
 * on Escape (the browser's own cancel) or "Annullér", and gives focus back to the button that opened it.
 * A saved contact answers with the event "hf-contact-recorded" (HX-Trigger): the dialog closes, the
 * page's live region says so, and every element marked with the person's data-contact-activity or
 * data-contact-last shows the new date. Without JavaScript the button is a link to the form's page. */
(function () {
  "use strict";
  var opener = null;

  function dialog() { return document.getElementById("contact-dialog"); }

  function firstField(container) {
    return container.querySelector(".form-error input, .form-error select, .form-error textarea") ||
      container.querySelector("input:not([type=hidden]), select, textarea, button");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-contact-dialog")) opener = elt;
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var d = dialog();
    if (!d || event.detail.target.id !== "contact-dialog-body") return;
    // A saved contact swaps nothing (HX-Reswap: none) but htmx still reports the swap: stay closed.
    if (!event.detail.target.querySelector("form")) return;
    if (!d.open) d.showModal();
    var field = firstField(d);
    if (field) field.focus();
  });

  // A page the dialog cannot show (e.g. the session ran out): go to the form's own page instead.
  document.addEventListener("htmx:responseError", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-contact-dialog")) window.location.href = elt.href;
  });

  document.addEventListener("click", function (event) {
    var close = event.target.closest ? event.target.closest("[data-dialog-close]") : null;
    var d = dialog();
    if (close && d && d.contains(close)) d.close();
  });

  document.addEventListener("hf-contact-recorded", function (event) {
    var detail = event.detail || {};
    var person = String(detail.person);
    document.querySelectorAll("[data-contact-activity]").forEach(function (el) {
      if (el.getAttribute("data-contact-activity") === person) el.textContent = detail.activity;
    });
    document.querySelectorAll("[data-contact-last]").forEach(function (el) {
      if (el.getAttribute("data-contact-last") === person) el.textContent = detail.contact;
    });
    var d = dialog();
    var back = opener;
    // Emptied now, not in the close event (which comes later): htmx still reports its (empty) swap.
    var body = document.getElementById("contact-dialog-body");
    if (body) body.textContent = "";
    if (d && d.open) d.close();
    // Again once htmx has finished with the request (its own focus handling runs after this event).
    window.setTimeout(function () { if (back && document.body.contains(back)) back.focus(); }, 0);
    // The live region is added on the first save (not in the page from the start, where it would be one
    // more empty "status" beside the page's own messages); filled a moment later so it is announced.
    var status = document.getElementById("contact-dialog-status");
    if (!status) {
      status = document.createElement("div");
      status.id = "contact-dialog-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      (document.getElementById("main-content") || document.body).appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = detail.message || ""; }, 100);
  });

  function wire() {
    var d = dialog();
    if (!d || d.dataset.wired) return;
    d.dataset.wired = "1";
    d.addEventListener("close", function () {
      document.getElementById("contact-dialog-body").textContent = "";
      if (opener && document.body.contains(opener)) opener.focus();
      opener = null;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
