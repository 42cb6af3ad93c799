/*! selfcheck — symptom self-assessment widget. MIT OR Apache-2.0. Nothing a visitor answers leaves the device. */
// The loader: defines <self-check>, fetches the wasm next to this script, and falls back to a
// readable message when WebAssembly is missing or fails. Works as a classic `defer` script and as
// `type="module"`; the page gains one global, `window.SelfCheck`.
(function () {
  "use strict";
  if (window.SelfCheck) return; // the snippet pasted twice

  var ATTRIBUTES = ["instruments", "mode", "lang", "clinic-name", "booking-url", "booking-label",
    "crisis-region", "resume", "emit", "ptsd-cutoff", "config"];
  var WASM_INTEGRITY = "@WASM_INTEGRITY@";

  // document.currentScript is null in module scripts, and `import.meta` is a syntax error in
  // classic ones: fall back to finding our own <script> tag by name.
  function ownScriptUrl() {
    var current = document.currentScript;
    if (current && current.src) return current.src;
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/(^|\/)selfcheck(\.min)?\.js([?#].*)?$/.test(scripts[i].src)) return scripts[i].src;
    }
    return location.href;
  }
  var wasmUrl = new URL("selfcheck_bg.wasm", ownScriptUrl()).href;

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
          if (!response.ok) throw new Error("selfcheck_bg.wasm answered " + response.status);
          // Bytes, not the Response: with an integrity check the body arrives whole anyway, so
          // streaming compilation could not overlap the download, and it decodes the module on
          // the main thread; WebAssembly.instantiate(bytes) decodes it on a background thread
          // (at 4× CPU, 12 → 1 ms of main-thread time; issue 6).
          return response.arrayBuffer();
        })
        .then(function (bytes) {
          return wasm_bindgen({ module_or_path: bytes });
        })
        .then(function () { return wasm_bindgen; });
    }
    return loading;
  }

  var FALLBACK_TEXT = {
    en: { title: "The self-check could not load", body: "Your browser could not start this questionnaire. Nothing you entered was sent anywhere.", book: "Book a consultation", help: "If you need help now, call your local emergency number." },
    es: { title: "No se pudo cargar la autoevaluación", body: "Su navegador no pudo iniciar este cuestionario. Nada de lo que escribió se envió a ningún lugar.", book: "Reservar una consulta", help: "Si necesita ayuda ahora, llame a su número local de emergencias." }
  };

  function languageOf(element) {
    var lang = element.getAttribute("lang") || document.documentElement.lang || navigator.language || "en";
    return lang.toLowerCase().indexOf("es") === 0 ? "es" : "en";
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

  // Built with DOM calls and textContent only: configuration strings are never parsed as HTML.
  function showFallback(host, error) {
    console.error("selfcheck: " + (error && error.message ? error.message : error));
    host.dispatchEvent(new CustomEvent("selfcheck:error", {
      bubbles: true, composed: true,
      detail: { problems: [{ field: "script", message: String(error && error.message ? error.message : error) }] }
    }));
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    while (root.firstChild) root.removeChild(root.firstChild);
    var text = FALLBACK_TEXT[languageOf(host)];
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
    var handle = { widget: null, cancelled: false };
    handle.ready = load().then(function (api) {
      if (handle.cancelled) return;
      handle.widget = api.mount(host, configJson);
    }).catch(function (error) {
      if (!handle.cancelled) showFallback(host, error);
    });
    return handle;
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
      if (handle && handle.widget && oldValue !== newValue) handle.widget.reconfigure();
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
    }
  });
})();
