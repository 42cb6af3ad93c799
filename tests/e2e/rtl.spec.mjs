// Right-to-left languages: no shipped language is written right to left yet (no Arabic PHQ-9 and
// GAD-7 could be verified), so the layout is proven with the test-only pseudo-locale `ar-XB`
// (crates/engine/src/pseudo.rs: every English text forced right to left), which only the test
// build in target/dist-rtl/ has. What is checked is geometry, not words: the radios, the buttons,
// the progress bar, the gauges, focus order and the printed summary all mirror.
import { test, expect } from "@playwright/test";
import { answerByKeyboard, screenshot } from "./helpers.mjs";

async function openRtl(page, attributes) {
  const query = new URLSearchParams(attributes).toString();
  await page.goto(`/tests/pages/rtl.html?${query}`);
  await expect(page.locator("self-check .selfcheck")).toBeVisible();
}

const centre = async (locator) => {
  const box = await locator.boundingBox();
  return box.x + box.width / 2;
};

/** The colour of the pixels at the left and right ends of an element, from a screenshot drawn
 *  into a canvas on a blank page (no image library needed; the test page's CSP allows no
 *  data: images). */
async function endColours(page, locator) {
  const png = (await locator.screenshot()).toString("base64");
  const blank = await page.context().newPage();
  const colours = await blank.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const y = Math.floor(image.height / 2);
    const at = (x) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)).join(",");
    return { left: at(3), right: at(image.width - 4) };
  }, png);
  await blank.close();
  return colours;
}

/** The description of the focused element's place: its horizontal centre. */
async function focusedCentre(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    const box = element.getBoundingClientRect();
    return box.x + box.width / 2;
  });
}

test("the widget takes its direction from its language: right to left in ar-XB, left to right in English on the same page", async ({ page }) => {
  await openRtl(page, { instruments: "phq9", resume: "off" });
  const root = page.locator("self-check .selfcheck");
  await expect(root).toHaveAttribute("dir", "rtl");
  await expect(root).toHaveAttribute("lang", "ar-XB");
  // An English widget on a right-to-left page stays left to right.
  await openRtl(page, { instruments: "phq9", resume: "off", lang: "en" });
  await expect(root).toHaveAttribute("dir", "ltr");
  const start = page.locator("self-check .intro .primary");
  const heading = page.locator("self-check #selfcheck-intro-heading");
  expect((await heading.boundingBox()).x).toBeLessThan((await start.boundingBox()).x + 1);
});

test("a question mirrors: radios at the right of their answers, Next left of Back, progress filling from the right, focus moving right to left", async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await openRtl(page, { instruments: "phq9", resume: "off" });
  await page.locator("self-check .intro .primary").click();
  await expect(page.locator("self-check legend")).toBeVisible();

  for (const option of await page.locator("self-check .option").all()) {
    const radio = await option.locator("input").boundingBox();
    const box = await option.boundingBox();
    // The radio sits inside the answer box at its right-hand end, clear of the text.
    expect(radio.x).toBeGreaterThan(box.x + box.width / 2);
    const words = await option.locator("span").evaluate((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      const rect = range.getBoundingClientRect();
      return { right: rect.right };
    });
    expect(words.right).toBeLessThanOrEqual(radio.x + 1);
  }
  const next = page.locator("self-check .question-form .nav .primary");
  const back = page.locator("self-check .question-form .nav .secondary");
  expect(await centre(next)).toBeLessThan(await centre(back));

  // Question 1 of 10: the filled part of the bar is at its right-hand end, where English has it
  // at the left (compared below).
  const ends = await endColours(page, page.locator("self-check progress"));
  expect(ends.right).not.toBe(ends.left);
  await screenshot(page, "rtl-question");

  // Tab order is the reading order: the answers, then Back (right), then Next (left).
  await page.locator("self-check .option input").first().focus();
  await page.keyboard.press("Space");
  const stops = [await focusedCentre(page)];
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press("Tab");
    stops.push(await focusedCentre(page));
  }
  expect(stops[1]).toBeLessThan(stops[0] + 1);
  expect(stops[2]).toBeLessThan(stops[1]);

  await openRtl(page, { instruments: "phq9", resume: "off", lang: "en" });
  await page.locator("self-check .intro .primary").click();
  const english = await endColours(page, page.locator("self-check progress"));
  expect(english).toEqual({ left: ends.right, right: ends.left });
});

test("the results mirror: each gauge starts at the right, and the printed summary reads right to left", async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await openRtl(page, { instruments: "phq9 gad7", resume: "off" });
  await page.locator("self-check .intro .primary").click();
  // PHQ-9 total 2 (items 1 and 2 "Several days"), GAD-7 total 0: both markers near the start.
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, i < 2 ? 1 : 0);
  await answerByKeyboard(page, 0); // the difficulty question
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await expect(page.locator("self-check .results")).toBeVisible();

  const gauges = page.locator("self-check .gauge");
  await expect(gauges).toHaveCount(2);
  for (const gauge of await gauges.all()) {
    const marker = await centre(gauge.locator(".marker"));
    const box = await gauge.boundingBox();
    expect(marker).toBeGreaterThan(box.x + box.width * 0.8);
  }
  await screenshot(page, "rtl-results");

  await page.emulateMedia({ media: "print" });
  const summary = page.locator("self-check .print-summary");
  await expect(summary).toBeVisible();
  const headings = summary.locator("table").first().locator("th");
  const first = await centre(headings.first());
  const last = await centre(headings.last());
  expect(first).toBeGreaterThan(last);
  await screenshot(page, "rtl-print");
});
