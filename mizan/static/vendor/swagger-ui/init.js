// Starts Swagger UI (swagger-ui-dist 5.35.0, Apache-2.0, see LICENSE) on the element that names
// the OpenAPI document in data-openapi-url. A file, not an inline script: the CSP forbids those.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("swagger-ui");
    if (!element || typeof window.SwaggerUIBundle !== "function") {
      return;
    }
    window.ui = window.SwaggerUIBundle({
      url: element.getAttribute("data-openapi-url"),
      domNode: element,
      layout: "BaseLayout",
      deepLinking: true,
      // The validator badge would call validator.swagger.io: nothing leaves an air-gapped network.
      validatorUrl: null,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
