// Starts Swagger UI over the live spec; a file of its own, as the page's policy runs no inline script.
"use strict";
(function () {
  var container = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: container.dataset.specUrl,
    domNode: container,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // Nothing leaves this origin: no badge from the public validator.
    validatorUrl: null,
  });
})();
