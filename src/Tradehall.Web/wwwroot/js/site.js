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
  // The header's menus are <details> disclosures that work without this script; here they also say whether they are
  // open (aria-expanded), close with Escape (focus back on their button) and close on a click or focus elsewhere.
  var menus = Array.prototype.slice.call(document.querySelectorAll("details[data-disclosure]"));
  function sync(menu) {
    var button = menu.querySelector("summary");
    if (button) {
      button.setAttribute("aria-expanded", menu.open ? "true" : "false");
    }
  }
  menus.forEach(function (menu) {
    sync(menu);
    menu.addEventListener("toggle", function () { sync(menu); });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !(event.target instanceof Element)) {
      return;
    }
    var menu = event.target.closest("details[data-disclosure][open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  function closeOutside(target) {
    menus.forEach(function (menu) {
      if (menu.open && !(target instanceof Node && menu.contains(target))) {
        menu.open = false;
      }
    });
  }
  document.addEventListener("click", function (event) { closeOutside(event.target); });
  document.addEventListener("focusin", function (event) { closeOutside(event.target); });

  // MKT-02: on a phone the listing filters fold behind their button, so the results come first.
  if (window.matchMedia("(max-width: 640px)").matches) {
    document.querySelectorAll("details[data-fold-on-phone=true]").forEach(function (d) { d.open = false; });
  }
})();

// PRV-03: a page waiting for something the server prepares reloads itself until it is there; without scripts the member reloads.
(function () {
  "use strict";
  var waiting = document.querySelector("[data-refresh-after]");
  if (waiting) {
    var seconds = parseInt(waiting.getAttribute("data-refresh-after"), 10) || 5;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
})();
