// The snippet builder (builder.html): reads the form, drives a real <self-check> as the preview
// (attributes, and colours through element.style.setProperty — the page's CSP forbids inline
// style), and writes the snippet with textContent only: nothing typed here is ever parsed as HTML.
// The clinic's text (name, booking link, button text) is checked by the widget itself
// (SelfCheck.check, the engine's own rules), so the builder never writes a snippet the widget
// would refuse; the questionnaires, cut-off choices, pre-checks, languages and crisis regions on
// offer come from the engine's facts (dist/selfcheck.facts.json, written by `cargo xtask dist`).
(function () {
  "use strict";

  var FACTS_URL = "dist/selfcheck.facts.json";
  // The settings checked by the widget, each with the field it is typed into.
  var CHECKED_BY_WIDGET = ["clinic-name", "booking-url", "booking-label"];
  var INSTRUMENT_NAMES = {};
  // The widget's own defaults (styles/widget.css): a theme equal to them needs no <style>.
  var DEFAULTS = { accent: "#0b5cad", accentDark: "#8cc4ff", radius: 12 };
  var WIDGET_BACKGROUND = { light: "#ffffff", dark: "#141b22" };
  var TEXT_ON_ACCENT = ["#ffffff", "#0b1620"];
  // Why a clinic might choose each cut-off, in a clinic's words (docs/scoring.md has the sources).
  // Which cut-offs exist, their values and their defaults come from the facts: a value without a
  // line here is still offered, without an explanation.
  var CUTOFF_REASONS = {
    "ptsd-cutoff": {
      help: "The number of “Yes” answers at which the post-traumatic stress screen is positive.",
      "3": "More sensitive: fewer people with PTSD are missed, and more screen positive who do not have it.",
      "4": "In a study of VA primary-care patients, 4 best balanced missed cases and false positives overall, though women may need 3 (Bovin et al., 2021)."
    },
    "auditc-cutoff": {
      help: "The total at which the alcohol screen is positive. The widget does not ask the visitor’s sex, so one cut-off applies to everyone.",
      "3": "The cut-off US validation studies give for women. More sensitive: fewer people are missed, and more screen positive who would not at 4.",
      "4": "The cut-off US validation studies give for men.",
      "5": "The US Veterans Health Administration’s threshold for brief alcohol counselling. Fewer screen positive than at 4."
    }
  };

  var form = document.getElementById("builder");
  var list = document.getElementById("instrument-list");
  var preview = document.getElementById("preview");
  var code = document.getElementById("snippet");
  var field = function (id) { return document.getElementById(id); };
  // Each script's SRI hash by its name (selfcheck.js, selfcheck-plus.js), from dist/integrity.json.
  var integrity = null;
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  // ---- Checks ------------------------------------------------------------------------------

  function isLoopback(host) {
    host = host.toLowerCase();
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  }

  // The widget's verdicts on what was typed, by the attributes checked (as JSON): its list of
  // problems once known. The first look at a new value asks the widget and shows the verdict
  // when it comes (a moment later: the wasm is the preview's, already loading).
  var verdicts = {};
  var asked = {};

  function widgetVerdict(pairs) {
    var key = JSON.stringify(pairs);
    if (!pairs.length) return { problems: [], settled: Promise.resolve() };
    if (!asked[key]) {
      var checking = window.SelfCheck ? window.SelfCheck.check(pairs) : Promise.reject(new Error("selfcheck.js did not load"));
      asked[key] = checking.then(function (problems) {
        verdicts[key] = problems;
      }, function (error) {
        // Without the widget nothing can be checked: keep every typed value out until it loads.
        verdicts[key] = pairs.map(function (pair) {
          return { field: pair[0], message: "could not be checked, because the widget did not load (" + (error && error.message ? error.message : error) + ")" };
        });
      }).then(update);
    }
    return { problems: verdicts[key] || null, settled: asked[key] };
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
      problems.instruments = "Tick at least one questionnaire. Until you do, the snippet leaves this setting out and the widget asks its default ones: " +
        defaultInstruments().map(function (id) { return INSTRUMENT_NAMES[id] || id; }).join(", ") + ".";
    }
    var cutoffs = {};
    cutoffInstruments().forEach(function (instrument) {
      cutoffs[instrument.cutoffAttribute] = checkedValue(instrument.cutoffAttribute);
    });

    // What the widget would say of the typed text, exactly as the snippet would carry it.
    var typed = {};
    var pairs = CHECKED_BY_WIDGET.map(function (name) {
      typed[name] = field(name).value.trim();
      return [name, typed[name]];
    }).filter(function (pair) { return pair[1] !== ""; });
    var verdict = widgetVerdict(pairs);
    (verdict.problems || []).forEach(function (problem) {
      var name = CHECKED_BY_WIDGET.indexOf(problem.field) !== -1 ? problem.field : pairs[0][0];
      var said = problem.field + ": " + problem.message + ".";
      problems[name] = problems[name] ? problems[name] + " " + said : said;
    });
    // Until the widget has answered, nothing typed is written: the snippet never carries a
    // value the widget might refuse.
    var accepted = function (name) { return verdict.problems && !problems[name] ? typed[name] : ""; };
    var clinicName = accepted("clinic-name");
    var bookingUrl = accepted("booking-url");
    var bookingLabel = accepted("booking-label");
    if (problems["booking-url"]) problems["booking-url"] += " The link is left out of the snippet until it is fixed.";

    var font = field("font").value.trim();
    if (font && fontProblem(font)) { problems.font = fontProblem(font); font = ""; }

    var hostValue = field("host").value.trim();
    var folder = hostFolder(hostValue || defaultHost());
    if (folder.error) { problems.host = folder.error + " Until then the snippet uses " + defaultHost() + "."; folder = hostFolder(defaultHost()); }

    var radius = parseInt(field("radius").value, 10);
    return {
      problems: problems,
      pending: !verdict.problems,
      checked: verdict.settled,
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
      carry: field("carry").checked,
      emit: checkedValue("emit"),
      cutoffs: cutoffs,
      precheck: checkedValue("precheck"),
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

  /** The questionnaires the widget asks without an `instruments` attribute, from the facts. */
  function defaultInstruments() {
    return (attributeFacts("instruments")["default"] || "").split(" ").filter(Boolean);
  }

  /** The questionnaires the widget will ask: those ticked, or its defaults when none is. */
  function askedInstruments(settings) {
    return settings.instruments.length ? settings.instruments : defaultInstruments();
  }

  /**
   * The script the snippet loads: selfcheck.js, unless a choice is only in the plus build
   * (every questionnaire and pre-check says which script has it, in the facts).
   */
  function scriptFor(settings) {
    var chosen = askedInstruments(settings).map(function (id) {
      return facts.instruments.filter(function (instrument) { return instrument.id === id; })[0];
    });
    if (settings.precheck && settings.precheck !== "none") {
      chosen.push((facts.prechecks || []).filter(function (precheck) { return precheck.id === settings.precheck; })[0]);
    }
    var plus = chosen.filter(function (entry) { return entry && entry.script !== facts.scripts["default"]; })[0];
    if (plus) return plus.script;
    // A setting whose value only the plus build accepts (carry="on").
    var written = attributes(settings).filter(function (pair) {
      var entry = pair[1] !== null && attributeFacts(pair[0]);
      return entry && (entry.plusOnly || []).indexOf(pair[1]) !== -1;
    });
    return written.length ? facts.scripts.plus : facts.scripts["default"];
  }

  /** The questionnaires whose cut-off a clinic may choose, in the facts' order. */
  function cutoffInstruments() {
    return facts ? facts.instruments.filter(function (instrument) { return instrument.cutoffAttribute; }) : [];
  }

  /** The <self-check> attributes, in the order they are written; null means "leave out". */
  function attributes(settings) {
    // A value equal to the widget's default is left out, and so is the cut-off of a
    // questionnaire that is not asked.
    var chosen = function (name, value) {
      return value && value !== attributeFacts(name)["default"] ? value : null;
    };
    var questionnaires = askedInstruments(settings);
    var cutoffs = cutoffInstruments().map(function (instrument) {
      var name = instrument.cutoffAttribute;
      return [name, questionnaires.indexOf(instrument.id) !== -1 ? chosen(name, settings.cutoffs[name]) : null];
    });
    return [
      ["instruments", settings.instruments.length ? settings.instruments.join(" ") : null],
      ["mode", settings.mode === "adaptive" ? "adaptive" : null],
      ["lang", settings.lang || null],
      ["clinic-name", settings.clinicName || null],
      ["booking-url", settings.bookingUrl || null],
      ["booking-label", settings.bookingLabel || null],
      ["crisis-region", settings.crisisRegion],
      ["resume", settings.resume ? null : "off"],
      ["emit", settings.emit === "none" ? null : settings.emit]
    ].concat(cutoffs, [["precheck", chosen("precheck", settings.precheck)], ["carry", chosen("carry", settings.carry ? "on" : "off")]]);
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
    var name = facts ? scriptFor(settings) : "selfcheck.js";
    var script = '<script src="' + escapeHtml(settings.folder + name) + '"';
    if (integrity && integrity[name]) script += ' integrity="' + escapeHtml(integrity[name]) + '"';
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
    // In the chosen language (English when the page's language decides), from its pack.
    var text = loadingText(settings.lang);
    var fallback = escapeHtml(text.loading);
    if (settings.bookingUrl) {
      var link = '<a href="' + escapeHtml(settings.bookingUrl) + '">' + escapeHtml(text.bookingLink) + "</a>";
      fallback += " " + escapeHtml(text.bookingSentence).replace("{link}", link);
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
    if (!facts) return;
    var settings = read();
    // The widget's verdict on new text is on its way, and this runs again when it comes.
    if (settings.pending) return;
    ["instruments", "clinic-name", "booking-url", "booking-label", "font", "host"].forEach(function (name) {
      showProblem(name, name === "instruments" || revealed[name] ? settings.problems[name] : null);
    });
    field("booking-label-note").textContent = settings.labelUnused
      ? "This text is used only with a booking link, so it is left out until the link above is fixed."
      : "";
    showContrast("accent-contrast", settings.accent, WIDGET_BACKGROUND.light, "white");
    showContrast("accent-dark-contrast", settings.accentDark, WIDGET_BACKGROUND.dark, "dark");
    field("radius-value").textContent = settings.radius + " px";
    var questionnaires = askedInstruments(settings);
    cutoffInstruments().forEach(function (instrument) {
      field(instrument.cutoffAttribute + "-group").hidden = questionnaires.indexOf(instrument.id) === -1;
    });
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
    if (!facts) return;
    ["clinic-name", "booking-url", "booking-label", "font", "host"].forEach(function (name) { revealed[name] = true; });
    // The widget's verdict on what is typed may still be on its way: wait for it.
    read().checked.then(function () {
      update();
      var first = form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
    });
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

  // ---- The engine's facts: questionnaires, languages, crisis regions --------------------------

  var facts = null;

  function loadingText(code) {
    var languages = facts ? facts.languages : [];
    var chosen = languages.filter(function (language) { return language.code === code; })[0] ||
      languages.filter(function (language) { return language.code === "en"; })[0];
    return chosen ? chosen.loading : { loading: "", bookingSentence: "", bookingLink: "" };
  }

  function attributeFacts(name) {
    return facts.attributes.filter(function (entry) { return entry.attribute === name; })[0] || {};
  }

  function element(tag, properties, children) {
    var made = document.createElement(tag);
    Object.keys(properties || {}).forEach(function (name) { made.setAttribute(name, properties[name]); });
    (children || []).forEach(function (child) {
      made.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return made;
  }

  function instrumentRow(instrument, checked) {
    INSTRUMENT_NAMES[instrument.id] = instrument.shortName;
    var box = element("input", { type: "checkbox", name: "instrument", value: instrument.id, "aria-describedby": "instruments-help" });
    box.checked = checked;
    var moveButton = function (direction, arrow) {
      return element("button", { type: "button", "class": "icon-button", "data-move": direction }, [
        element("span", { "aria-hidden": "true" }, [arrow]),
        element("span", { "class": "visually-hidden" }, ["Move " + instrument.shortName + " " + direction])
      ]);
    };
    return element("li", { "data-id": instrument.id }, [
      element("label", { "class": "check" }, [box, " ", element("span", {}, [
        element("strong", {}, [instrument.shortName]), " · " + instrument.topic.toLocaleLowerCase("en")
      ])]),
      element("span", { "class": "move" }, [moveButton("up", "↑"), moveButton("down", "↓")])
    ]);
  }

  /** A radio row: the control, its label and, if there is one, its explanation. */
  function radioChoice(name, value, label, explanation, checked) {
    var id = name + "-" + value;
    var input = element("input", { type: "radio", name: name, id: id, value: value });
    input.checked = checked;
    var row = element("div", { "class": "choice" }, [input, element("label", { "for": id }, [label])]);
    if (explanation) {
      input.setAttribute("aria-describedby", id + "-help");
      row.appendChild(element("p", { "class": "help", id: id + "-help" }, [explanation]));
    }
    return row;
  }

  /** A fieldset for each questionnaire whose cut-off a clinic may choose, before the pre-check. */
  function offerCutoffs() {
    cutoffInstruments().forEach(function (instrument) {
      var name = instrument.cutoffAttribute;
      var entry = attributeFacts(name);
      var reasons = CUTOFF_REASONS[name] || {};
      var help = reasons.help || entry.takes.charAt(0).toUpperCase() + entry.takes.slice(1) + ".";
      var group = element("fieldset", { "class": "group", id: name + "-group", "aria-describedby": name + "-help" }, [
        element("legend", {}, [instrument.shortName + " cut-off"]),
        element("p", { "class": "help", id: name + "-help" }, [help])
      ]);
      entry.values.forEach(function (value) {
        var isDefault = value === entry["default"];
        group.appendChild(radioChoice(name, value, isDefault ? value + " (default)" : value, reasons[value], isDefault));
      });
      form.insertBefore(group, field("precheck-group"));
    });
  }

  /** The pre-check's choices: none, or one of the engine's, named by its title. */
  function offerPrechecks() {
    var entry = attributeFacts("precheck");
    var group = field("precheck-group");
    entry.values.forEach(function (value) {
      var known = (facts.prechecks || []).filter(function (precheck) { return precheck.id === value; })[0];
      var label = known ? known.title : value === "none" ? "None" : value;
      var explanation = known ? known.questions + " questions after the questionnaires, in the visitor’s language." : "";
      group.appendChild(radioChoice("precheck", value, label, explanation, value === entry["default"]));
    });
  }

  /** A language's name in that language ("Español"), as the browser knows it; else its code. */
  function languageName(code) {
    try {
      var name = new Intl.DisplayNames([code], { type: "language" }).of(code);
      return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
    } catch (error) {
      return code;
    }
  }

  function offerChoices() {
    // The default questionnaires first, ticked, in the default order; any other after them.
    var asked = (attributeFacts("instruments")["default"] || "").split(" ");
    var ordered = facts.instruments.slice().sort(function (a, b) {
      var x = asked.indexOf(a.id), y = asked.indexOf(b.id);
      return (x === -1 ? asked.length : x) - (y === -1 ? asked.length : y);
    });
    ordered.forEach(function (instrument) { list.appendChild(instrumentRow(instrument, asked.indexOf(instrument.id) !== -1)); });
    offerCutoffs();
    offerPrechecks();
    facts.languages.forEach(function (language) {
      field("lang").appendChild(element("option", { value: language.code, lang: language.code, dir: language.dir }, [languageName(language.code)]));
    });
    var region = attributeFacts("crisis-region")["default"];
    facts.crisisRegions.forEach(function (entry) {
      var option = element("option", { value: entry.code }, [entry.name]);
      option.selected = entry.code === region;
      field("crisis-region").appendChild(option);
    });
  }

  field("host").value = defaultHost();
  fetch(FACTS_URL, { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error(FACTS_URL + " answered " + response.status);
      return response.json();
    })
    .then(function (loaded) {
      facts = loaded;
      offerChoices();
      refreshMoveButtons();
      update();
    })
    .catch(function (error) {
      showProblem("instruments", "The builder could not read the widget's settings: " + error.message +
        ". Run cargo xtask dist and reload this page.");
    });

  var integrityNote = field("integrity-note");
  integrityNote.textContent = "Reading the integrity hash from dist/integrity.json…";
  fetch("dist/integrity.json", { cache: "no-store" })
    .then(function (response) {
      if (!response.ok) throw new Error("dist/integrity.json answered " + response.status);
      return response.json();
    })
    .then(function (hashes) {
      var names = Object.keys(hashes);
      if (!names.length) throw new Error("dist/integrity.json names no script");
      names.forEach(function (name) {
        if (typeof hashes[name] !== "string" || hashes[name].indexOf("sha384-") !== 0) {
          throw new Error("dist/integrity.json has no sha384 hash for " + name);
        }
      });
      integrity = hashes;
      integrityNote.textContent = "The integrity hash makes browsers refuse any other script than the one built here: " +
        "host exactly these files, and build the snippet again after an update. " +
        "If you host them on another site (a CDN), it must send Access-Control-Allow-Origin, and wasm as application/wasm.";
    })
    .catch(function (error) {
      integrityNote.textContent = "No integrity hash: " + error.message + ". Run cargo xtask dist and reload this page; " +
        "until then the snippet works but does not pin the script's contents.";
    })
    .then(update);
})();
