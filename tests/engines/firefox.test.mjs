// The engine scenario in Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi: no geckodriver, and puppeteer-core never downloads a browser.
import puppeteer from "puppeteer-core";
import { engineSuite } from "./scenario.mjs";

engineSuite("Firefox", async () => {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.SELFCHECK_FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
  });
  return {
    async open(url) {
      const page = await browser.newPage();
      const trouble = [];
      page.on("console", (message) => {
        if (message.type() === "error") trouble.push(`console.error: ${message.text()}`);
      });
      page.on("pageerror", (error) => trouble.push(`pageerror: ${error.message}`));
      await page.goto(url);
      return {
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        // Puppeteer's BiDi keyboard knows the space bar by its character, not as "Space".
        press: (key) => page.keyboard.press(key === "Space" ? " " : key),
        // A real pointer click (BiDi input actions) at the element's centre, inside the shadow root.
        click: (selector) => page.click(`self-check >>> ${selector}`),
        trouble: () => trouble,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
});
