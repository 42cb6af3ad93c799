// Carrying the results away (carry="on", selfcheck-plus.js) in headless Chromium, by keyboard:
// the QR code decoded from a screenshot by a real decoder (jsQR) and compared with the results on
// screen; "Save my results" downloaded and checked by the FHIR R4 validator of the `fhir` suite;
// a second run that opens the first file and shows the change; refused files; what selfcheck.js
// and carry="off" show; events unchanged; axe on the new screens.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { openWidget, focused, tabTo, answerByKeyboard, startByKeyboard, legend, screenshot, axeViolations } from "./helpers.mjs";

const data = (file) => JSON.parse(readFileSync(new URL(`../../crates/engine/data/${file}`, import.meta.url), "utf8"));
const EN = data("lang/en.json").ui;
const ES = data("lang/es.json").ui;
const SHORT_NAME = { phq9: data("instruments/phq9.json").short_name, gad7: data("instruments/gad7.json").short_name };
/** Where the downloaded files go (git-ignored), so a failure can be looked at. */
const SAVED = path.resolve("target/e2e-saved");

/** The published thresholds for a meaningful change (docs/scoring.md): PHQ-9 5 points (Löwe et
 *  al. 2004), GAD-7 4 points (Toussaint et al. 2020). */
const THRESHOLD = { phq9: 5, gad7: 4 };

const CARRY = { script: "plus", instruments: "phq9 gad7", carry: "on", resume: "off" };

/** Answers every question shown until the results, by keyboard: `choose(legend)` gives the
 *  option's index (0-based). */
async function answerAll(page, choose) {
  await startByKeyboard(page);
  const results = page.locator("self-check #selfcheck-results-heading");
  for (let asked = 0; asked < 40; asked++) {
    await expect(legend(page).or(results)).toBeVisible();
    if (await results.isVisible()) return;
    await answerByKeyboard(page, choose(await legend(page).textContent()));
  }
  throw new Error("the results never came");
}

/** The PHQ-9's items are worth `phq9` each, the GAD-7's `gad7`; item 9 and the difficulty
 *  questions are answered with their first option ("Not at all", "Not difficult at all"). */
function uniformly(phq9, gad7) {
  let index = 0;
  return (words) => {
    index += 1;
    if (/difficult/i.test(words)) return 0;
    // PHQ-9: questions 1–9; item 9 (thoughts of self-harm) stays "Not at all".
    if (index <= 9) return index === 9 ? 0 : phq9;
    return gad7;
  };
}

/** The QR code on screen, screenshotted and decoded by jsQR. */
async function decodeQr(page) {
  const png = PNG.sync.read(await page.locator("self-check .results > .carry svg.qr").screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("jsQR found no QR code in the screenshot");
  return code.data;
}

/** Presses "Save my results" by keyboard and returns the downloaded file's path. */
async function saveByKeyboard(page, name) {
  await tabTo(page, (f) => f === `button:${EN.carry_save}`, 60);
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^selfcheck-results-\d{4}-\d{2}-\d{2}\.json$/);
  mkdirSync(SAVED, { recursive: true });
  const saved = path.join(SAVED, name);
  await file.saveAs(saved);
  return saved;
}

/** Opens `file` with the picker, reached and pressed by keyboard. */
async function openByKeyboard(page, file) {
  await tabTo(page, (f) => f.startsWith("input[file]"), 60);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(file);
}

/** The page's own local date, as the device writes it. */
const deviceDate = (page) => page.evaluate(() => {
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
});

test("carry=on: the QR decodes to the results' text, the saved file passes the FHIR validator, and a second run shows the change", async ({ page }, testInfo) => {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openWidget(page, CARRY);
  // First run: PHQ-9 items worth 2 ("More than half the days", item 9 "Not at all"), GAD-7 worth 1.
  await answerAll(page, uniformly(2, 1));
  const carry = page.locator("self-check .results > .carry");
  await expect(carry.locator("h3")).toHaveText(EN.carry_heading);
  await expect(carry).toContainText(EN.carry_save_note);
  await expect(carry).toContainText(EN.carry_open_note);

  // The QR code: a real decoder reads exactly the text shown beside it, and that text says what
  // the cards and the headline say.
  const decoded = await decodeQr(page);
  expect(decoded).toBe(await carry.locator(".qr-text").textContent());
  const lines = decoded.split("\n");
  expect(lines[0]).toBe(`selfcheck ${await deviceDate(page)}`);
  const phq9Total = 8 * 2;
  const gad7Total = 7 * 1;
  for (const [id, total, max] of [["phq9", phq9Total, 27], ["gad7", gad7Total, 21]]) {
    const card = page.locator("self-check .card", { hasText: SHORT_NAME[id] });
    await expect(card.locator(".score-number")).toHaveText(`${total} of ${max}`);
    const band = (await card.locator(".band").textContent()).toLowerCase();
    expect(lines).toContain(`${SHORT_NAME[id]} ${total}/${max} ${band}`);
  }
  expect(lines).toContain("PHQ-9 item 9: 0");
  const level = await page.locator("self-check .headline").getAttribute("data-level");
  expect(lines.at(-1)).toBe(`level: ${level.replace(/_/g, " ")}`);
  expect(new TextEncoder().encode(decoded).length).toBeLessThanOrEqual(250);
  // The printed summary carries the same code and text.
  await expect(page.locator("self-check .print-summary svg.qr")).toHaveCount(1);
  await expect(page.locator("self-check .print-summary .qr-text")).toHaveText(decoded);

  // "Save my results": a FHIR R4 Bundle the validator accepts, with the answers given.
  const first = await saveByKeyboard(page, `first-${testInfo.retry}.json`);
  const python = process.env.SELFCHECK_FHIR_PYTHON;
  expect(python, "cargo xtask test passes the FHIR validator's Python in SELFCHECK_FHIR_PYTHON").toBeTruthy();
  const verdict = execFileSync(python, ["tests/fhir/validate.py", first], { encoding: "utf8" });
  expect(verdict).toContain(`ok ${first}`);
  const bundle = JSON.parse(readFileSync(first, "utf8"));
  expect(bundle.resourceType).toBe("Bundle");
  expect(bundle.type).toBe("collection");
  expect(bundle.entry.map((entry) => entry.resource.status)).toEqual(["completed", "completed"]);
  const phq9 = bundle.entry[0].resource;
  expect(phq9.questionnaire).toBe("http://loinc.org/q/44249-1");
  const answerCodes = phq9.item.filter((item) => /^4425\d-\d$|^44260-8$/.test(item.linkId)).map((item) => item.answer[0].valueCoding.code);
  // LOINC's answers for "More than half the days" and "Not at all".
  expect(answerCodes).toEqual([...Array(8).fill("LA6570-1"), "LA6568-5"]);
  expect(phq9.item.find((item) => item.linkId === "44261-6").answer[0].valueInteger).toBe(phq9Total);
  expect(JSON.stringify(bundle)).not.toMatch(/"subject"|"patient"|"author"/i);

  // Second run, a new visit: the file is opened on the intro; the results show the change.
  const second = await page.context().newPage();
  await openWidget(second, CARRY);
  await openByKeyboard(second, first);
  const status = second.locator("self-check .intro .carry-status");
  await expect(status).toContainText(EN.carry_opened.split("{date}")[0]);
  await expect(status).not.toHaveAttribute("data-refused");
  // PHQ-9 all "Not at all" this time (0), GAD-7 the same as before (7).
  await answerAll(second, uniformly(0, 1));
  const phq9Card = second.locator("self-check .card", { hasText: SHORT_NAME.phq9 });
  const gad7Card = second.locator("self-check .card", { hasText: SHORT_NAME.gad7 });
  await expect(phq9Card.locator(".change")).toHaveAttribute("data-verdict", "lower");
  await expect(phq9Card.locator(".change")).toContainText(`: ${phq9Total}. `);
  await expect(phq9Card.locator(".change")).toContainText(
    EN.carry_lower.replace("{points}", String(phq9Total)).replace("{threshold}", String(THRESHOLD.phq9)),
  );
  await expect(gad7Card.locator(".change")).toHaveAttribute("data-verdict", "small");
  await expect(gad7Card.locator(".change")).toContainText(EN.carry_small.replace("{threshold}", String(THRESHOLD.gad7)));
  // The gauge marks last time where it was, an outlined marker on the same scale, and says so;
  // not where today's marker would hide it (the GAD-7 is unchanged).
  await expect(phq9Card.locator("svg.gauge .marker-earlier")).toHaveCount(1);
  await expect(phq9Card.locator(".change")).toContainText(EN.carry_marker);
  await expect(gad7Card.locator("svg.gauge .marker-earlier")).toHaveCount(0);
  await expect(gad7Card.locator(".change")).not.toContainText(EN.carry_marker);
  // The results' own picker says the file is open and what that did.
  await expect(second.locator("self-check .results .carry-status")).toContainText(EN.carry_compared.split("{date}")[1]);
  await screenshot(second, "carry-compared");
  expect(await axeViolations(second)).toEqual([]);
  // The page turns carrying off: the comparison goes with the picker, the answers stay.
  await second.evaluate(() => document.querySelector("self-check").setAttribute("carry", "off"));
  await expect(second.locator("self-check .results .carry")).toHaveCount(0);
  await expect(second.locator("self-check .card .change")).toHaveCount(0);
  await expect(second.locator("self-check svg.gauge .marker-earlier")).toHaveCount(0);
  await expect(phq9Card.locator(".score-number")).toHaveText("0 of 27");
  expect(errors).toEqual([]);
});

test("carry=on: a file that is not one saved here is refused with a message and a console error, and nothing is compared", async ({ page }) => {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openWidget(page, CARRY);
  mkdirSync(SAVED, { recursive: true });
  const notOurs = path.join(SAVED, "not-ours.json");
  writeFileSync(notOurs, JSON.stringify({ resourceType: "Bundle", type: "collection", timestamp: "2026-11-20T10:00:00+01:00", entry: [{ resource: { resourceType: "Patient" } }] }));
  await openByKeyboard(page, notOurs);
  const status = page.locator("self-check .intro .carry-status");
  await expect(status).toHaveText(EN.carry_error_file);
  await expect(status).toHaveAttribute("data-refused", "");
  await expect(status).toHaveAttribute("role", "status");
  // The console names the field, never a value from the file.
  expect(errors).toContain("selfcheck: the file opened to compare was refused: the file is not results saved here (at entry[0].resource)");
  // A refused file is unselected, so choosing the same one again is read again.
  const refusals = errors.length;
  await openByKeyboard(page, notOurs);
  await expect.poll(() => errors.length).toBe(refusals + 1);
  await expect(page.locator("self-check .intro input[type=file]")).toHaveValue("");

  const tooLarge = path.join(SAVED, "too-large.json");
  writeFileSync(tooLarge, " ".repeat(65 * 1024) + "{}");
  await openByKeyboard(page, tooLarge);
  await expect(status).toHaveText(EN.carry_error_size);
  expect(errors.some((error) => error.includes("larger than 65536 bytes"))).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  // On the results, after a refused file, the cards say nothing of last time.
  await answerAll(page, uniformly(1, 1));
  await expect(page.locator("self-check .card .change")).toHaveCount(0);
  await expect(page.locator("self-check .results .carry-status")).toHaveText(EN.carry_error_size);
});

test("carry=on in Spanish: every new sentence is in Spanish", async ({ page }) => {
  await openWidget(page, { ...CARRY, lang: "es" });
  await expect(page.locator("self-check .intro label[for='selfcheck-earlier-file']")).toHaveText(ES.carry_open_label);
  await answerAll(page, uniformly(0, 0));
  const carry = page.locator("self-check .results > .carry");
  await expect(carry.locator("h3")).toHaveText(ES.carry_heading);
  await expect(carry.locator("button")).toHaveText(ES.carry_save);
  await expect(carry).toContainText(ES.carry_save_note);
  await expect(carry).toContainText(ES.carry_qr_caption);
  expect(await axeViolations(page)).toEqual([]);
});

test("carry: off by default, and selfcheck.js refuses carry=\"on\" by naming the script that has it", async ({ page }) => {
  await openWidget(page, { script: "plus", instruments: "gad7", resume: "off" });
  await expect(page.locator("self-check input[type=file]")).toHaveCount(0);
  await answerAll(page, () => 0);
  await expect(page.locator("self-check .carry, self-check svg.qr")).toHaveCount(0);

  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("/tests/pages/widget.html?carry=on");
  await expect(page.locator("self-check .config-error")).toContainText("carry: `on` is only in selfcheck-plus.js");
  await expect(page.locator("self-check .config-error")).toContainText("selfcheck-plus.js");
  expect(errors.some((error) => error.includes("carry") && error.includes("selfcheck-plus.js"))).toBe(true);
});

test("carry=on sends nothing more: the completion event is the same as without it", async ({ page }) => {
  const details = [];
  for (const carry of ["off", "on"]) {
    await openWidget(page, { ...CARRY, carry, emit: "scores" });
    await page.evaluate(() => {
      window.__completed = null;
      document.querySelector("self-check").addEventListener("selfcheck:complete", (event) => { window.__completed = event.detail; });
    });
    await answerAll(page, uniformly(1, 2));
    details.push(await page.evaluate(() => window.__completed));
  }
  expect(details[0]).not.toBeNull();
  expect(details[1]).toEqual(details[0]);
});

test("carry=on fits a 320 px phone and passes axe in the dark scheme", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: "dark" });
  await openWidget(page, CARRY);
  await answerAll(page, uniformly(1, 2));
  await expect(page.locator("self-check .results > .carry svg.qr")).toBeVisible();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  // The code stays dark on light in the dark scheme, where a camera expects it.
  const colours = await page.locator("self-check .results > .carry svg.qr").evaluate((svg) => [svg.querySelector("rect").getAttribute("fill"), svg.querySelector("path").getAttribute("fill")]);
  expect(colours).toEqual(["#fff", "#000"]);
  await screenshot(page, "carry-results-dark");
  expect(await axeViolations(page)).toEqual([]);
});
