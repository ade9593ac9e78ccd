/* Session timeout warning and the return of a form typed before the session ran out.
 *
 * The countdown starts from the seconds the server rendered (data-expires-in) and restarts with every
 * request this page makes (HTMX, from data-renewed-in: the server saves the session at most once a
 * minute, so a request renews it to at least that) and with any other tab's page load (localStorage).
 * Nothing is asked of the server until the user chooses "Forlæng". */
(function () {
  "use strict";
  var STORAGE_KEY = "hf-session-deadline";

  function sessionWarning() {
    var modal = document.getElementById("session-timeout");
    if (!modal) return;
    var backdrop = document.getElementById("session-timeout-backdrop");
    var status = document.getElementById("session-timeout-status");
    var extendButton = modal.querySelector("[data-extend]");
    var failed = modal.querySelector("[data-extend-failed]");
    var expiresIn = parseInt(modal.dataset.expiresIn, 10);
    var renewedIn = parseInt(modal.dataset.renewedIn, 10) || expiresIn;
    var warnBefore = parseInt(modal.dataset.warnBefore, 10);
    var deadline = 0, shownFor = 0, expired = false, returnFocus = null;
    var lang = document.documentElement.lang || "da";

    function restart(seconds, share) {
      deadline = Date.now() + seconds * 1000;
      if (share) { try { localStorage.setItem(STORAGE_KEY, String(deadline)); } catch (e) { /* private mode */ } }
      if (isOpen() && !expired) close(false);
    }
    function isOpen() { return modal.getAttribute("aria-hidden") === "false"; }
    function setState(state) {
      modal.querySelectorAll("[data-state]").forEach(function (el) { el.hidden = el.dataset.state !== state; });
    }
    function others() {
      return Array.prototype.filter.call(document.body.children, function (el) {
        return el !== modal && el !== backdrop && el !== status && el.tagName !== "SCRIPT";
      });
    }
    function open() {
      returnFocus = document.activeElement;
      others().forEach(function (el) { el.inert = true; });
      modal.setAttribute("aria-hidden", "false");
      backdrop.classList.add("show");
      document.body.classList.add("modal-open");
      (expired ? modal.querySelector("[data-close]") : extendButton).focus();
    }
    function close(restoreFocus) {
      modal.setAttribute("aria-hidden", "true");
      backdrop.classList.remove("show");
      document.body.classList.remove("modal-open");
      others().forEach(function (el) { el.inert = false; });
      failed.hidden = true;
      if (restoreFocus !== false && returnFocus && returnFocus.focus) returnFocus.focus();
    }
    function showExpired() {
      expired = true;
      setState("expired");
      if (isOpen()) modal.querySelector("[data-close]").focus(); else open();
    }
    function tick() {
      var left = Math.round((deadline - Date.now()) / 1000);
      if (left <= 0) { if (!expired) showExpired(); return; }
      if (left <= warnBefore && shownFor !== deadline) {
        shownFor = deadline;
        setState("warning");
        modal.querySelector("[data-clock]").textContent =
          new Date(deadline).toLocaleTimeString(lang === "en" ? "en-GB" : "da-DK", {hour: "2-digit", minute: "2-digit"});
        open();
      }
      if (isOpen()) {
        modal.querySelector("[data-countdown]").textContent =
          Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      }
    }
    function extend() {
      failed.hidden = true;
      fetch(modal.dataset.extendUrl, {method: "POST", credentials: "same-origin",
        headers: {"X-CSRFToken": modal.dataset.csrf, "Accept": "application/json"}})
        .then(function (response) {
          if (response.status === 401) { showExpired(); return null; }
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (body) {
          if (!body) return;
          restart(body.expires_in, true);
          close();
          status.textContent = status.dataset.extendedText;
        })
        .catch(function () { failed.hidden = false; });
    }

    extendButton.addEventListener("click", extend);
    modal.querySelector("[data-close]").addEventListener("click", function () { close(); });
    modal.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(); return; }
      if (event.key !== "Tab") return;
      var focusable = Array.prototype.filter.call(modal.querySelectorAll("button, a[href]"),
        function (el) { return !el.hidden && !el.closest("[hidden]"); });
      var first = focusable[0], last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail && event.detail.successful && !expired) restart(renewedIn, true);
    });
    window.addEventListener("storage", function (event) {
      // Another tab loaded a page: the session was renewed (or the user logged in again there).
      if (event.key === STORAGE_KEY && event.newValue && parseInt(event.newValue, 10) > Date.now()) {
        deadline = parseInt(event.newValue, 10);
        expired = false;
        if (isOpen()) close(false);
      }
    });
    restart(expiresIn, true);
    window.setInterval(tick, 1000);
  }

  function preservedForm() {
    var script = document.getElementById("hf-preserved-form");
    if (!script) return;
    var stash = JSON.parse(script.textContent);
    var pathOf = function (url) { return new URL(url, window.location.href).pathname; };
    var forms = Array.prototype.slice.call(document.querySelectorAll("form"));
    var form = forms.filter(function (f) {
      return pathOf(f.getAttribute("hx-post") || f.getAttribute("action") || window.location.href) === stash.action;
    })[0];
    if (!form) return;
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      var type = (field.type || "").toLowerCase();
      if (!field.name || ["hidden", "password", "file", "submit", "button"].indexOf(type) >= 0) return;
      var values = stash.data[field.name] || [];
      if (type === "checkbox" || type === "radio") {
        field.checked = values.indexOf(field.value) >= 0;
      } else if (field.tagName === "SELECT") {
        Array.prototype.forEach.call(field.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
      } else if (field.name in stash.data) {
        var i = seen[field.name] || 0;  // several fields of one name keep their order
        field.value = values[i] !== undefined ? values[i] : "";
        seen[field.name] = i + 1;
      }
    });
    var details = form.closest("details");
    if (details) details.open = true;
    form.scrollIntoView({block: "center"});
  }

  function start() { sessionWarning(); preservedForm(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
