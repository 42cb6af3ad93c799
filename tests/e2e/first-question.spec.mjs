// The demo clinic page: the widget mounts, and its first PHQ-9 question is a native radio group
// that the keyboard can operate.
import { test, expect } from "@playwright/test";

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
