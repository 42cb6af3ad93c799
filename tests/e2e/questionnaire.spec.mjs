// The visitor's flow in headless Chromium: keyboard-only completion, the crisis path, resume,
// start over, adaptive branching, Spanish, and the pointer/keyboard difference (WCAG 3.2.2).
import { test, expect } from "@playwright/test";
import { openWidget, focused, tabTo, answerByKeyboard, answerPhq9ToItemNine, startByKeyboard, legend } from "./helpers.mjs";

test("PHQ-9, GAD-7 and PC-PTSD-5 can be completed with the keyboard alone", async ({ page }) => {
  await openWidget(page, { resume: "off" });
  await startByKeyboard(page);
  await expect(legend(page)).toContainText("Little interest or pleasure in doing things");
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 1 of 23");

  // PHQ-9: one "Several days" answer, so the difficulty question follows; item 9 "Not at all".
  await answerByKeyboard(page, 1);
  // Focus moves to the new legend, which starts with the position, said there once.
  await expect.poll(() => focused(page)).toMatch(/^legend:Question 2 of 23\. Over the last 2 weeks/);
  await expect(legend(page)).toContainText("Feeling down, depressed, or hopeless");
  for (let i = 0; i < 8; i++) await answerByKeyboard(page, 0);
  await expect(legend(page)).toContainText("how difficult have these problems made it");
  await answerByKeyboard(page, 1);
  // GAD-7
  await expect(legend(page)).toContainText("Feeling nervous, anxious or on edge");
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 11 of 23");
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 2);
  // PC-PTSD-5: exposure Yes, then 5 yes/no items.
  await expect(page.locator("self-check")).toContainText("a serious accident or fire");
  await answerByKeyboard(page, 0);
  for (let i = 0; i < 5; i++) await answerByKeyboard(page, i < 3 ? 0 : 1);

  const heading = page.locator("self-check #selfcheck-results-heading");
  await expect(heading).toBeVisible();
  await expect.poll(() => focused(page)).toMatch(/^h2:Your results/);
  await expect(page.locator("self-check .headline")).toHaveText("Your answers suggest that talking with a professional could help.");
  await expect(page.locator("self-check .card").nth(0)).toContainText("1 of 27");
  await expect(page.locator("self-check .card").nth(1)).toContainText("14 of 21");
  await expect(page.locator("self-check .card").nth(2)).toContainText("3 of 5");
});

test("a self-harm answer shows the crisis panel at once, before the next instrument", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7", resume: "off" });
  await startByKeyboard(page);
  for (let i = 0; i < 8; i++) await answerByKeyboard(page, 0);
  await expect(legend(page)).toContainText("Thoughts that you would be better off dead");
  await answerByKeyboard(page, 1);

  const panel = page.locator("self-check .crisis");
  await expect(panel).toBeVisible();
  // Not an alert: focus on its heading makes a screen reader say it, once.
  await expect(panel).not.toHaveAttribute("role", "alert");
  await expect(page.locator("self-check legend")).toHaveCount(0);
  await expect(panel.locator('a[href="tel:988"]')).toBeVisible();
  await expect(panel.locator('a[href="sms:988"]')).toBeVisible();
  await expect.poll(() => focused(page)).toMatch(/^h2:You don't have to face this alone/);

  await tabTo(page, (f) => f === "button:Continue the questionnaire");
  await page.keyboard.press("Enter");
  // Item 9 above zero means the difficulty question comes next, then GAD-7.
  await expect(legend(page)).toContainText("how difficult");
  await answerByKeyboard(page, 0);
  await expect(legend(page)).toContainText("Feeling nervous");
});

test("the crisis panel heads the results when item 9 was above zero", async ({ page }) => {
  await openWidget(page, { instruments: "phq9", resume: "off" });
  await answerPhq9ToItemNine(page, 3);
  await page.locator("self-check").getByRole("button", { name: "Continue the questionnaire" }).click();
  await answerByKeyboard(page, 0);
  const results = page.locator("self-check .results");
  await expect(results.locator(".crisis")).toBeVisible();
  await expect(page.locator("self-check .headline")).toContainText("Please reach out for support today");
});

test("a reload mid-way resumes at the same question with the answers kept", async ({ page }) => {
  await openWidget(page, { instruments: "gad7 phq9" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 2);
  await answerByKeyboard(page, 3);
  await expect(legend(page)).toContainText("Trouble relaxing");
  await page.reload();
  await expect(legend(page)).toContainText("Trouble relaxing");
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 4 of 17");
  await page.locator("self-check").getByRole("button", { name: "Back" }).click();
  await expect(page.locator("self-check").getByRole("radio", { name: "Nearly every day" })).toBeChecked();
});

test("Start over empties sessionStorage, and only one key was ever used", async ({ page }) => {
  await openWidget(page, { instruments: "gad7" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  const keys = await page.evaluate(() => Object.keys(sessionStorage));
  expect(keys).toEqual(["selfcheck.v1"]);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  expect(await page.evaluate(() => document.cookie)).toBe("");
  await page.locator("self-check").getByRole("button", { name: "Start over" }).click();
  await expect(page.locator("self-check .intro")).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test("Clear my answers on the results wipes everything stored", async ({ page }) => {
  await openWidget(page, { instruments: "gad7" });
  await startByKeyboard(page);
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await expect(page.locator("self-check .results")).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  await page.locator("self-check").getByRole("button", { name: "Clear my answers" }).click();
  await expect(page.locator("self-check .intro")).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('resume="off" stores nothing', async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 1);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.reload();
  await expect(page.locator("self-check .intro")).toBeVisible();
});

test("adaptive mode expands a positive PHQ-2 and stops at a negative GAD-2", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7", mode: "adaptive", resume: "off" });
  await startByKeyboard(page);
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 1 of 17");
  await answerByKeyboard(page, 2);
  await answerByKeyboard(page, 1);
  // PHQ-2 = 3: positive, the rest of the PHQ-9 follows.
  await expect(legend(page)).toContainText("Trouble falling or staying asleep");
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await expect(legend(page)).toContainText("how difficult");
  await answerByKeyboard(page, 0);
  // GAD-2 = 1: negative, no GAD-7 item 3.
  await expect(legend(page)).toContainText("Feeling nervous");
  await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 0);
  await expect(page.locator("self-check .results")).toBeVisible();
  await expect(page.locator("self-check .card").nth(0)).toContainText("3 of 27");
  await expect(page.locator("self-check .card").nth(1)).toContainText("GAD-2 score 1 of 6");
});

test("adaptive mode does not expand a negative PHQ-2 and never asks item 9", async ({ page }) => {
  await openWidget(page, { instruments: "phq9", mode: "adaptive", resume: "off" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .results")).toBeVisible();
  await expect(page.locator("self-check .card")).toContainText("PHQ-2 score 2 of 6");
});

test("a Spanish run uses the official Spanish wording and Spanish results", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7", lang: "es", resume: "off" });
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await startByKeyboard(page);
  await expect(legend(page)).toContainText("Durante las últimas 2 semanas");
  await expect(legend(page)).toContainText("Poco interés o placer en hacer cosas");
  await expect(page.locator("self-check .progress-text")).toHaveText("Pregunta 1 de 17");
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, 0);
  await expect(legend(page)).toContainText("Se ha sentido nervioso(a), ansioso(a)");
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await expect(page.locator("self-check #selfcheck-results-heading")).toHaveText("Sus resultados");
  await expect(page.locator("self-check .headline")).toHaveText("Sus resultados están por debajo de los puntos de corte de detección.");
});

test("the page's lang is used when the widget has none", async ({ page }) => {
  await openWidget(page, { "page-lang": "es-MX" });
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
});

test("a keyboard choice never moves on by itself", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await startByKeyboard(page);
  await tabTo(page, (f) => f.startsWith("input[radio]"));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(900);
  await expect(legend(page)).toContainText("Feeling nervous");
  await expect(page.locator("self-check").getByRole("radio", { name: "More than half the days" })).toBeChecked();
});

test("a pointer choice moves on after a short pause", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await page.locator("self-check").getByText("Several days").click();
  await expect(legend(page)).toContainText("Not being able to stop or control worrying");
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
});

test("with reduced motion a pointer choice waits for Next", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await page.locator("self-check").getByText("Several days").click();
  await page.waitForTimeout(900);
  await expect(legend(page)).toContainText("Feeling nervous");
  await page.locator("self-check").getByRole("button", { name: "Next" }).click();
  await expect(legend(page)).toContainText("Not being able to stop");
});

test("Next without an answer says what is missing and does not move", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  // Next is aria-disabled, not disabled: it stays focusable and explains itself when pressed.
  await tabTo(page, (f) => f === "button:Next");
  await page.keyboard.press("Enter");
  await expect(page.locator("self-check .hint")).toHaveText("Choose an answer to continue.");
  await expect(legend(page)).toContainText("Feeling nervous");
});

test("changing the exposure answer to No drops the PTSD items and shortens the count", async ({ page }) => {
  await openWidget(page, { instruments: "pcptsd5", resume: "off" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 0); // Yes
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 2 of 6");
  await page.locator("self-check").getByRole("button", { name: "Back" }).click();
  await page.locator("self-check").getByRole("radio", { name: "No" }).check();
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 1 of 1");
  await page.locator("self-check").getByRole("button", { name: "See my results" }).click();
  await expect(page.locator("self-check .card")).toContainText("No traumatic event reported");
});

test("Get help now opens the crisis resources on any screen", async ({ page }) => {
  await openWidget(page, { "crisis-region": "GB", resume: "off" });
  const help = page.locator("self-check .help");
  await help.getByText("Get help now").click();
  await expect(help.locator('a[href="tel:116123"]')).toBeVisible();
  await expect(help).toContainText("No one monitors this questionnaire");
});

/** Opens the first question in a viewport of this size; fails if the page scrolls sideways. */
async function firstQuestionFits(page, width, height) {
  await page.setViewportSize({ width, height });
  await openWidget(page, { resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(legend(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the widget works at 320 px wide without horizontal scrolling, with 44 px targets", async ({ page }) => {
  await firstQuestionFits(page, 320, 640);
  const box = await page.locator("self-check .option").first().boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
});

test("at 200 % zoom (1280 × 800 seen as 640 × 400) nothing needs sideways scrolling", async ({ page }) => {
  await firstQuestionFits(page, 640, 400);
});
