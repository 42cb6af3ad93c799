// A cross-check of the bench's first-question figure without its probe (not part of
// `cargo xtask bench`). The probe checks visibility every animation frame, which makes the
// browser lay out and paint half-built pages; this measures passively instead:
// MutationObserver finds the Start button and the answer options, IntersectionObserver reports
// them visible at the browser's own rendering steps, and shadow roots are looked for with a
// plain timer. No polling per frame, no forced layout. The harness waits, then clicks Start.
//
// After `cargo xtask bench` has generated target/bench-pages/, with `cargo xtask serve` running:
//   node bench/passive.mjs --base http://127.0.0.1:8080 --spec target/bench-pages/spec.json [--runs 16]
import { readFileSync } from "node:fs";
import { launchChromium, options, PAGE_URLS } from "./harness.mjs";

const args = options();
const spec = JSON.parse(readFileSync(args.spec, "utf8"));
const runs = Number(args.runs ?? 16);

/** Runs in the page before its own scripts; results in `window.__passive`. The answer options'
 * selector is the one each page gives its (here idle) probe, in the probe tag's `data-option`. */
function watcher(startName) {
  const result = (window.__passive = { start: null, click: null, options: null });
  const watched = new WeakSet();
  const observed = new WeakSet();
  const startButtons = new WeakSet();
  const visibleOptions = new Set();
  const intersections = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      if (startButtons.has(entry.target)) {
        if (result.start === null) result.start = entry.time;
      } else {
        visibleOptions.add(entry.target);
        if (visibleOptions.size >= 4 && result.options === null) result.options = entry.time;
      }
    }
  });
  function scan(root) {
    for (const button of root.querySelectorAll("button, input[type=button]")) {
      if (!observed.has(button) && (button.value || button.textContent).trim() === startName) {
        observed.add(button);
        startButtons.add(button);
        intersections.observe(button);
      }
    }
    if (result.click === null) return;
    const optionSelector = document.querySelector("script[data-option]").getAttribute("data-option");
    for (const option of root.querySelectorAll(optionSelector)) {
      if (!observed.has(option)) {
        observed.add(option);
        intersections.observe(option.closest("label") || option);
      }
    }
  }
  function roots() {
    const host = document.querySelector("self-check");
    return host && host.shadowRoot ? [document, host.shadowRoot] : [document];
  }
  function watchAll() {
    for (const root of roots()) {
      if (watched.has(root)) continue;
      watched.add(root);
      new MutationObserver(() => scan(root)).observe(root, { childList: true, subtree: true });
      scan(root);
    }
  }
  (function lookForShadowRoots() {
    watchAll();
    if (result.start === null) setTimeout(lookForShadowRoots, 10);
  })();
  addEventListener("click", (event) => {
    if (result.click !== null) return;
    result.click = event.timeStamp;
    roots().forEach(scan);
  }, true);
}

/** Resolves once `check` holds in the page, asking every 500 ms (60 s at most). */
async function until(page, check) {
  for (let waited = 0; waited < 60_000; waited += 500) {
    await page.waitForTimeout(500);
    if (await page.evaluate(check)) return;
  }
  throw new Error(`${page.url()}: nothing after 60 s`);
}

const browser = await launchChromium();
const samples = { selfcheck: [], surveyjs: [] };
for (let run = 0; run < runs; run++) {
  for (const product of run % 2 === 0 ? ["selfcheck", "surveyjs"] : ["surveyjs", "selfcheck"]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watcher, spec.start);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(args.base + PAGE_URLS[product], { waitUntil: "commit" });
    // Asked rarely from outside, so the asking does not weigh on the page while it loads.
    await until(page, () => window.__passive && window.__passive.start !== null);
    await page.waitForTimeout(1000); // idle again, so the click lands on a settled page
    const centre = await page.evaluate((name) => {
      const host = document.querySelector("self-check");
      for (const root of [document, host && host.shadowRoot].filter(Boolean)) {
        for (const button of root.querySelectorAll("button, input[type=button]")) {
          if ((button.value || button.textContent).trim() === name) {
            const box = button.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
        }
      }
      throw new Error("no Start button");
    }, spec.start);
    await page.mouse.click(centre.x, centre.y);
    await until(page, () => window.__passive.options !== null);
    const { start, click, options: shown } = await page.evaluate(() => window.__passive);
    samples[product].push({ start, afterClick: shown - click });
    await context.close();
  }
}
await browser.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const summary = {};
for (const [product, list] of Object.entries(samples)) {
  summary[product] = {
    start: median(list.map((sample) => sample.start)),
    afterClick: median(list.map((sample) => sample.afterClick)),
  };
  const { start, afterClick } = summary[product];
  console.log(`${product.padEnd(9)} Start visible ${start.toFixed(0)} ms, Start clicked → options visible ` +
    `${afterClick.toFixed(0)} ms (4x CPU, median of ${list.length})`);
}
const total = (product) => summary[product].start + summary[product].afterClick;
console.log(`ratio of the sums: ${(total("selfcheck") / total("surveyjs")).toFixed(2)}`);
