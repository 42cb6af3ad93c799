//! The bridge to the host page: the open shadow root and its stylesheet, attributes and JSON
//! configuration, DOM events, sessionStorage, printing. The loader (crates/widget/js/loader.js)
//! calls `mount` and keeps the returned handle for `reconfigure()` and `unmount()`.

use std::rc::Rc;

use selfcheck_engine::json::{Map, Value};
use selfcheck_engine::{Config, Emit, Lang, Problem, Report, CONFIG_ATTRIBUTE};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::components::{Setup, Widget, WidgetProps};
use crate::host::{Host, HostHandle, WidgetEvent};
use crate::state::{questionnaire_key, STORAGE_KEY};

const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Isolates the widget when printing: everything else on the page is hidden for the moment of
/// the print. Lives in the page only while printing.
const PRINT_ISOLATION: &str = "@media print{body *{visibility:hidden!important}\
[data-selfcheck-printing],[data-selfcheck-printing] *{visibility:visible!important}\
[data-selfcheck-printing]{position:absolute!important;left:0!important;top:0!important;width:100%!important;margin:0!important}}";

/// A mounted widget.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<yew::AppHandle<Widget>>,
    host: HtmlElement,
    config_json: Option<String>,
    browser: Rc<BrowserHost>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget; the element keeps an empty shadow root.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    /// Reads the attributes and configuration again (an attribute changed).
    pub fn reconfigure(&mut self) {
        let setup = read_setup(&self.host, self.config_json.as_deref(), &self.browser);
        if let Some(app) = self.app.as_mut() {
            app.update(WidgetProps {
                setup,
                host: HostHandle(self.browser.clone()),
            });
        }
    }
}

/// Mounts the widget into `host`'s open shadow root. `config_json` comes from
/// `SelfCheck.mount(element, config)`; attributes on the element override it.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, config_json: Option<String>) -> Result<Mounted, JsValue> {
    let shadow = shadow_root(&host)?;
    adopt_stylesheet(&shadow)?;
    // Replaces a fallback message from an earlier failed attempt, if any.
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let document = host.owner_document().ok_or("the element has no document")?;
    let container = document.create_element("div")?;
    shadow.append_child(&container)?;

    let browser = Rc::new(BrowserHost::new(host.clone()));
    let setup = read_setup(&host, config_json.as_deref(), &browser);
    let props = WidgetProps {
        setup,
        host: HostHandle(browser.clone()),
    };
    let app = yew::Renderer::<Widget>::with_root_and_props(container, props).render();
    dispatch(&host, "selfcheck:ready", "{}");
    Ok(Mounted {
        app: Some(app),
        host,
        config_json,
        browser,
    })
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// A constructed stylesheet, not a `<style>` element: a strict CSP (`style-src 'self'`) blocks
/// the latter but not the former.
fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(STYLESHEET)?;
    js_sys::Reflect::set(
        shadow,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )?;
    Ok(())
}

/// The element's configuration: its JSON (from `SelfCheck.mount` or the `config` attribute's
/// script) with its attributes over it, as the engine reads them.
fn parse_config(host: &HtmlElement, config_json: Option<&str>) -> Result<Config, Vec<Problem>> {
    // Every attribute, not only the known ones: the engine ignores HTML's global ones, `data-`
    // and `aria-` (the widget's own `data-selfcheck-printing` too) and `config`, and answers a
    // misspelt one with its "did you mean" hint, which would otherwise never reach the page.
    let attributes: Vec<(String, String)> = host
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| host.get_attribute(&name).map(|value| (name, value)))
        .collect();
    let attribute_pairs: Vec<(&str, &str)> = attributes
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let from_script = match (config_json, host.get_attribute(CONFIG_ATTRIBUTE)) {
        (Some(json), _) => Ok(Some(json.to_string())),
        (None, Some(id)) => config_script(host, &id),
        (None, None) => Ok(None),
    };
    from_script.and_then(|json| Config::parse(json.as_deref(), &attribute_pairs))
}

/// The language the widget shows: the configured one, else the page's or the browser's. With an
/// invalid configuration, the element's own `lang` still counts, so the message is readable.
fn lang_of(host: &HtmlElement, parsed: &Result<Config, Vec<Problem>>) -> Lang {
    match parsed {
        Ok(config) => config.lang.unwrap_or_else(|| page_lang(host)),
        Err(_) => host
            .get_attribute("lang")
            .and_then(|tag| Lang::parse(&tag))
            .unwrap_or_else(|| page_lang(host)),
    }
}

/// The language packs the widget needs for this element, by code (`en`, and `en.extra` when the
/// clinic chose an instrument outside the default configuration or a pre-treatment check),
/// separated by spaces; decided from its configuration and the page alone, never from an answer.
/// The loader fetches them and installs them before `mount` or `reconfigure`.
#[wasm_bindgen]
pub fn packs(host: &HtmlElement, config_json: Option<String>) -> String {
    let parsed = parse_config(host, config_json.as_deref());
    let code = lang_of(host, &parsed).code();
    match parsed {
        Ok(config) if config.needs_extra_texts() => format!("{code} {code}.extra"),
        _ => code.into(),
    }
}

/// Installs a downloaded language pack (its text, already checked against the loader's hash: the
/// build wrote each pack's hash into the loader, so it is this build's pack for that language).
#[wasm_bindgen]
pub fn install_pack(text: &str) -> Result<(), JsValue> {
    selfcheck_engine::pack::install(text)
        .map(|_| ())
        .map_err(|why| JsValue::from_str(&why))
}

fn read_setup(host: &HtmlElement, config_json: Option<&str>, browser: &BrowserHost) -> Setup {
    let parsed = parse_config(host, config_json);
    let lang = lang_of(host, &parsed);
    match parsed {
        Ok(config) => {
            browser.configure(&config);
            let saved = config
                .resume
                .then(|| browser.saved_progress())
                .flatten()
                .map(Rc::from);
            Setup::Ready {
                config: Rc::new(config),
                lang,
                saved,
            }
        }
        Err(problems) => {
            for problem in &problems {
                web_sys::console::error_1(
                    &format!("selfcheck: {}: {}", problem.field, problem.message).into(),
                );
            }
            dispatch(host, "selfcheck:error", &error_detail(&problems));
            Setup::Invalid {
                problems: problems.into(),
                lang,
            }
        }
    }
}

/// The text of the `<script type="application/json">` named by the `config` attribute.
fn config_script(host: &HtmlElement, id: &str) -> Result<Option<String>, Vec<Problem>> {
    let problem = |message: String| {
        vec![Problem {
            field: "config".into(),
            message,
        }]
    };
    let element = host
        .owner_document()
        .and_then(|document| document.get_element_by_id(id));
    match element {
        Some(element) if element.tag_name().eq_ignore_ascii_case("script") => {
            Ok(element.text_content())
        }
        Some(_) => Err(problem(format!(
            "the element with id \"{id}\" is not a <script type=\"application/json\">"
        ))),
        None => Err(problem(format!(
            "no element with id \"{id}\" holds the configuration"
        ))),
    }
}

/// The page's language, else the browser's; English when neither is one we have.
fn page_lang(host: &HtmlElement) -> Lang {
    let page = host
        .owner_document()
        .and_then(|document| document.document_element())
        .and_then(|root| root.get_attribute("lang"));
    let browser = web_sys::window().and_then(|window| window.navigator().language());
    page.as_deref()
        .and_then(Lang::parse)
        .or_else(|| browser.as_deref().and_then(Lang::parse))
        .unwrap_or_default()
}

fn dispatch(host: &HtmlElement, name: &str, detail_json: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    // Crosses shadow boundaries, so a widget nested in another component still reports out.
    init.set_composed(true);
    init.set_detail(&js_sys::JSON::parse(detail_json).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

// Event details are written with the engine's small JSON module, not serde_json, which would
// add several KB to a wasm that must fit in a 100 kB brotli budget.

/// `[{"field":…,"message":…}]`
fn problem_list(problems: &[Problem]) -> Value {
    let problems = problems.iter().map(|problem| {
        let mut entry = Map::new();
        entry.push("field", Value::str(&problem.field));
        entry.push("message", Value::str(&problem.message));
        Value::Object(entry)
    });
    Value::Array(problems.collect())
}

/// `{"problems":[{"field":…,"message":…}]}`
fn error_detail(problems: &[Problem]) -> String {
    let mut detail = Map::new();
    detail.push("problems", problem_list(problems));
    Value::Object(detail).to_json()
}

/// The engine's verdict on attributes as an element would carry them, for the snippet builder
/// (`SelfCheck.check` in the loader), so that it accepts exactly what the widget accepts:
/// `[[name, value], …]` in, the problems as `selfcheck:error` lists them out (`[]` when none).
#[wasm_bindgen]
pub fn check(element: &HtmlElement) -> String {
    // The same reading as a mounted widget's, attributes and all: the loader puts the attributes
    // on a detached element, so nothing is parsed twice or by other rules.
    let problems = parse_config(element, None).err().unwrap_or_default();
    problem_list(&problems).to_json()
}

/// What `selfcheck:complete` and `selfcheck:booking` carry: nothing unless the clinic opted in;
/// `{"level":…}`, and with `emit="scores"` also `"scores":[{"id","total","max","band",
/// "positive","screen"}]` — never item answers.
fn outcome_detail(report: &Report, emit: Emit) -> String {
    let mut detail = Map::new();
    if emit != Emit::None {
        detail.push("level", Value::str(report.level.as_str()));
    }
    if emit == Emit::Scores {
        let scores = report.results.iter().map(|result| {
            let mut score = Map::new();
            score.push("id", Value::str(result.id.as_str()));
            score.push("total", Value::int(result.total));
            score.push("max", Value::int(result.max));
            score.push("band", result.band.map_or(Value::Null, Value::str));
            score.push("positive", Value::Bool(result.positive));
            let screen = match result.screen {
                selfcheck_engine::Screen::Full => "full",
                selfcheck_engine::Screen::ScreenerNegative => "screener_negative",
            };
            score.push("screen", Value::str(screen));
            Value::Object(score)
        });
        detail.push("scores", Value::Array(scores.collect()));
    }
    Value::Object(detail).to_json()
}

/// The browser side of `Host`.
struct BrowserHost {
    element: HtmlElement,
    emit: std::cell::Cell<Emit>,
    /// This widget's entry in the stored progress: one per questionnaire, so two widgets on a
    /// page keep their own answers.
    slot: std::cell::RefCell<String>,
}

impl BrowserHost {
    fn new(element: HtmlElement) -> BrowserHost {
        BrowserHost {
            element,
            emit: std::cell::Cell::new(Emit::None),
            slot: std::cell::RefCell::new(String::new()),
        }
    }

    fn configure(&self, config: &Config) {
        self.emit.set(config.emit);
        *self.slot.borrow_mut() =
            questionnaire_key(&config.instruments, config.mode, config.precheck);
    }

    /// sessionStorage can be missing or throw (sandboxed frames, privacy settings): then the
    /// widget simply does not resume.
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    fn stored_map() -> Map {
        Self::storage()
            .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|text| selfcheck_engine::json::parse(&text).ok())
            .and_then(|value| match value {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn saved_progress(&self) -> Option<String> {
        match Self::stored_map().remove(self.slot.borrow().as_str())? {
            Value::String(progress) => Some(progress),
            _ => None,
        }
    }
}

/// `Intl` options for a date written out in the visitor's language ("November 29, 2026").
fn long_date() -> js_sys::Object {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    options
}

impl Host for BrowserHost {
    fn emit(&self, event: WidgetEvent<'_>) {
        match event {
            WidgetEvent::Start => dispatch(&self.element, "selfcheck:start", "{}"),
            WidgetEvent::Complete(report) => dispatch(
                &self.element,
                "selfcheck:complete",
                &outcome_detail(report, self.emit.get()),
            ),
            WidgetEvent::Booking(report) => dispatch(
                &self.element,
                "selfcheck:booking",
                &outcome_detail(report, self.emit.get()),
            ),
        }
    }

    fn save_progress(&self, progress: Option<&str>) {
        let Some(storage) = Self::storage() else {
            return;
        };
        let mut map = Self::stored_map();
        let slot = self.slot.borrow().clone();
        match progress {
            Some(progress) => {
                map.insert(slot, Value::str(progress));
            }
            None => {
                map.remove(&slot);
            }
        }
        // Nothing left to keep: leave no trace at all.
        let _ = if map.is_empty() {
            storage.remove_item(STORAGE_KEY)
        } else {
            storage.set_item(STORAGE_KEY, &Value::Object(map).to_json())
        };
    }

    fn prefers_reduced_motion(&self) -> bool {
        web_sys::window()
            .and_then(|window| {
                window
                    .match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|query| query.matches())
    }

    fn today(&self, lang: &str) -> String {
        js_sys::Date::new_0()
            .to_locale_date_string(lang, &long_date())
            .into()
    }

    #[cfg(plus)]
    fn now(&self) -> String {
        let now = js_sys::Date::new_0();
        // Minutes behind UTC: positive west of Greenwich, so the sign is flipped for the offset.
        let behind = now.get_timezone_offset() as i32;
        let (sign, offset) = if behind > 0 {
            ('-', behind)
        } else {
            ('+', -behind)
        };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date(),
            now.get_hours(),
            now.get_minutes(),
            now.get_seconds(),
            offset / 60,
            offset % 60
        )
    }

    #[cfg(plus)]
    fn date_of(&self, date_time: &str, lang: &str) -> String {
        // The date as the device wrote it (its own wall clock), read back without moving it to
        // this device's time zone: `2026-11-29T23:30:00-05:00` stays the 29th.
        let day = date_time.get(..10).unwrap_or_default();
        let options = long_date();
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        let date = js_sys::Date::new(&format!("{day}T12:00:00Z").into());
        if date.get_time().is_nan() {
            return day.to_string();
        }
        date.to_locale_date_string(lang, &options).into()
    }

    #[cfg(plus)]
    fn save_file(&self, name: &str, contents: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(contents));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/fhir+json");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        // A `blob:` address is this page's own memory: the download makes no request.
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let link = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.create_element("a").ok())
            .and_then(|link| link.dyn_into::<HtmlElement>().ok());
        if let Some(link) = link {
            let _ = link.set_attribute("href", &url);
            let _ = link.set_attribute("download", name);
            link.click();
        }
        // Some browsers start the download after the click returns: free the memory later.
        gloo_timers::callback::Timeout::new(60_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }

    #[cfg(plus)]
    fn read_file(&self, file: web_sys::File, done: yew::Callback<Option<Vec<u8>>>) {
        let Ok(reader) = web_sys::FileReader::new() else {
            done.emit(None);
            return;
        };
        let finished = reader.clone();
        let failed = done.clone();
        // `loadend` comes once, after success or failure alike.
        let on_end = Closure::once_into_js(move || {
            let bytes = finished
                .result()
                .ok()
                .filter(|result| result.is_instance_of::<js_sys::ArrayBuffer>())
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            done.emit(bytes);
        });
        reader.set_onloadend(Some(on_end.unchecked_ref()));
        if reader.read_as_array_buffer(&file).is_err() {
            reader.set_onloadend(None);
            failed.emit(None);
        }
    }

    fn print(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let adopted = js_sys::Reflect::get(&document, &"adoptedStyleSheets".into())
            .ok()
            .and_then(|sheets| sheets.dyn_into::<js_sys::Array>().ok());
        let sheet = CssStyleSheet::new()
            .ok()
            .filter(|sheet| sheet.replace_sync(PRINT_ISOLATION).is_ok());
        if let (Some(adopted), Some(sheet)) = (&adopted, &sheet) {
            let with_ours = adopted.concat(&js_sys::Array::of1(sheet));
            let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &with_ours);
        }
        let _ = self.element.set_attribute("data-selfcheck-printing", "");
        // Blocks until the print dialog closes.
        let _ = window.print();
        let _ = self.element.remove_attribute("data-selfcheck-printing");
        if let Some(adopted) = adopted {
            let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &adopted);
        }
    }
}
