// Talks to the assistant's web chat channel on the same server, which takes messages only with
// a conversation id the server issued (POST .../session); the id lives for this browser tab.
(function () {
  "use strict";
  var webhook = "/webhooks/webchat/webhook";
  var sessionUrl = "/webhooks/webchat/session";
  var senderKey = "digituki-conversation";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var status = document.getElementById("status");

  function add(kind, text) {
    var item = document.createElement("li");
    item.className = kind;
    var who = document.createElement("span");
    who.className = "sr-only";
    who.textContent = kind === "me" ? "Sinä: " : "Opas: ";
    item.appendChild(who);
    item.appendChild(document.createTextNode(text));
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function addChoices(item, buttons) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    buttons.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice.title;
      button.addEventListener("click", function () { send(choice.payload, choice.title); });
      group.appendChild(button);
    });
    item.appendChild(group);
  }

  var pendingId = null; // one id request at a time, shared by messages sent meanwhile

  function conversation(renew) {
    if (renew) { sessionStorage.removeItem(senderKey); pendingId = null; }
    var known = sessionStorage.getItem(senderKey);
    if (known) { return Promise.resolve(known); }
    pendingId = pendingId || fetch(sessionUrl, { method: "POST" }).then(function (reply) {
      if (!reply.ok) { throw new Error(String(reply.status)); }
      return reply.json();
    }).then(function (session) {
      sessionStorage.setItem(senderKey, session.sender);
      return session.sender;
    }).finally(function () { pendingId = null; });
    return pendingId;
  }

  function post(message, renew) {
    return conversation(renew).then(function (sender) {
      return fetch(webhook, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message })
      });
    });
  }

  function send(message, shown) {
    add("me", shown || message);
    status.textContent = "Opas kirjoittaa…";
    return post(message).then(function (reply) {
      // 403: the server no longer knows this id (restarted with a new key); start anew once.
      return reply.status === 403 ? post(message, true) : reply;
    }).then(function (reply) {
      if (!reply.ok) { throw new Error(String(reply.status)); }
      return reply.json();
    }).then(function (answers) {
      status.textContent = "";
      answers.forEach(function (answer) {
        var item = add("bot", answer.text || "");
        if (answer.buttons && answer.buttons.length) { addChoices(item, answer.buttons); }
      });
    }).catch(function () {
      status.textContent = "Yhteys katkesi. Kirjoittamasi viesti on yhä kentässä: yritä uudelleen.";
      if (!shown) { input.value = message; }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    send(text).then(function () { input.focus(); });
  });

  document.getElementById("share-location").addEventListener("click", function () {
    if (!navigator.geolocation) {
      status.textContent = "Selaimesi ei kerro sijaintia. Kirjoita kuntasi tai postinumerosi.";
      return;
    }
    status.textContent = "Haetaan sijaintia…";
    navigator.geolocation.getCurrentPosition(function (position) {
      var payload = "/inform" + JSON.stringify({
        latitude: Number(position.coords.latitude.toFixed(3)),
        longitude: Number(position.coords.longitude.toFixed(3))
      });
      send(payload, "Käytä sijaintiani");
    }, function () {
      status.textContent = "Sijaintia ei saatu. Kirjoita kuntasi tai postinumerosi.";
    }, { maximumAge: 600000, timeout: 10000 });
  });

  send("/greet", "Hei");
})();
