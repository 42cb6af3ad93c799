//! The widget mounted into a real element in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn mounting_renders_a_radio_group_inside_an_open_shadow_root() {
    let host = host();
    let mut mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    let shadow = host.shadow_root().expect("an open shadow root");
    let radios = shadow.query_selector_all("fieldset input[type=radio]").unwrap();
    assert_eq!(radios.length(), 4);
    mounted.unmount();
    yew::scheduler::flush().await;
    assert_eq!(shadow.query_selector_all("fieldset").unwrap().length(), 0);
}
