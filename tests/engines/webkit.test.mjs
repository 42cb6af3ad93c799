// The engine scenario in WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver and its
// MiniBrowser, the WebCore/JavaScriptCore engine Safari shares), driven by selenium-webdriver.
// WebKitGTK needs a display: `cargo xtask test webkit` starts Xvfb and sets DISPLAY.
import { spawn } from "node:child_process";
import net from "node:net";
import { Builder, By, Key } from "selenium-webdriver";
import { engineSuite } from "./scenario.mjs";

const KEYS = { Tab: Key.TAB, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, Enter: Key.ENTER };

/** A port nothing listens on now, for WebKitWebDriver (it cannot pick one itself). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startWebDriver() {
  if (!process.env.DISPLAY) {
    throw new Error("WebKitGTK needs a display: run `cargo xtask test webkit` (it starts Xvfb) or use xvfb-run");
  }
  const port = await freePort();
  const driver = spawn(process.env.SELFCHECK_WEBKITWEBDRIVER || "/usr/bin/WebKitWebDriver", [`--port=${port}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return { driver, url };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  driver.kill();
  throw new Error("WebKitWebDriver did not answer within 10 s");
}

engineSuite("WebKit", async () => {
  const { driver: server, url } = await startWebDriver();
  return {
    async open(pageUrl) {
      // A session per page: each test starts from a fresh browser, as a new visitor would.
      const driver = await new Builder()
        .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { args: ["--automation"] } })
        .usingServer(url)
        .build();
      await driver.get(pageUrl);
      const inWidget = async (selector) => {
        const root = await driver.findElement(By.css("self-check")).getShadowRoot();
        return root.findElement(By.css(selector));
      };
      return {
        // Runs `fn` in the page and waits for it, whether it returns a value or a promise.
        async evaluate(fn, ...args) {
          const result = await driver.executeAsyncScript(
            `const done = arguments[arguments.length - 1];
             Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
               .then(done, (error) => done({ evaluateError: String(error) }));`,
            ...args,
          );
          if (result && result.evaluateError) throw new Error(result.evaluateError);
          return result;
        },
        // A named key, or a digit typed as itself.
        press: (key) => driver.actions().sendKeys(KEYS[key] ?? key).perform(),
        // A real pointer move and click (WebDriver actions) at the element's centre.
        async click(selector) {
          const element = await inWidget(selector);
          await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
          await driver.actions().move({ origin: element }).click().perform();
        },
        // The page's own watcher (tests/pages/watch-errors.js) is the only error log here.
        trouble: () => [],
        close: () => driver.quit(),
      };
    },
    async close() {
      server.kill();
    },
  };
});
