/* Bench-only probe, loaded first on both bench pages (never shipped, never on the demo).
 *
 * It measures inside the page, the same way for selfcheck and SurveyJS, and it is also what the
 * harness waits on, so that Playwright's own injected scripts and polling stay off the main
 * thread while the products load and render:
 * - when a button or the answer options become visible and usable (checked once per animation
 *   frame, from navigation start: performance.now());
 * - "answer chosen -> next question painted": from the activating click's event.timeStamp to the
 *   first animation frame after the expected next title is in the DOM (MutationObserver +
 *   requestAnimationFrame); the time to the DOM change alone is kept too;
 * - long tasks (PerformanceObserver, buffered) and what the page downloaded (Resource Timing).
 * Configured by data attributes on its own <script> tag (no inline script on the pages):
 *   data-shadow-host  element whose open shadow root holds the UI (selfcheck), or nothing;
 *   data-title        selector of a question's title text;
 *   data-option       selector of an answer option's <input type="radio">.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var config = {
    host: script.getAttribute("data-shadow-host"),
    title: script.getAttribute("data-title"),
    option: script.getAttribute("data-option")
  };
  var longTasks = [];
  var transitions = [];
  var inDom = [];
  var clicks = [];
  var armed = null;
  var transition = Promise.resolve();

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
    }).observe({ type: "longtask", buffered: true });
  } catch (ignored) { /* no long-task support: reported as none */ }

  function roots() {
    var list = [document];
    if (config.host) {
      var host = document.querySelector(config.host);
      if (host && host.shadowRoot) list.push(host.shadowRoot);
    }
    return list;
  }

  function queryAll(selector) {
    var found = [];
    roots().forEach(function (root) {
      found.push.apply(found, root.querySelectorAll(selector));
    });
    return found;
  }

  function visible(element) {
    return !!element && element.isConnected && element.checkVisibility() &&
      element.getBoundingClientRect().width > 0;
  }

  function labelOf(input) {
    var label = input.closest("label") ||
      (input.id && input.getRootNode().querySelector('label[for="' + input.id + '"]'));
    return label ? label.textContent.trim() : input.getAttribute("aria-label") || "";
  }

  /** Resolves with the first non-null `check()` result, checked now and then once per frame. */
  function until(check) {
    return new Promise(function (resolve) {
      (function poll() {
        var result = check();
        if (result != null) resolve(result);
        else requestAnimationFrame(poll);
      })();
    });
  }

  /** Where to click an element, scrolled into view first if it is not. */
  function target(element) {
    var rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) {
      element.scrollIntoView({ block: "center" });
      rect = element.getBoundingClientRect();
    }
    return { t: performance.now(), x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }

  // Capture phase on window sees every click first, also one that lands in a shadow root.
  window.addEventListener("click", function (event) {
    clicks.push(event.timeStamp);
    if (armed && armed.eventTime === null) armed.eventTime = event.timeStamp;
  }, true);

  function onMutation() {
    if (!armed || armed.eventTime === null || armed.seen) return;
    var text = armed.text;
    var shown = queryAll(config.title).some(function (el) {
      return el.textContent.indexOf(text) !== -1;
    });
    if (!shown) return;
    var current = armed;
    current.seen = true;
    inDom.push(performance.now() - current.eventTime);
    requestAnimationFrame(function () {
      transitions.push(performance.now() - current.eventTime);
      current.observers.forEach(function (observer) { observer.disconnect(); });
      current.done();
    });
  }

  window.__bench = {
    /** The button named `name`, visible and enabled: { t, x, y } (time, where to click). */
    button: function (name) {
      return until(function () {
        var button = queryAll("button, input[type=button], input[type=submit]").filter(function (el) {
          return (el.value || el.textContent).trim() === name;
        })[0];
        return visible(button) && !button.disabled ? target(button) : null;
      });
    },
    /** At least `count` answer options visible and enabled: the time. */
    options: function (count) {
      return until(function () {
        var inputs = queryAll(config.option);
        var ready = inputs.length >= count && inputs.every(function (input) {
          return !input.disabled && visible(input.closest("label") || input);
        });
        return ready ? performance.now() : null;
      });
    },
    /** Resolves once the page is idle again after a step: two animation frames and a task, so
     * whatever a product does right after painting (selfcheck moves focus to the new question's
     * legend then) has happened before the harness touches the next question. Not timed. */
    settle: function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () {
          requestAnimationFrame(function () { setTimeout(resolve, 0); });
        });
      });
    },
    /** Focuses the option labelled `label` (the harness then presses Space). */
    focusOption: function (label) {
      var input = queryAll(config.option).filter(function (el) { return labelOf(el) === label; })[0];
      if (!input) throw new Error("no option labelled " + label);
      input.focus();
    },
    /** Some visible element matching `selector` shows `text`: the time. */
    text: function (spec) {
      var selector = spec[0];
      var text = spec[1];
      return until(function () {
        return queryAll(selector).some(function (el) {
          return visible(el) && el.textContent.indexOf(text) !== -1;
        }) ? performance.now() : null;
      });
    },
    /** The next click starts a transition that ends when a title containing `text` is painted;
     * resolves when it is. */
    arm: function (text) {
      var done;
      var finished = new Promise(function (resolve) { done = resolve; });
      armed = { text: text, eventTime: null, seen: false, observers: [], done: done };
      roots().forEach(function (root) {
        var observer = new MutationObserver(onMutation);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        armed.observers.push(observer);
      });
      transition = finished;
    },
    /** Resolves when the armed transition has been painted. */
    transitionDone: function () { return transition; },
    report: function () {
      return {
        transitions: transitions,
        inDom: inDom,
        clicks: clicks,
        longTasks: longTasks,
        resources: performance.getEntriesByType("resource").map(function (entry) {
          return {
            name: entry.name,
            transferSize: entry.transferSize,
            encodedBodySize: entry.encodedBodySize,
            decodedBodySize: entry.decodedBodySize
          };
        })
      };
    }
  };
})();
