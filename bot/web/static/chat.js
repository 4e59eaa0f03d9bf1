// The web chat page. It talks only to the assistant's webchat channel on the same server
// (bot/web/channel.py), which takes messages only with a conversation id it issued.
//
// Shared computers (a library's desk): this tab keeps nothing of a conversation but its id and
// the time of its last turn (sessionStorage, gone when the tab closes); never the texts.
// "Aloita alusta" and DIGITUKI_CHAT_IDLE_MINUTES end the conversation on the server too. A reload
// within the idle time does not continue silently: the page says a conversation is ongoing and
// continues it only when "Jatka keskustelua" is pressed; anything else starts afresh.
//
// Every text from the server is shown as text (textContent; nothing is parsed as HTML); only http(s)
// addresses and phone numbers become links, built with DOM calls.
(function () {
  "use strict";
  var base = "/webhooks/webchat/";
  var storageKey = "digituki-conversation";
  var byId = function (id) { return document.getElementById(id); };
  var log = byId("log");
  var form = byId("composer");
  var input = byId("message");
  var statusBox = byId("status");
  var retryButton = byId("retry");
  var typing = byId("typing");
  var announcer = byId("announcer");
  var counter = byId("counter");
  var tooLong = byId("too-long");
  var ongoing = byId("ongoing");
  var config = {
    max_message_chars: 1000, idle_minutes: 15, request_timeout_seconds: 20,
    too_long_text: "", too_long_texts: {}, national_contacts: "", national_contacts_texts: {}
  };

  // ---- the page's own words: one table per language ------------------------------------------
  // The page speaks the language of the page that shows it (the widget's data-language, else the
  // document's lang; "sv-FI" is Swedish, anything unknown Finnish), whatever language the
  // conversation goes on in: these are the page's labels, the assistant's answers follow the
  // person. Texts in the HTML carry data-text="key" (content; "{name}" puts back the child with
  // data-slot="name") or data-label="key" (aria-label), and are replaced at start-up; the HTML
  // keeps the Finnish ones for the moment before. advisor.html's texts are here too, and
  // advisor.js reads them through window.digitukiText.
  var TEXTS = {
    fi: {
      page_title: "Digituen opas – chat",
      assistant: "Digituen opas",
      start_over: "Aloita alusta",
      intro: "Kerro, missä tarvitset apua. Älä kirjoita tänne henkilötunnusta, pankkitunnuksia " +
        "tai salasanoja.",
      default_place: "Opas etsii apua kunnasta {place}. Jos asut muualla, kerro kuntasi.",
      shared_computer: "Yhteisellä koneella paina lopuksi {button}. Keskustelu päättyy myös " +
        "itsestään, kun sitä ei jatketa {minutes} minuuttiin.",
      ongoing_title: "Keskustelu on kesken",
      ongoing_text: "Tässä välilehdessä on aiempi keskustelu, joka ei ole päättynyt. Sen viestit " +
        "eivät näy tässä. Jos keskustelu ei ole sinun, aloita alusta.",
      "continue": "Jatka keskustelua",
      log: "Keskustelu",
      typing: "Opas kirjoittaa{dots}",
      message_label: "Viestisi",
      send: "Lähetä",
      enter_hint: "Paina Enter lähettääksesi. {counter}",
      share_location: "Käytä sijaintiani",
      retry: "Yritä uudelleen",
      counter: "{count} / {max} merkkiä",
      me: "Sinä: ",
      bot: "Opas: ",
      new_tab: " (avautuu uuteen välilehteen)",
      choices_label: "Vastausvaihtoehdot",
      chosen: " (valittu)",
      choices_spoken: "Vaihtoehdot: {choices}.",
      map: "Näytä kartalla",
      sample: "ESIMERKKI",
      sample_note: ": keksitty paikka esittelyä varten",
      fact_help: "Apua",
      fact_hours: "Aukiolo",
      fact_address: "Osoite",
      fact_distance: "Matka",
      fact_phone: "Puhelin",
      fact_web: "Verkossa",
      fact_accessibility: "Esteettömyys",
      greeting: "Hei",
      sending: "Lähetetään…",
      renewed: "Edellinen keskustelu oli päättynyt, joten aloitettiin uusi.",
      not_ready: "Opas ei ole vielä valmis. Viestisi on tallessa: yritä hetken päästä uudelleen.",
      server_error: "Viestin käsittely epäonnistui. Viestisi on tallessa: yritä uudelleen.",
      refused: "Viestiä ei voitu lähettää. Tarkista viesti ja yritä uudelleen.",
      timeout: "Opas ei vastannut ajoissa. Viestisi on tallessa: yritä uudelleen.",
      network: "Yhteys katkesi. Viestisi on tallessa: yritä uudelleen.",
      wait: "Odota hetki: opas vastaa vielä edelliseen viestiin.",
      new_started: "Aloitettiin uusi keskustelu.",
      starting_over: "Aloitetaan alusta…",
      started_over: "Aloitit alusta. Edellinen keskustelu on päättynyt.",
      idle_ended: "Keskustelu päättyi, koska sitä ei jatkettu {minutes} minuuttiin. Voit " +
        "aloittaa uuden kirjoittamalla viestin.",
      continuing: "Jatketaan aiempaa keskustelua. Sen aiemmat viestit eivät näy tässä.",
      no_geolocation: "Selaimesi ei kerro sijaintia. Kirjoita kuntasi tai postinumerosi.",
      locating: "Haetaan sijaintia…",
      no_location: "Sijaintia ei saatu. Kirjoita kuntasi tai postinumerosi.",
      advisor_title: "Digituen opas – neuvojan näkymä",
      advisor_intro: "Käy asiakkaan asia läpi yhdessä hänen kanssaan. Kirjoita, mitä asiakas " +
        "tarvitsee, esimerkiksi: {example}. Lähete täyttyy keskustelun mukaan.",
      advisor_example: "asiakkaani ei osaa käyttää verkkopankkia, asuu Oulussa",
      advisor_hint: "Älä kirjoita asiakkaan nimeä, henkilötunnusta, pankkitunnuksia tai " +
        "salasanoja. Lähetettä ei tallenneta: tulosta tai kopioi se ennen kuin painat {button}. " +
        "Keskustelu päättyy myös itsestään, kun sitä ei jatketa {minutes} minuuttiin.",
      advisor_ongoing_text: "Tässä välilehdessä on aiempi keskustelu, joka ei ole päättynyt. " +
        "Sen viestit eivät näy tässä. Jos keskustelu ei ole tämän asiakkaan, aloita alusta.",
      referral_title: "Lähete",
      referral_hint: "Päivittyy jokaisen vastauksen jälkeen. Lähetteessä ei ole keskustelun " +
        "tekstiä eikä henkilötietoja.",
      referral_empty: "Lähete täyttyy, kun keskustelu alkaa.",
      print: "Tulosta",
      copy: "Kopioi",
      referral_failed: "Lähetettä ei saatu päivitettyä. Se päivittyy seuraavan vastauksen " +
        "jälkeen.",
      nothing_to_copy: "Lähete on vielä tyhjä.",
      copied: "Kopioitu",
      copy_failed: "Kopiointi ei onnistunut. Valitse lähetteen teksti ja kopioi se."
    },
    sv: {
      page_title: "Guide till digitalt stöd – chatt",
      assistant: "Guide till digitalt stöd",
      start_over: "Börja om",
      intro: "Berätta vad du behöver hjälp med. Skriv inte din personbeteckning, dina " +
        "nätbankskoder eller lösenord här.",
      default_place: "Guiden söker hjälp i kommunen {place}. Om du bor någon annanstans, skriv " +
        "vilken kommun du bor i.",
      shared_computer: "På en gemensam dator: tryck på {button} när du är klar. Samtalet " +
        "avslutas också av sig självt om det inte fortsätter på {minutes} minuter.",
      ongoing_title: "Ett samtal pågår",
      ongoing_text: "I den här fliken finns ett tidigare samtal som inte har avslutats. Dess " +
        "meddelanden visas inte här. Om samtalet inte är ditt, börja om.",
      "continue": "Fortsätt samtalet",
      log: "Samtal",
      typing: "Guiden skriver{dots}",
      message_label: "Ditt meddelande",
      send: "Skicka",
      enter_hint: "Tryck på Enter för att skicka. {counter}",
      share_location: "Använd min plats",
      retry: "Försök igen",
      counter: "{count} / {max} tecken",
      me: "Du: ",
      bot: "Guiden: ",
      new_tab: " (öppnas i en ny flik)",
      choices_label: "Svarsalternativ",
      chosen: " (vald)",
      choices_spoken: "Alternativ: {choices}.",
      map: "Visa på kartan",
      sample: "EXEMPEL",
      sample_note: ": ett påhittat ställe för demonstration",
      fact_help: "Hjälp",
      fact_hours: "Öppettider",
      fact_address: "Adress",
      fact_distance: "Avstånd",
      fact_phone: "Telefon",
      fact_web: "På webben",
      fact_accessibility: "Tillgänglighet",
      greeting: "Hej",
      sending: "Skickas…",
      renewed: "Det förra samtalet hade avslutats, så ett nytt har börjat.",
      not_ready: "Guiden är inte klar ännu. Ditt meddelande finns kvar: försök igen om en stund.",
      server_error: "Det gick inte att behandla meddelandet. Ditt meddelande finns kvar: " +
        "försök igen.",
      refused: "Meddelandet kunde inte skickas. Kontrollera meddelandet och försök igen.",
      timeout: "Guiden svarade inte i tid. Ditt meddelande finns kvar: försök igen.",
      network: "Anslutningen bröts. Ditt meddelande finns kvar: försök igen.",
      wait: "Vänta lite: guiden svarar fortfarande på ditt förra meddelande.",
      new_started: "Ett nytt samtal har börjat.",
      starting_over: "Börjar om…",
      started_over: "Du började om. Det förra samtalet har avslutats.",
      idle_ended: "Samtalet avslutades eftersom det inte fortsatte på {minutes} minuter. Du " +
        "kan börja ett nytt genom att skriva ett meddelande.",
      continuing: "Det tidigare samtalet fortsätter. Dess tidigare meddelanden visas inte här.",
      no_geolocation: "Din webbläsare berättar inte var du är. Skriv din kommun eller ditt " +
        "postnummer.",
      locating: "Platsen hämtas…",
      no_location: "Platsen kunde inte hämtas. Skriv din kommun eller ditt postnummer.",
      advisor_title: "Guide till digitalt stöd – rådgivarens vy",
      advisor_intro: "Gå igenom kundens ärende tillsammans med kunden. Skriv vad kunden " +
        "behöver, till exempel: {example}. Remissen fylls i under samtalets gång.",
      advisor_example: "min kund kan inte använda nätbanken, bor i Uleåborg",
      advisor_hint: "Skriv inte kundens namn, personbeteckning, nätbankskoder eller lösenord. " +
        "Remissen sparas inte: skriv ut eller kopiera den innan du trycker på {button}. " +
        "Samtalet avslutas också av sig självt om det inte fortsätter på {minutes} minuter.",
      advisor_ongoing_text: "I den här fliken finns ett tidigare samtal som inte har " +
        "avslutats. Dess meddelanden visas inte här. Om samtalet inte gäller den här kunden, " +
        "börja om.",
      referral_title: "Remiss",
      referral_hint: "Uppdateras efter varje svar. Remissen innehåller inte samtalets text " +
        "eller personuppgifter.",
      referral_empty: "Remissen fylls i när samtalet börjar.",
      print: "Skriv ut",
      copy: "Kopiera",
      referral_failed: "Remissen kunde inte uppdateras. Den uppdateras efter nästa svar.",
      nothing_to_copy: "Remissen är ännu tom.",
      copied: "Kopierad",
      copy_failed: "Kopieringen lyckades inte. Markera remissens text och kopiera den."
    },
    en: {
      page_title: "Digital support guide – chat",
      assistant: "Digital support guide",
      start_over: "Start over",
      intro: "Tell me what you need help with. Do not write your personal identity code, " +
        "online banking codes or passwords here.",
      default_place: "The guide looks for help in {place}. If you live somewhere else, tell " +
        "me your municipality.",
      shared_computer: "On a shared computer, press {button} when you are done. The " +
        "conversation also ends by itself if it is not continued for {minutes} minutes.",
      ongoing_title: "A conversation is open",
      ongoing_text: "This tab has an earlier conversation that has not ended. Its messages are " +
        "not shown here. If the conversation is not yours, start over.",
      "continue": "Continue the conversation",
      log: "Conversation",
      typing: "The guide is typing{dots}",
      message_label: "Your message",
      send: "Send",
      enter_hint: "Press Enter to send. {counter}",
      share_location: "Use my location",
      retry: "Try again",
      counter: "{count} / {max} characters",
      me: "You: ",
      bot: "Guide: ",
      new_tab: " (opens in a new tab)",
      choices_label: "Answer options",
      chosen: " (chosen)",
      choices_spoken: "Options: {choices}.",
      map: "Show on a map",
      sample: "EXAMPLE",
      sample_note: ": a made-up place for demonstration",
      fact_help: "Help",
      fact_hours: "Opening hours",
      fact_address: "Address",
      fact_distance: "Distance",
      fact_phone: "Phone",
      fact_web: "Online",
      fact_accessibility: "Accessibility",
      greeting: "Hello",
      sending: "Sending…",
      renewed: "The previous conversation had ended, so a new one was started.",
      not_ready: "The guide is not ready yet. Your message is kept: try again in a moment.",
      server_error: "Something went wrong with your message. It is kept: try again.",
      refused: "The message could not be sent. Check it and try again.",
      timeout: "The guide did not answer in time. Your message is kept: try again.",
      network: "The connection was lost. Your message is kept: try again.",
      wait: "Just a moment: the guide is still answering your previous message.",
      new_started: "A new conversation was started.",
      starting_over: "Starting over…",
      started_over: "You started over. The previous conversation has ended.",
      idle_ended: "The conversation ended because it was not continued for {minutes} minutes. " +
        "You can start a new one by writing a message.",
      continuing: "Continuing the earlier conversation. Its earlier messages are not shown here.",
      no_geolocation: "Your browser does not tell your location. Write your municipality or " +
        "postcode.",
      locating: "Finding your location…",
      no_location: "Your location could not be found. Write your municipality or postcode.",
      advisor_title: "Digital support guide – advisor view",
      advisor_intro: "Go through the client's matter together with them. Write what the " +
        "client needs, for example: {example}. The referral note fills in as you go.",
      advisor_example: "my client cannot use online banking, lives in Oulu",
      advisor_hint: "Do not write the client's name, personal identity code, online banking " +
        "codes or passwords. The referral note is not saved: print or copy it before you " +
        "press {button}. The conversation also ends by itself if it is not continued for " +
        "{minutes} minutes.",
      advisor_ongoing_text: "This tab has an earlier conversation that has not ended. Its " +
        "messages are not shown here. If the conversation is not about this client, start over.",
      referral_title: "Referral note",
      referral_hint: "Updated after every answer. The note holds no text of the conversation " +
        "and no personal data.",
      referral_empty: "The referral note fills in when the conversation starts.",
      print: "Print",
      copy: "Copy",
      referral_failed: "The referral note could not be updated. It updates after the next " +
        "answer.",
      nothing_to_copy: "The referral note is still empty.",
      copied: "Copied",
      copy_failed: "Copying did not work. Select the note's text and copy it."
    }
  };
  var language = "fi"; // set at start-up (useLanguage)

  // The page's text `key` in its language, with "{name}" filled from `values`.
  function uiText(key, values) {
    var table = TEXTS[language];
    var found = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : TEXTS.fi[key];
    return String(found).replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }
  window.digitukiText = uiText;

  // One of the tables' languages for a language tag ("sv-FI" -> "sv"), else Finnish.
  function tableLanguage(tag) {
    var short = String(tag || "").trim().toLowerCase().replace(/_/g, "-").split("-")[0];
    return Object.prototype.hasOwnProperty.call(TEXTS, short) ? short : "fi";
  }

  // `node`'s content as `template`: its text, with each "{name}" the child marked
  // data-slot="name" (kept as it is: ids, contents, its own data-text).
  function fill(node, template) {
    var slots = {};
    Array.prototype.forEach.call(node.children, function (child) {
      if (child.hasAttribute("data-slot")) { slots[child.getAttribute("data-slot")] = child; }
    });
    node.textContent = "";
    template.split(/(\{\w+\})/).forEach(function (part) {
      var slot = /^\{(\w+)\}$/.exec(part);
      if (slot && slots[slot[1]]) { node.appendChild(slots[slot[1]]); }
      else if (part) { node.appendChild(document.createTextNode(part)); }
    });
  }

  function useLanguage(theme) {
    language = tableLanguage(pageLanguage());
    document.documentElement.lang = language; // screen readers read the page in it
    Array.prototype.forEach.call(document.querySelectorAll("[data-text]"), function (node) {
      fill(node, uiText(node.getAttribute("data-text")));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-label]"), function (node) {
      node.setAttribute("aria-label", uiText(node.getAttribute("data-label")));
    });
    if (theme && theme.name) { document.title = uiText("assistant") + " – " + theme.name; }
  }

  // A sentence of the server's (bot/web/page_config.py) in the page's language: `texts` by
  // language, else `finnish` (a server that gives only that).
  function serverText(texts, finnish) {
    return texts && typeof texts[language] === "string" ? texts[language] : finnish;
  }

  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  var conversation = null; // { sender, lastActivity } of this tab, or null before the first turn
  var generation = 0; // grows at every fresh start: answers meant for an older one are dropped
  var inFlight = null; // AbortController of the request on its way
  var pending = null; // the message not answered yet: { text, label, id, sending, renewed }
  var idleTimer = null;
  var lastTyped = 0;

  // ---- storage: the id and the time of the last turn, nothing else -------------------------

  function remember() {
    try {
      if (conversation) { sessionStorage.setItem(storageKey, JSON.stringify(conversation)); }
      else { sessionStorage.removeItem(storageKey); }
    } catch (ignored) { /* storage off: the conversation lives as long as the page */ }
  }

  function remembered() {
    try {
      var stored = JSON.parse(sessionStorage.getItem(storageKey));
      if (stored && typeof stored.sender === "string" && typeof stored.lastActivity === "number") {
        return stored;
      }
    } catch (ignored) { /* nothing usable */ }
    return null;
  }

  // ---- requests: every one ends, answered, refused or timed out ------------------------------

  function request(method, path, body) {
    var controller = new AbortController();
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; controller.abort(); },
      config.request_timeout_seconds * 1000);
    inFlight = controller;
    var options = { method: method, signal: controller.signal };
    if (body !== undefined) {
      options.headers = { "Content-Type": "application/json" };
      options.body = JSON.stringify(body);
    }
    return fetch(base + path, options).then(function (reply) {
      return reply.json().catch(function () { return {}; }).then(function (data) {
        return { status: reply.status, data: data || {} };
      });
    }).catch(function () {
      throw { kind: timedOut ? "timeout" : "network" };
    }).finally(function () {
      clearTimeout(timer);
      if (inFlight === controller) { inFlight = null; }
    });
  }

  function abortRequest() {
    if (inFlight) { inFlight.abort(); inFlight = null; }
  }

  function newMessageId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return "m" + Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function adopt(sender) {
    conversation = { sender: sender, lastActivity: Date.now() };
    remember();
    scheduleIdleCheck();
  }

  function pageLanguage() {
    var embedding = siteLanguage || document.documentElement.lang || "fi";
    return embedding.slice(0, 16);
  }

  function ensureSender() {
    if (conversation) { return Promise.resolve(conversation.sender); }
    return request("POST", "session").then(function (reply) {
      if (reply.status !== 200 || typeof reply.data.sender !== "string") {
        throw { kind: "network" };
      }
      adopt(reply.data.sender);
      return reply.data.sender;
    });
  }

  // ---- what the page shows --------------------------------------------------------------------

  var LINK = new RegExp(
    "(?:https?://|www\\.)[^\\s<>\"]+" +
    "|(?<![@\\w.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.fi(?:/[^\\s<>\"]*)?(?![\\w-])" +
    "|(?<![\\w+])(?:\\+358[ -]?|0)\\d{1,3}(?:[ -]\\d{2,4}){1,3}(?!\\w)", "g");

  function phoneLink(found) {
    var digits = found.replace(/[^\d+]/g, "");
    if (/^0*$/.test(digits.replace(/^\+358|^0/, ""))) { return null; } // 000 0000: a sample
    var link = document.createElement("a");
    link.href = "tel:" + digits;
    link.textContent = found;
    return { node: link, length: found.length };
  }

  // An http(s) address as a link that opens in a new tab and says so to screen readers.
  function newTabLink(address, label, hidden) {
    var url;
    try { url = new URL(/^https?:\/\//i.test(address) ? address : "https://" + address); }
    catch (invalid) { return null; }
    if (url.protocol !== "https:" && url.protocol !== "http:") { return null; }
    var link = document.createElement("a");
    link.href = url.href;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = label;
    var note = document.createElement("span");
    note.className = "sr-only";
    note.textContent = (hidden || "") + uiText("new_tab");
    link.appendChild(note);
    return link;
  }

  function webLink(found) {
    var address = found.replace(/[.,;:!?)\]]+$/, "");
    var link = newTabLink(address, address);
    return link && { node: link, length: address.length };
  }

  function appendLinked(parent, text) {
    var at = 0;
    var match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      var made = /^[+\d]/.test(match[0]) ? phoneLink(match[0]) : webLink(match[0]);
      if (!made) { continue; }
      parent.appendChild(document.createTextNode(text.slice(at, match.index)));
      parent.appendChild(made.node);
      at = match.index + made.length;
      LINK.lastIndex = at;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function setBubbleText(item, text, linked) {
    var body = item.querySelector(".text");
    body.textContent = "";
    if (linked) { appendLinked(body, text); } else { body.textContent = text; }
  }

  function addBubble(kind, text) {
    var item = document.createElement("li");
    item.className = kind;
    var who = document.createElement("span");
    who.className = "sr-only";
    who.textContent = uiText(kind === "me" ? "me" : "bot");
    var body = document.createElement("span");
    body.className = "text";
    item.appendChild(who);
    item.appendChild(body);
    setBubbleText(item, text, kind === "bot");
    log.appendChild(item);
    return item;
  }

  function addChoices(item, buttons) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", uiText("choices_label"));
    buttons.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice.title;
      button.addEventListener("click", function () {
        if (button.disabled || (pending && pending.sending)) { return; }
        button.classList.add("chosen");
        var mark = document.createElement("span");
        mark.className = "sr-only";
        mark.textContent = uiText("chosen");
        button.appendChild(mark);
        clearStatus();
        submit(choice.payload, choice.title);
        input.focus({ preventScroll: true });
      });
      group.appendChild(button);
    });
    item.appendChild(group);
  }

  // Choices answer the turn they came with: once anything is sent they can no longer be used.
  function spendChoices() {
    Array.prototype.forEach.call(log.querySelectorAll(".choices button"), function (button) {
      button.disabled = true;
    });
  }

  // ---- provider cards (bot/providers/cards.py): the provider of the text beside it, laid out.
  // The channel sends the card with its text (bot/web/rich_messages.py); the text is what the
  // turn's announcement says, the card what the page shows. Labels here are the page's own.

  var cardCount = 0;

  function providerOf(message) {
    var custom = message.custom;
    var provider = custom && custom.type === "provider_card" && custom.version === 1 &&
      custom.provider;
    return provider && typeof provider.name === "string" ? provider : null;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function addFact(list, label, value) {
    if (!value) { return; }
    var row = element("div");
    row.appendChild(element("dt", "", label));
    var detail = element("dd");
    if (typeof value === "string") { detail.textContent = value; }
    else { detail.appendChild(value); }
    row.appendChild(detail);
    list.appendChild(row);
  }

  function joined(parts, separator) {
    return parts.filter(function (part) { return part; }).join(separator);
  }

  function cardAddress(provider) {
    var line = joined([provider.address,
      joined([provider.postal_code, provider.post_office], " ")], ", ");
    var map = provider.map_url && newTabLink(provider.map_url, uiText("map"),
      ": " + provider.name);
    if (map) { map.className = "map"; }
    if (!line && !map) { return null; }
    var value = element("span", "", line);
    if (map) {
      if (line) { value.appendChild(document.createTextNode(" ")); }
      value.appendChild(map);
    }
    return value;
  }

  function cardPhone(provider) {
    if (!provider.phone) { return null; }
    if (typeof provider.tel !== "string" || !/^tel:\+?\d+$/.test(provider.tel)) {
      return provider.phone; // a sample's made-up number is shown, never dialled
    }
    var link = element("a", "", provider.phone);
    link.href = provider.tel;
    return link;
  }

  function cardAccessibility(provider) {
    var notes = provider.accessibility || [];
    if (!notes.length) { return null; }
    if (notes.length === 1) { return String(notes[0]); }
    var list = element("ul");
    notes.forEach(function (note) { list.appendChild(element("li", "", String(note))); });
    return list;
  }

  function addCard(provider) {
    cardCount += 1;
    var item = element("li", "bot card");
    item.appendChild(element("span", "sr-only", uiText("bot")));
    var card = element("article", "text provider-card");
    var heading = element("h2", "", provider.name);
    heading.id = "provider-card-" + cardCount;
    card.setAttribute("aria-labelledby", heading.id);
    if (provider.is_sample) {
      var mark = element("p", "sample-mark", uiText("sample"));
      mark.appendChild(element("span", "sr-only", uiText("sample_note")));
      card.appendChild(mark);
    }
    card.appendChild(heading);
    var facts = element("dl", "facts");
    addFact(facts, uiText("fact_help"), joined(provider.kinds_of_help || [], ", "));
    addFact(facts, uiText("fact_hours"), provider.hours_text);
    addFact(facts, uiText("fact_address"), cardAddress(provider));
    addFact(facts, uiText("fact_distance"), provider.distance_text);
    addFact(facts, uiText("fact_phone"), cardPhone(provider));
    var web = provider.web_url && newTabLink(provider.web_url, provider.web_url);
    addFact(facts, uiText("fact_web"), web);
    addFact(facts, uiText("fact_accessibility"), cardAccessibility(provider));
    card.appendChild(facts);
    (provider.notes || []).forEach(function (note) {
      card.appendChild(element("p", "card-note", String(note)));
    });
    item.appendChild(card);
    log.appendChild(item);
    return item;
  }

  function showBotTurn(messages) {
    var spoken = [];
    messages.forEach(function (message) {
      var buttons = message.buttons || [];
      var provider = providerOf(message);
      if (provider) {
        addCard(provider);
        spoken.push(message.text || provider.name);
        return;
      }
      if (!message.text && !buttons.length) { return; }
      var item = addBubble("bot", message.text || "");
      spoken.push(message.text || "");
      if (buttons.length) {
        addChoices(item, buttons);
        spoken.push(uiText("choices_spoken",
          { choices: buttons.map(function (b) { return b.title; }).join(", ") }));
      }
    });
    announce(spoken.join(" "));
  }

  // One announcement per bot turn: the log itself is not a live region.
  function announce(text) {
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function showStatus(text, extra) {
    statusBox.textContent = text;
    if (extra) {
      statusBox.appendChild(document.createTextNode(" "));
      appendLinked(statusBox, extra);
    }
  }

  function clearStatus() {
    statusBox.textContent = "";
    retryButton.hidden = true;
  }

  function keepComposerInView() {
    form.scrollIntoView({ block: "end", behavior: reduceMotion ? "auto" : "smooth" });
  }

  function focusInputIfLost() {
    var active = document.activeElement;
    if (!active || active === document.body || active.disabled || active.hidden) {
      input.focus({ preventScroll: true });
    }
  }

  function characters(text) { return Array.from(text).length; } // as the server counts them

  function updateCounter() {
    var length = characters(input.value.trim());
    var over = length > config.max_message_chars;
    counter.textContent = uiText("counter", { count: length, max: config.max_message_chars });
    input.setAttribute("aria-invalid", over ? "true" : "false");
    var notice = over ? serverText(config.too_long_texts, config.too_long_text) : "";
    if (tooLong.textContent !== notice) { tooLong.textContent = notice; }
  }

  function wipe() {
    abortRequest();
    generation += 1;
    pending = null;
    log.textContent = "";
    announcer.textContent = "";
    typing.hidden = true;
    ongoing.hidden = true;
    clearStatus();
  }

  // ---- sending: one message at a time, the same id when it is sent again ----------------------

  function send(text, label) {
    if (!pending || pending.text !== text || pending.label !== (label || null)) {
      pending = { text: text, label: label || null, id: newMessageId(), renewed: false };
    }
    var message = pending;
    message.sending = true;
    spendChoices();
    retryButton.hidden = true;
    var bubble = addBubble("me", label || uiText("sending"));
    if (!label) { bubble.classList.add("pending"); }
    typing.hidden = false;
    keepComposerInView();
    var mine = generation;
    return ensureSender().then(function (sender) {
      var body = { sender: sender, message: text, message_id: message.id };
      // The page's language opens the conversation; after that the person's words decide.
      if (!conversation.languageSent) {
        body.metadata = { language: pageLanguage() };
        conversation.languageSent = true;
      }
      return request("POST", "turn", body);
    }).then(function (reply) {
      if (mine === generation) { answered(reply, message, bubble); }
    }, function (failure) {
      if (mine === generation) { failed(failure.kind || "network", message, bubble); }
    });
  }

  function answered(reply, message, bubble) {
    typing.hidden = true;
    message.sending = false;
    if (reply.status === 200) {
      pending = null;
      if (message.label) {
        // a choice: its title is what the person pressed
      } else if (typeof reply.data.user_text === "string") {
        setBubbleText(bubble, reply.data.user_text, false); // as stored: codes replaced
        bubble.classList.remove("pending");
      } else {
        bubble.remove(); // not kept (too long, or not processed): the text goes back
        restoreText(message);
      }
      if (conversation) { conversation.lastActivity = Date.now(); remember(); }
      scheduleIdleCheck();
      showBotTurn(reply.data.messages || []);
      // Hook for pages built on this one (advisor.html refreshes its referral note).
      document.dispatchEvent(new CustomEvent("digituki:turn",
        { detail: { sender: conversation && conversation.sender } }));
      focusInputIfLost();
      keepComposerInView();
      return;
    }
    bubble.remove();
    var code = reply.data.error;
    if (reply.status === 403 && !message.renewed) {
      // Ended, expired or unknown to the server: the old conversation is gone for good.
      startAfresh({ text: message.text, label: message.label, renewed: true },
        uiText("renewed"));
      return;
    }
    restoreText(message);
    if (reply.status === 413) {
      showStatus(serverText(config.too_long_texts, config.too_long_text));
    } else if (reply.status === 503 || code === "not_ready") {
      offerRetry(uiText("not_ready"));
    } else if (reply.status >= 500) {
      offerRetry(uiText("server_error"));
    } else {
      pending = null;
      showStatus(uiText("refused"));
    }
    focusInputIfLost();
  }

  function failed(kind, message, bubble) {
    typing.hidden = true;
    message.sending = false;
    bubble.remove();
    restoreText(message);
    if (kind === "timeout") {
      offerRetry(uiText("timeout"),
        serverText(config.national_contacts_texts, config.national_contacts));
    } else {
      offerRetry(uiText("network"));
    }
    focusInputIfLost();
  }

  function restoreText(message) {
    if (!message.label && !input.value) { input.value = message.text; updateCounter(); }
  }

  function offerRetry(text, extra) {
    showStatus(text, extra);
    retryButton.hidden = false;
  }

  function submit(text, label) {
    if (pending && pending.sending) {
      showStatus(uiText("wait"));
      return;
    }
    if (!ongoing.hidden) {
      // Sent without choosing: on a shared computer the safe guess is a new person.
      startAfresh({ text: text, label: label }, uiText("new_started"));
      return;
    }
    send(text, label);
  }

  // ---- ending a conversation -------------------------------------------------------------------

  function endOnServer(sender) {
    return request("POST", "restart", sender ? { sender: sender } : {});
  }

  // Ends this tab's conversation on the server and starts a new one with `first` (else a greeting).
  function startAfresh(first, notice) {
    var old = conversation && conversation.sender;
    wipe();
    conversation = null;
    remember();
    var mine = generation;
    showStatus(uiText("starting_over"));
    return endOnServer(old).then(function (reply) {
      if (mine === generation && reply.status === 200 && typeof reply.data.sender === "string") {
        adopt(reply.data.sender);
      }
    }, function () { /* the next message asks for a new id; the old one expires anyway */ })
      .then(function () {
        if (mine !== generation) { return; }
        showStatus(notice);
        if (first) {
          send(first.text, first.label);
          pending.renewed = Boolean(first.renewed);
        } else {
          send(greeting(), uiText("greeting"));
        }
      });
  }

  function startOver() {
    input.value = "";
    updateCounter();
    lastTyped = 0;
    startAfresh(null, uiText("started_over"));
    input.focus({ preventScroll: true });
  }

  function idleMilliseconds() { return config.idle_minutes * 60000; }

  function lastActivity() {
    return Math.max(conversation ? conversation.lastActivity : 0, lastTyped);
  }

  function scheduleIdleCheck() {
    clearTimeout(idleTimer);
    if (!lastActivity()) { return; }
    var due = lastActivity() + idleMilliseconds() - Date.now();
    idleTimer = setTimeout(checkIdle, Math.max(0, due) + 250);
  }

  function checkIdle() {
    if (!lastActivity()) { return; }
    if (Date.now() - lastActivity() < idleMilliseconds()) { scheduleIdleCheck(); return; }
    // Walked away: wipe everything, end it on the server, start nothing until someone writes.
    var old = conversation && conversation.sender;
    wipe();
    conversation = null;
    remember();
    lastTyped = 0;
    input.value = "";
    updateCounter();
    if (old) { endOnServer(old).catch(function () { /* it expires on the server anyway */ }); }
    showStatus(uiText("idle_ended", { minutes: config.idle_minutes }));
  }

  // ---- events ------------------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    if (characters(text) > config.max_message_chars) {
      updateCounter();
      input.focus();
      return;
    }
    if (pending && pending.sending) {
      showStatus(uiText("wait"));
      return;
    }
    clearStatus();
    input.value = "";
    updateCounter();
    submit(text);
  });

  input.addEventListener("input", function () {
    updateCounter();
    lastTyped = Date.now();
    scheduleIdleCheck();
  });

  retryButton.addEventListener("click", function () {
    if (!pending || pending.sending) { return; }
    if (!pending.label && input.value.trim() === pending.text) { input.value = ""; }
    updateCounter();
    clearStatus();
    input.focus({ preventScroll: true });
    send(pending.text, pending.label);
  });

  byId("start-over").addEventListener("click", startOver);
  byId("ongoing-start-over").addEventListener("click", startOver);
  byId("ongoing-continue").addEventListener("click", function () {
    ongoing.hidden = true;
    showStatus(uiText("continuing"));
    input.focus();
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { checkIdle(); }
  });

  byId("share-location").addEventListener("click", function () {
    if (!navigator.geolocation) {
      showStatus(uiText("no_geolocation"));
      return;
    }
    showStatus(uiText("locating"));
    navigator.geolocation.getCurrentPosition(function (position) {
      clearStatus();
      submit("/inform" + JSON.stringify({
        latitude: Number(position.coords.latitude.toFixed(3)),
        longitude: Number(position.coords.longitude.toFixed(3))
      }), uiText("share_location"));
    }, function () {
      showStatus(uiText("no_location"));
    }, { maximumAge: 600000, timeout: 10000 });
  });

  // ---- start: the server's limits first, then a new conversation or the ongoing notice ----------

  // The greeting names the embedding site's municipality, if it set one: the assistant takes
  // it as the place until the person names another (actions/small_talk.py).
  // The greeting is also said in the site's language (set by widget.js or the page's lang).
  var defaultPlace = null;
  var siteLanguage = null;

  function greeting() {
    var values = { language: pageLanguage() };
    if (defaultPlace) { values.municipality = defaultPlace; }
    return "/greet" + JSON.stringify(values);
  }

  function begin() {
    byId("idle-minutes").textContent = String(config.idle_minutes);
    updateCounter();
    var stored = remembered();
    if (stored && Date.now() - stored.lastActivity < idleMilliseconds()) {
      conversation = stored;
      ongoing.hidden = false;
      scheduleIdleCheck();
      byId("ongoing-title").focus();
      return;
    }
    conversation = null;
    remember();
    send(greeting(), uiText("greeting"));
  }

  request("GET", "config").then(function (reply) {
    if (reply.status === 200) {
      Object.keys(config).forEach(function (key) {
        if (reply.data[key] !== undefined) { config[key] = reply.data[key]; }
      });
    }
  }, function () { /* the defaults above match the server's defaults */ }).then(function () {
    return window.digitukiTheme; // embed.js: the embedding site's checked settings
  }).then(function (theme) {
    defaultPlace = (theme && theme.municipality) || null;
    // The line that names it says it as the page's reader knows it (Esbo on a Swedish page);
    // the greeting keeps the Finnish name, the value the assistant's slot holds.
    if (defaultPlace && theme.municipality_shown) {
      byId("default-place-name").textContent = theme.municipality_shown;
    }
    siteLanguage = (theme && theme.language) || null;
    useLanguage(theme);
  }).then(begin);
})();
