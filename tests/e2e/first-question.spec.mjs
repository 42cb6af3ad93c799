// The demo clinic page: the widget mounts, and its first PHQ-9 question is a native radio group
// that the keyboard can operate.
import { test, expect } from "@playwright/test";
import { focused } from "./helpers.mjs";

test("the demo page shows the intro, then the first PHQ-9 question as a native radio group", async ({ page }) => {
  await page.goto("/");
  const widget = page.locator("self-check");
  await widget.getByRole("button", { name: "Start" }).click();
  const group = widget.getByRole("group", { name: /Little interest or pleasure in doing things/ });
  await expect(group).toBeVisible();
  await expect(group).toContainText("Over the last 2 weeks");
  const radios = group.getByRole("radio");
  await expect(radios).toHaveCount(4);
  await expect(radios.nth(0)).toHaveAccessibleName("Not at all");
  await expect(radios.nth(3)).toHaveAccessibleName("Nearly every day");
});

test("an option can be chosen with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  const widget = page.locator("self-check");
  await widget.getByRole("button", { name: "Start" }).focus();
  await page.keyboard.press("Enter");
  const group = widget.getByRole("group", { name: /Little interest or pleasure/ });
  await expect(group).toBeVisible();
  // Focus lands on the question's legend a frame after it shows; Tab goes on from there.
  await expect.poll(() => focused(page)).toMatch(/^legend:/);
  await page.keyboard.press("Tab");
  const first = group.getByRole("radio", { name: "Not at all" });
  await expect(first).toBeFocused();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(group.getByRole("radio", { name: "Several days" })).toBeChecked();
  await expect(first).not.toBeChecked();
  await expect(group).toBeVisible(); // a keyboard choice does not move on
});

test("focus the visitor moves while a question appears stays where they put it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("self-check").getByRole("button", { name: "Start" })).toBeVisible();
  const where = await page.evaluate(async () => {
    const root = document.querySelector("self-check").shadowRoot;
    [...root.querySelectorAll("button")].find((button) => button.textContent.trim() === "Start").click();
    for (let i = 0; i < 20 && !root.querySelector("legend"); i++) await null;
    // After the widget's own frame callback, which schedules focus for the legend…
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // …the visitor moves focus themselves (a quick Tab to "Get help now").
    root.querySelector("summary").focus();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return root.activeElement ? root.activeElement.textContent.trim() : "(nothing)";
  });
  expect(where).toBe("Get help now");
});
