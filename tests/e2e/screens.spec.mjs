// Every screen, checked with axe-core (WCAG 2.2 AA rules) in both languages and in dark mode,
// and photographed at phone and desktop sizes into tests/artifacts/screenshots (git-ignored).
import { test, expect } from "@playwright/test";
import { openWidget, answerByKeyboard, startByKeyboard, legend, screenshot, axeViolations } from "./helpers.mjs";

/** Walks to each screen and hands it to `visit(name)`. */
async function eachScreen(page, lang, visit) {
  await openWidget(page, { instruments: "phq9 gad7 pcptsd5", lang, resume: "off", "booking-url": "https://clinic.example/book", "clinic-name": "Harbor Light Clinic" });
  await visit("intro");
  await page.locator("self-check .help summary").click();
  await visit("help");
  await page.locator("self-check .help summary").click();
  await startByKeyboard(page);
  await expect(legend(page)).toBeVisible();
  await answerByKeyboard(page, 1);
  await visit("question");
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .crisis")).toBeVisible();
  await visit("crisis");
  await page.locator("self-check .crisis .primary").click();
  await answerByKeyboard(page, 1); // difficulty
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .gate-intro")).toBeVisible();
  await visit("exposure");
  await answerByKeyboard(page, 0);
  for (let i = 0; i < 5; i++) await answerByKeyboard(page, i % 2);
  await expect(page.locator("self-check .results")).toBeVisible();
  await visit("results");
}

for (const lang of ["en", "es"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds no violations on any screen (${lang}, ${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const found = {};
      await eachScreen(page, lang, async (name) => {
        const violations = await axeViolations(page);
        if (violations.length) found[name] = violations;
      });
      expect(found).toEqual({});
    });
  }
}

for (const [width, height] of [[375, 812], [1280, 800]]) {
  test(`screenshots of every screen at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await eachScreen(page, "en", async (name) => {
        await screenshot(page, `${name}-${scheme}`);
      });
    }
    await eachScreen(page, "es", async (name) => {
      if (name === "question" || name === "crisis" || name === "results") await screenshot(page, `${name}-es`);
    });
  });
}

test("the print stylesheet gives a one-page clinician summary", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7 pcptsd5", resume: "off" });
  await startByKeyboard(page);
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, i === 0 ? 2 : 0);
  await answerByKeyboard(page, 2);
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 0);
  for (let i = 0; i < 5; i++) await answerByKeyboard(page, 0);
  await expect(page.locator("self-check .results")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const summary = page.locator("self-check .print-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Self-check summary");
  await expect(summary).toContainText("Very difficult");
  await expect(page.locator("self-check .cards")).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBe(1);
});
