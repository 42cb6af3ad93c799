// The browser half of `cargo xtask bench`: drives both bench pages in headless Chromium with
// Playwright and writes raw samples as JSON; xtask computes the statistics and the table.
// Run through `cargo xtask bench`, which builds dist/, generates the pages and serves them.
//
//   node bench/run.mjs --base http://127.0.0.1:PORT --runs 15 --spec target/bench-pages/spec.json \
//     --out target/bench-raw.json
import { readFileSync, writeFileSync } from "node:fs";
import { launchChromium, options, PAGE_URLS } from "./harness.mjs";

const args = options();
const base = args.base;
const runs = Number(args.runs ?? 15);
const throttles = (args.throttles ?? "1,4").split(",").map(Number);

// Written by xtask from the engine's data: what both pages ask, in order (the 9 items, then
// the difficulty question), the option chosen for each (an item above 0, so the difficulty
// question comes; item 9 at 0, so no crisis screen), the button names, the result text.
const spec = JSON.parse(readFileSync(args.spec, "utf8"));

const PRODUCTS = {
  selfcheck: {
    url: PAGE_URLS.selfcheck,
    result: [".results .score-number", spec.result],
  },
  surveyjs: {
    url: PAGE_URLS.surveyjs,
    result: [".sd-completedpage", spec.result],
  },
};

const browser = await launchChromium();

/** Calls the probe's `method(arg)` once the probe is there; resolves with its (promised) result. */
async function inPage(page, what, method, arg) {
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`${page.url()}: waiting for ${what}: no answer in 60 s`)), 60_000).unref();
  });
  const call = page.evaluate(
    ([name, value]) =>
      new Promise((resolve, reject) => {
        (function poll() {
          if (!window.__bench) return requestAnimationFrame(poll);
          try {
            resolve(window.__bench[name](value));
          } catch (error) {
            reject(error);
          }
        })();
      }),
    [method, arg],
  );
  return Promise.race([call, timeout]);
}

async function measure(product, throttle) {
  const target = PRODUCTS[product];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });

  // Every wait below is the probe's (bench/pages/probe.js), checked per animation frame inside
  // the page; the harness only clicks and types. performance.now() counts from navigation start.
  await page.goto(base + target.url, { waitUntil: "commit" });
  const start = await inPage(page, "Start", "button", spec.start);
  // Watched from before the click, so the time is the frame that shows the options, not the
  // moment the harness's next message gets through.
  const optionsShown = inPage(page, "the first question", "options", 4);
  await page.mouse.click(start.x, start.y);
  const firstQuestion = await optionsShown;

  for (let i = 0; i < spec.answers.length; i++) {
    // Chosen with the keyboard (focus + Space), the same on both: a pointer choice would start
    // the widget's auto-advance, which is a deliberate pause, not rendering time.
    await inPage(page, "the page to settle", "settle");
    await inPage(page, "an option", "focusOption", spec.answers[i]);
    await page.keyboard.press(" ");
    const last = i === spec.answers.length - 1;
    const button = await inPage(page, "the Next button", "button", last ? spec.seeResults : spec.next);
    const next = spec.questions[i + 1];
    if (next) await inPage(page, "arming", "arm", next);
    await page.mouse.click(button.x, button.y);
    if (next) {
      await inPage(page, `question ${i + 2} painted`, "transitionDone");
      await inPage(page, `question ${i + 2}'s options`, "options", 4);
    }
  }
  const resultShown = await inPage(page, "the result", "text", target.result);
  const report = await page.evaluate(() => window.__bench.report());

  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // The wasm instance is private to the widget's loader: find every WebAssembly.Memory in the
  // heap from outside (DevTools protocol) instead of adding a hook to the shipped script.
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const memories = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const wasm = await cdp.send("Runtime.callFunctionOn", {
    objectId: memories.objects.objectId,
    functionDeclaration: "function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  await context.close();

  return {
    product,
    throttle,
    startVisible: start.t,
    startClicked: report.clicks[0],
    firstQuestion,
    answerAll: resultShown - firstQuestion,
    transitions: report.transitions,
    transitionsInDom: report.inDom,
    longTasks: report.longTasks,
    jsHeapUsed: heap.usedSize,
    wasmMemory: wasm.result.value,
    resources: report.resources,
    violations: report.violations,
    errors,
  };
}

const samples = [];
// Warm-up (not recorded): the server compresses each file once, the OS caches the files.
for (const product of Object.keys(PRODUCTS)) await measure(product, 1);
for (let run = 0; run < runs; run++) {
  for (const throttle of throttles) {
    // Interleaved, and the order alternates so neither product always goes first.
    const order = run % 2 === 0 ? ["selfcheck", "surveyjs"] : ["surveyjs", "selfcheck"];
    for (const product of order) {
      const sample = await measure(product, throttle);
      samples.push({ run, ...sample });
      process.stderr.write(
        `    run ${run + 1}/${runs} ${product.padEnd(9)} ${throttle}x  first question ` +
          `${sample.firstQuestion.toFixed(0)} ms\n`,
      );
    }
  }
}
const version = browser.version();
await browser.close();
writeFileSync(args.out, JSON.stringify({ browser: version, startedAt: new Date().toISOString(), samples }));
