/*! selfcheck — symptom self-assessment widget. MIT OR Apache-2.0. Nothing a visitor answers leaves the device. */
// The loader: defines <self-check>, fetches the wasm next to this script, and falls back to a
// readable message when WebAssembly is missing or fails. Works as a classic `defer` script and as
// `type="module"`; the page gains one global, `window.SelfCheck`.
(function () {
  "use strict";
  if (window.SelfCheck) return; // the snippet pasted twice

  // The attributes the element observes, written by the build from the engine's own list (the
  // ones it reads, and `config`), so that changing any of them after mount re-configures it.
  var ATTRIBUTES = "@OBSERVED_ATTRIBUTES@";
  var WASM_INTEGRITY = "@WASM_INTEGRITY@";
  // Every language pack's SRI hash by its code (the file is selfcheck.<code>.json; `<lang>.extra`
  // holds the wording only a clinic's choice needs), written by the build: the hashes are in this
  // script, so the snippet's own SRI hash covers every pack.
  var PACKS = "@PACKS@";
  // The message when the widget cannot start, in English. Each pack carries its own language's
  // (`fallback`), used when that pack has loaded; only the English one is in every visitor's
  // download.
  var FALLBACK = "@FALLBACK@";

  // document.currentScript is null in module scripts, and `import.meta` is a syntax error in
  // classic ones: fall back to finding our own <script> tag by name.
  function ownScriptUrl() {
    var current = document.currentScript;
    if (current && current.src) return current.src;
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/(^|\/)selfcheck(-plus)?(\.min)?\.js([?#].*)?$/.test(scripts[i].src)) return scripts[i].src;
    }
    return location.href;
  }
  var scriptUrl = ownScriptUrl();
  // selfcheck_bg.wasm, or selfcheck-plus_bg.wasm for selfcheck-plus.js: written by the build.
  var WASM_FILE = "@WASM_FILE@";
  var wasmUrl = new URL(WASM_FILE, scriptUrl).href;

  /*@WASM_BINDGEN_GLUE@*/

  var loading = null;
  function load() {
    if (!loading) {
      loading = (typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function"
        ? Promise.resolve()
        : Promise.reject(new Error("this browser does not support WebAssembly")))
        .then(function () {
          // The hash is baked in at build time, so the script's own SRI hash covers the wasm too.
          var options = WASM_INTEGRITY.indexOf("sha") === 0 ? { integrity: WASM_INTEGRITY } : {};
          options.credentials = "omit";
          return fetch(wasmUrl, options);
        })
        .then(function (response) {
          if (!response.ok) throw new Error(WASM_FILE + " answered " + response.status);
          // Bytes, not the Response: with an integrity check the body arrives whole anyway, so
          // streaming compilation could not overlap the download, and it decodes the module on
          // the main thread; WebAssembly.instantiate(bytes) decodes it on a background thread
          // (at 4× CPU, 12 → 1 ms of main-thread time).
          return response.arrayBuffer();
        })
        .then(function (bytes) {
          return wasm_bindgen({ module_or_path: bytes });
        })
        .then(function () { return wasm_bindgen; });
    }
    return loading;
  }

  // Each language's pack is fetched at most once per page, and only when an element needs it:
  // which one is decided by configuration and the page's language, never by an answer.
  var packs = {};
  var installed = {};
  function fetchPack(code) {
    if (!packs[code]) {
      var file = "selfcheck." + code + ".json";
      packs[code] = !PACKS[code]
        ? Promise.reject(new Error("no language pack for " + code))
        : fetch(new URL(file, scriptUrl).href, { integrity: PACKS[code], credentials: "omit" })
          .then(function (response) {
            if (!response.ok) throw new Error(file + " answered " + response.status);
            return response.text();
          }, function (error) {
            // The browser's own message ("Failed to fetch") does not say which file.
            throw new Error(file + ": " + error.message);
          });
    }
    return packs[code];
  }

  function allInstalled(codes) {
    return codes.every(function (code) { return installed[code]; });
  }

  /** Installs the packs the engine says this element needs (after its configuration). */
  function withPack(api, host, configJson) {
    var codes = api.packs(host, configJson).split(" ");
    return Promise.all(codes.map(fetchPack)).then(function (texts) {
      codes.forEach(function (code, i) {
        if (installed[code]) return;
        try {
          api.install_pack(texts[i]);
        } catch (why) {
          throw new Error("selfcheck." + code + ".json: " + why);
        }
        installed[code] = true;
      });
      // The page may have changed the language or the questionnaires while the packs
      // downloaded: the widget must never render words that are not installed.
      return allInstalled(api.packs(host, configJson).split(" ")) ? api : withPack(api, host, configJson);
    });
  }

  // The pack code for a language tag, by its primary subtag as the engine reads it.
  function packFor(tag) {
    var primary = String(tag || "").toLowerCase().split(/[-_]/)[0];
    for (var code in PACKS) {
      if (code.indexOf(".") < 0 && code.toLowerCase().split("-")[0] === primary) return code;
    }
    return null;
  }

  // A guess made before the wasm has loaded, so that the pack downloads alongside it; the
  // engine's answer (`withPack`) decides, and a wrong guess costs one more download.
  function languageOf(element, configJson) {
    var configured = null;
    try {
      var script = configJson ? null : document.getElementById(element.getAttribute("config") || "");
      configured = JSON.parse(configJson || (script && script.textContent) || "null").lang;
    } catch (ignored) { /* the engine reports a malformed configuration */ }
    return packFor(element.getAttribute("lang")) || packFor(configured) ||
      packFor(document.documentElement.lang) || packFor(navigator.language) || "en";
  }

  function safeBookingUrl(value) {
    try {
      var url = new URL(value, location.href);
      if (url.protocol === "https:" || url.protocol === "mailto:" || url.protocol === "tel:") return url.href;
      // As the engine allows: plain http only for a clinic testing on its own machine.
      var loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
      return url.protocol === "http:" && loopback ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  /** Tells the page what failed: the console, and `selfcheck:error`. */
  function report(host, error) {
    var message = String(error && error.message ? error.message : error);
    console.error("selfcheck: " + message);
    host.dispatchEvent(new CustomEvent("selfcheck:error", {
      bubbles: true, composed: true, detail: { problems: [{ field: "script", message: message }] }
    }));
  }

  // The message instead of the widget, in place of a blank box.
  function showFallback(host, error, configJson) {
    report(host, error);
    fallbackText(languageOf(host, configJson)).then(function (text) { renderFallback(host, text); });
  }

  // The page's language's message if its pack has loaded (the wasm may have failed, not the
  // pack), else English; never later than 3 s, so a pack that hangs cannot hold the message.
  function fallbackText(code) {
    if (code === "en") return Promise.resolve(FALLBACK);
    return Promise.race([
      fetchPack(code).then(function (text) { return JSON.parse(text).fallback || FALLBACK; },
        function () { return FALLBACK; }),
      new Promise(function (resolve) { setTimeout(resolve, 3000, FALLBACK); })
    ]);
  }

  function renderFallback(host, text) {
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "status");
    box.setAttribute("part", "fallback");
    var title = document.createElement("p");
    title.className = "title";
    title.textContent = text.title;
    var body = document.createElement("p");
    body.textContent = text.body;
    box.appendChild(title);
    box.appendChild(body);
    var booking = safeBookingUrl(host.getAttribute("booking-url") || "");
    if (booking) {
      var link = document.createElement("a");
      link.href = booking;
      link.textContent = host.getAttribute("booking-label") || text.book;
      box.appendChild(link);
    }
    var help = document.createElement("p");
    help.textContent = text.help;
    box.appendChild(help);
    root.appendChild(box);
    // The clinic's own markup inside <self-check> stays visible below the message.
    root.appendChild(document.createElement("slot"));
    if (root.adoptedStyleSheets && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(":host{display:block;font:1rem/1.5 system-ui,sans-serif;color:#1d2a33}" +
          "div{border:1px solid #c5d0d8;border-radius:12px;padding:1rem 1.25rem;background:#fff;margin-bottom:1rem}" +
          ".title{font-weight:700;font-size:1.15rem;margin-top:0}a{color:#0b5cad;font-weight:600}");
        root.adoptedStyleSheets = [sheet];
      } catch (ignored) { /* unstyled text is still readable */ }
    }
  }

  function mountInto(host, configJson) {
    var handle = { widget: null, cancelled: false, configJson: configJson };
    // Started now, so it downloads alongside the wasm; a failure is reported below if needed.
    fetchPack(languageOf(host, configJson)).catch(function () {});
    handle.ready = load().then(function (api) {
      return withPack(api, host, configJson);
    }).then(function (api) {
      if (handle.cancelled) return;
      handle.widget = api.mount(host, configJson);
    }).catch(function (error) {
      if (!handle.cancelled) showFallback(host, error, configJson);
    });
    return handle;
  }

  /** An attribute changed: the new configuration may need another language's pack first. */
  function reconfigureHandle(host, handle) {
    load().then(function (api) {
      return withPack(api, host, handle.configJson);
    }).then(function () {
      if (handle.widget && !handle.cancelled) handle.widget.reconfigure();
    }).catch(function (error) {
      // The widget keeps working in the language it has (it is only re-configured once the new
      // language's words are installed): say what failed, never replace a working widget.
      if (handle.cancelled) return;
      if (handle.widget) report(host, error);
      else showFallback(host, error, handle.configJson);
    });
  }

  function unmountHandle(handle) {
    handle.cancelled = true;
    if (handle.widget) {
      handle.widget.unmount();
      handle.widget.free();
      handle.widget = null;
    }
  }

  if (window.customElements && !window.customElements.get("self-check")) {
    var SelfCheckElement = function () {
      return Reflect.construct(HTMLElement, [], SelfCheckElement);
    };
    SelfCheckElement.prototype = Object.create(HTMLElement.prototype);
    SelfCheckElement.prototype.constructor = SelfCheckElement;
    Object.setPrototypeOf(SelfCheckElement, HTMLElement);
    Object.defineProperty(SelfCheckElement, "observedAttributes", { get: function () { return ATTRIBUTES; } });
    SelfCheckElement.prototype.connectedCallback = function () {
      if (!this._selfcheck) this._selfcheck = mountInto(this, null);
    };
    SelfCheckElement.prototype.disconnectedCallback = function () {
      var element = this;
      // Moving the element within the page disconnects and reconnects it in one task: keep it.
      Promise.resolve().then(function () {
        if (!element.isConnected && element._selfcheck) {
          unmountHandle(element._selfcheck);
          element._selfcheck = null;
        }
      });
    };
    SelfCheckElement.prototype.attributeChangedCallback = function (name, oldValue, newValue) {
      var handle = this._selfcheck;
      if (handle && handle.widget && oldValue !== newValue) reconfigureHandle(this, handle);
    };
    window.customElements.define("self-check", SelfCheckElement);
  }

  window.SelfCheck = Object.freeze({
    /** Mounts the widget into any element with a configuration object; returns { unmount(), ready }. */
    mount: function (element, config) {
      var json = null;
      try {
        json = config == null ? null : JSON.stringify(config);
      } catch (error) {
        // A configuration that is not plain data (a cycle, a BigInt) still gets a visible answer.
        showFallback(element, new Error("the configuration object cannot be read: " + error.message));
        return { ready: Promise.resolve(), unmount: function () {} };
      }
      var handle = mountInto(element, json);
      return { ready: handle.ready, unmount: function () { unmountHandle(handle); } };
    },
    /**
     * The widget's own verdict on attributes, given as { name: value } or [[name, value], …]:
     * a Promise of the problems it would report, [{ field, message }], empty when it would start.
     * For the snippet builder, so it accepts exactly what the widget accepts.
     */
    check: function (attributes) {
      var pairs = Array.isArray(attributes) ? attributes : Object.keys(attributes || {}).map(function (name) {
        return [name, attributes[name]];
      });
      return load().then(function (api) {
        // A detached element the widget never mounts in: the engine reads it as it reads a
        // <self-check>.
        var element = document.createElement("div");
        for (var i = 0; i < pairs.length; i++) {
          try {
            element.setAttribute(String(pairs[i][0]), String(pairs[i][1]));
          } catch (error) {
            return [{ field: String(pairs[i][0]), message: "is not a valid attribute name" }];
          }
        }
        return JSON.parse(api.check(element));
      });
    }
  });
})();
