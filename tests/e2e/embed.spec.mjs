// The embedding contract in headless Chromium: several widgets, hostile host CSS, the strict CSP,
// failure fallbacks, iframes, module scripts, another origin, mount()/unmount(), privacy, XSS,
// events and the SRI snippet.
import { test, expect } from "@playwright/test";
import { openWidget, answerByKeyboard, startByKeyboard, legend } from "./helpers.mjs";

/** Collects CSP violations and page errors for the whole test. */
function watchForTrouble(page) {
  const trouble = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) trouble.push(message.text());
  });
  page.on("pageerror", (error) => trouble.push(`pageerror: ${error.message}`));
  return trouble;
}

async function completeGad7(page, values) {
  await startByKeyboard(page);
  for (const value of values) await answerByKeyboard(page, value);
  await expect(page.locator("self-check .results")).toBeVisible();
}

test("two widgets with different configurations work side by side", async ({ page }) => {
  await page.goto("/tests/pages/two-widgets.html");
  const first = page.locator("#first");
  const second = page.locator("#second");
  await expect(first.locator(".intro")).toContainText("PHQ-9");
  await expect(first.locator(".intro")).not.toContainText("GAD-7");
  await expect(second.locator(".intro")).toContainText("Una autoevaluación breve");
  await expect(second.locator(".intro")).toContainText("GAD-7");
  await second.getByRole("button", { name: "Comenzar" }).click();
  await expect(second.locator("legend")).toContainText("Se ha sentido nervioso(a)");
  await expect(first.locator(".intro")).toBeVisible();
  await first.getByRole("button", { name: "Start" }).click();
  await first.getByRole("radio", { name: "Several days" }).focus();
  await expect(first.locator("legend")).toContainText("Little interest");
  await first.locator(".help summary").click();
  await expect(first.locator('.help a[href="tel:116123"]')).toBeVisible();
  await second.locator(".help summary").click();
  await expect(second.locator('.help a[href="tel:131114"]')).toBeVisible();
});

test("hostile host CSS cannot hide or break the widget", async ({ page }) => {
  await page.goto("/tests/pages/hostile.html");
  const widget = page.locator("self-check");
  const start = widget.getByRole("button", { name: "Start" });
  await expect(start).toBeVisible();
  const fontSize = await widget.locator(".selfcheck").evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  await start.click();
  const radio = widget.getByRole("radio", { name: "Several days" });
  await expect(radio).toBeVisible();
  expect(await radio.evaluate((element) => getComputedStyle(element).opacity)).toBe("1");
  await widget.getByText("Several days").click();
  await expect(legend(page)).toContainText("Not being able to stop");
  // The widget's own styles do not leak out: the page's button stays as the page styled it.
  await expect(page.locator("#page-button")).toBeHidden();
});

test("the strict CSP header is met through a complete run: no violations, no errors", async ({ page }) => {
  const trouble = watchForTrouble(page);
  const response = await page.goto("/");
  expect(response.headers()["content-security-policy"]).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  );
  await expect(page.locator("self-check .intro")).toBeVisible();
  await startByKeyboard(page);
  for (let i = 0; i < 9; i++) await answerByKeyboard(page, 0);
  for (let i = 0; i < 7; i++) await answerByKeyboard(page, 0);
  await answerByKeyboard(page, 1);
  await expect(page.locator("self-check .results")).toBeVisible();
  expect(trouble).toEqual([]);
});

test("a wasm file answering 404 leaves a readable fallback with the booking link", async ({ page }) => {
  await page.route("**/selfcheck_bg.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openFallback(page, "/tests/pages/widget.html?booking-url=https://clinic.example/book&booking-label=Book%20with%20us");
  await expect(page.locator("self-check [part=fallback] a")).toHaveAttribute("href", "https://clinic.example/book");
  await expect(page.locator("self-check [part=fallback] a")).toHaveText("Book with us");
  expect(errors.join("\n")).toContain("404");
});

test("a language pack that fails to load, or does not match its hash, gives the same fallback as a failed wasm", async ({ page }) => {
  await page.route("**/selfcheck.en.json", (route) => route.fulfill({ status: 503, body: "busy" }));
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openFallback(page, "/tests/pages/widget.html?booking-url=https://clinic.example/book");
  await expect(page.locator("self-check [part=fallback] a")).toHaveAttribute("href", "https://clinic.example/book");
  // Chromium checks the hash before the status, so the console may name either failure.
  expect(errors.join("\n")).toContain("selfcheck.en.json");

  // A pack changed on the server (one text edited) no longer matches the hash in selfcheck.js.
  await page.unroute("**/selfcheck.en.json");
  await page.route("**/selfcheck.es.json", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace("Comenzar", "Empezar") });
  });
  await page.goto("/tests/pages/widget.html?lang=es");
  // The Spanish message is in the Spanish pack, which is what failed: the loader's own English
  // one is shown instead.
  await expect(page.locator("self-check [part=fallback]")).toContainText("The self-check could not load");
  await expect(page.locator("self-check .intro")).toHaveCount(0);
});

test("with its pack loaded, a failed wasm gives the message in the page's language", async ({ page }) => {
  await page.route("**/selfcheck_bg.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto("/tests/pages/widget.html?lang=pt-BR");
  await expect(page.locator("self-check [part=fallback]")).toContainText("Não foi possível carregar a autoavaliação");
  await expect(page.locator("self-check [part=fallback]")).toContainText("número de emergência local");
});

async function openFallback(page, url) {
  await page.goto(url);
  const fallback = page.locator("self-check [part=fallback]");
  await expect(fallback).toBeVisible();
  await expect(fallback).toContainText("The self-check could not load");
  await expect(fallback).toContainText("Nothing you entered was sent anywhere.");
}

test("without WebAssembly the element shows the fallback instead of a blank box", async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await openFallback(page, "/tests/pages/widget.html?lang=en");
});

test("a JavaScript error while mounting shows the fallback in the page's language", async ({ page }) => {
  await page.addInitScript(() => {
    CSSStyleSheet.prototype.replaceSync = () => {
      throw new Error("simulated failure");
    };
  });
  await page.goto("/tests/pages/widget.html?lang=es");
  await expect(page.locator("self-check [part=fallback]")).toContainText("No se pudo cargar la autoevaluación");
});

test("the clinic's markup inside <self-check> shows until the widget mounts", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/selfcheck_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  const loading = page.locator("self-check").getByText("The self-check is loading.");
  await expect(loading).toBeVisible();
  release();
  await expect(page.locator("self-check .intro")).toBeVisible();
  await expect(loading).toBeHidden();
});

test("the widget works inside an iframe", async ({ page }) => {
  await page.goto("/tests/pages/iframe.html");
  const frame = page.frameLocator("iframe");
  await frame.locator("self-check").getByRole("button", { name: "Start" }).click();
  await frame.locator("self-check").getByText("Several days").click();
  await expect(frame.locator("self-check legend")).toContainText("Not being able to stop");
});

test('type="module" loads the wasm next to the script', async ({ page }) => {
  await page.goto("/tests/pages/module.html");
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(legend(page)).toContainText("Little interest");
});

test("the script and wasm can come from another origin, as from a CDN", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/tests/pages/cdn.nocsp.html");
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(legend(page)).toContainText("Feeling nervous");
  const page_origin = new URL(page.url()).origin;
  const wasm = requests.find((url) => url.endsWith("/selfcheck_bg.wasm"));
  expect(new URL(wasm).origin).not.toBe(page_origin);
});

test("SelfCheck.mount() and unmount() from JavaScript", async ({ page }) => {
  await page.goto("/tests/pages/mount.html");
  await page.getByRole("button", { name: "Mount", exact: true }).click();
  const target = page.locator("#target");
  await expect(target.locator(".intro")).toContainText("GAD-7");
  await expect(target.locator(".intro")).not.toContainText("PHQ-9");
  await page.getByRole("button", { name: "Unmount" }).click();
  await expect(target.locator(".selfcheck")).toHaveCount(0);
  await page.getByRole("button", { name: "Mount", exact: true }).click();
  await expect(target.locator(".intro")).toBeVisible();
});

test("a language changed while its pack downloads still mounts with words, never blank", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/selfcheck.en.json", async (route) => {
    await held;
    await route.continue();
  });
  // Marks when the wasm is running: from then on the loader has asked the engine for the
  // language ("en") and waits for that pack.
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = (...args) =>
      instantiate.apply(WebAssembly, args).then((result) => {
        setTimeout(() => (window.__wasmRunning = true), 0);
        return result;
      });
  });
  await page.goto("/tests/pages/widget.html?lang=en&instruments=gad7&resume=off");
  await page.waitForFunction(() => window.__wasmRunning === true);
  await page.locator("self-check").evaluate((element) => element.setAttribute("lang", "es"));
  release();
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await expect(page.locator("self-check .intro .primary")).toHaveText("Comenzar");
});

test("a language configured in a JSON script is the only pack downloaded, even on a page in another language", async ({ page }) => {
  const packs = [];
  page.on("request", (request) => request.url().endsWith(".json") && packs.push(new URL(request.url()).pathname));
  await page.goto("/tests/pages/config-script.html");
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await page.waitForLoadState("networkidle");
  expect(packs).toEqual(["/dist/selfcheck.es.json"]);
});

test("a pack that fails after the widget works keeps the widget, in its language, and says which file failed", async ({ page }) => {
  await page.route("**/selfcheck.es.json", (route) => route.fulfill({ status: 503, body: "busy" }));
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const events = [];
  await page.exposeFunction("__recordError", (detail) => events.push(detail));
  await openWidget(page, { instruments: "gad7", resume: "off", lang: "en" });
  await page.locator("self-check").evaluate((element) => {
    element.addEventListener("selfcheck:error", (event) => window.__recordError(event.detail));
    element.setAttribute("lang", "es");
  });
  await expect.poll(() => errors.join("\n")).toContain("selfcheck.es.json");
  expect(events[0].problems[0].message).toContain("selfcheck.es.json");
  await expect(page.locator("self-check [part=fallback]")).toHaveCount(0);
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("A short self-check");
  // Back to a language whose words are installed: the page's next change applies again.
  await page.locator("self-check").evaluate((element) => {
    element.setAttribute("lang", "en");
    element.setAttribute("instruments", "phq9");
  });
  await expect(page.locator("self-check .intro")).toContainText("PHQ-9");
  await page.locator("self-check .intro .primary").click();
  await expect(page.locator("self-check legend")).toContainText("Little interest");
});

test("changing an attribute after mount re-configures the widget", async ({ page }) => {
  await openWidget(page, { instruments: "gad7", resume: "off" });
  await page.locator("self-check").evaluate((element) => element.setAttribute("lang", "es"));
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await page.locator("self-check").evaluate((element) => element.setAttribute("instruments", "pcptsd5"));
  await expect(page.locator("self-check .intro")).toContainText("PC-PTSD-5");
  await page.locator("self-check").evaluate((element) => element.setAttribute("booking-url", "ftp://nope"));
  await expect(page.locator("self-check .config-error")).toContainText("booking-url");
});

for (const [pageLang, pack] of [["en", "/dist/selfcheck.en.json"], ["es", "/dist/selfcheck.es.json"], ["pt-BR", "/dist/selfcheck.pt-BR.json"]]) {
  test(`privacy (${pageLang} page): the widget's own files and its one language pack, then no request after the widget has loaded`, async ({ page }, testInfo) => {
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`/tests/pages/widget.html?page-lang=${pageLang}`);
    await expect(page.locator("self-check .intro")).toBeVisible();
    await page.waitForLoadState("networkidle");
    const loaded = requests.length;
    const paths = requests.map((url) => new URL(url).pathname);
    const widgetFiles = paths.filter((path) => path.startsWith("/dist/")).sort();
    // Only the language the page asks for: a Spanish page never downloads English, nor the reverse.
    expect(widgetFiles).toEqual([pack, "/dist/selfcheck.js", "/dist/selfcheck_bg.wasm"].sort());
    expect(requests.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(true);
    await testInfo.attach(`requests-${pageLang}`, { body: paths.join("\n"), contentType: "text/plain" });
    console.log(`requests for a lang="${pageLang}" page:\n  ${paths.join("\n  ")}`);

    await startByKeyboard(page);
    for (let i = 0; i < 8; i++) await answerByKeyboard(page, 1);
    await answerByKeyboard(page, 1);
    await page.locator("self-check .crisis .primary").click();
    await answerByKeyboard(page, 2);
    for (let i = 0; i < 7; i++) await answerByKeyboard(page, 2);
    await answerByKeyboard(page, 1); // no traumatic event
    await expect(page.locator("self-check .results")).toBeVisible();
    await page.locator("self-check .help summary").click();

    expect(requests.slice(loaded)).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe("");
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(["selfcheck.v1"]);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
  });
}

test("markup in configuration strings renders as text and never runs", async ({ page }) => {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("/tests/pages/xss.nocsp.html");
  const markup = page.locator("#markup");
  await markup.getByRole("button", { name: "Start" }).click();
  for (let i = 0; i < 8; i++) await answerByKeyboard(page, 2);
  await answerByKeyboard(page, 1);
  const crisis = markup.locator(".crisis");
  await expect(crisis).toContainText("<img src=x onerror=window.__xss=3>");
  await expect(crisis).toContainText("<b onmouseover=window.__xss=4>always</b>");
  await crisis.getByRole("button", { name: "Continue the questionnaire" }).click();
  await answerByKeyboard(page, 0);
  await expect(markup.locator(".booking")).toContainText("<img src=x onerror=window.__xss=1> can talk this through with you.");
  await expect(markup.locator(".booking a")).toHaveText("<img src=x onerror=window.__xss=2>");
  await expect(markup.locator("img")).toHaveCount(0);

  const refused = page.locator("#javascript-url");
  await expect(refused.locator(".config-error")).toContainText("booking-url");
  await expect(refused.locator("a[href^='javascript']")).toHaveCount(0);
  expect(errors.some((text) => text.includes("selfcheck: booking-url"))).toBe(true);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

async function events(page) {
  return page.evaluate(() => window.__events);
}

for (const emit of ["none", "level", "scores"]) {
  test(`events with emit="${emit}": ready, start, complete and booking carry only what was allowed`, async ({ page }) => {
    const query = new URLSearchParams({ instruments: "gad7", resume: "off", "booking-url": "https://clinic.example/book" });
    if (emit !== "none") query.set("emit", emit);
    await page.goto(`/tests/pages/events.html?${query}`);
    await expect(page.locator("self-check .intro")).toBeVisible();
    expect((await events(page)).map((event) => event.type)).toEqual(["selfcheck:ready"]);
    await completeGad7(page, [2, 2, 2, 2, 1, 1, 0]);
    await page.locator("self-check .booking a").click();
    const seen = await events(page);
    expect(seen.map((event) => event.type)).toEqual(["selfcheck:ready", "selfcheck:start", "selfcheck:complete", "selfcheck:booking"]);
    for (const event of seen) {
      expect(event.bubbles).toBe(true);
      expect(event.composed).toBe(true);
    }
    const complete = seen[2].detail;
    const booking = seen[3].detail;
    expect(booking).toEqual(complete);
    if (emit === "none") expect(complete).toEqual({});
    if (emit === "level") expect(complete).toEqual({ level: "recommended" });
    if (emit === "scores") {
      expect(complete).toEqual({
        level: "recommended",
        scores: [{ id: "gad7", total: 10, max: 21, band: "moderate", positive: true, screen: "full" }],
      });
    }
    expect(JSON.stringify(seen)).not.toContain("answers");
  });
}

test("an invalid configuration fires selfcheck:error with every problem and its field", async ({ page }) => {
  await page.goto("/tests/pages/events.html?instruments=phq9%20phq9&mode=sometimes&booking-url=javascript:alert(1)");
  await expect(page.locator("self-check .config-error")).toBeVisible();
  const error = (await events(page)).find((event) => event.type === "selfcheck:error");
  const fields = error.detail.problems.map((problem) => problem.field).sort();
  expect(fields).toEqual(["booking-url", "instruments", "mode"]);
  for (const problem of error.detail.problems) expect(problem.message.length).toBeGreaterThan(10);
});

test("a misspelt attribute reaches the page as the engine's hint: console, selfcheck:error and the message", async ({ page }) => {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("/tests/pages/events.html?clinic-nmae=Harbor%20Light");
  const hint = "is not a known attribute; did you mean `clinic-name`?";
  await expect(page.locator("self-check .config-error li")).toHaveText(`clinic-nmae: ${hint}`);
  const error = (await events(page)).find((event) => event.type === "selfcheck:error");
  expect(error.detail.problems).toEqual([{ field: "clinic-nmae", message: hint }]);
  expect(errors).toContain(`selfcheck: clinic-nmae: ${hint}`);
});

test("the page's own attributes and the widget's printing mark are no typos of ours", async ({ page }) => {
  const query = new URLSearchParams({
    "clinic-name": "Harbor Light", class: "wide", "aria-label": "Self-check", "data-v-1a2b": "", "data-selfcheck-printing": "",
  });
  await page.goto(`/tests/pages/events.html?${query}`);
  const widget = page.locator("self-check");
  await expect(widget.getByRole("button", { name: "Start" })).toBeVisible();
  expect((await events(page)).filter((event) => event.type === "selfcheck:error")).toEqual([]);
  // The mark is set while printing; a change that re-reads the attributes meanwhile names only
  // the attribute that is wrong.
  await widget.evaluate((element) => element.setAttribute("data-selfcheck-printing", ""));
  await widget.evaluate((element) => element.setAttribute("booking-url", "ftp://clinic.example/"));
  await expect(widget.locator(".config-error li")).toHaveText([/^booking-url: /]);
  const error = (await events(page)).find((event) => event.type === "selfcheck:error");
  expect(error.detail.problems.map((problem) => problem.field)).toEqual(["booking-url"]);
  await widget.evaluate((element) => element.setAttribute("booking-url", "https://clinic.example/book"));
  await expect(widget.getByRole("button", { name: "Start" })).toBeVisible();
});

test("SelfCheck.check answers with the widget's own problems, for an object or a list of pairs", async ({ page }) => {
  await page.goto("/tests/pages/events.html?instruments=gad7");
  const check = (attributes) => page.evaluate((given) => window.SelfCheck.check(given), attributes);
  // As the README's example says.
  expect(await check({ "booking-url": "mailto:a@b@" })).toEqual([
    { field: "booking-url", message: "`mailto:a@b@` has no e-mail address; write mailto:name@example.org" },
  ]);
  expect(await check([["booking-url", "https://bücher.example/"], ["booking-label", "Book"], ["mode", "adaptive"]])).toEqual([]);
  const problems = await check([["clinic-nmae", "X"], ["emit", "all"]]);
  expect(problems.map((problem) => problem.field)).toEqual(["clinic-nmae", "emit"]);
});

test("the SRI snippet written by dist loads the widget", async ({ page }) => {
  await page.goto("/dist/embed.html");
  const script = page.locator("script[integrity]");
  await expect(script).toHaveAttribute("integrity", /^sha384-/);
  await expect(page.locator("self-check .intro")).toBeVisible();
});

test("a tampered script is refused by its integrity hash", async ({ page }) => {
  await page.route("**/dist/selfcheck.js", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()) + "\n// tampered";
    await route.fulfill({ response, body });
  });
  await page.goto("/dist/embed.html");
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => typeof window.SelfCheck)).toBe("undefined");
});

test("theming through the documented custom properties and ::part() names", async ({ page }) => {
  await page.goto("/tests/pages/themed.html");
  const start = page.locator("self-check").getByRole("button", { name: "Start" });
  await expect(start).toBeVisible();
  const style = await start.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { background: computed.backgroundColor, transform: computed.textTransform };
  });
  expect(style).toEqual({ background: "rgb(47, 111, 94)", transform: "uppercase" });
  const root = await page.locator("self-check .selfcheck").evaluate((element) => {
    const computed = getComputedStyle(element);
    return { radius: computed.borderTopLeftRadius, font: computed.fontFamily };
  });
  expect(root).toEqual({ radius: "3px", font: "Georgia, serif" });
});
