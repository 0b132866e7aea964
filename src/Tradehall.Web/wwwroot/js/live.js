// MSG-02, NTF-01: the tab's one live connection. Page scripts add their handlers to window.tradehallLive
// while they load; the connection starts once they all have, so no early event goes unheard.
(function () {
  "use strict";

  if (!window.signalR) {
    return; // no client, no live updates: every page still shows the news on reload
  }
  var connection = new window.signalR.HubConnectionBuilder().withUrl("/hubs/live").withAutomaticReconnect().build();
  window.tradehallLive = connection;

  function showUnread(unread) {
    var link = document.getElementById("notifications-link");
    if (!link) {
      return;
    }
    var badge = link.querySelector(".badge");
    if (unread > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "badge badge-warn";
        link.appendChild(document.createTextNode(" "));
        link.appendChild(badge);
      }
      badge.setAttribute("data-unread", String(unread));
      badge.textContent = unread.toLocaleString(document.documentElement.lang);
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + (link.getAttribute("data-unread-label") || "unread");
      badge.appendChild(hidden);
    } else if (badge) {
      badge.remove();
    }
  }

  // Events sent while the tab was not yet (or no longer) connected are lost, so the count is asked for again.
  function resync() {
    fetch("/notifications?handler=Count", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) { if (body) { showUnread(body.unread); } })
      .catch(function () { /* the next event or reload brings it */ });
  }

  connection.on("notifications", function (event) { showUnread(event.unread); });
  connection.onreconnected(resync);

  document.addEventListener("DOMContentLoaded", function () {
    connection.start().then(resync).catch(function () { /* no live updates; the page still works by reload */ });
  });
})();
