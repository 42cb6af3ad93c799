// What a screen reader, a pointer and a website theme meet, in headless Chromium: each thing in
// the accessibility tree once and the crisis lines first; a pointer choice told from a keyboard
// choice without the click's `detail` (WebKit sends 0 for a click on an answer's words); a
// theme's focus outline kept off the element; and the text size custom property.
import { test, expect } from "@playwright/test";
import { openWidget, answerByKeyboard, answerPhq9ToItemNine, startByKeyboard, legend, focused, tabTo } from "./helpers.mjs";

/** The widget's accessibility tree, as Playwright's ARIA snapshot (text, one node a line). */
function tree(page) {
  return page.locator("self-check .selfcheck").ariaSnapshot();
}

function occurrences(text, words) {
  return text.split(words).length - 1;
}

/** Presses a pointer down on an answer's words, then clicks its radio with `detail` 0, as WebKit
 *  forwards a click on a label (Chromium and Firefox would say 1). */
async function webkitLabelClick(page, answer) {
  await page.locator("self-check").evaluate((host, answer) => {
    const label = [...host.shadowRoot.querySelectorAll("label")].find((l) => l.textContent.trim() === answer);
    const words = label.querySelector("span");
    words.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true, pointerType: "mouse", isPrimary: true }));
    words.dispatchEvent(new PointerEvent("pointerup", { bubbles: true, composed: true, pointerType: "mouse", isPrimary: true }));
    label.querySelector("input").dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, detail: 0 }));
  }, answer);
}

test("a click on an answer's words that arrives with detail 0 (WebKit) moves on like any pointer choice", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(legend(page)).toContainText("Feeling nervous");
  await webkitLabelClick(page, "Several days");
  await expect(legend(page)).toContainText("Not being able to stop or control worrying");
  await page.locator("self-check").getByRole("button", { name: "Back" }).click();
  await expect(page.locator("self-check").getByRole("radio", { name: "Several days" })).toBeChecked();
});

test("after a pointer press that chose nothing, a keyboard choice still does not move on", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await startByKeyboard(page);
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  // Down on an answer's words, up elsewhere: no click, so no choice.
  const words = page.locator("self-check").getByText("Several days");
  const box = await words.boundingBox();
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 5, box.y - 200);
  await page.mouse.up();
  const checked = page.locator("self-check").getByRole("radio", { checked: true });
  await expect(checked).toHaveCount(0);
  await tabTo(page, (f) => f.startsWith("input[radio]"));
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(checked).toHaveCount(1);
  await page.waitForTimeout(900);
  await expect(legend(page)).toContainText("Feeling nervous");
});

test("a pointer press is used once: a later click that no pointer or key started does not move on", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await page.locator("self-check").getByText("Several days").click();
  await expect(legend(page)).toContainText("Not being able to stop or control worrying");
  // A screen reader's activation: a click with neither pointerdown nor keydown before it.
  await page.locator("self-check").evaluate((host) => {
    const radio = [...host.shadowRoot.querySelectorAll("input[type=radio]")][1];
    radio.click();
  });
  await expect(page.locator("self-check").getByRole("radio", { checked: true })).toHaveCount(1);
  await page.waitForTimeout(900);
  await expect(legend(page)).toContainText("Not being able to stop or control worrying");
});

test("a key pressed while a pointer choice waits to move on keeps the question", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(legend(page)).toContainText("Feeling nervous");
  await page.locator("self-check").getByText("Several days").click();
  // Within the auto-advance delay: the visitor changes the answer with an arrow key.
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("self-check").getByRole("radio", { name: "More than half the days" })).toBeChecked();
  await page.waitForTimeout(900);
  await expect(legend(page)).toContainText("Feeling nervous");
});

test("a question's position is in the accessibility tree once", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await startByKeyboard(page);
  await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .progress-text")).toHaveText("Question 2 of 7");
  // The fieldset's name is its legend: the snapshot lists the legend's words as the group's
  // name and again as its content; a screen reader reads the legend where focus lands on it.
  const snapshot = (await tree(page)).replace(/group "[^"]*"/g, "group");
  expect(occurrences(snapshot, "Question 2 of 7")).toBe(1);
  // Where focus lands, so it is said as the question is.
  await expect.poll(() => focused(page)).toMatch(/^legend:Question 2 of 7\. Over the last 2 weeks/);
  expect(snapshot).not.toContain("progressbar");
});

test("the crisis screen's heading reaches a screen reader once: no alert, no announcement, focus on it", async ({ page }) => {
  await openWidget(page, { instruments: "phq9", resume: "off" });
  await answerPhq9ToItemNine(page, 1);
  await expect.poll(() => focused(page)).toMatch(/^h2:You don't have to face this alone/);
  const snapshot = await tree(page);
  expect(occurrences(snapshot, "have to face this alone")).toBe(1);
  await expect(page.locator("self-check [role=alert]")).toHaveCount(0);
  await expect(page.locator("self-check [aria-live]")).toHaveCount(0);
});

test("results after a self-harm answer: the crisis lines first, focus on them, said once", async ({ page }) => {
  await openWidget(page, { instruments: "phq9", resume: "off" });
  await answerPhq9ToItemNine(page, 1);
  await page.locator("self-check").getByRole("button", { name: "Continue the questionnaire" }).click();
  await answerByKeyboard(page, 0); // difficulty
  await expect(page.locator("self-check .results")).toBeVisible();
  await expect.poll(() => focused(page)).toMatch(/^h2:You don't have to face this alone/);
  // Reading on (Tab here) from where focus landed reaches the lines before anything else.
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatch(/^a:Call 988/);

  const snapshot = await tree(page);
  const crisis = snapshot.indexOf("have to face this alone");
  const line = snapshot.indexOf("Call 988");
  const results = snapshot.indexOf("Your results");
  expect(crisis).toBeGreaterThan(-1);
  expect(crisis).toBeLessThan(line);
  expect(line).toBeLessThan(results);
  expect(occurrences(snapshot, "have to face this alone")).toBe(1);
  expect(occurrences(snapshot, "Your results")).toBe(1);
  await expect(page.locator("self-check [role=alert]")).toHaveCount(0);
  await expect(page.locator("self-check [aria-live]")).toHaveCount(0);
});

test("each score is read once: the gauge only draws it", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7", resume: "off" });
  await startByKeyboard(page);
  for (let i = 0; i < 5; i++) await answerByKeyboard(page, 2);
  for (let i = 0; i < 4; i++) await answerByKeyboard(page, 0);
  await answerByKeyboard(page, 0); // difficulty
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .results")).toBeVisible();
  await expect(page.locator("self-check .gauge")).toHaveCount(2);
  const snapshot = await tree(page);
  expect(occurrences(snapshot, "10 of 27")).toBe(1);
  expect(occurrences(snapshot, "7 of 21")).toBe(1);
  expect(snapshot).not.toMatch(/\bimg\b/);
});

test("a theme's focus outline (WordPress Twenty Twenty-Five) stays off the element; the answer keeps its ring", async ({ page }) => {
  await page.goto("/tests/pages/wordpress.html");
  const host = page.locator("self-check");
  await startByKeyboard(page);
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await tabTo(page, (f) => f.startsWith("input[radio]"));
  const outside = await host.evaluate((element) => ({ focused: element.matches(":focus"), outline: getComputedStyle(element).outlineStyle }));
  expect(outside).toEqual({ focused: true, outline: "none" });
  const ring = await host.locator("input:focus-visible + span").evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(ring).toEqual({ style: "solid", width: "3px" });
  // The theme's rule is live: the page's own link gets its outline.
  await page.locator("#page-link").focus();
  expect(await page.locator("#page-link").evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
});

/** Computed sizes inside the widget, in px. */
function sizes(page) {
  return page.locator("self-check").evaluate((host) => {
    const root = host.shadowRoot;
    const px = (selector, property) => parseFloat(getComputedStyle(root.querySelector(selector))[property]);
    return {
      text: px(".selfcheck", "fontSize"),
      stem: px("legend .stem", "fontSize"),
      answer: px(".option > span", "fontSize"),
      radio: px(".option input", "width"),
      radioHeight: px(".option input", "height"),
    };
  });
}

test("answer circles are 20 px at the default size", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await startByKeyboard(page);
  await expect(legend(page)).toBeVisible();
  expect(await sizes(page)).toEqual({ text: 16, stem: 16, answer: 16, radio: 20, radioHeight: 20 });
});

test("--selfcheck-font-size sets the text size, and the answer circles grow with it", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").evaluate((host) => host.style.setProperty("--selfcheck-font-size", "20px"));
  await startByKeyboard(page);
  await expect(legend(page)).toBeVisible();
  expect(await sizes(page)).toEqual({ text: 20, stem: 20, answer: 20, radio: 25, radioHeight: 25 });
});

test("--selfcheck-font-size: 1em follows a theme's larger body text", async ({ page }) => {
  await page.goto("/tests/pages/wordpress.html");
  await startByKeyboard(page);
  await expect(legend(page)).toBeVisible();
  expect(await sizes(page)).toEqual({ text: 20, stem: 20, answer: 20, radio: 25, radioHeight: 25 });
});
