// What the chat page takes from the site that embeds it (widget.js or an iframe's address):
// the site's name, colour, logo and default municipality, as query parameters. The page applies
// only what the assistant let through (GET theme: bot/web/widget_theme.py), never a raw
// parameter, because anybody can send a link to this page with parameters of their choosing.
// A refused or missing setting leaves the page as it is, without a word: a person can do
// nothing about an operator's setting.
//
// window.digitukiTheme is the checked theme (a promise); chat.js waits for it before the
// greeting, which names the default municipality. When the page is in a frame, Escape tells
// the parent (widget.js closes the chat and puts focus back on its button); the message says
// nothing else, so it may go to whichever site framed the page. And when the frame gets focus
// (the widget opened it) with nothing focused in it, the message field gets it.
(function () {
  "use strict";
  var none = { name: null, color: null, logo: null, municipality: null, language: "fi" };

  function checked() {
    if (!location.search) { return Promise.resolve(none); }
    return fetch("theme" + location.search).then(function (reply) {
      return reply.ok ? reply.json() : none;
    }).catch(function () { return none; });
  }

  function ready() {
    return new Promise(function (resolve) {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", resolve);
      } else {
        resolve();
      }
    });
  }

  function show(id, text) {
    var element = document.getElementById(id);
    if (element && text) { element.textContent = text; element.hidden = false; }
  }

  function apply(theme) {
    if (theme.color) { document.documentElement.style.setProperty("--accent", theme.color); }
    if (theme.name) {
      show("org-name", theme.name);
      document.title = "Digituen opas – " + theme.name;
    }
    if (theme.logo) {
      var logo = document.getElementById("org-logo");
      logo.addEventListener("error", function () { logo.hidden = true; });
      logo.src = theme.logo; // alt stays empty: the name, if any, is written beside it
      logo.hidden = false;
    }
    if (theme.municipality) {
      show("default-place-name", theme.municipality);
      document.getElementById("default-place").hidden = false;
    }
    return theme;
  }

  var theme = checked();
  window.digitukiTheme = Promise.all([theme, ready()]).then(function (both) {
    return apply(both[0] || none);
  });

  if (window.parent !== window) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { window.parent.postMessage({ type: "digituki-close" }, "*"); }
    });
    // Opened again: the frame gets focus but a hidden frame forgot where it was; the person
    // continues where they would type (or at the notice of an ongoing conversation).
    window.addEventListener("focus", function () {
      if (document.activeElement && document.activeElement !== document.body) { return; }
      var notice = document.getElementById("ongoing");
      var target = notice && !notice.hidden ? "ongoing-title" : "message";
      document.getElementById(target).focus({ preventScroll: true });
    });
  }
})();
