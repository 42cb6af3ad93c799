// The scenarios for every engine that Playwright cannot drive here (the default build's visits,
// and selfcheck-plus.js's new screens by keyboard, with carry="on": the QR code decoded, the
// saved file handed over, and that file read back by the engine's own FileReader): Firefox (firefox.test.mjs,
// puppeteer-core over WebDriver BiDi) and WebKitGTK (webkit.test.mjs, selenium-webdriver with
// WebKitWebDriver). A driver only opens pages, runs a function in them, presses real keys and
// makes real pointer clicks; what the visitor does and every check are written once, here.
//
// A driver is `{ open(path) → page, close() }`; a page is
// `{ evaluate(fn, ...args), press(key), click(cssInsideWidget), trouble(), close() }`, where
// `press` takes "Tab", "Space", "ArrowDown", "Enter" or a digit and `trouble` lists what the
// driver itself saw go wrong (console errors, uncaught exceptions).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import jsQR from "jsqr";

const BASE_URL = process.env.SELFCHECK_BASE_URL || "http://127.0.0.1:8080";
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The option (0-based position) to choose for each question, by instrument and part, in the
 *  order the widget asks them. PHQ-9 item 9 is above zero, so the crisis panel must come at
 *  once; the PC-PTSD-5 gate is answered with its first option (Yes), so its five items follow. */
const PLAN = {
  phq9: [1, 0, 2, 3, 0, 1, 0, 2, 1],
  "phq9.follow_up": [1],
  gad7: [2, 1, 0, 3, 0, 1, 2],
  "pcptsd5.gate": [0],
  pcptsd5: [0, 1, 0, 0, 1],
};
const PLANNED_QUESTIONS = Object.values(PLAN).flat().length;
const SELF_HARM_ITEM = "phq9.8";
/** Loading and compiling the wasm: generous, for a busy two-core CI machine. */
const STARTUP_MS = 30_000;

/** Everything the checks need from the page, read in one call. Runs in the page: self-contained. */
function widgetState() {
  const host = document.querySelector("self-check");
  const root = host && host.shadowRoot;
  const shown = (selector) => {
    const element = (root && root.querySelector(selector)) || (host && host.querySelector(selector));
    return !!element && element.getClientRects().length > 0;
  };
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  const focused = active
    ? `${active.tagName.toLowerCase()}${active.type === "radio" || active.type === "text" ? `[${active.type}]` : ""}:${(active.textContent || "").trim().slice(0, 60)}`
    : "";
  const radios = root ? Array.from(root.querySelectorAll("input[type=radio]")) : [];
  // A count question (the drug question) has one text field instead of radios.
  const count = root && root.querySelector("input.count-input");
  const checked = radios.find((radio) => radio.checked);
  const screen = shown(".results")
    ? "results"
    : shown("legend")
      ? "question"
      : shown(".crisis")
        ? "crisis"
        : shown(".intro")
          ? "intro"
          : shown("[part=fallback]")
            ? "fallback"
            : "loading";
  return {
    screen,
    focused,
    // The radios' group name is `selfcheck-<instrument>-<part>`.
    question: radios.length
      ? {
          name: radios[0].name,
          values: radios.map((radio) => Number(radio.value)),
          checked: checked ? Number(checked.value) : null,
        }
      : count
        ? { name: count.id, count: count.value }
        : null,
    cards: root ? Array.from(root.querySelectorAll(".results .card")).map((card) => card.textContent) : [],
    crisisOnResults: shown(".results .crisis"),
    // carry="on": the QR code's viewBox and path, the text beside it, the picker's status line,
    // and what each card says of last time.
    carry: root && root.querySelector(".results svg.qr")
      ? {
          viewBox: root.querySelector(".results svg.qr").getAttribute("viewBox"),
          path: root.querySelector(".results svg.qr path").getAttribute("d"),
          text: root.querySelector(".results .qr-text").textContent,
          status: root.querySelector(".results .carry-status").textContent,
          changes: Array.from(root.querySelectorAll(".results .card .change")).map((change) => change.textContent),
        }
      : null,
    events: (window.__events || []).map((event) => ({
      type: event.type,
      detail: typeof event.detail === "string" ? JSON.parse(event.detail) : event.detail,
    })),
    trouble: window.__trouble || [],
  };
}

/** Reads the page until `accept(state)` holds; fails naming `what` and the last state. */
async function waitFor(page, what, accept, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(widgetState);
    if (accept(state)) return state;
    if (Date.now() > deadline) {
      const { screen, focused, question } = state;
      assert.fail(`${what}: not within ${timeout} ms (screen ${screen}, focus ${focused}, question ${question && question.name})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `selfcheck-phq9-follow_up` → instrument "phq9", part "follow_up"; items are numbered. */
function questionOf(name) {
  const [, instrument, part] = name.match(/^selfcheck-([a-z0-9]+)-(.+)$/);
  const scored = /^\d+$/.test(part);
  return { instrument, part, key: `${instrument}.${part}`, scored };
}

/** Presses Tab until focus matches, as a keyboard user looks for the next control. */
async function tabTo(page, pattern) {
  for (let presses = 0; presses < 30; presses++) {
    if (pattern.test((await page.evaluate(widgetState)).focused)) return;
    await page.press("Tab");
  }
  assert.fail(`Tab never reached ${pattern}`);
}

/** How a keyboard user starts, answers and goes on past the crisis panel. */
const byKeyboard = {
  movesOnByItself: false,
  async start(page) {
    await tabTo(page, /^button:Start$/);
    await page.press("Enter");
  },
  async answer(page, index) {
    // A keyboard user waits for the new question to take focus before pressing Tab.
    await waitFor(page, "focus on the new question", (state) => state.focused.startsWith("legend:"));
    await tabTo(page, /^input\[radio\]/);
    await page.press("Space");
    for (let step = 0; step < index; step++) await page.press("ArrowDown");
  },
  async confirm(page) {
    await page.press("Enter");
  },
  async continueAfterCrisis(page) {
    await tabTo(page, /^button:Continue the questionnaire$/);
    await page.press("Enter");
  },
};

/** How a mouse user does the same: clicks on the answers' words, not on the small circles; a
 *  pointer choice moves on by itself, so there is nothing to confirm. */
const byPointer = {
  movesOnByItself: true,
  async start(page) {
    await page.click(".intro button.primary");
  },
  async answer(page, index) {
    await page.click(`.options label.option:nth-of-type(${index + 1}) > span`);
  },
  async confirm() {},
  async continueAfterCrisis(page) {
    await page.click(".crisis .nav button.primary");
  },
};

/** Completes the whole questionnaire the given way and checks every screen on the way; returns
 *  what was answered, with each answer's value and the highest value it could have had. */
async function completeQuestionnaire(page, how) {
  await waitFor(page, "the intro", (state) => state.screen === "intro", STARTUP_MS);
  await how.start(page);
  const asked = {};
  const given = [];
  let crisisSeen = false;
  for (;;) {
    const state = await waitFor(page, "a question or the results", (s) => s.screen === "question" || s.screen === "results");
    if (state.screen === "results") break;
    const question = questionOf(state.question.name);
    const planKey = question.scored ? question.instrument : question.key;
    const position = asked[planKey] ?? 0;
    asked[planKey] = position + 1;
    const index = PLAN[planKey]?.[position];
    assert.notEqual(index, undefined, `the plan has no answer for ${question.key}`);
    const value = state.question.values[index];
    await how.answer(page, index);
    const stillHere = (s) => s.question?.name === state.question.name;
    // A pointer choice may already have moved on; the totals at the end check it anyway.
    await waitFor(page, `option ${index} of ${question.key} checked`, (s) =>
      stillHere(s) ? s.question.checked === value : how.movesOnByItself,
    );
    if (!how.movesOnByItself && given.length === 0) {
      // A keyboard choice must never move on by itself (WCAG 3.2.2): wait out the pause after
      // which a pointer choice would (450 ms in question.rs), once, and look again.
      await new Promise((resolve) => setTimeout(resolve, 900));
      assert.ok(stillHere(await page.evaluate(widgetState)), "a keyboard choice did not move on by itself");
    }
    given.push({ ...question, value, max: Math.max(...state.question.values) });
    await how.confirm(page);
    const next = await waitFor(
      page,
      how.movesOnByItself ? `moving on by itself after the pointer choice on ${question.key}` : `moving on after Enter on ${question.key}`,
      (s) => s.screen !== "question" || s.question?.name !== state.question.name,
    );
    if (question.key === SELF_HARM_ITEM && value > 0) {
      assert.equal(next.screen, "crisis", "the crisis panel comes right after PHQ-9 item 9 above zero");
      crisisSeen = true;
      await how.continueAfterCrisis(page);
    } else {
      assert.notEqual(next.screen, "crisis", `no crisis panel after ${question.key}`);
    }
  }
  assert.equal(given.length, PLANNED_QUESTIONS, "every planned question was asked");
  assert.ok(crisisSeen, "the plan answered PHQ-9 item 9 above zero, so the crisis panel was seen");
  return given;
}

/** Totals and maxima per instrument, from the answers the test gave (only items count). */
function expectedTotals(given) {
  const totals = new Map();
  for (const answer of given.filter((answer) => answer.scored)) {
    const sum = totals.get(answer.instrument) ?? { total: 0, max: 0 };
    totals.set(answer.instrument, { total: sum.total + answer.value, max: sum.max + answer.max });
  }
  return totals;
}

/** Results, crisis panel, `selfcheck:complete` with emit="scores" (on a page that records
 *  events), and no trouble at all. */
async function checkResults(page, given, { recordsEvents = true } = {}) {
  const state = await waitFor(page, "the results", (s) => s.screen === "results");
  const expected = expectedTotals(given);
  assert.ok(state.crisisOnResults, "the crisis panel is on the results after item 9 above zero");
  assert.equal(state.cards.length, expected.size, "one card per questionnaire");
  [...expected.values()].forEach(({ total, max }, index) => {
    assert.match(state.cards[index], new RegExp(`(?<!\\d)${total} of ${max}(?!\\d)`), `card ${index + 1} shows ${total} of ${max}`);
  });
  if (recordsEvents) {
    const completes = state.events.filter((event) => event.type === "selfcheck:complete");
    assert.equal(completes.length, 1, "selfcheck:complete fires once");
    const emitted = Object.fromEntries(completes[0].detail.scores.map((score) => [score.id, { total: score.total, max: score.max }]));
    assert.deepEqual(emitted, Object.fromEntries(expected), "selfcheck:complete carries the same totals");
  }
  assert.deepEqual([...state.trouble, ...page.trouble()], [], "no console errors, exceptions or CSP violations");
}

/** The served CSP header of the page on screen (the page may fetch itself: same origin). */
async function servedPolicy() {
  const response = await fetch(location.href);
  return response.headers.get("content-security-policy");
}

const QUESTIONNAIRE = `/tests/pages/events.html?${new URLSearchParams({ emit: "scores", resume: "off" })}`;

/** A clinic on selfcheck-plus.js: the AUDIT-C, the drug question and the ketamine pre-check. */
const PLUS_QUESTIONNAIRE = `/tests/pages/events.html?${new URLSearchParams({
  script: "plus", instruments: "auditc sqds", precheck: "ketamine", emit: "scores", resume: "off", carry: "on",
})}`;
/** The option (position) for each AUDIT-C item, the number typed for the drug question, and the
 *  option for each pre-check question (Yes, No, Not sure; 0, 1, 2, 3 or more). */
const PLUS_PLAN = { auditc: [2, 1, 3], sqds: "12", ketamine: [1, 0, 2, 1, 1, 0, 1, 3, 0] };

/** The plus build by keyboard alone: radios, a number typed into the count field, the pre-check,
 *  then the results' totals and selfcheck:complete, which must carry no pre-check answer. */
async function completePlusByKeyboard(page) {
  await waitFor(page, "the intro", (state) => state.screen === "intro", STARTUP_MS);
  await byKeyboard.start(page);
  const given = { auditc: [], ketamine: [] };
  let typed = null;
  for (;;) {
    const state = await waitFor(page, "a question or the results", (s) => s.screen === "question" || s.screen === "results");
    if (state.screen === "results") break;
    const name = state.question.name;
    if (state.question.count !== undefined) {
      await waitFor(page, "focus on the count question", (s) => s.focused.startsWith("legend:"));
      await tabTo(page, /^input\[text\]/);
      for (const digit of PLUS_PLAN.sqds) await page.press(digit);
      await waitFor(page, "the number in the field", (s) => s.question?.count === PLUS_PLAN.sqds);
      typed = Number(PLUS_PLAN.sqds);
    } else {
      const { instrument } = questionOf(name);
      const index = PLUS_PLAN[instrument]?.[given[instrument].length];
      assert.notEqual(index, undefined, `the plan has no answer for ${name}`);
      await byKeyboard.answer(page, index);
      const value = state.question.values[index];
      await waitFor(page, `option ${index} of ${name} checked`, (s) => s.question?.name === name && s.question.checked === value);
      given[instrument].push(value);
    }
    await byKeyboard.confirm(page);
    await waitFor(page, `moving on after Enter on ${name}`, (s) => s.screen !== "question" || s.question?.name !== name);
  }
  assert.equal(given.auditc.length, PLUS_PLAN.auditc.length, "every AUDIT-C item was asked");
  assert.equal(given.ketamine.length, PLUS_PLAN.ketamine.length, "every pre-check question was asked");
  assert.equal(typed, Number(PLUS_PLAN.sqds), "the drug question was answered by typing");
  return { auditc: given.auditc.reduce((sum, value) => sum + value, 0), sqds: typed };
}

/** Decodes the QR code the widget drew, module by module from its SVG path (`M x y h n v1 h-n z`
 *  runs of dark modules), with jsQR: what a phone camera would read from this engine's page. */
function decodeDrawnQr({ viewBox, path }) {
  const side = Number(viewBox.split(" ")[3]);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let module = Number(x); module < Number(x) + Number(run); module++) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = ((Number(y) * scale + dy) * width + module * scale + dx) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
      }
    }
  }
  const code = jsQR(pixels, width, width);
  assert.ok(code, "jsQR reads the QR code the widget drew");
  return code.data;
}

/** Catches what "Save my results" hands the browser, the Blob and the file name, and keeps the
 *  browser's own download dialog (which no driver here can read) from opening. Runs in the page. */
function catchDownloads() {
  const create = URL.createObjectURL;
  window.__saved = [];
  URL.createObjectURL = function (blob) {
    const url = create.call(URL, blob);
    window.__saved.push({ blob, url });
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const saved = window.__saved.find((entry) => entry.url === this.href);
    if (saved && this.hasAttribute("download")) saved.name = this.getAttribute("download");
    else click.call(this);
  };
}

/** The file "Save my results" handed over, read back. Runs in the page. */
async function savedFile() {
  const saved = (window.__saved || []).find((entry) => entry.name);
  return saved ? { name: saved.name, type: saved.blob.type, text: await saved.blob.text() } : null;
}

/** Chooses a file with `text` in the results' picker, as the browser's file dialog would: the
 *  widget reads it with its own FileReader. Runs in the page. */
function chooseFile(text) {
  const input = document.querySelector("self-check").shadowRoot.querySelector(".results input[type=file]");
  const files = new DataTransfer();
  files.items.add(new File([text], "selfcheck-results.json", { type: "application/json" }));
  input.files = files.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** carry="on" on the results: the QR code decodes to the text beside it, "Save my results" by
 *  keyboard hands over a FHIR Bundle with these totals, and that file, opened again, is read by
 *  this engine's FileReader and compared on every card. */
async function checkCarry(page, expected) {
  const state = await waitFor(page, "the QR code", (s) => s.carry !== null);
  assert.equal(decodeDrawnQr(state.carry), state.carry.text, "the QR code holds the text beside it");
  assert.match(state.carry.text, /^selfcheck \d{4}-\d{2}-\d{2}\n/);
  assert.ok(state.carry.text.includes(`AUDIT-C ${expected.auditc}/12`), "the QR text has the AUDIT-C's total");

  await page.evaluate(catchDownloads);
  await tabTo(page, /^button:Save my results$/);
  await page.press("Enter");
  const deadline = Date.now() + 10_000;
  let file = null;
  while (!(file = await page.evaluate(savedFile)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(file, "Save my results handed a file to the browser");
  assert.match(file.name, /^selfcheck-results-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(file.type, "application/fhir+json");
  const bundle = JSON.parse(file.text);
  assert.equal(bundle.resourceType, "Bundle");
  const totals = bundle.entry.map((entry) => entry.resource.item.at(-1).answer[0].valueInteger);
  assert.deepEqual(totals, [expected.auditc, expected.sqds], "the file's totals are the results'");
  assert.ok(!file.text.includes("ketamine"), "the pre-check is not in the file");

  await page.evaluate(chooseFile, file.text);
  const compared = await waitFor(page, "the cards compared with the file", (s) => s.carry?.changes.length === 2);
  assert.match(compared.carry.status, /^Opened: your results saved on /);
  assert.match(compared.carry.changes[0], new RegExp(`Last time \\(.+\\): ${expected.auditc}\\. Today: ${expected.auditc}\\.`));

  await page.evaluate(chooseFile, "{ not a results file");
  const refused = await waitFor(page, "the refusal", (s) => s.carry?.changes.length === 0);
  assert.match(refused.carry.status, /is not results saved by this self-check/);
}

/** The engine's suite: launches it once and runs every check in it. */
export function engineSuite(engine, launch) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    async function withPage(path, body) {
      const page = await browser.open(new URL(path, BASE_URL).href);
      try {
        await body(page);
      } finally {
        await page.close();
      }
    }

    // The clinic's demo page as it is (emit="none", so no event details to compare): the
    // pages below add the error watcher and the event recorder under the same policy.
    test("the demo page runs the whole questionnaire by keyboard under the strict CSP", { timeout: 150_000 }, () =>
      withPage("/", async (page) => {
        assert.equal(await page.evaluate(servedPolicy), STRICT_CSP);
        const state = await waitFor(page, "the intro", (s) => s.screen === "intro" || s.screen === "fallback", STARTUP_MS);
        assert.equal(state.screen, "intro", "the widget started instead of showing its fallback");
        const given = await completeQuestionnaire(page, byKeyboard);
        await checkResults(page, given, { recordsEvents: false });
      }));

    test("selfcheck-plus.js by keyboard alone: AUDIT-C, a typed drug count, the ketamine pre-check; with carry=\"on\", the QR code, the saved file and the comparison", { timeout: 150_000 }, () =>
      withPage(PLUS_QUESTIONNAIRE, async (page) => {
        assert.equal(await page.evaluate(servedPolicy), STRICT_CSP);
        const expected = await completePlusByKeyboard(page);
        const state = await waitFor(page, "the results", (s) => s.screen === "results");
        assert.equal(state.cards.length, 2, "a card each for the AUDIT-C and the drug question");
        assert.match(state.cards[0], new RegExp(`(?<!\\d)${expected.auditc} of 12(?!\\d)`), "the AUDIT-C's total");
        assert.match(state.cards[1], new RegExp(`(?<!\\d)${expected.sqds}(?!\\d)`), "the number given");
        const completes = state.events.filter((event) => event.type === "selfcheck:complete");
        assert.equal(completes.length, 1, "selfcheck:complete fires once");
        const totals = Object.fromEntries(completes[0].detail.scores.map((score) => [score.id, score.total]));
        assert.deepEqual(totals, expected, "selfcheck:complete carries the totals, and no pre-check");
        assert.ok(!JSON.stringify(completes[0].detail).includes("ketamine"), "no pre-check answer in the event");
        await checkCarry(page, expected);
        // The refused file's reason goes to the console (and to the page's watcher): that one
        // error is expected, nothing else.
        const trouble = [...(await page.evaluate(widgetState)).trouble, ...page.trouble()];
        assert.deepEqual(
          trouble.filter((line) => !line.includes("selfcheck: the file opened to compare was refused: the file is not JSON")),
          [],
          "no console errors, exceptions or CSP violations",
        );
        assert.ok(trouble.length >= 1, "the refused file is reported in the console");
      }));

    for (const [way, how] of [["keyboard alone", byKeyboard], ["pointer clicks on the answers' words", byPointer]]) {
      test(`the whole questionnaire by ${way}: crisis panel, totals, selfcheck:complete`, { timeout: 120_000 }, () =>
        withPage(QUESTIONNAIRE, async (page) => {
          assert.equal(await page.evaluate(servedPolicy), STRICT_CSP);
          const given = await completeQuestionnaire(page, how);
          await checkResults(page, given);
        }));
    }
  });
}
