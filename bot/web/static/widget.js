// The chat launcher a municipality's site adds with one tag (README, "Embedding the chat"):
//
//   <script src="https://ASSISTANT/webhooks/webchat/widget.js" data-name="Hailuodon kunta"
//     data-color="#00528a" data-logo="https://www.hailuoto.fi/logo.svg"
//     data-municipality="Hailuoto" data-language="fi" defer></script>
//
// It adds a button in the corner of the page that opens the chat page in an iframe, and nothing
// else: no cookies, no requests of its own, no reading of the host page beyond its language
// (<html lang>). The frame only ever shows this assistant: its address is this script's own
// folder, never a setting. The settings go to the chat page as query parameters, and the page
// applies them only as far as the assistant lets them through (bot/web/widget_theme.py). The
// launcher paints itself with the colour, so it checks the colour by the same rule (#rrggbb,
// WCAG AA contrast 4.5:1 with white text and with the chat's bubbles), else it keeps the default.
//
// Language: data-language, else the host page's <html lang>, else Finnish; "sv-FI" is Swedish,
// a language the assistant does not speak is Finnish (as the server reads it). The launcher's
// words are in it, and the chat gets the same tag, so the button and the conversation agree.
//
// Keyboard: the launcher is a real button (aria-expanded); opening moves focus into the chat,
// Escape (in the chat too: the page tells this script) closes it and focus returns to the
// launcher. Below 40 rem of width or 32 rem of height (a phone, 200 % zoom) the chat fills the
// screen. Styles live in a shadow root, so the host page's CSS cannot break them, and are built
// through CSSOM, which a host page's Content-Security-Policy without 'unsafe-inline' allows.
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector("script[src$='/webhooks/webchat/widget.js']");
  if (!script || !script.src || window.digitukiWidget) { return; }
  window.digitukiWidget = true;

  // The launcher's own words; the name is the one the chat page's heading uses (chat.js).
  var TEXTS = {
    fi: { title: "Digituen opas", close: "Sulje", closeLabel: "Sulje opas" },
    sv: { title: "Guide till digitalt stöd", close: "Stäng", closeLabel: "Stäng guiden" },
    en: { title: "Digital support guide", close: "Close", closeLabel: "Close the guide" }
  };
  var languageTag = (script.dataset.language || document.documentElement.lang || "").trim();
  var language = textsLanguage(languageTag);
  var TITLE = TEXTS[language].title;
  var DEFAULT_COLOR = "#00476b"; // chat.css --accent
  var BUBBLE = "#eef4f8"; // chat.css --bot: links in the colour sit on it
  var SETTINGS = ["name", "color", "logo", "municipality", "language"];
  var chatUrl = new URL("./", script.src); // .../webhooks/webchat/ on the assistant

  // One of the texts' languages for a language tag ("sv-FI" -> "sv"), else Finnish.
  function textsLanguage(tag) {
    var short = tag.toLowerCase().replace(/_/g, "-").split("-")[0];
    return Object.prototype.hasOwnProperty.call(TEXTS, short) ? short : "fi";
  }

  // ---- colour: the same rule as bot/web/widget_theme.py ------------------------------------

  function luminance(hex) {
    var linear = [1, 3, 5].map(function (at) {
      var channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  function contrast(first, second) {
    var a = luminance(first), b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  function usableColor(value) {
    if (!/^#[0-9a-fA-F]{6}$/.test(value || "")) { return DEFAULT_COLOR; }
    var ok = contrast(value, "#ffffff") >= 4.5 && contrast(value, BUBBLE) >= 4.5;
    return ok ? value.toLowerCase() : DEFAULT_COLOR;
  }

  // ---- the chat page's address: the settings as its query ------------------------------------

  function frameAddress() {
    var query = new URLSearchParams();
    SETTINGS.forEach(function (key) {
      var value = key === "language" ? languageTag : (script.dataset[key] || "").trim();
      if (!value) { return; }
      if (key === "logo") { value = logoAddress(value); }
      query.set(key, value);
    });
    var text = query.toString();
    return chatUrl.href + (text ? "?" + text : "");
  }

  // A logo named relative to the host page is an address on the host's site; one on the
  // assistant itself goes as a path (the assistant does not know its public address).
  function logoAddress(value) {
    try {
      var url = new URL(value, document.baseURI);
      return url.origin === chatUrl.origin ? url.pathname + url.search : url.href;
    } catch (invalid) {
      return "";
    }
  }

  // ---- the launcher and the panel ---------------------------------------------------------------

  var FULL_SCREEN = "(max-width: 40rem), (max-height: 32rem)";
  var fullScreen = window.matchMedia(FULL_SCREEN);
  var CSS = [
    ":host { all: initial; }",
    "* { box-sizing: border-box; }",
    ".launcher, .close { font: 600 1rem/1.3 system-ui, sans-serif; color: #fff;",
    "  background: var(--accent); border: 2px solid #fff; border-radius: 2rem;",
    "  padding: .75rem 1.25rem; cursor: pointer; max-width: calc(100vw - 2rem); }",
    ".launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000;",
    "  box-shadow: 0 .125rem .5rem rgba(0, 0, 0, .35); }",
    ".close { border-radius: .4rem; padding: .4rem .9rem; }",
    ".launcher:focus-visible, .close:focus-visible { outline: 3px solid #fff;",
    "  box-shadow: 0 0 0 6px #1a1a1a; }",
    ".panel { position: fixed; right: 1rem; bottom: 5rem; z-index: 2147483001;",
    "  width: min(26rem, calc(100vw - 2rem)); height: min(40rem, calc(100vh - 7rem));",
    "  display: flex; flex-direction: column; background: #fff; border-radius: .75rem;",
    "  border: 2px solid var(--accent); overflow: hidden;",
    "  box-shadow: 0 .25rem 1.5rem rgba(0, 0, 0, .35); }",
    ".panel[hidden] { display: none; }",
    ".bar { display: flex; justify-content: space-between; align-items: center; gap: .5rem;",
    "  padding: .4rem .5rem .4rem .9rem; background: var(--accent); color: #fff;",
    "  font: 600 1rem/1.3 system-ui, sans-serif; }",
    ".frame { flex: 1 1 auto; width: 100%; border: 0; background: #fff; }",
    "@media " + FULL_SCREEN + " {",
    "  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; }",
    "  .panel:not([hidden]) ~ .launcher { display: none; } }"
  ].join("\n");

  function styles(root) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch (unsupported) { // an older browser: a style element (a strict CSP may refuse it)
      var element = document.createElement("style");
      element.textContent = CSS;
      root.appendChild(element);
    }
  }

  function make(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    if (text) { element.textContent = text; }
    return element;
  }

  // A labelled landmark: the launcher is not left outside the page's regions.
  var host = make("aside", { "data-digituki": "widget", "aria-label": TITLE, lang: language });
  var root = host.attachShadow({ mode: "open" });
  styles(root);
  host.style.setProperty("--accent", usableColor(script.dataset.color));

  var launcher = make("button", {
    type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "panel"
  }, TITLE);
  var panel = make("div", { id: "panel", "class": "panel", role: "dialog", "aria-label": TITLE });
  panel.hidden = true;
  // Full screen the chat is all there is: Tab goes round inside it (these two stops pass focus
  // on; they are in the tab order only then), and the page behind is not announced.
  var aroundStart = make("span", { "class": "around" });
  var aroundEnd = make("span", { "class": "around" });
  var bar = make("div", { "class": "bar" });
  var close = make("button", {
    type: "button", "class": "close", "aria-label": TEXTS[language].closeLabel
  }, TEXTS[language].close);
  bar.appendChild(make("span", { "aria-hidden": "true" }, TITLE));
  bar.appendChild(close);
  panel.appendChild(bar);
  root.appendChild(aroundStart);
  root.appendChild(panel);
  root.appendChild(aroundEnd);
  root.appendChild(launcher);
  var frame = null; // made on first opening, then kept: closing does not end the conversation

  function open() {
    if (!frame) {
      frame = make("iframe", {
        "class": "frame", title: TITLE, src: frameAddress(),
        allow: "geolocation", referrerpolicy: "no-referrer"
      });
      // Focus given before the page loaded is lost with the blank page it had.
      frame.addEventListener("load", function () {
        if (!panel.hidden && root.activeElement === frame) { frame.focus(); }
      });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    fitScreen();
    frame.focus();
  }

  function shut() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    fitScreen();
    launcher.focus();
  }

  function fitScreen() {
    var modal = fullScreen.matches && !panel.hidden;
    panel.setAttribute("aria-modal", modal ? "true" : "false");
    aroundStart.tabIndex = aroundEnd.tabIndex = modal ? 0 : -1;
  }

  fitScreen();
  fullScreen.addEventListener("change", fitScreen);
  aroundStart.addEventListener("focus", function () { frame.focus(); });
  aroundEnd.addEventListener("focus", function () { close.focus(); });

  launcher.addEventListener("click", function () {
    if (panel.hidden) { open(); } else { shut(); }
  });
  close.addEventListener("click", shut);
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { shut(); }
  });
  // Escape pressed inside the chat: the page says so (and nothing else) with a message.
  window.addEventListener("message", function (event) {
    if (frame && event.source === frame.contentWindow && event.origin === chatUrl.origin &&
        event.data && event.data.type === "digituki-close") {
      shut();
    }
  });

  function attach() { document.body.appendChild(host); }
  if (document.body) { attach(); } else { document.addEventListener("DOMContentLoaded", attach); }
})();
