/* A confirmation before an action that removes, ends or completes something: a form marked
 * data-confirm="what will happen" (or whose pressed button is) opens the page's native dialog (templates/includes/confirm_dialog.html)
 * instead of being sent; "Ja, fortsæt" sends it with the button that was pressed, "Fortryd" or Escape
 * closes the dialog and returns focus to that button. Without JavaScript the form is sent as it is. */
(function () {
  "use strict";
  var dialog, pending = null;

  function close() {
    if (dialog.open) dialog.close();
  }
  function init() {
    dialog = document.getElementById("hf-confirm");
    if (!dialog || typeof dialog.showModal !== "function") return;
    var text = document.getElementById("hf-confirm-text");
    dialog.querySelector("[data-confirm-no]").addEventListener("click", close);
    dialog.querySelector("[data-confirm-yes]").addEventListener("click", function () {
      var p = pending;
      pending = null;
      close();
      if (!p) return;
      p.form.dataset.confirmed = "1";
      if (p.submitter && typeof p.form.requestSubmit === "function") p.form.requestSubmit(p.submitter);
      else if (typeof p.form.requestSubmit === "function") p.form.requestSubmit();
      else p.form.submit();
    });
    dialog.addEventListener("close", function () {
      if (pending && pending.submitter) pending.submitter.focus();
      pending = null;
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      // The pressed button's own question (a form with several buttons), else the form's.
      var submitter = event.submitter || null;
      var question = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
      if (!question) return;
      if (form.dataset.confirmed === "1") {
        delete form.dataset.confirmed;
        return;
      }
      event.preventDefault();
      pending = { form: form, submitter: submitter };
      text.textContent = question;
      dialog.showModal();
      dialog.querySelector("[data-confirm-no]").focus();
    }, true);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
