import { test, expect } from "@playwright/test";

test("the demo page shows the first PHQ-9 question as a native radio group", async ({ page }) => {
  await page.goto("/");
  const group = page.getByRole("group", { name: /Little interest or pleasure in doing things/ });
  await expect(group).toBeVisible();
  await expect(group).toContainText("Over the last 2 weeks");
  const radios = group.getByRole("radio");
  await expect(radios).toHaveCount(4);
  await expect(radios.nth(0)).toHaveAccessibleName("Not at all");
  await expect(radios.nth(3)).toHaveAccessibleName("Nearly every day");
});

test("an option can be chosen with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  const group = page.getByRole("group", { name: /Little interest or pleasure/ });
  await expect(group).toBeVisible();
  // Tab from the top of the page until focus reaches the first radio.
  const first = group.getByRole("radio", { name: "Not at all" });
  for (let i = 0; i < 20 && !(await first.evaluate((el) => el.matches(":focus"))); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(first).toBeFocused();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await page.keyboard.press("ArrowDown");
  const second = group.getByRole("radio", { name: "Several days" });
  await expect(second).toBeChecked();
  await expect(first).not.toBeChecked();
});
