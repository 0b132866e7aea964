// People picker: turns a plain text field for a page address into a search-as-you-type combobox (ARIA 1.2 list
// autocomplete). Without this script the field still takes the part after /u/ of a member's page address.
(function () {
  "use strict";

  // Asked only after typing pauses this long, so one word costs one request rather than one per key.
  var pause = 250;

  document.querySelectorAll("[data-picker]").forEach(function (field) {
    var input = field.querySelector("input");
    var list = field.querySelector("[role=listbox]");
    var status = field.querySelector("[data-picker-status]");
    var chosen = field.querySelector("[data-picker-chosen]");
    var source = field.getAttribute("data-source");
    if (!input || !list || !source) {
      return;
    }
    var options = [];
    var active = -1;
    var timer = 0;
    var asked = 0;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(option) {
      input.value = option.getAttribute("data-value");
      if (chosen) {
        chosen.textContent = (field.getAttribute("data-chosen") || "{0}").replace("{0}", option.getAttribute("data-name"));
        chosen.hidden = false;
      }
      close();
      input.focus();
    }

    function show(people) {
      list.textContent = "";
      options = people.map(function (person, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", person.address);
        option.setAttribute("data-name", person.name);
        var name = document.createElement("span");
        name.className = "picker-name";
        name.textContent = person.name;
        option.appendChild(name);
        var more = document.createElement("span");
        more.className = "picker-detail";
        more.textContent = [person.detail, person.city, "/u/" + person.address].filter(Boolean).join(" · ");
        option.appendChild(more);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keeps focus in the field
          choose(option);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      if (options.length === 0) {
        close();
        say(field.getAttribute("data-none") || "");
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      say((field.getAttribute("data-count") || "{0}").replace("{0}", String(options.length)));
    }

    function search() {
      var words = input.value.trim();
      var ticket = ++asked;
      if (words.length === 0) {
        show([]);
        say("");
        return;
      }
      fetch(source + "&q=" + encodeURIComponent(words), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (people) {
          // An answer to words typed before the last ones is stale.
          if (people && ticket === asked) {
            show(people);
          }
        })
        .catch(function () { /* the field still takes a page address as typed */ });
    }

    input.addEventListener("input", function () {
      if (chosen) {
        chosen.hidden = true;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(search, pause);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) {
          if (options.length > 0) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          return;
        }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + options.length) % options.length);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); // picks the person; a second Enter sends the form
        choose(options[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  });
})();
