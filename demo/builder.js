// The snippet builder (builder.html): reads the form, drives a real <self-check> as the preview
// (attributes, and colours through element.style.setProperty — the page's CSP forbids inline
// style), and writes the snippet with textContent only: nothing typed here is ever parsed as HTML.
// The checks on links and text follow the widget's own (crates/engine/src/config/check.rs), so
// the builder never writes a snippet the widget would refuse.
(function () {
  "use strict";

  var INSTRUMENT_NAMES = { phq9: "PHQ-9", gad7: "GAD-7", pcptsd5: "PC-PTSD-5" };
  // The widget's own defaults (styles/widget.css): a theme equal to them needs no <style>.
  var DEFAULTS = { accent: "#0b5cad", accentDark: "#8cc4ff", radius: 12 };
  var WIDGET_BACKGROUND = { light: "#ffffff", dark: "#141b22" };
  var TEXT_ON_ACCENT = ["#ffffff", "#0b1620"];
  var MAX_URL = 2000;
  var LOADING_TEXT = {
    en: { loading: "The self-check is loading.", before: " You can also ", link: "book a consultation", after: " directly." },
    es: { loading: "La autoevaluación se está cargando.", before: " También puede ", link: "reservar una consulta", after: " directamente." }
  };

  var form = document.getElementById("builder");
  var list = document.getElementById("instrument-list");
  var preview = document.getElementById("preview");
  var code = document.getElementById("snippet");
  var field = function (id) { return document.getElementById(id); };
  var integrity = null;
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  // ---- Checks, as the widget makes them ------------------------------------------------------

  var ALLOWED = "Use an address starting with https:, mailto: or tel: (http: only for localhost).";

  function isLoopback(host) {
    host = host.toLowerCase();
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  }

  /** The host of `rest` (what follows "scheme:"), or an error message. */
  function hostOf(rest) {
    if (rest.indexOf("//") !== 0) return { error: "There is no // and host after the scheme (write https://…)." };
    var authority = rest.slice(2).split(/[\/?#]/)[0];
    if (authority.indexOf("@") !== -1) return { error: "Remove the user name or password before “@”." };
    var host = authority, port = "";
    if (authority.charAt(0) === "[") {
      var close = authority.indexOf("]");
      if (close === -1) return { error: "The host has an unclosed “[”." };
      host = authority.slice(0, close + 1);
      port = authority.slice(close + 1);
    } else if (authority.indexOf(":") !== -1) {
      host = authority.slice(0, authority.indexOf(":"));
      port = authority.slice(authority.indexOf(":"));
    }
    if (host === "" || host === "[]") return { error: "The address has no host name." };
    var hostOk = host.charAt(0) === "["
      ? /^[0-9a-fA-F:.]+$/.test(host.slice(1, -1))
      : /^[\p{L}\p{N}._-]+$/u.test(host);
    if (!hostOk) return { error: "The host name “" + host + "” is not valid." };
    if (port !== "" && !/^:[0-9]+$/.test(port)) return { error: "The port “" + port + "” is not valid." };
    return { host: host };
  }

  /** Null when `value` is a booking link the widget accepts; otherwise what is wrong. */
  function bookingUrlProblem(value) {
    if (value.length > MAX_URL) return "The address is longer than " + MAX_URL + " characters.";
    if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return "The address contains a space or a control character; remove it or encode it.";
    if (value.indexOf("\\") !== -1) return "The address contains a backslash (\\).";
    var match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value);
    if (!match) return "This is not a full address. " + ALLOWED;
    var scheme = match[1].toLowerCase();
    var rest = value.slice(match[0].length);
    if (scheme === "https" || scheme === "http") {
      var found = hostOf(rest);
      if (found.error) return found.error;
      if (scheme === "http" && !isLoopback(found.host)) return "http: is allowed only for localhost; use https:.";
      return null;
    }
    if (scheme === "mailto") {
      var address = rest.split("?")[0];
      var at = address.indexOf("@");
      return at > 0 && at < address.length - 1 ? null : "Write an e-mail address, for example mailto:desk@your-clinic.example.";
    }
    if (scheme === "tel") {
      if (/[^0-9 +\-().]/.test(rest)) return "A phone number may hold only digits, spaces, +, -, (, ) and “.”.";
      if (!/[0-9]/.test(rest)) return "The phone number has no digits.";
      return null;
    }
    return "Links starting with “" + scheme + ":” are not allowed. " + ALLOWED;
  }

  /** Null when `value` is text the widget shows as given (control and bidi characters are refused). */
  function textProblem(value) {
    return /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)
      ? "Remove the invisible control character (it could reshape the text around it)."
      : null;
  }

  function fontProblem(value) {
    return /^[\p{L}\p{N} ,'"._-]+$/u.test(value)
      ? null
      : "Use only font names, commas and quotes, for example: \"Source Sans 3\", Arial, sans-serif.";
  }

  /** The folder URL with a trailing slash, or an error message. */
  function hostFolder(value) {
    var url;
    try {
      url = new URL(value);
    } catch (error) {
      return { error: "Write the full address of the folder, for example https://your-clinic.example/selfcheck/." };
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
      return { error: "Host the files on https: (http: works only for localhost)." };
    }
    if (url.username || url.password || url.search || url.hash) {
      return { error: "Give only the folder: no user name, “?” or “#”." };
    }
    var path = url.pathname.replace(/selfcheck(\.min)?\.js$/, "");
    if (!/\/$/.test(path)) path += "/";
    return { folder: url.origin + path };
  }

  // ---- Colours -------------------------------------------------------------------------------

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  /** White or near-black, whichever reads better on the accent. */
  function textOn(accent) {
    return contrast(accent, TEXT_ON_ACCENT[0]) >= contrast(accent, TEXT_ON_ACCENT[1]) ? TEXT_ON_ACCENT[0] : TEXT_ON_ACCENT[1];
  }

  /** Links, focus rings and borders use the accent on the widget's background: 4.5:1 or more. */
  function showContrast(id, accent, background, where) {
    var ratio = contrast(accent, background);
    var shown = (Math.floor(ratio * 10) / 10).toFixed(1) + ":1";
    var out = field(id);
    out.textContent = ratio >= 4.5
      ? "Contrast with the " + where + " background: " + shown + " (at least 4.5:1 — good)."
      : "Contrast with the " + where + " background: " + shown + ". Below 4.5:1, links in this colour are hard to read; choose a " + (where === "white" ? "darker" : "lighter") + " colour.";
    out.classList.toggle("warn", ratio < 4.5);
  }

  // ---- Reading the form ----------------------------------------------------------------------

  function checkedValue(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  /** Every setting, already checked: invalid values are left out and their problem kept. */
  function read() {
    var problems = {};
    var instruments = Array.prototype.filter.call(list.querySelectorAll("li"), function (row) {
      return row.querySelector("input").checked;
    }).map(function (row) { return row.getAttribute("data-id"); });
    if (instruments.length === 0) {
      problems.instruments = "Tick at least one questionnaire. Until you do, the snippet leaves this setting out and the widget asks all three.";
    }

    var clinicName = field("clinic-name").value.trim();
    if (clinicName && textProblem(clinicName)) { problems["clinic-name"] = textProblem(clinicName); clinicName = ""; }

    var bookingUrl = field("booking-url").value.trim();
    if (bookingUrl && bookingUrlProblem(bookingUrl)) {
      problems["booking-url"] = bookingUrlProblem(bookingUrl) + " The link is left out of the snippet until it is fixed.";
      bookingUrl = "";
    }

    var bookingLabel = field("booking-label").value.trim();
    if (bookingLabel && textProblem(bookingLabel)) { problems["booking-label"] = textProblem(bookingLabel); bookingLabel = ""; }

    var font = field("font").value.trim();
    if (font && fontProblem(font)) { problems.font = fontProblem(font); font = ""; }

    var hostValue = field("host").value.trim();
    var folder = hostFolder(hostValue || defaultHost());
    if (folder.error) { problems.host = folder.error + " Until then the snippet uses " + defaultHost() + "."; folder = hostFolder(defaultHost()); }

    var radius = parseInt(field("radius").value, 10);
    return {
      problems: problems,
      instruments: instruments,
      mode: checkedValue("mode"),
      lang: field("lang").value,
      crisisRegion: field("crisis-region").value,
      clinicName: clinicName,
      bookingUrl: bookingUrl,
      // The widget refuses a label without a link: leave it out rather than break the widget.
      bookingLabel: bookingUrl ? bookingLabel : "",
      labelUnused: Boolean(bookingLabel && !bookingUrl),
      resume: field("resume").checked,
      emit: checkedValue("emit"),
      ptsdCutoff: checkedValue("ptsd-cutoff"),
      accent: field("accent").value.toLowerCase(),
      accentDark: field("accent-dark").value.toLowerCase(),
      radius: isNaN(radius) ? DEFAULTS.radius : radius,
      font: font,
      folder: folder.folder
    };
  }

  function defaultHost() {
    return location.origin + "/dist/";
  }

  /** The <self-check> attributes, in the order they are written; null means "leave out". */
  function attributes(settings) {
    return [
      ["instruments", settings.instruments.length ? settings.instruments.join(" ") : null],
      ["mode", settings.mode === "adaptive" ? "adaptive" : null],
      ["lang", settings.lang || null],
      ["clinic-name", settings.clinicName || null],
      ["booking-url", settings.bookingUrl || null],
      ["booking-label", settings.bookingLabel || null],
      ["crisis-region", settings.crisisRegion],
      ["resume", settings.resume ? null : "off"],
      ["emit", settings.emit === "none" ? null : settings.emit],
      // 3 is the widget's default, so only 4 is written.
      ["ptsd-cutoff", settings.ptsdCutoff === "4" ? "4" : null]
    ];
  }

  function theme(settings) {
    var properties = { light: [], dark: [] };
    if (settings.accent !== DEFAULTS.accent || settings.accentDark !== DEFAULTS.accentDark) {
      // A custom accent applies in both schemes, so the dark one is always written with it.
      properties.light.push(["--selfcheck-accent", settings.accent], ["--selfcheck-accent-text", textOn(settings.accent)]);
      properties.dark.push(["--selfcheck-accent", settings.accentDark], ["--selfcheck-accent-text", textOn(settings.accentDark)]);
    }
    if (settings.radius !== DEFAULTS.radius) properties.light.push(["--selfcheck-radius", settings.radius + "px"]);
    if (settings.font) properties.light.push(["--selfcheck-font", settings.font]);
    return properties;
  }

  // ---- Writing the snippet -------------------------------------------------------------------

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function declarations(pairs) {
    return pairs.map(function (pair) { return pair[0] + ": " + pair[1] + ";"; }).join(" ");
  }

  function snippet(settings) {
    var lines = ["<!-- selfcheck: a private symptom self-check. Answers stay in the visitor's browser. -->"];
    var script = '<script src="' + escapeHtml(settings.folder + "selfcheck.js") + '"';
    if (integrity) script += ' integrity="' + escapeHtml(integrity) + '"';
    lines.push(script + ' crossorigin="anonymous" defer></script>');

    var properties = theme(settings);
    if (properties.light.length || properties.dark.length) {
      lines.push("<style>");
      lines.push("  /* With a strict Content-Security-Policy, move these rules into your own stylesheet. */");
      if (properties.light.length) lines.push("  self-check { " + declarations(properties.light) + " }");
      if (properties.dark.length) {
        lines.push("  @media (prefers-color-scheme: dark) {");
        lines.push("    self-check { " + declarations(properties.dark) + " }");
        lines.push("  }");
      }
      lines.push("</style>");
    }

    var written = attributes(settings).filter(function (pair) { return pair[1] !== null; });
    lines.push("<self-check" + (written.length ? "" : ">"));
    written.forEach(function (pair, index) {
      lines.push("    " + pair[0] + '="' + escapeHtml(pair[1]) + '"' + (index === written.length - 1 ? ">" : ""));
    });
    // What shows until the widget starts, and stays below its message if it cannot.
    var text = LOADING_TEXT[settings.lang === "es" ? "es" : "en"];
    var fallback = text.loading;
    if (settings.bookingUrl) {
      fallback += text.before + '<a href="' + escapeHtml(settings.bookingUrl) + '">' + text.link + "</a>" + text.after;
    }
    lines.push("  <p>" + fallback + "</p>");
    lines.push("</self-check>");
    return lines.join("\n");
  }

  // ---- Showing it ----------------------------------------------------------------------------

  function showProblem(name, message) {
    var input = name === "instruments" ? null : field(name);
    var out = field(name + "-error");
    if (out.textContent !== (message || "")) out.textContent = message || "";
    out.classList.toggle("shown", Boolean(message));
    if (input) {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  // Errors appear when a field is left (or the form submitted) and then follow the typing, so a
  // half-typed address is not called wrong while it is being written.
  var revealed = {};

  function updatePreview(settings) {
    var pairs = attributes(settings);
    // Removals first, then additions, link before label: the element never passes through a
    // state the widget would report as an error (a label without a link).
    pairs.forEach(function (pair) { if (pair[1] === null) preview.removeAttribute(pair[0]); });
    pairs.forEach(function (pair) {
      if (pair[1] !== null && preview.getAttribute(pair[0]) !== pair[1]) preview.setAttribute(pair[0], pair[1]);
    });
    var properties = theme(settings);
    var dark = darkQuery && darkQuery.matches;
    var wanted = {};
    properties.light.forEach(function (pair) { wanted[pair[0]] = pair[1]; });
    if (dark) properties.dark.forEach(function (pair) { wanted[pair[0]] = pair[1]; });
    ["--selfcheck-accent", "--selfcheck-accent-text", "--selfcheck-radius", "--selfcheck-font"].forEach(function (name) {
      if (wanted[name]) preview.style.setProperty(name, wanted[name]);
      else preview.style.removeProperty(name);
    });
  }

  function update() {
    var settings = read();
    ["instruments", "clinic-name", "booking-url", "booking-label", "font", "host"].forEach(function (name) {
      showProblem(name, name === "instruments" || revealed[name] ? settings.problems[name] : null);
    });
    field("booking-label-note").textContent = settings.labelUnused
      ? "This text is used only with a booking link, so it is left out until you add one above."
      : "";
    showContrast("accent-contrast", settings.accent, WIDGET_BACKGROUND.light, "white");
    showContrast("accent-dark-contrast", settings.accentDark, WIDGET_BACKGROUND.dark, "dark");
    field("radius-value").textContent = settings.radius + " px";
    var properties = theme(settings);
    field("style-note").hidden = !(properties.light.length || properties.dark.length);
    code.textContent = snippet(settings);
    updatePreview(settings);
  }

  // ---- Ordering the questionnaires -----------------------------------------------------------

  function refreshMoveButtons() {
    var rows = list.querySelectorAll("li");
    Array.prototype.forEach.call(rows, function (row, index) {
      row.querySelector('[data-move="up"]').disabled = index === 0;
      row.querySelector('[data-move="down"]').disabled = index === rows.length - 1;
    });
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-move]");
    if (!button) return;
    var row = button.closest("li");
    var direction = button.getAttribute("data-move");
    if (direction === "up" && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
    if (direction === "down" && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
    refreshMoveButtons();
    // Keep focus on the row that moved; at an end its button is disabled, so use the other one.
    (button.disabled ? row.querySelector('[data-move="' + (direction === "up" ? "down" : "up") + '"]') : button).focus();
    var rows = Array.prototype.slice.call(list.querySelectorAll("li"));
    field("order-status").textContent = INSTRUMENT_NAMES[row.getAttribute("data-id")] + " moved to position " +
      (rows.indexOf(row) + 1) + " of " + rows.length + ".";
    update();
  });

  // ---- Events from the preview ---------------------------------------------------------------

  var events = field("events");
  ["selfcheck:ready", "selfcheck:start", "selfcheck:complete", "selfcheck:booking", "selfcheck:error"].forEach(function (name) {
    preview.addEventListener(name, function (event) {
      var empty = events.querySelector(".events-empty");
      if (empty) empty.remove();
      var item = document.createElement("li");
      var label = document.createElement("code");
      label.textContent = name;
      item.appendChild(label);
      var detail = event.detail && Object.keys(event.detail).length ? JSON.stringify(event.detail) : "";
      if (detail) item.appendChild(document.createTextNode(" " + detail));
      events.insertBefore(item, events.firstChild);
      while (events.children.length > 6) events.removeChild(events.lastChild);
    });
  });

  // ---- Copying -------------------------------------------------------------------------------

  var status = field("copy-status");
  var statusTimer = null;

  function announce(message) {
    // Emptied first so that the same message is announced again on a second press.
    status.textContent = "";
    clearTimeout(statusTimer);
    setTimeout(function () { status.textContent = message; }, 50);
    statusTimer = setTimeout(function () { status.textContent = ""; }, 8000);
  }

  function selectSnippet() {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(code);
    selection.removeAllRanges();
    selection.addRange(range);
    field("snippet-box").focus();
  }

  field("copy").addEventListener("click", function () {
    var text = code.textContent;
    var fallback = function () {
      selectSnippet();
      announce("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    };
    if (!navigator.clipboard || !navigator.clipboard.writeText) return fallback();
    navigator.clipboard.writeText(text).then(function () { announce("Copied"); }, fallback);
  });

  // ---- Wiring --------------------------------------------------------------------------------

  form.addEventListener("input", update);
  form.addEventListener("change", function (event) {
    if (event.target.id) revealed[event.target.id] = true;
    update();
  });
  form.addEventListener("focusout", function (event) {
    if (event.target.id && event.target.value) { revealed[event.target.id] = true; update(); }
  });
  // Enter in a text field (there is no submit button, so browsers would do nothing): check
  // everything and go to the first problem.
  function checkAll(event) {
    event.preventDefault();
    ["clinic-name", "booking-url", "booking-label", "font", "host"].forEach(function (name) { revealed[name] = true; });
    update();
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }
  form.addEventListener("submit", checkAll);
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches('input[type="text"]')) checkAll(event);
  });
  if (darkQuery) {
    var onScheme = function () { update(); };
    if (darkQuery.addEventListener) darkQuery.addEventListener("change", onScheme);
    else if (darkQuery.addListener) darkQuery.addListener(onScheme);
  }

  field("host").value = defaultHost();
  refreshMoveButtons();
  update();

  var integrityNote = field("integrity-note");
  integrityNote.textContent = "Reading the integrity hash from dist/integrity.json…";
  fetch("dist/integrity.json", { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error("dist/integrity.json answered " + response.status);
      return response.json();
    })
    .then(function (hashes) {
      if (typeof hashes["selfcheck.js"] !== "string" || hashes["selfcheck.js"].indexOf("sha384-") !== 0) {
        throw new Error("dist/integrity.json has no sha384 hash for selfcheck.js");
      }
      integrity = hashes["selfcheck.js"];
      integrityNote.textContent = "The integrity hash makes browsers refuse any other selfcheck.js than the one built here: " +
        "host exactly these files, and build the snippet again after an update. " +
        "If you host them on another site (a CDN), it must send Access-Control-Allow-Origin, and wasm as application/wasm.";
    })
    .catch(function (error) {
      integrityNote.textContent = "No integrity hash: " + error.message + ". Run cargo xtask dist and reload this page; " +
        "until then the snippet works but does not pin the script's contents.";
    })
    .then(update);
})();
