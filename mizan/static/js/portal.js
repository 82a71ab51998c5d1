// The portal's forms that can carry files (filing a complaint, answering the officer) show that
// they are being sent: uploading five files of 10 MB can take minutes on a slow line, and a
// page that seems idle invites a second click or closing the page. A form with `data-sending`
// gets its submit buttons disabled and its `.submit-status` live region filled with that text.
// Progressive enhancement only: the forms work without this file.
(function () {
  "use strict";

  function buttons(form) {
    return form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]");
  }

  function sending(form) {
    buttons(form).forEach(function (button) { button.disabled = true; });
    form.setAttribute("aria-busy", "true");
    var status = form.querySelector(".submit-status");
    if (status) { status.textContent = form.getAttribute("data-sending"); }
  }

  function ready(form) {
    buttons(form).forEach(function (button) { button.disabled = false; });
    form.removeAttribute("aria-busy");
    var status = form.querySelector(".submit-status");
    if (status) { status.textContent = ""; }
  }

  // On the document, so that a listener on the form that stops the sending (pow.js while it
  // calculates) or mizan.js's guard against a second click has already had its say.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.hasAttribute || !form.hasAttribute("data-sending")) { return; }
    sending(form);
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-sending]").forEach(function (form) {
      // pow.js sends the form itself once its calculation is done (form.submit() fires no submit
      // event); it writes data-pow-seconds on the form just before.
      if (form.hasAttribute("data-pow-script") && window.MutationObserver) {
        new MutationObserver(function () { sending(form); })
          .observe(form, { attributes: true, attributeFilter: ["data-pow-seconds"] });
      }
    });
  });

  // Back to this page from the next one (the back-forward cache keeps the disabled buttons).
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-sending]").forEach(ready);
  });
})();
