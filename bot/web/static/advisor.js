// The advisor view's referral note (advisor.html). chat.js runs the conversation and sends
// "digituki:turn" after every answered turn; this script then asks the server for the note of
// that conversation (POST referral) and shows it. The note is built by the server from the
// conversation's slots and kept nowhere: not on the server, not in the browser's storage.
//
// In a new conversation it first tells the assistant that an advisor is typing (POST
// advisor-mode), so the assistant speaks the staff script from the next message on.
// When chat.js wipes the conversation ("Aloita alusta", idle time), the note is wiped too.
// The view's own words are in chat.js's tables (window.digitukiText), in the page's language.
(function () {
  "use strict";
  var base = "/webhooks/webchat/";
  var byId = function (id) { return document.getElementById(id); };
  var noteBox = byId("referral-note");
  var statusBox = byId("referral-status");
  var log = byId("log");
  // The page's own "fills in when the chat starts", kept as nodes: chat.js puts it in the
  // page's language at start-up, before the first note replaces it.
  var emptyNote = Array.prototype.slice.call(noteBox.childNodes);
  var say = window.digitukiText;
  var advisorSet = null; // the conversation already told that an advisor is typing
  var plainText = ""; // the shown note as plain text, for "Kopioi"
  var latest = 0; // answers to older requests are dropped

  function post(path, body) {
    return fetch(base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (reply) {
      return reply.json().catch(function () { return {}; }).then(function (data) {
        return { status: reply.status, data: data || {} };
      });
    });
  }

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text !== undefined) { made.textContent = text; }
    if (className) { made.className = className; }
    return made;
  }

  // Server texts are shown as text only (textContent), never parsed as HTML.
  function render(note) {
    var list = element("dl");
    var add = function (label, items, className) {
      list.appendChild(element("dt", label));
      var value = element("dd", undefined, className);
      if (!items.length) {
        value.appendChild(element("span", note.not_known, "unknown"));
      } else if (items.length === 1) {
        value.textContent = items[0];
      } else {
        var bullets = element("ul");
        items.forEach(function (item) { bullets.appendChild(element("li", item)); });
        value.appendChild(bullets);
      }
      list.appendChild(value);
    };
    add(note.date_label, [note.date_text]);
    note.sections.forEach(function (section) {
      var sample = section.key === "provider" && note.sample;
      add(section.label, section.items, sample ? "sample" : "");
    });
    noteBox.textContent = "";
    noteBox.appendChild(element("h3", note.title));
    noteBox.appendChild(list);
  }

  function clearNote() {
    latest += 1;
    advisorSet = null;
    plainText = "";
    noteBox.textContent = "";
    emptyNote.forEach(function (node) { noteBox.appendChild(node); });
    statusBox.textContent = "";
  }

  function refresh(sender) {
    var mine = ++latest;
    var ready = sender === advisorSet ? Promise.resolve() :
      post("advisor-mode", { sender: sender }).then(function (reply) {
        if (reply.status === 200) { advisorSet = sender; }
      });
    ready.then(function () {
      return post("referral", { sender: sender });
    }).then(function (reply) {
      if (mine !== latest) { return; }
      if (reply.status !== 200 || !reply.data.note) { throw new Error("no note"); }
      render(reply.data.note);
      plainText = reply.data.text || "";
      statusBox.textContent = "";
    }).catch(function () {
      if (mine !== latest) { return; }
      statusBox.textContent = say("referral_failed");
    });
  }

  function copyWithSelection(text) {
    var area = element("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "sr-only";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (ignored) { copied = false; }
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  function copy() {
    if (!plainText) {
      statusBox.textContent = say("nothing_to_copy");
      return;
    }
    // The clipboard API needs a secure context (https or this computer); else the old way.
    var copying = navigator.clipboard && window.isSecureContext ?
      navigator.clipboard.writeText(plainText).catch(function () {
        return copyWithSelection(plainText);
      }) : copyWithSelection(plainText);
    copying.then(function () {
      statusBox.textContent = say("copied");
    }, function () {
      statusBox.textContent = say("copy_failed");
    });
  }

  document.addEventListener("digituki:turn", function (event) {
    var sender = event.detail && event.detail.sender;
    if (typeof sender === "string") { refresh(sender); }
  });

  // chat.js empties the log when a conversation ends on this page: the note goes with it.
  new MutationObserver(function () {
    if (!log.children.length) { clearNote(); }
  }).observe(log, { childList: true });

  byId("print-note").addEventListener("click", function () { window.print(); });
  byId("copy-note").addEventListener("click", copy);
})();
