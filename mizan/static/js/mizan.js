// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) { el.form.submit(); }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    // A second click must not send the form twice.
    if (form.dataset.sent === "1" && !form.hasAttribute("data-allow-resubmit")) { event.preventDefault(); return; }
    form.dataset.sent = "1";
    window.setTimeout(function () { form.dataset.sent = ""; }, 8000);
  });
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("[data-print],[data-copy]") : null;
    if (!el) { return; }
    if (el.hasAttribute("data-print")) { event.preventDefault(); window.print(); }
    if (el.hasAttribute("data-copy") && navigator.clipboard) {
      event.preventDefault();
      navigator.clipboard.writeText(el.getAttribute("data-copy")).then(function () {
        el.setAttribute("data-copied", "1");
      });
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
})();
