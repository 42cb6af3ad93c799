// The snippet builder (builder.html) and the demo clinic page (index.html): the preview follows
// the form, the snippet says what was chosen and carries the SRI hash from dist/integrity.json,
// a bad booking link is refused inline, the snippet works when pasted into another site under a
// strict CSP, and both pages pass axe-core in light and dark and fit a 320 px screen.
import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";
import { answerByKeyboard, axeViolations } from "./helpers.mjs";

// The shared table of configuration cases; crates/engine/tests/contract.rs runs it through the engine.
const CONTRACT = JSON.parse(readFileSync(new URL("../contract/cases.json", import.meta.url), "utf8"));
// The attributes the builder has a text field for (the field's id is the attribute's name).
const TYPED = ["clinic-name", "booking-url", "booking-label"];

/** Opens the builder and waits for the preview widget and the integrity hash. */
async function openBuilder(page) {
  await page.goto("/builder.html");
  await expect(page.locator("#preview .selfcheck")).toBeVisible();
  await expect(page.locator("#snippet")).toContainText('integrity="sha384-');
}

function snippet(page) {
  return page.locator("#snippet");
}

function introList(page) {
  return page.locator("#preview .instrument-list li");
}

test("the preview follows the form: questionnaires, their order and the language", async ({ page, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  await openBuilder(page);
  await expect(introList(page)).toHaveText([/^PHQ-9/, /^GAD-7/, /^PC-PTSD-5/]);

  await page.getByRole("checkbox", { name: /GAD-7/ }).uncheck();
  await expect(introList(page)).toHaveText([/^PHQ-9/, /^PC-PTSD-5/]);
  await expect(snippet(page)).toContainText('instruments="phq9 pcptsd5"');

  const up = page.getByRole("button", { name: "Move PC-PTSD-5 up" });
  await up.click();
  await up.click();
  // Every questionnaire the engine offers has a row, ticked or not.
  await expect(page.locator("#order-status")).toHaveText(`PC-PTSD-5 moved to position 1 of ${facts.instruments.length}.`);
  // At the top its "up" button is disabled, so focus stays on the row through "down".
  await expect(up).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move PC-PTSD-5 down" })).toBeFocused();
  await expect(introList(page)).toHaveText([/^PC-PTSD-5/, /^PHQ-9/]);
  await expect(snippet(page)).toContainText('instruments="pcptsd5 phq9"');

  await page.getByLabel("Language").selectOption("es");
  await expect(page.locator("#preview #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await expect(snippet(page)).toContainText('lang="es"');
  await expect(snippet(page)).toContainText("La autoevaluación se está cargando.");

  // Portuguese: the preview downloads its pack, the snippet's loading line is Portuguese too.
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.locator("#preview #selfcheck-intro-heading")).toHaveText("Uma breve autoavaliação");
  await expect(snippet(page)).toContainText("A autoavaliação está sendo carregada.");
});

test("unticking every questionnaire is explained, and the snippet falls back to the default", async ({ page }) => {
  await openBuilder(page);
  for (const name of [/PHQ-9/, /GAD-7/, /PC-PTSD-5/]) await page.getByRole("checkbox", { name }).uncheck();
  await expect(page.locator("#instruments-error")).toContainText("Tick at least one questionnaire");
  await expect(snippet(page)).not.toContainText("instruments=");
  await expect(page.locator("#preview .config-error")).toHaveCount(0);
  await expect(introList(page)).toHaveCount(3);
});

test("the snippet carries every choice, escaped, and the integrity hash of dist/selfcheck.js", async ({ page, request }) => {
  const hashes = await (await request.get("/dist/integrity.json")).json();
  expect(hashes["selfcheck.js"]).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);

  await openBuilder(page);
  await page.getByLabel("Clinic name").fill('Harbor "Light" & <Co>');
  await page.getByLabel("Booking link").fill("https://clinic.example/book?from=selfcheck&lang=en");
  await page.getByLabel("Booking button text").fill("Book a free call");
  await page.getByLabel("Crisis lines for").selectOption("GB");
  await page.getByRole("radio", { name: "Adaptive" }).check();
  await page.getByRole("checkbox", { name: "Keep answers if the page is reloaded" }).uncheck();
  await page.getByRole("radio", { name: "The level and each score" }).check();
  await page.getByLabel("Accent colour", { exact: true }).fill("#0d6e6e");
  await page.getByLabel("Corner radius").fill("4");
  await page.getByLabel("Where you host the files").fill("https://cdn.clinic.example/selfcheck/1.0");

  const text = await snippet(page).textContent();
  expect(text).toContain(`<script src="https://cdn.clinic.example/selfcheck/1.0/selfcheck.js" integrity="${hashes["selfcheck.js"]}" crossorigin="anonymous" defer></script>`);
  for (const attribute of [
    'instruments="phq9 gad7 pcptsd5"',
    'mode="adaptive"',
    'clinic-name="Harbor &quot;Light&quot; &amp; &lt;Co&gt;"',
    'booking-url="https://clinic.example/book?from=selfcheck&amp;lang=en"',
    'booking-label="Book a free call"',
    'crisis-region="GB"',
    'resume="off"',
    'emit="scores"',
  ]) expect(text).toContain(attribute);
  expect(text).toContain("self-check { --selfcheck-accent: #0d6e6e; --selfcheck-accent-text: #ffffff; --selfcheck-radius: 4px; }");
  expect(text).toContain("@media (prefers-color-scheme: dark)");
  expect(text).toContain("strict Content-Security-Policy");
  await expect(page.locator("#style-note")).toBeVisible();

  // The preview is the same configuration, set as attributes and custom properties.
  const preview = page.locator("#preview");
  await expect(preview).toHaveAttribute("clinic-name", 'Harbor "Light" & <Co>');
  await expect(preview).toHaveAttribute("emit", "scores");
  await expect(preview).toHaveAttribute("crisis-region", "GB");
  expect(await preview.evaluate((element) => element.style.getPropertyValue("--selfcheck-accent"))).toBe("#0d6e6e");
  await expect(preview.getByRole("button", { name: "Start" })).toHaveCSS("background-color", "rgb(13, 110, 110)");
});

test("the PC-PTSD-5 cut-off of 4 reaches the snippet and the preview; the default 3 is left out", async ({ page }) => {
  await openBuilder(page);
  const preview = page.locator("#preview");
  const three = page.getByRole("radio", { name: "3 (default)" });
  const four = page.getByRole("radio", { name: "4", exact: true });
  await expect(three).toBeChecked();
  await expect(four).toHaveAccessibleDescription(/best balanced missed cases and false positives/);
  await expect(snippet(page)).not.toContainText("ptsd-cutoff");
  await expect(preview).not.toHaveAttribute("ptsd-cutoff", /.*/);

  await four.check();
  await expect(snippet(page)).toContainText('ptsd-cutoff="4"');
  await expect(preview).toHaveAttribute("ptsd-cutoff", "4");
  // The widget accepts it: no configuration error in place of the questionnaire.
  await expect(preview.locator(".config-error")).toHaveCount(0);
  await expect(preview.getByRole("button", { name: "Start" })).toBeVisible();

  await three.check();
  await expect(snippet(page)).not.toContainText("ptsd-cutoff");
  await expect(preview).not.toHaveAttribute("ptsd-cutoff", /.*/);
});

test("the AUDIT-C cut-off is offered while the AUDIT-C is asked, and a cut-off of 3 reaches the snippet and the preview", async ({ page, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  const choice = facts.attributes.find((entry) => entry.attribute === "auditc-cutoff");
  await openBuilder(page);
  const preview = page.locator("#preview");
  const group = page.getByRole("group", { name: "AUDIT-C cut-off" });
  // Not asked by default, so its cut-off is not offered and not written.
  await expect(group).toBeHidden();
  await expect(snippet(page)).not.toContainText("auditc-cutoff");

  const hashes = await (await request.get("/dist/integrity.json")).json();
  const scriptTag = (name) => `/dist/${name}" integrity="${hashes[name]}"`;
  await expect(snippet(page)).toContainText(scriptTag(facts.scripts.default));
  await page.getByRole("checkbox", { name: /AUDIT-C/ }).check();
  await expect(group).toBeVisible();
  await expect(introList(page)).toHaveText([/^PHQ-9/, /^GAD-7/, /^PC-PTSD-5/, /^AUDIT-C/]);
  // Only selfcheck-plus.js has the AUDIT-C: the snippet loads it, with its own hash.
  await expect(snippet(page)).toContainText(scriptTag(facts.scripts.plus));
  await expect(group.getByRole("radio")).toHaveCount(choice.values.length);
  await expect(group.getByRole("radio", { name: `${choice.default} (default)` })).toBeChecked();
  await expect(snippet(page)).not.toContainText("auditc-cutoff");

  const three = group.getByRole("radio", { name: "3", exact: true });
  await expect(three).toHaveAccessibleDescription(/for women/);
  await three.check();
  await expect(snippet(page)).toContainText('auditc-cutoff="3"');
  await expect(preview).toHaveAttribute("auditc-cutoff", "3");
  await expect(preview.locator(".config-error")).toHaveCount(0);

  // The preview judges the AUDIT-C at 3: a total of 3 (1 + 1 + 1) screens positive.
  for (const name of [/PHQ-9/, /GAD-7/, /PC-PTSD-5/]) await page.getByRole("checkbox", { name }).uncheck();
  await expect(snippet(page)).toContainText('instruments="auditc"');
  await expect(snippet(page)).toContainText('auditc-cutoff="3"');
  await preview.getByRole("button", { name: "Start" }).click();
  for (let item = 0; item < 3; item++) await answerByKeyboard(page, 1);
  await expect(preview.locator(".card .explanation")).toHaveText("At or above the screening cut-off of 3.");

  // Unticked again: the choice goes away, from the snippet and the preview too.
  await page.getByRole("checkbox", { name: /AUDIT-C/ }).uncheck();
  await expect(group).toBeHidden();
  await expect(snippet(page)).not.toContainText("auditc-cutoff");
  await expect(preview).not.toHaveAttribute("auditc-cutoff", /.*/);
  await expect(snippet(page)).toContainText(scriptTag(facts.scripts.default));
});

test("the ketamine pre-check reaches the snippet and the preview; none is the default and is left out", async ({ page, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  const ketamine = facts.prechecks.find((entry) => entry.id === "ketamine");
  await openBuilder(page);
  const preview = page.locator("#preview");
  const group = page.getByRole("group", { name: "Pre-treatment check" });
  await expect(group).toHaveAccessibleDescription(/never reach your page/);
  await expect(group.getByRole("radio", { name: "None" })).toBeChecked();
  await expect(snippet(page)).not.toContainText("precheck");
  await expect(preview).not.toHaveAttribute("precheck", /.*/);

  await expect(snippet(page)).toContainText(`/dist/${facts.scripts.default}"`);
  await group.getByRole("radio", { name: ketamine.title }).check();
  await expect(snippet(page)).toContainText('precheck="ketamine"');
  await expect(snippet(page)).toContainText(`/dist/${ketamine.script}"`);
  expect(ketamine.script).toBe(facts.scripts.plus);
  await expect(preview).toHaveAttribute("precheck", "ketamine");
  await expect(preview.locator(".config-error")).toHaveCount(0);
  // The preview's intro lists the pre-check after the questionnaires.
  await expect(introList(page)).toHaveText([/^PHQ-9/, /^GAD-7/, /^PC-PTSD-5/, ketamine.title]);

  await group.getByRole("radio", { name: "None" }).check();
  await expect(snippet(page)).not.toContainText("precheck");
  await expect(preview).not.toHaveAttribute("precheck", /.*/);
  await expect(introList(page)).toHaveCount(3);
  await expect(snippet(page)).toContainText(`/dist/${facts.scripts.default}"`);
});

test("a bad booking link is shown inline, accessibly, and kept out of the snippet and the preview", async ({ page }) => {
  await openBuilder(page);
  const input = page.getByLabel("Booking link");
  const error = page.locator("#booking-url-error");

  await page.getByLabel("Booking button text").fill("Book now");
  await input.fill("javascript:alert(1)");
  await input.blur();
  await expect(error).toContainText("uses the scheme `javascript:`, which is not allowed");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(/which is not allowed/);
  await expect(snippet(page)).not.toContainText("javascript");
  // A label without a link would stop the widget: it is left out too, with a note.
  await expect(snippet(page)).not.toContainText("booking-label");
  await expect(page.locator("#booking-label-note")).toContainText("used only with a booking link");
  await expect(page.locator("#preview")).not.toHaveAttribute("booking-url", /.*/);
  await expect(page.locator("#preview .config-error")).toHaveCount(0);

  await input.fill("http://clinic.example/book");
  await expect(error).toContainText("http: is allowed only for localhost");
  await input.fill("https://user@clinic.example/book");
  await expect(error).toContainText("user name or password");

  await input.fill("tel:+1-555-555-0100");
  await expect(error).toHaveText("");
  await expect(input).not.toHaveAttribute("aria-invalid", /.*/);
  await expect(snippet(page)).toContainText('booking-url="tel:+1-555-555-0100"');
  await expect(snippet(page)).toContainText('booking-label="Book now"');

  // Enter in a field checks the whole form and goes to the first problem.
  await page.getByLabel("Font").fill("Georgia; } body { display: none");
  await page.getByLabel("Clinic name").press("Enter");
  await expect(page.getByLabel("Font")).toBeFocused();
  await expect(page.locator("#font-error")).toContainText("Use only font names");
  await expect(snippet(page)).not.toContainText("display: none");
});

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

test("every contract case typed into the builder gets the widget's verdict and message", async ({ page }) => {
  const cases = CONTRACT.cases.filter((entry) => TYPED.includes(entry.attribute) && !entry.builder &&
    Object.keys(entry.with || {}).every((name) => TYPED.includes(name)));
  expect(cases.length).toBeGreaterThanOrEqual(25);
  await openBuilder(page);
  const preview = page.locator("#preview");
  for (const entry of cases) {
    await test.step(`${entry.attribute}=${JSON.stringify(entry.value)} is ${entry.valid ? "accepted" : "refused"}`, async () => {
      const typed = { ...Object.fromEntries(TYPED.map((name) => [name, ""])), ...entry.with, [entry.attribute]: entry.value };
      for (const name of TYPED) await page.locator(`#${name}`).fill(typed[name]);
      // Enter checks the whole form, as a clinic pressing it would.
      await page.locator(`#${entry.attribute}`).press("Enter");
      const blamed = entry.valid ? [] : [entry.field];
      for (const name of TYPED) {
        if (blamed.includes(name)) {
          // The widget's own words, after the field's name as its console message has it.
          await expect(page.locator(`#${name}-error`)).toContainText(entry.message);
          await expect(page.locator(`#${name}-error`)).toContainText(new RegExp(`^${name}: `));
          await expect(page.locator(`#${name}`)).toHaveAttribute("aria-invalid", "true");
          await expect(snippet(page)).not.toContainText(`${name}=`);
          await expect(preview).not.toHaveAttribute(name, /.*/);
        } else {
          await expect(page.locator(`#${name}-error`)).toHaveText("");
          await expect(page.locator(`#${name}`)).not.toHaveAttribute("aria-invalid", /.*/);
        }
      }
      if (entry.valid) {
        await expect(snippet(page)).toContainText(`${entry.attribute}="${escapeHtml(entry.value)}"`);
        await expect(preview).toHaveAttribute(entry.attribute, entry.value);
      } else {
        // Enter went to the first problem.
        await expect(page.locator(`#${entry.field}`)).toBeFocused();
      }
      await expect(preview.locator(".config-error")).toHaveCount(0);
    });
  }
});

test("the builder offers every value the engine lists for its choices, and none that the engine refuses", async ({ page, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  await openBuilder(page);
  const listed = (attribute) => facts.attributes.find((entry) => entry.attribute === attribute).values;
  const choices = {
    instruments: 'input[name="instrument"]',
    mode: 'input[name="mode"]',
    lang: '#lang option:not([value=""])',
    "crisis-region": "#crisis-region option",
    emit: 'input[name="emit"]',
    "ptsd-cutoff": 'input[name="ptsd-cutoff"]',
    "auditc-cutoff": 'input[name="auditc-cutoff"]',
    precheck: 'input[name="precheck"]',
  };
  for (const [attribute, selector] of Object.entries(choices)) {
    const offered = await page.locator(selector).evaluateAll((inputs) => inputs.map((input) => input.value));
    expect(offered.slice().sort(), attribute).toEqual(listed(attribute).slice().sort());
    for (const refused of CONTRACT.cases.filter((entry) => entry.attribute === attribute && !entry.valid)) {
      expect(offered, `${attribute} offers ${refused.value}`).not.toContain(refused.value);
    }
  }
  // The crisis lines default to the engine's default region, and the names are the engine's.
  const region = facts.attributes.find((entry) => entry.attribute === "crisis-region")["default"];
  await expect(page.getByLabel("Crisis lines for")).toHaveValue(region);
  for (const entry of facts.crisisRegions) {
    await expect(page.locator(`#crisis-region option[value="${entry.code}"]`)).toHaveText(entry.name);
  }
});

test("Copy puts the snippet on the clipboard and says Copied", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openBuilder(page);
  await page.getByLabel("Clinic name").fill("Harbor Light Clinic");
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippet(page).textContent());
  expect(copied).toContain('clinic-name="Harbor Light Clinic"');
});

test("without clipboard access, Copy selects the snippet and says how to copy it", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
  });
  await openBuilder(page);
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.locator("#copy-status")).toContainText("press Ctrl+C");
  const selected = await page.evaluate(() => String(window.getSelection()));
  expect(selected).toBe(await snippet(page).textContent());
});

/** A CDN at https://cdn.test/selfcheck/ serving this build's dist/ with its headers
 *  (Access-Control-Allow-Origin, the wasm MIME type); Playwright fetches it, so the browser sees
 *  two public https origins. */
async function serveCdn(page, baseURL) {
  await page.route("https://cdn.test/selfcheck/*", async (route) => {
    const file = new URL(route.request().url()).pathname.split("/").pop();
    const response = await route.fetch({ url: `${baseURL}/dist/${file}` });
    const headers = { ...response.headers() };
    delete headers["content-encoding"];
    delete headers["content-length"];
    await route.fulfill({ status: response.status(), headers, body: await response.body() });
  });
}
const STRICT_CSP = "default-src 'self'; script-src 'self' https://cdn.test 'wasm-unsafe-eval'; connect-src 'self' https://cdn.test; style-src 'self'";
/** A clinic's page on a third origin with the pasted snippet in it. */
const clinicPage = (body, headers = {}) => (route) => route.fulfill({
  status: 200, contentType: "text/html; charset=utf-8", headers,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title></head><body><main><h1>Clinic</h1>${body}</main></body></html>`,
});

test("the snippet works pasted into another site: SRI and CORS pass under the README's strict CSP", async ({ page, baseURL }) => {
  await openBuilder(page);
  await page.getByLabel("Language").selectOption("es");
  await page.getByLabel("Clinic name").fill("Clínica Faro");
  await page.getByRole("checkbox", { name: "Keep answers if the page is reloaded" }).uncheck();
  await page.getByLabel("Accent colour", { exact: true }).fill("#7a3e9d");
  // The files on a CDN of their own; the clinic's page on a third origin.
  await page.getByLabel("Where you host the files").fill("https://cdn.test/selfcheck/");
  const pasted = await snippet(page).textContent();

  await serveCdn(page, baseURL);
  await page.route("https://clinic.test/strict", clinicPage(pasted, { "Content-Security-Policy": STRICT_CSP }));
  await page.route("https://clinic.test/plain", clinicPage(pasted));
  const tampered = pasted.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${"A".repeat(64)}"`);
  await page.route("https://clinic.test/tampered", clinicPage(tampered));

  const violations = [];
  await page.exposeFunction("reportViolation", (directive) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => window.reportViolation(event.effectiveDirective));
  });

  await page.goto("https://clinic.test/strict");
  await expect(page.locator("self-check #selfcheck-intro-heading")).toHaveText("Una autoevaluación breve");
  await page.locator("self-check").getByRole("button", { name: "Comenzar" }).click();
  await expect(page.locator("self-check legend")).toContainText("Poco interés o placer en hacer cosas");
  // Only the snippet's <style> block is refused there, as the builder's note says.
  expect([...new Set(violations)]).toEqual(["style-src-elem"]);

  await page.goto("https://clinic.test/plain");
  await expect(page.locator("self-check").getByRole("button", { name: "Comenzar" })).toHaveCSS("background-color", "rgb(122, 62, 157)");

  // A changed file (here: a wrong hash) is refused, and the clinic's loading text stays.
  const blocked = page.waitForEvent("console", (message) => /integrity/i.test(message.text()));
  await page.goto("https://clinic.test/tampered");
  await blocked;
  await expect(page.locator("self-check > p")).toHaveText("La autoevaluación se está cargando.");
  expect(await page.evaluate(() => Boolean(window.SelfCheck))).toBe(false);
});

test("a snippet with the AUDIT-C and the pre-check works pasted into another site: selfcheck-plus.js, its wasm and the extra pack pass SRI under the strict CSP", async ({ page, baseURL, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  await openBuilder(page);
  await page.getByRole("checkbox", { name: /AUDIT-C/ }).check();
  await page.getByRole("group", { name: "Pre-treatment check" }).getByRole("radio", { name: facts.prechecks[0].title }).check();
  await page.getByLabel("Where you host the files").fill("https://cdn.test/selfcheck/");
  await expect(snippet(page)).toContainText(`https://cdn.test/selfcheck/${facts.scripts.plus}`);
  const pasted = await snippet(page).textContent();
  await serveCdn(page, baseURL);
  await page.route("https://clinic.test/plus", clinicPage(pasted, { "Content-Security-Policy": STRICT_CSP }));
  const fetched = [];
  page.on("request", (sent) => sent.url().startsWith("https://cdn.test/") && fetched.push(new URL(sent.url()).pathname.split("/").pop()));
  await page.goto("https://clinic.test/plus");
  await expect(page.locator("self-check .instrument-list li")).toHaveText([/^PHQ-9/, /^GAD-7/, /^PC-PTSD-5/, /^AUDIT-C/, facts.prechecks[0].title]);
  await page.locator("self-check").getByRole("button", { name: "Start" }).click();
  await expect(page.locator("self-check legend")).toBeVisible();
  expect(fetched.sort()).toEqual([facts.scripts.plus, facts.scripts.plus.replace(/\.js$/, "_bg.wasm"), "selfcheck.en.extra.json", "selfcheck.en.json"].sort());
});

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations on the demo page and the builder (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found = {};
    await page.goto("/");
    await expect(page.locator("self-check .selfcheck")).toBeVisible();
    await page.locator("#faq details").first().locator("summary").click();
    let violations = await axeViolations(page);
    if (violations.length) found.demo = violations;

    await openBuilder(page);
    violations = await axeViolations(page);
    if (violations.length) found.builder = violations;

    // With inline errors showing, a custom accent, and the AUDIT-C's cut-off choice shown.
    await page.getByRole("checkbox", { name: /AUDIT-C/ }).check();
    await expect(page.getByRole("group", { name: "AUDIT-C cut-off" })).toBeVisible();
    await page.getByLabel("Booking link").fill("ftp://clinic.example");
    await page.getByLabel("Booking link").blur();
    await page.getByRole("checkbox", { name: /PHQ-9/ }).uncheck();
    await page.getByLabel("Accent colour", { exact: true }).fill("#7a3e9d");
    await expect(page.locator("#booking-url-error")).not.toBeEmpty();
    violations = await axeViolations(page);
    if (violations.length) found.builderWithErrors = violations;
    expect(found).toEqual({});
  });
}

for (const [width, height, what] of [[320, 640, "a 320 px phone"], [640, 400, "200 % zoom of 1280 × 800"]]) {
  test(`the demo page and the builder need no sideways scrolling on ${what}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto("/");
    await expect(page.locator("self-check .selfcheck")).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator("self-check").getByRole("button", { name: "Start" }).click();
    await expect(page.locator("self-check legend")).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await openBuilder(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
}

test("the demo page links to the builder, and the builder back to the demo", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: /snippet/ }).click();
  await expect(page).toHaveURL(/\/builder\.html$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add the self-check to your clinic’s website");
  await page.getByRole("link", { name: "See the demo clinic page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Care for depression, anxiety and trauma — at your pace");
});

test("carrying results reaches the snippet and the preview: off by default and left out; on loads selfcheck-plus.js with its hash", async ({ page, request }) => {
  const facts = await (await request.get("/dist/selfcheck.facts.json")).json();
  const hashes = await (await request.get("/dist/integrity.json")).json();
  const carry = facts.attributes.find((entry) => entry.attribute === "carry");
  expect(carry.default).toBe("off");
  expect(carry.plusOnly).toEqual(["on"]);
  await openBuilder(page);
  const preview = page.locator("#preview");
  const box = page.getByRole("checkbox", { name: /QR code/ });
  await expect(box).not.toBeChecked();
  await expect(snippet(page)).not.toContainText("carry");
  await expect(snippet(page)).toContainText(`/dist/${facts.scripts.default}" integrity="${hashes[facts.scripts.default]}"`);

  await box.check();
  await expect(snippet(page)).toContainText('carry="on"');
  await expect(snippet(page)).toContainText(`/dist/${facts.scripts.plus}" integrity="${hashes[facts.scripts.plus]}"`);
  await expect(preview).toHaveAttribute("carry", "on");
  await expect(preview.locator(".config-error")).toHaveCount(0);
  // The preview's intro offers the picker, in the wording of the pack it fetched for it.
  await expect(preview.locator("label[for='selfcheck-earlier-file']")).toHaveText("Compare with a file you saved before");

  await box.uncheck();
  await expect(snippet(page)).not.toContainText("carry");
  await expect(preview).not.toHaveAttribute("carry", /.*/);
  await expect(preview.locator("input[type=file]")).toHaveCount(0);
  await expect(snippet(page)).toContainText(`/dist/${facts.scripts.default}"`);
});
