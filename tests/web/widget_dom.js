// Runs bot/web/static/widget.js on a stand-in DOM just big enough for it, clicks the launcher
// and prints what the script built (tests/web/test_widget_serving.py, no browser needed).
// Usage: node widget_dom.js '{"path": ".../widget.js", "dataset": {...}, "lang": "sv-FI"}'
"use strict";
const made = [];

function element(tag) {
  const listeners = {};
  const node = {
    tag, attributes: {}, children: [], style: { setProperty() {} }, textContent: "",
    hidden: false, tabIndex: -1,
    setAttribute(name, value) { node.attributes[name] = String(value); },
    appendChild(child) { node.children.push(child); return child; },
    addEventListener(type, listener) { (listeners[type] = listeners[type] || []).push(listener); },
    fire(type) { (listeners[type] || []).forEach((listener) => listener({ key: "" })); },
    attachShadow() { return element("#shadow-root"); },
    focus() {},
  };
  made.push(node);
  return node;
}

const setup = JSON.parse(process.argv[2]);
const script = { src: "https://digituki.example/webhooks/webchat/widget.js", dataset: setup.dataset };
global.window = {
  addEventListener() {},
  matchMedia: () => ({ matches: false, addEventListener() {} }),
};
global.document = {
  currentScript: script, baseURI: "https://www.kunta.example/", body: element("body"),
  documentElement: { lang: setup.lang }, createElement: element,
  querySelector: () => script, addEventListener() {},
};
require("vm").runInThisContext(require("fs").readFileSync(setup.path, "utf8"));

const byClass = (name) => made.find((node) => node.attributes.class === name);
byClass("launcher").fire("click");
const host = made.find((node) => node.tag === "aside");
const close = byClass("close");
const frame = byClass("frame");
process.stdout.write(JSON.stringify({
  lang: host.attributes.lang,
  region: host.attributes["aria-label"],
  launcher: byClass("launcher").textContent,
  dialog: byClass("panel").attributes["aria-label"],
  close: close.textContent,
  close_label: close.attributes["aria-label"],
  frame_title: frame.attributes.title,
  frame: frame.attributes.src,
}));
