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
  // A link of the error summary points at a field's container: put the focus in the field itself
  // (its first control), so typing can start at once; without this file the link still scrolls.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    if (!link) { return; }
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    var control = target.matches("input, select, textarea") ? target :
      target.querySelector("input:not([type=hidden]):checked, input:not([type=hidden]):not([type=radio]), input[type=radio], select, textarea");
    if (!control) { return; }
    event.preventDefault();
    target.scrollIntoView();
    control.focus({ preventScroll: true });
  });

  // htmx: the region being refreshed says it is (aria-busy; the stylesheet dims it) until the new
  // content replaces it, or until the request fails and the old content stays.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.target) { event.detail.target.setAttribute("aria-busy", "true"); }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.target) { event.detail.target.removeAttribute("aria-busy"); }
  });

  // Escape closes what hover or focus opened (a suggestion's reasons) and an open drop-down list;
  // a click elsewhere closes the drop-down too. Without this file both still work, by hand.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll(".suggestion:hover, .suggestion:focus-within").forEach(function (el) {
      el.classList.add("is-dismissed");
    });
    var dropdown = event.target.closest ? event.target.closest("details.dropdown[open]") : null;
    if (dropdown) { dropdown.open = false; dropdown.querySelector("summary").focus(); }
  });
  function rearm(event) {
    var box = event.target.closest ? event.target.closest(".suggestion.is-dismissed") : null;
    if (box && !(event.relatedTarget && box.contains(event.relatedTarget))) { box.classList.remove("is-dismissed"); }
  }
  // Leaving the badge, or coming back to it with the mouse, asks for the reasons again.
  document.addEventListener("focusout", rearm);
  document.addEventListener("mouseout", rearm);
  document.addEventListener("mouseover", rearm);
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.dropdown[open]").forEach(function (dropdown) {
      if (!dropdown.contains(event.target)) { dropdown.open = false; }
    });
  });

  // A download that takes seconds (the impact report is drawn on request): the link is busy until
  // the file has arrived. A plain link cannot tell when that is; fetch() can, so the file is
  // fetched here and handed to the browser as a download. Anything but the file (the login page
  // after a lost session, an error page) is opened as the plain link would have.
  function fileName(disposition) {
    var match = /filename="([^"]+)"/.exec(disposition || "");
    return match ? match[1] : "";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-busy-download]") : null;
    if (!link || !window.fetch || !window.URL || !URL.createObjectURL) { return; }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") { return; }
    var status = document.getElementById(link.getAttribute("data-busy-status") || "");
    function say(text, failed) {
      if (!status) { return; }
      status.textContent = text || "";
      status.classList.toggle("is-failed", Boolean(failed));
    }
    function finish(text, failed) {
      link.removeAttribute("aria-busy");
      link.removeAttribute("aria-disabled");
      say(text, failed);
    }
    link.setAttribute("aria-busy", "true");
    link.setAttribute("aria-disabled", "true");
    say(link.getAttribute("data-busy-text"));
    fetch(link.href, {credentials: "same-origin"}).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("application/pdf") !== 0) {
        finish("");
        window.location.assign(link.href);
        return null;
      }
      var name = fileName(response.headers.get("Content-Disposition")) || link.getAttribute("download") || "";
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var save = document.createElement("a");
        save.href = url;
        save.download = name;
        save.hidden = true;
        document.body.appendChild(save);
        save.click();
        save.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        finish(link.getAttribute("data-done-text"));
      });
    }).catch(function () {
      finish(link.getAttribute("data-failed-text"), true);
    });
  });
})();
