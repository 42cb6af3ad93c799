// Alcohol, drugs and the ketamine pre-treatment check in headless Chromium: a clinic page that
// asks them completed with the keyboard alone; the drug question's whole-number field, its
// refusals and resume; what the page's events may carry (never the pre-check); what the intro
// promises; Spanish, where the AUDIT-C and the drug question are shown in English; axe on every
// new screen; and screenshots into tests/artifacts/screenshots (git-ignored).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openWidget, focused, tabTo, answerByKeyboard, startByKeyboard, legend, screenshot, axeViolations } from "./helpers.mjs";

const data = (path) => JSON.parse(readFileSync(new URL(`../../crates/engine/data/${path}`, import.meta.url), "utf8"));
/** The wording the visitor reads, so a test can find a question or a topic by its words. Which
 *  topics must be listed is decided by the tests' own rule (`raisesTopic`), not read from data. */
const PACKS = { en: data("lang/en.json"), es: data("lang/es.json") };
/** The pre-check's questions: how each is answered (Yes / No / Not sure, or a count) and its key. */
const KETAMINE = data("precheck/ketamine.json").questions;

/** The README's promise: the drug question takes a whole number from 0 to 999, and its total, a
 *  score, is that number capped at 255. */
const COUNT_MAX = 999;
const SQDS_TOTAL_CAP = 255;

/** The rule for the topics to discuss: every "Yes" or "Not sure", and the number of
 *  antidepressants tried when it is 2 or more ("treatment-resistant depression is usually
 *  defined as…" at least two). `words` are the answer as the visitor chose it, in English. */
function raisesTopic(question, words) {
  if (question.answers === "count") return words === "2" || words === "3 or more";
  return words === "Yes" || words === "Not sure";
}

/** The same answer's words in another language: answers are the same values in every pack. */
function answerWords(lang, question, englishWords) {
  const english = PACKS.en.precheck.answers[question.answers];
  const value = Object.keys(english).find((key) => english[key] === englishWords);
  if (value === undefined) throw new Error(`no pre-check answer "${englishWords}"`);
  return PACKS[lang].precheck.answers[question.answers][value];
}

/** The topics (and "Your answer: …" lines) the results must list for these answers, in order. */
function expectedTopics(lang, englishAnswers) {
  const listed = KETAMINE.map((question, index) => ({ question, index, words: englishAnswers[index] })).filter(({ question, words }) => raisesTopic(question, words));
  const yourAnswer = PACKS[lang].ui.your_answer;
  return {
    topics: listed.map(({ index }) => PACKS[lang].precheck.ketamine.questions[index].topic),
    answers: listed.map(({ question, words }) => yourAnswer.replace("{answer}", answerWords(lang, question, words))),
  };
}

/** The AUDIT-C's points: each item's k-th answer (0-based) is worth k points, 0 to 4. */
const auditcTotal = (points) => points.reduce((sum, p) => sum + p, 0);
const AUDITC_MAX = 3 * 4;
/** Positive at 4 or more unless the clinic chooses another cut-off (Bradley et al. 2007). */
const AUDITC_DEFAULT_CUTOFF = 4;
/** The AUDIT-C's one named band, "high", is 8 to 12 (the VA's "high AUDIT-C scores"); below 8
 *  there is none. */
const auditcBand = (total) => (total >= 8 ? "high" : null);

/** On a choice question, presses the answer with these words, by keyboard (after checking that
 *  the question on screen is `wording`). */
async function answerWithWordsByKeyboard(page, wording, words) {
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await expect(legend(page)).toContainText(wording);
  const options = await page.locator("self-check .option span").allTextContents();
  const index = options.indexOf(words);
  if (index < 0) throw new Error(`"${words}" is not one of ${JSON.stringify(options)}`);
  await answerByKeyboard(page, index);
}

/** With focus in the count field: replaces its text with `text` by keyboard and presses Enter. */
async function enterCount(page, text) {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** From a new count question: Tab into its field, type `text`, press Enter. */
async function answerCountByKeyboard(page, text) {
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await expect(countField(page)).toBeVisible();
  await tabTo(page, (f) => f.startsWith("input[text]"));
  await enterCount(page, text);
}

function countField(page) {
  return page.locator("self-check .count-input");
}

/** Answers every pre-check question by keyboard with these English words (in `lang`'s words). */
async function answerPrecheckByKeyboard(page, lang, englishAnswers) {
  for (const [index, question] of KETAMINE.entries()) {
    await answerWithWordsByKeyboard(page, PACKS[lang].precheck.ketamine.questions[index].text, answerWords(lang, question, englishAnswers[index]));
  }
}

/** The topics section of the results on screen (the print summary repeats it, hidden). */
function topics(page) {
  return page.locator("self-check .results > .topics");
}

function card(page, shortName) {
  return page.locator("self-check .results .card").filter({ hasText: shortName });
}

// Every kind of pre-check answer, and a No after the antidepressant count so that a No is
// seen to add nothing wherever it comes.
const MIXED_ANSWERS = ["Yes", "No", "Not sure", "No", "Yes", "No", "Not sure", "2", "No"];

test("a clinic page asking PHQ-9, AUDIT-C, the drug question and the ketamine pre-check is completed with the keyboard alone", async ({ page }) => {
  expect(MIXED_ANSWERS).toHaveLength(KETAMINE.length);
  await page.goto("/tests/pages/ketamine-clinic.html");
  await expect(page.locator("self-check .intro")).toBeVisible();
  await startByKeyboard(page);
  // PHQ-9, every item "Not at all": no difficulty question follows.
  await expect(legend(page)).toContainText(PACKS.en.phq9.items[0]);
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, 0);
  const auditc = [4, 4, 4];
  for (const [item, points] of auditc.entries()) {
    await expect(legend(page)).toContainText(PACKS.en.auditc.items[item]);
    await answerByKeyboard(page, points);
  }
  await expect(legend(page)).toContainText(PACKS.en.sqds.items[0]);
  const times = "7";
  await answerCountByKeyboard(page, times);
  await answerPrecheckByKeyboard(page, "en", MIXED_ANSWERS);

  await expect(page.locator("self-check .results")).toBeVisible();
  await expect.poll(() => focused(page)).toMatch(/^h2:Your results/);
  const total = auditcTotal(auditc);
  const alcohol = card(page, "AUDIT-C");
  await expect(alcohol.locator(".score-number")).toHaveText(`${total} of ${AUDITC_MAX}`);
  await expect(alcohol.locator(".band")).toHaveText(PACKS.en.bands.auditc[auditcBand(total)]);
  // The drug question's score is the number typed, not a score out of a maximum.
  await expect(card(page, "Single drug question").locator(".score-number")).toHaveText(`Your answer: ${times}`);

  await expect(topics(page).locator("h3")).toHaveText("Topics to discuss with the clinic before treatment");
  const expected = expectedTopics("en", MIXED_ANSWERS);
  await expect(topics(page).locator("li")).toHaveCount(expected.topics.length);
  await expect(topics(page).locator("li > p:first-child")).toHaveText(expected.topics);
  await expect(topics(page).locator("li .topic-answer")).toHaveText(expected.answers);
  // Said outright, though the exact list above implies it: a No adds nothing.
  expect(await topics(page).locator(".topic-answer").allTextContents()).not.toContain("Your answer: No");
});

test("the clinic page loads the wording these questionnaires need before Start, and nothing answered makes a request", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto("/tests/pages/ketamine-clinic.html");
  await expect(page.locator("self-check .intro")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const loaded = requests.length;
  // The wording that only a clinic's choice needs (AUDIT-C, the drug question, the pre-check)
  // is fetched while the widget loads, not when its first question is reached.
  expect(requests.filter((path) => path.startsWith("/dist/")).sort()).toEqual(
    ["/dist/selfcheck-plus.js", "/dist/selfcheck-plus_bg.wasm", "/dist/selfcheck.en.extra.json", "/dist/selfcheck.en.json"],
  );
  await startByKeyboard(page);
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, 0);
  for (let i = 0; i < 3; i++) await answerByKeyboard(page, 1);
  await answerCountByKeyboard(page, "1");
  await answerPrecheckByKeyboard(page, "en", MIXED_ANSWERS);
  await expect(topics(page)).toBeVisible();
  expect(requests.slice(loaded)).toEqual([]);
});

test("the antidepressant count adds a topic from 2 up; with every other answer No, the list says none was added", async ({ page }) => {
  // A pointer choice waits for Next, so changing an answer is a click and a Next.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openWidget(page, { script: "plus", instruments: "sqds", precheck: "ketamine", resume: "off" });
  const widget = page.locator("self-check");
  await startByKeyboard(page);
  await answerCountByKeyboard(page, "0");
  const countIndex = KETAMINE.findIndex((question) => question.answers === "count");
  const answers = KETAMINE.map((question) => (question.answers === "count" ? "None" : "No"));
  await answerPrecheckByKeyboard(page, "en", answers);
  await expect(topics(page)).toContainText(PACKS.en.ui.precheck_no_topics);
  await expect(topics(page).locator("li")).toHaveCount(0);

  for (const count of ["1", "2", "3 or more", "None"]) {
    // Back from the results to the count question, through the questions after it.
    await widget.getByRole("button", { name: "Change my answers" }).click();
    for (let back = KETAMINE.length - 1; back > countIndex; back--) await widget.getByRole("button", { name: "Back" }).click();
    await expect(legend(page)).toContainText(PACKS.en.precheck.ketamine.questions[countIndex].text);
    await widget.getByRole("radio", { name: count, exact: true }).check();
    answers[countIndex] = count;
    for (let next = countIndex; next < KETAMINE.length; next++) {
      await widget.getByRole("button", { name: next === KETAMINE.length - 1 ? "See my results" : "Next" }).click();
    }
    await expect(page.locator("self-check .results")).toBeVisible();
    const expected = expectedTopics("en", answers);
    await expect(topics(page).locator("li > p:first-child")).toHaveText(expected.topics);
    await expect(topics(page).locator("li .topic-answer")).toHaveText(expected.answers);
    if (expected.topics.length === 0) await expect(topics(page)).toContainText(PACKS.en.ui.precheck_no_topics);
    else await expect(topics(page)).not.toContainText(PACKS.en.ui.precheck_no_topics);
  }
});

test("the drug question's field refuses anything but a whole number from 0 to 999, and a reload resumes with the typed answer", async ({ page }) => {
  await openWidget(page, { script: "plus", instruments: "sqds", precheck: "ketamine" });
  const widget = page.locator("self-check");
  await startByKeyboard(page);
  const drugQuestion = PACKS.en.sqds.items[0];
  const position = `Question 1 of ${1 + KETAMINE.length}`;
  await expect(legend(page)).toContainText(drugQuestion);
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await tabTo(page, (f) => f.startsWith("input[text]"));
  await expect(countField(page)).toHaveAttribute("inputmode", "numeric");

  for (const refused of ["", "many", "7a", String(COUNT_MAX + 1), "-1", "1.5"]) {
    await enterCount(page, refused);
    await expect(widget.locator(".hint")).toHaveText(`Enter a whole number from 0 to ${COUNT_MAX}.`);
    await expect(countField(page)).toHaveAttribute("aria-invalid", "true");
    // What was typed stays, to be corrected rather than typed again.
    await expect(countField(page)).toHaveValue(refused);
    await expect(legend(page)).toContainText(drugQuestion);
    await expect(widget.locator(".progress-text")).toHaveText(position);
    await expect(countField(page)).toBeFocused();
  }
  // Typing again clears the message until the next Enter.
  await page.keyboard.press("Backspace");
  await expect(widget.locator(".hint")).toHaveText("");
  await expect(countField(page)).not.toHaveAttribute("aria-invalid", "true");

  // 0 (none) is an answer and moves on.
  await enterCount(page, "0");
  const first = PACKS.en.precheck.ketamine.questions[0].text;
  await expect(legend(page)).toContainText(first);
  await widget.getByRole("button", { name: "Back" }).click();
  await expect(countField(page)).toHaveValue("0");

  // A reload while the drug question is on screen: the same question, with the typed number.
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await tabTo(page, (f) => f.startsWith("input[text]"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(String(COUNT_MAX));
  await page.reload();
  await expect(legend(page)).toContainText(drugQuestion);
  await expect(widget.locator(".progress-text")).toHaveText(position);
  await expect(countField(page)).toHaveValue(String(COUNT_MAX));

  // A reload during the pre-check: the same pre-check question, the earlier answers kept.
  await widget.getByRole("button", { name: "Next" }).click();
  await answerWithWordsByKeyboard(page, first, "Not sure");
  const second = PACKS.en.precheck.ketamine.questions[1].text;
  await expect(legend(page)).toContainText(second);
  await page.reload();
  await expect(legend(page)).toContainText(second);
  await expect(widget.locator(".progress-text")).toHaveText(`Question 3 of ${1 + KETAMINE.length}`);
  await widget.getByRole("button", { name: "Back" }).click();
  await expect(legend(page)).toContainText(first);
  await expect(widget.getByRole("radio", { name: "Not sure" })).toBeChecked();
  await widget.getByRole("button", { name: "Back" }).click();
  await expect(countField(page)).toHaveValue(String(COUNT_MAX));
});

/** Completes AUDIT-C, the drug question (`count`) and, if asked, the pre-check (all Yes, the most
 *  antidepressants), clicks the booking link if `book`, and returns every event the page
 *  received. */
async function completeOnEventsPage(page, { emit, precheck, auditc, count, book = true }) {
  const query = new URLSearchParams({ script: "plus", instruments: "auditc sqds", resume: "off", emit, "booking-url": "https://clinic.example/book" });
  if (precheck) query.set("precheck", precheck);
  await page.goto(`/tests/pages/events.html?${query}`);
  await expect(page.locator("self-check .intro")).toBeVisible();
  await startByKeyboard(page);
  for (const points of auditc) await answerByKeyboard(page, points);
  await answerCountByKeyboard(page, String(count));
  if (precheck) await answerPrecheckByKeyboard(page, "en", KETAMINE.map((question) => (question.answers === "count" ? "3 or more" : "Yes")));
  await expect(page.locator("self-check .results")).toBeVisible();
  if (book) await page.locator("self-check .booking a").click();
  return page.evaluate(() => window.__events);
}

/** Every text that would show a pre-check answer or topic had leaked into an event. */
function precheckTraces() {
  const traces = ["ketamine", "precheck", "topic"];
  for (const [index, question] of KETAMINE.entries()) {
    traces.push(question.key);
    for (const lang of ["en", "es"]) {
      const wording = PACKS[lang].precheck.ketamine.questions[index];
      traces.push(wording.text, wording.topic);
    }
  }
  // The answers' words, except bare numbers, which any score contains.
  for (const lang of ["en", "es"]) {
    for (const kind of Object.values(PACKS[lang].precheck.answers)) traces.push(...Object.values(kind).filter((words) => !/^\d+$/.test(words)));
  }
  return traces;
}

for (const emit of ["scores", "none"]) {
  test(`emit="${emit}": the page's events carry the AUDIT-C and drug question as allowed, and nothing of the pre-check`, async ({ page }) => {
    const auditc = [2, 1, 3];
    // Above the cap, so the event's total (capped) and the visitor's answer differ.
    const count = 300;
    const seen = await completeOnEventsPage(page, { emit, precheck: "ketamine", auditc, count });
    expect(seen.map((event) => event.type)).toEqual(["selfcheck:ready", "selfcheck:start", "selfcheck:complete", "selfcheck:booking"]);
    const [complete, booking] = [seen[2].detail, seen[3].detail];
    expect(booking).toEqual(complete);
    const text = JSON.stringify([complete, booking]);
    for (const trace of precheckTraces()) expect(text, `an event mentions "${trace}"`).not.toContain(trace);

    // The same answers without the pre-check give the same events: it adds nothing to them.
    const without = await completeOnEventsPage(page, { emit, precheck: null, auditc, count });
    expect(without.map((event) => event.detail)).toEqual(seen.map((event) => event.detail));

    if (emit === "none") {
      expect(complete).toEqual({});
      return;
    }
    const scores = Object.fromEntries(complete.scores.map((score) => [score.id, score]));
    expect(Object.keys(scores).sort()).toEqual(["auditc", "sqds"]);
    const total = auditcTotal(auditc);
    expect(scores.auditc).toMatchObject({ total, max: AUDITC_MAX, band: auditcBand(total), positive: total >= AUDITC_DEFAULT_CUTOFF });
    // The drug question has no bands: its result is the number and whether it is 1 or more.
    expect(scores.sqds).toMatchObject({ total: Math.min(count, SQDS_TOTAL_CAP), max: SQDS_TOTAL_CAP, band: null, positive: count >= 1 });
    // A positive AUDIT-C or drug question raises the level to at least "recommended"; without the
    // PHQ-9 nothing can make it "urgent".
    expect(complete.level).toBe("recommended");
  });
}

test("the drug question's total in the event is the number typed, up to the cap, and 1 or more raises the level", async ({ page }) => {
  for (const count of [0, 1, SQDS_TOTAL_CAP, COUNT_MAX]) {
    // A negative AUDIT-C, so the drug question alone decides the level.
    const seen = await completeOnEventsPage(page, { emit: "scores", precheck: null, auditc: [0, 0, 0], count, book: false });
    const complete = seen.find((event) => event.type === "selfcheck:complete").detail;
    const sqds = complete.scores.find((score) => score.id === "sqds");
    expect(sqds).toMatchObject({ total: Math.min(count, SQDS_TOTAL_CAP), positive: count >= 1 });
    expect(complete.level).toBe(count >= 1 ? "recommended" : "not_indicated");
  }
});

const COUNT_SENTENCE = { en: "the score it receives is your answer itself", es: "la puntuación que recibe es su propia respuesta" };

for (const [instruments, emit, lang] of [
  ["phq9 auditc sqds", "scores", "en"],
  ["phq9 auditc sqds", "scores", "es"],
  ["phq9 auditc", "scores", "en"],
  ["phq9 auditc sqds", "level", "en"],
  ["phq9 auditc sqds", "none", "en"],
]) {
  test(`intro with instruments="${instruments}" emit="${emit}" (${lang}): says the drug question's score is the answer itself only when that score is sent`, async ({ page }) => {
    await openWidget(page, { script: "plus", instruments, emit, lang, precheck: "ketamine", resume: "off" });
    const facts = page.locator("self-check .intro .facts");
    await expect(facts).toBeVisible();
    const sent = emit === "scores" && instruments.split(" ").includes("sqds");
    if (sent) await expect(facts.locator("li").filter({ hasText: COUNT_SENTENCE[lang] })).toHaveCount(1);
    else await expect(facts).not.toContainText(COUNT_SENTENCE[lang]);
    // The pre-check is named among what will be asked.
    await expect(page.locator("self-check .intro .instrument-list")).toContainText(PACKS[lang].precheck.ketamine.title);
  });
}

test("in Spanish, the AUDIT-C and the drug question are shown in English and marked; the pre-check is in Spanish", async ({ page }) => {
  await openWidget(page, { script: "plus", instruments: "auditc sqds", precheck: "ketamine", lang: "es", resume: "off" });
  const widget = page.locator("self-check");
  const form = widget.locator(".question-form");
  const onlyInEnglish = widget.locator(".question-screen > .note");
  await startByKeyboard(page);

  for (const [item, points] of [1, 2, 0].entries()) {
    await expect(legend(page)).toContainText(PACKS.en.auditc.items[item]);
    await expect(form).toHaveAttribute("lang", "en");
    await expect(onlyInEnglish).toHaveText(PACKS.es.ui.only_in_english);
    // The note says it in the visitor's language, outside the English wording.
    expect(await onlyInEnglish.evaluate((element) => element.closest("[lang]").lang)).toBe("es");
    await expect(widget.locator(".option span").first()).toHaveText(PACKS.en.auditc.options[item][0]);
    // Items 2 and 3 count drinks: the standard drink is defined with them, in English.
    if (item > 0) await expect(form.locator(".item-note")).toHaveText(PACKS.en.auditc.item_note);
    else await expect(form.locator(".item-note")).toHaveCount(0);
    // The position and the buttons stay in Spanish.
    await expect(widget.locator(".progress-text")).toHaveText(`Pregunta ${item + 1} de ${4 + KETAMINE.length}`);
    await expect(form.locator(".nav")).toHaveAttribute("lang", "es");
    await answerByKeyboard(page, points);
  }

  await expect(legend(page)).toContainText(PACKS.en.sqds.items[0]);
  await expect(form).toHaveAttribute("lang", "en");
  await expect(onlyInEnglish).toHaveText(PACKS.es.ui.only_in_english);
  await expect(widget.locator(".count-hint")).toHaveAttribute("lang", "es");
  await expect(widget.locator(".count-hint")).toHaveText(PACKS.es.ui.count_hint);
  await answerCountByKeyboard(page, "dos");
  await expect(widget.locator(".hint")).toHaveText(PACKS.es.ui.count_invalid.replace("{max}", String(COUNT_MAX)));
  await expect(widget.locator(".hint")).toHaveAttribute("lang", "es");
  await enterCount(page, "2");

  const precheck = PACKS.es.precheck.ketamine;
  await expect(legend(page)).toContainText(precheck.questions[0].text);
  await expect(form).toHaveAttribute("lang", "es");
  await expect(onlyInEnglish).toHaveCount(0);
  await expect(widget.locator(".instrument-name")).toHaveText(precheck.title);
  await expect(form.locator(".gate-intro")).toHaveText(precheck.intro);
  await expect(widget.locator(".option span")).toHaveText(["Sí", "No", "No lo sé"]);
  await answerPrecheckByKeyboard(page, "es", MIXED_ANSWERS);

  await expect(widget.locator("#selfcheck-results-heading")).toHaveText("Sus resultados");
  await expect(topics(page).locator("h3")).toHaveText(precheck.topics_heading);
  const expected = expectedTopics("es", MIXED_ANSWERS);
  await expect(topics(page).locator("li > p:first-child")).toHaveText(expected.topics);
  await expect(topics(page).locator("li .topic-answer")).toHaveText(expected.answers);
});

test("the standard-drink note reaches a screen reader with the question: it describes the answers' group", async ({ page }) => {
  await openWidget(page, { script: "plus", instruments: "auditc", resume: "off" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  // Tabbing into a radio group, a screen reader says the group's name (the legend) and its
  // description, not the text between them: the definition of a drink must be the description.
  const group = page.locator("self-check").getByRole("group", { name: PACKS.en.auditc.items[1] });
  await expect(group).toHaveAccessibleDescription(PACKS.en.auditc.item_note);
});

/** Walks through every screen this adds and hands each to `visit(name)`: the intro naming the
 *  new questionnaires, an AUDIT-C question with its standard-drink note, the drug question
 *  (empty and refused), the pre-check's first question (with its purpose) and its count, and
 *  the results with topics. */
async function eachNewScreen(page, lang, visit) {
  await openWidget(page, { script: "plus", instruments: "auditc sqds", precheck: "ketamine", lang, emit: "scores", resume: "off", "booking-url": "https://clinic.example/book", "clinic-name": "Harbor Light Clinic" });
  await visit("intro");
  await startByKeyboard(page);
  await answerByKeyboard(page, 2);
  await expect(page.locator("self-check .item-note")).toBeVisible();
  await visit("auditc-note");
  await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 1);
  await expect(countField(page)).toBeVisible();
  await visit("count");
  await answerCountByKeyboard(page, "");
  await expect(countField(page)).toHaveAttribute("aria-invalid", "true");
  await visit("count-refused");
  await enterCount(page, "12");
  for (const [index, question] of KETAMINE.entries()) {
    await expect.poll(() => focused(page)).toMatch(/^legend:/);
    if (index === 0) await visit("precheck");
    if (question.answers === "count") await visit("precheck-count");
    await answerWithWordsByKeyboard(page, PACKS[lang].precheck.ketamine.questions[index].text, answerWords(lang, question, MIXED_ANSWERS[index]));
  }
  await expect(topics(page)).toBeVisible();
  await visit("results-topics");
}

for (const lang of ["en", "es"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds no violations on the alcohol, drug and pre-check screens (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const found = {};
      const visited = [];
      await eachNewScreen(page, lang, async (name) => {
        visited.push(name);
        const violations = await axeViolations(page);
        if (violations.length) found[name] = violations;
      });
      expect(visited).toEqual(["intro", "auditc-note", "count", "count-refused", "precheck", "precheck-count", "results-topics"]);
      expect(found).toEqual({});
    });
  }
}

for (const [width, height] of [[320, 640], [1280, 800]]) {
  test(`screenshots of the drug question, a pre-check question and the topics at ${width}×${height}, with nothing wider than the screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const wide = {};
    const photographed = ["auditc-note", "count", "count-refused", "precheck", "precheck-count", "results-topics"];
    const photograph = (suffix) => async (name) => {
      if (!photographed.includes(name)) return;
      await screenshot(page, `substances-${name}-${suffix}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide[`${name}-${suffix}`] = overflow;
    };
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await eachNewScreen(page, "en", photograph(scheme));
    }
    await page.emulateMedia({ colorScheme: "light" });
    await eachNewScreen(page, "es", photograph("es"));
    expect(wide).toEqual({});
  });
}

// selfcheck.js leaves these screens out; a clinic that names one there is told which script has
// it, on the page and in the console, and the widget shows nothing else.
for (const [attribute, value] of [["instruments", "phq9 auditc"], ["instruments", "sqds"], ["precheck", "ketamine"]]) {
  test(`selfcheck.js refuses ${attribute}="${value}" by naming the script that has it`, async ({ page, request }) => {
    const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
    const errors = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(`/tests/pages/events.html?${new URLSearchParams({ [attribute]: value })}`);
    const refused = value.split(" ").find((name) =>
      [...facts.instruments, ...facts.prechecks].some((entry) => entry.id === name && entry.script === facts.scripts.plus));
    const problem = page.locator("self-check .config-error li");
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText(`${attribute}: \`${refused}\``);
    await expect(problem).toContainText(facts.scripts.plus);
    await expect(page.locator("self-check .intro")).toHaveCount(0);
    expect(errors.some((error) => error.startsWith(`selfcheck: ${attribute}: \`${refused}\``) && error.includes(facts.scripts.plus))).toBe(true);
  });
}
