//! The bridge to the host page: shadow root, stylesheet, attributes, and the handle the loader
//! (crates/widget/js/loader.js) keeps for `unmount()`.

use selfcheck_engine::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::components::{App, AppProps};

const STYLESHEET: &str = include_str!("../../../styles/widget.css");

/// A mounted widget; the loader calls `unmount()` when the element leaves the page.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }

    pub fn reconfigure(&mut self) {}
}

/// Mounts the widget into `host`'s open shadow root (created if needed).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, _config_json: Option<String>) -> Result<Mounted, JsValue> {
    let shadow = shadow_root(&host)?;
    adopt_stylesheet(&shadow)?;
    // Replace whatever the clinic wrote inside the element (its loading text) and any fallback.
    shadow.set_inner_html("");
    let document = host.owner_document().ok_or("no document")?;
    let container = document.create_element("div")?;
    shadow.append_child(&container)?;
    let lang = host
        .get_attribute("lang")
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default();
    let app = yew::Renderer::<App>::with_root_and_props(container, AppProps { lang }).render();
    Ok(Mounted { app: Some(app) })
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// A constructed stylesheet, not a <style> element: a strict CSP (`style-src 'self'`) blocks the
/// latter but not the former.
fn adopt_stylesheet(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(STYLESHEET)?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(())
}
