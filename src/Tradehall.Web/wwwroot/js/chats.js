// MSG-02: live chats. Every chat page works without this file (forms post and redirect; reload shows news).
// With it: messages are sent without a reload, new ones appear as they arrive (when the SignalR client
// is loaded), unread badges and read ticks follow the live events "message", "read" and "unread"; quote cards
// (MKT-08) are answered without a reload and redrawn when the live event "quote" says a quote was made or answered.
(function () {
  "use strict";

  var chat = document.getElementById("chat");
  var list = document.getElementById("chat-list");
  if (!chat && !list) {
    return;
  }

  var linkPattern = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/gi;

  // The same inert rendering as the server: text nodes only, http(s) addresses as links.
  function renderText(container, text) {
    var at = 0;
    text.replace(linkPattern, function (url, index) {
      container.appendChild(document.createTextNode(text.slice(at, index)));
      var a = document.createElement("a");
      a.href = url;
      a.rel = "nofollow noopener noreferrer ugc";
      a.target = "_blank";
      a.textContent = url;
      container.appendChild(a);
      at = index + url.length;
      return url;
    });
    container.appendChild(document.createTextNode(text.slice(at)));
  }

  // In the operator's time zone, as the server writes times on the page.
  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return iso;
    }
    var options = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit" };
    try {
      options.timeZone = (chat && chat.getAttribute("data-time-zone")) || undefined;
      return date.toLocaleString(document.documentElement.lang || undefined, options);
    } catch (e) {
      delete options.timeZone;
      return date.toLocaleString(document.documentElement.lang || undefined, options);
    }
  }

  function setBadge(badge, count) {
    if (!badge) {
      return;
    }
    badge.setAttribute("data-unread-count", String(count));
    badge.hidden = count === 0;
    badge.textContent = String(count) + " ";
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = badge.getAttribute("data-label") || "";
    badge.appendChild(hidden);
  }

  var chatId = chat && chat.getAttribute("data-chat-id");
  var me = chat && chat.getAttribute("data-me");
  var messages = document.getElementById("chat-messages");
  var form = document.getElementById("chat-send-form");
  var token = form && form.querySelector("input[name=__RequestVerificationToken]");

  function post(handler, fields) {
    var body = new FormData();
    Object.keys(fields).forEach(function (key) {
      body.append(key, fields[key]);
    });
    body.append("__RequestVerificationToken", token ? token.value : "");
    return fetch("/chats/" + chatId + "?handler=" + handler, {
      method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" }
    });
  }

  function readUpTo() {
    return Number(chat.getAttribute("data-read-up-to") || "0");
  }

  function updateTicks() {
    var upTo = readUpTo();
    if (!upTo) {
      return;
    }
    chat.querySelectorAll(".chat-message-mine").forEach(function (item) {
      var tick = item.querySelector(".chat-tick");
      if (tick && Number(item.getAttribute("data-message-id")) <= upTo && tick.getAttribute("data-read") !== "true") {
        tick.setAttribute("data-read", "true");
        tick.textContent = chat.getAttribute("data-read-label");
      }
    });
  }

  var newest = 0;
  function markRead() {
    if (!chat || document.visibilityState !== "visible" || !window.fetch) {
      return;
    }
    var last = messages && messages.lastElementChild;
    var id = last ? Number(last.getAttribute("data-message-id")) : 0;
    if (!id || id <= newest) {
      return;
    }
    newest = id;
    post("Read", { upTo: String(id) }).then(function (response) {
      if (response.ok) {
        var button = document.querySelector(".chat-mark-read");
        if (button) {
          button.remove();
        }
      }
    }).catch(function () { /* the next visit or reply marks it read */ });
  }

  function appendMessage(message) {
    if (!messages || document.getElementById("m-" + message.id)) {
      return;
    }
    var mine = message.senderId === me;
    var item = document.createElement("li");
    item.id = "m-" + message.id;
    item.className = "chat-message " + (mine ? "chat-message-mine" : "chat-message-theirs");
    item.setAttribute("data-message-id", String(message.id));
    var meta = document.createElement("p");
    meta.className = "chat-meta";
    var sender = document.createElement("span");
    sender.className = "chat-sender";
    sender.textContent = mine ? chat.getAttribute("data-you-label") : document.getElementById("chat-title").firstChild.textContent.trim();
    var time = document.createElement("time");
    time.dateTime = message.sentAt;
    time.textContent = when(message.sentAt);
    meta.appendChild(sender);
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(time);
    if (mine) {
      var tick = document.createElement("span");
      tick.className = "chat-tick";
      tick.setAttribute("data-read", "false");
      tick.textContent = chat.getAttribute("data-sent-label");
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(tick);
    }
    item.appendChild(meta);
    if (message.text) {
      var text = document.createElement("div");
      text.className = "chat-text";
      renderText(text, message.text);
      item.appendChild(text);
    }
    (message.attachments || []).forEach(function (file) {
      var p = document.createElement("p");
      p.className = "chat-file";
      var a = document.createElement("a");
      a.href = "/chats/" + chatId + "/attachments/" + file.id;
      a.setAttribute("download", "");
      if (/^image\//.test(file.contentType || "")) {
        // A picture shows itself; its name stays the link's text for screen readers.
        var img = document.createElement("img");
        img.className = "chat-thumb";
        img.src = a.href;
        img.alt = file.name;
        img.loading = "lazy";
        a.appendChild(img);
      } else {
        a.textContent = file.name;
      }
      p.appendChild(a);
      item.appendChild(p);
    });
    var report = !mine && document.getElementById("chat-report-template");
    if (report) {
      // The same report form the server renders under the other participant's messages.
      var details = report.content.firstElementChild.cloneNode(true);
      details.querySelector("input[name=messageId]").value = String(message.id);
      var reason = details.querySelector("textarea");
      reason.id = "reason-" + message.id;
      details.querySelector("label").htmlFor = reason.id;
      item.appendChild(details);
    }
    messages.appendChild(item);
    var empty = chat.querySelector(".empty");
    if (empty) {
      empty.remove();
    }
    updateTicks();
  }

  function showErrors(problem) {
    form.querySelectorAll(".field-error[data-live]").forEach(function (p) { p.remove(); });
    var errors = (problem && problem.errors) || {};
    var shown = false;
    Object.keys(errors).forEach(function (key) {
      var name = key.charAt(0).toUpperCase() + key.slice(1);
      var field = form.querySelector("[name=" + name + "]");
      if (field) {
        var p = document.createElement("p");
        p.className = "field-error";
        p.setAttribute("data-live", "");
        p.id = name + "-error";
        p.setAttribute("role", "alert");
        p.textContent = errors[key].join(" ");
        field.insertAdjacentElement("afterend", p);
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", p.id);
        shown = true;
      }
    });
    if (!shown) {
      var general = document.createElement("p");
      general.className = "field-error";
      general.setAttribute("data-live", "");
      general.setAttribute("role", "alert");
      general.textContent = (problem && problem.title) || chat.getAttribute("data-error-label");
      form.insertBefore(general, form.firstChild);
    }
  }

  if (form && window.fetch && window.FormData) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (json) { return { ok: response.ok, json: json }; });
        })
        .then(function (result) {
          if (!result.ok) {
            showErrors(result.json);
            return;
          }
          form.reset();
          form.querySelectorAll(".field-error").forEach(function (p) { p.remove(); });
          form.querySelectorAll("[aria-invalid]").forEach(function (f) { f.removeAttribute("aria-invalid"); });
          appendMessage(result.json);
          newest = Math.max(newest, result.json.id);
        })
        .catch(function () { showErrors(null); })
        .then(function () {
          button.disabled = false;
          form.querySelector("textarea").focus();
        });
    });
    // Enter sends, as in every messenger; Shift+Enter (or an input method still composing) starts a new line.
    form.querySelector("textarea").addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (!form.querySelector("button[type=submit]").disabled) {
          form.requestSubmit();
        }
      }
    });
  }

  // MKT-08: a quote's card as the server draws it for this member, in place of the message's text or older card.
  function showQuote(quoteId, messageId) {
    if (!window.fetch) {
      return Promise.resolve();
    }
    return fetch("/chats/" + chatId + "?handler=QuoteCard&quoteId=" + encodeURIComponent(quoteId), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var item = html && document.getElementById("m-" + messageId);
        if (!item) {
          return;
        }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var card = holder.querySelector(".quote-card");
        var old = item.querySelector(".quote-card") || item.querySelector(".chat-text");
        if (!card) {
          return;
        }
        if (old) {
          old.replaceWith(card);
        } else {
          item.querySelector(".chat-meta").insertAdjacentElement("afterend", card);
        }
      })
      .catch(function () { /* a reload shows the card */ });
  }

  if (messages && window.fetch && window.FormData) {
    messages.addEventListener("submit", function (event) {
      var action = event.target.closest && event.target.closest("form.quote-action");
      if (!action) {
        return;
      }
      event.preventDefault();
      var card = action.closest(".quote-card");
      card.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(action.action, { method: "POST", body: new FormData(action), credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (json) { return { ok: response.ok, json: json }; });
        })
        .then(function (result) {
          var messageId = card.getAttribute("data-message-id");
          // The card is redrawn either way: a refusal (answered meanwhile, expired) shows the quote as it is now, with the reason.
          return showQuote(card.getAttribute("data-quote-id"), messageId).then(function () {
            if (!result.ok) {
              var error = document.createElement("p");
              error.className = "field-error";
              error.setAttribute("role", "alert");
              error.textContent = (result.json && result.json.title) || chat.getAttribute("data-quote-error-label");
              document.getElementById("m-" + messageId).querySelector(".quote-card").appendChild(error);
            }
          });
        })
        .catch(function () {
          card.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
        });
    });
  }

  if (chat) {
    updateTicks();
    if (Number(chat.getAttribute("data-unread") || "0") > 0) {
      markRead();
    }
    document.addEventListener("visibilitychange", markRead);
  }

  // Live events come through the tab's one connection (live.js); without it the pages stay as they are until reloaded.
  var connection = window.tradehallLive;
  if (!connection) {
    return;
  }

  connection.on("message", function (event) {
    if (chat && event.chatId === chatId) {
      if (event.message.truncated) {
        fetch("/chats/" + chatId + "?handler=Message&messageId=" + event.message.id,
          { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (message) { appendMessage(message); markRead(); });
      } else {
        appendMessage(event.message);
        if (event.message.senderId !== me) {
          markRead();
        }
      }
    }
    if (list) {
      var row = list.querySelector("[data-chat-id='" + event.chatId + "']");
      if (row) {
        var excerpt = row.querySelector(".chat-excerpt");
        if (excerpt && event.message.text) {
          excerpt.textContent = event.message.text;
        }
        list.insertBefore(row, list.firstChild);
      }
    }
  });

  connection.on("quote", function (event) {
    if (chat && event.chatId === chatId) {
      showQuote(event.quoteId, event.messageId);
    }
  });

  connection.on("read", function (event) {
    if (chat && event.chatId === chatId) {
      chat.setAttribute("data-read-up-to", String(Math.max(readUpTo(), event.upTo)));
      updateTicks();
    }
  });

  connection.on("unread", function (event) {
    if (list) {
      var row = list.querySelector("[data-chat-id='" + event.chatId + "']");
      if (row) {
        setBadge(row.querySelector(".chat-unread"), event.count);
        row.classList.toggle("chat-item-unread", event.count > 0);
      }
    }
  });
})();
