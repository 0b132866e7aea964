// Small enhancements only: every page works without this file.
(function () {
  "use strict";

  // Bring keyboard and screen-reader users to the list of problems after a refused form.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }

  // "Show" buttons beside password fields; the labels come from the page, in its language.
  document.querySelectorAll("input[type=password][data-reveal]").forEach(function (input) {
    var show = input.getAttribute("data-reveal") || "Show";
    var hide = input.getAttribute("data-reveal-hide") || "Hide";
    var wrap = document.createElement("div");
    wrap.className = "password-wrap";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = show;
    button.setAttribute("aria-pressed", "false");
    if (input.id) {
      button.setAttribute("aria-controls", input.id);
    }
    button.addEventListener("click", function () {
      var visible = input.type === "text";
      input.type = visible ? "password" : "text";
      button.textContent = visible ? show : hide;
      button.setAttribute("aria-pressed", visible ? "false" : "true");
    });
    wrap.appendChild(button);
  });
})();
