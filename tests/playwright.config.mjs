// End-to-end tests against the demo served by `cargo xtask test` (SELFCHECK_BASE_URL), in
// Debian's Chromium: nothing downloads a browser.
import { defineConfig } from "@playwright/test";

const baseURL = process.env.SELFCHECK_BASE_URL || "http://127.0.0.1:8080";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "../target/playwright-output",
  fullyParallel: true,
  workers: 2,
  // One retry: a test that needs it is reported as flaky by name in the suite summary
  // (xtask/src/test.rs), never silently passed.
  retries: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
});
