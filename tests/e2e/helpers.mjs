// Shared steps for the end-to-end tests: the widget is reached through Playwright locators,
// which pierce its open shadow root; keyboard helpers use only Tab, arrows, Space and Enter.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";

export const SCREENSHOTS = path.resolve("tests/artifacts/screenshots");

/** Opens the test page with the given widget attributes. */
export async function openWidget(page, attributes = {}) {
  const query = new URLSearchParams(attributes).toString();
  await page.goto(`/tests/pages/widget.html${query ? `?${query}` : ""}`);
  await expect(page.locator("self-check .selfcheck")).toBeVisible();
}

/** What has focus inside the widget's shadow root, as a short description. */
export async function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return "";
    return `${element.tagName.toLowerCase()}${element.tagName === "INPUT" ? `[${element.type}]` : ""}:${(element.textContent || element.value || "").trim().slice(0, 60)}`;
  });
}

/** Presses Tab until `matches(description)` holds; fails after `limit` presses. */
export async function tabTo(page, matches, limit = 30) {
  for (let i = 0; i < limit; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`focus never reached the target; last: ${await focused(page)}`);
}

/** Answers the current question with option `index` (0-based) by keyboard and presses Enter.
 *  Like a keyboard user, it first waits for focus to land on the new question's legend. */
export async function answerByKeyboard(page, index) {
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await tabTo(page, (f) => f.startsWith("input[radio]"));
  await page.keyboard.press("Space");
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
}

/** Presses Start (or Continue) on the intro with the keyboard. */
export async function startByKeyboard(page) {
  await tabTo(page, (f) => /^button:(Start|Comenzar|Começar|Continue|Continuar)$/.test(f));
  await page.keyboard.press("Enter");
}

/** From the intro, the PHQ-9 by keyboard up to its item 9, answered with option `itemNine`
 *  (0-based); items 1 to 8 "Not at all". */
export async function answerPhq9ToItemNine(page, itemNine) {
  await startByKeyboard(page);
  for (let i = 0; i < 8; i++) await answerByKeyboard(page, 0);
  await answerByKeyboard(page, itemNine);
}

/** The legend text of the question on screen. */
export function legend(page) {
  return page.locator("self-check legend");
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`), fullPage: true });
}

/** axe-core over the whole page, including the widget's shadow root; returns the violations. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}
