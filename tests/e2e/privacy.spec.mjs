// What the visitor is told before Start about what leaves the questionnaire, checked against what
// the page really receives; and the lowest level's results, which must not reassure and must keep
// "Get help now" in reach.
import { test, expect } from "@playwright/test";
import { answerByKeyboard, answerPhq9ToItemNine, openWidget, screenshot, startByKeyboard } from "./helpers.mjs";

const LEVELS = ["urgent", "recommended", "consider", "not_indicated"];

/** The keys of `selfcheck:complete`'s detail that the intro's words promise, read from the words. */
function promisedKeys(intro) {
  if (/Nothing you answer is sent anywhere|Nada de lo que responda se envía/.test(intro)) return [];
  const keys = [];
  if (/receives your overall result \(one of four levels\)|recibirá su resultado general \(uno de cuatro niveles\)/.test(intro)) keys.push("level");
  if (/each questionnaire's score|la puntuación de cada cuestionario/.test(intro)) keys.push("scores");
  if (!keys.length) throw new Error(`the intro says nothing about what leaves the questionnaire: ${intro}`);
  return keys;
}

/** PHQ-9 with item 9 answered "Several days": the crisis panel, the difficulty, then the results. */
async function completeWithItemNine(page) {
  await answerPhq9ToItemNine(page, 1);
  await page.locator("self-check .crisis .primary").click();
  await answerByKeyboard(page, 0); // difficulty
  await expect(page.locator("self-check .results")).toBeVisible();
}

for (const [emit, lang] of [["none", "en"], ["level", "en"], ["scores", "en"], ["none", "es"], ["level", "es"], ["scores", "es"]]) {
  test(`emit="${emit}" (${lang}): the intro says before Start exactly what selfcheck:complete carries`, async ({ page }) => {
    const query = new URLSearchParams({ instruments: "phq9", lang, resume: "off", emit });
    await page.goto(`/tests/pages/events.html?${query}`);
    const facts = page.locator("self-check .intro .facts");
    await expect(facts).toBeVisible();
    const intro = await facts.innerText();
    // The sentence is there before the visitor can start, and nothing has been sent yet.
    expect((await page.evaluate(() => window.__events)).map((event) => event.type)).toEqual(["selfcheck:ready"]);
    if (emit === "scores") await screenshot(page, `intro-emit-scores-${lang}`);
    if (emit === "none") await screenshot(page, `intro-emit-none-${lang}`);

    await completeWithItemNine(page);
    const complete = (await page.evaluate(() => window.__events)).find((event) => event.type === "selfcheck:complete");
    expect(Object.keys(complete.detail).sort()).toEqual(promisedKeys(intro));
    expect(JSON.stringify(complete.detail)).not.toContain("answers");
    if ("level" in complete.detail) {
      expect(LEVELS).toContain(complete.detail.level);
      // Item 9 above "Not at all" is the highest level, and the intro said what that level means.
      expect(complete.detail.level).toBe("urgent");
      expect(intro).toMatch(/If you report thoughts of being better off dead or of hurting yourself, it receives the highest level|Si indica que ha pensado que estaría mejor muerto\(a\) o en lastimarse, recibirá el nivel más alto/);
    }
    if ("scores" in complete.detail) expect(complete.detail.scores).toEqual([expect.objectContaining({ id: "phq9", total: 1, max: 27 })]);

    // Next to the crisis lines the widget promises that no one sees the answers only when the
    // page learns nothing.
    const panel = page.locator("self-check .results .crisis .not-monitored");
    const unseen = lang === "en" ? "your answers are not seen by anyone" : "nadie ve sus respuestas";
    if (emit === "none") await expect(panel).toContainText(unseen);
    else await expect(panel).not.toContainText(unseen);
  });
}

test("the lowest level does not reassure, and Get help now stays on the results", async ({ page }) => {
  await openWidget(page, { instruments: "phq9 gad7", mode: "adaptive", resume: "off", "booking-url": "https://clinic.example/book" });
  await startByKeyboard(page);
  // Both short screens negative, so PHQ-9 item 9 is never asked.
  for (const value of [1, 1, 1, 0]) await answerByKeyboard(page, value);
  const results = page.locator("self-check .results");
  await expect(results.locator('[data-level="not_indicated"]')).toHaveText("Your results are below the screening cut-offs.");
  await expect(results).toContainText("A screening is not a diagnosis, and how you feel can change.");
  await expect(results).not.toContainText("do not suggest");
  await screenshot(page, "results-lowest-level");

  const help = page.locator("self-check .help");
  await expect(help.locator("summary")).toBeVisible();
  await expect(help.locator("summary")).toHaveText("Get help now");
  await help.locator("summary").click();
  await expect(help.locator('a[href="tel:988"]')).toBeVisible();
  await expect(help).toContainText("No one monitors this questionnaire");
  // The results are still there under the open panel.
  await expect(results.locator('[data-level="not_indicated"]')).toBeVisible();
});
