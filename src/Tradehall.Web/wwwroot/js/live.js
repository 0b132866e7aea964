// MSG-02, NTF-01: the tab's one live connection. Page scripts add their handlers to window.tradehallLive
// while they load; the connection starts once they all have, so no early event goes unheard.
(function () {
  "use strict";

  if (!window.signalR) {
    return; // no client, no live updates: every page still shows the news on reload
  }
  var connection = new window.signalR.HubConnectionBuilder().withUrl("/hubs/live").withAutomaticReconnect().build();
  window.tradehallLive = connection;

  // The folded phone menu shows a dot while any header badge has news, so nothing waits unseen behind it.
  function showNews() {
    var dot = document.querySelector("[data-nav-news]");
    if (dot) {
      dot.hidden = !document.querySelector(".site-nav [data-unread]");
    }
  }

  function showCount(linkId, count) {
    var link = document.getElementById(linkId);
    if (!link) {
      return;
    }
    var badge = link.querySelector(".badge");
    if (count > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "badge badge-warn";
        link.appendChild(document.createTextNode(" "));
        link.appendChild(badge);
      }
      badge.setAttribute("data-unread", String(count));
      badge.textContent = count.toLocaleString(document.documentElement.lang);
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + (link.getAttribute("data-unread-label") || "unread");
      badge.appendChild(hidden);
    } else if (badge) {
      badge.remove();
    }
    showNews();
  }

  function ask(url, show) {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) { if (body) { show(body); } })
      .catch(function () { /* the next event or reload brings it */ });
  }

  // Events sent while the tab was not yet (or no longer) connected are lost, so the counts are asked for again.
  function resync() {
    ask("/notifications?handler=Count", function (body) { showCount("notifications-link", body.unread); });
    ask("/chats?handler=Count", function (body) { showCount("chats-link", body.chats); });
  }

  connection.on("notifications", function (event) { showCount("notifications-link", event.unread); });
  connection.on("unread", function (event) { showCount("chats-link", event.chats); });
  connection.onreconnected(resync);

  document.addEventListener("DOMContentLoaded", function () {
    connection.start().then(resync).catch(function () { /* no live updates; the page still works by reload */ });
  });
})();
