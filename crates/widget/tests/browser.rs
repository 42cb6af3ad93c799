//! The widget mounted into a real element in headless Chromium (wasm-bindgen-test): the embed
//! layer's contract with the page — shadow root, attributes, events, storage, unmount.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host(attributes: &[(&str, &str)]) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Records the names (and JSON details) of events the element dispatches.
fn record(host: &HtmlElement, names: &[&str]) -> Rc<RefCell<Vec<(String, String)>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    for name in names {
        let seen = seen.clone();
        let listener =
            Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
                let detail = js_sys::JSON::stringify(&event.detail())
                    .map(String::from)
                    .unwrap_or_default();
                seen.borrow_mut().push((event.type_(), detail));
            });
        host.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .unwrap();
        listener.forget();
    }
    seen
}

fn shadow_query_count(host: &HtmlElement, selector: &str) -> u32 {
    host.shadow_root()
        .expect("an open shadow root")
        .query_selector_all(selector)
        .unwrap()
        .length()
}

fn click(host: &HtmlElement, selector: &str) {
    let element: HtmlElement = host
        .shadow_root()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn mounting_renders_the_intro_inside_an_open_shadow_root_and_unmount_removes_it() {
    let host = host(&[]);
    let seen = record(&host, &["selfcheck:ready"]);
    let mut mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(shadow_query_count(&host, ".intro"), 1);
    assert_eq!(seen.borrow().len(), 1, "ready fired once");
    mounted.unmount();
    yew::scheduler::flush().await;
    assert_eq!(shadow_query_count(&host, ".intro"), 0);
}

#[wasm_bindgen_test]
async fn start_shows_the_first_question_and_fires_start() {
    let host = host(&[("instruments", "gad7"), ("resume", "off")]);
    let seen = record(&host, &["selfcheck:start"]);
    let _mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    click(&host, ".intro .primary");
    yew::scheduler::flush().await;
    assert_eq!(shadow_query_count(&host, "fieldset input[type=radio]"), 4);
    assert_eq!(
        seen.borrow()
            .iter()
            .filter(|(name, _)| name == "selfcheck:start")
            .count(),
        1
    );
}

#[wasm_bindgen_test]
async fn an_invalid_attribute_shows_a_message_and_fires_error_with_the_field() {
    let host = host(&[("instruments", "phq9 nope")]);
    let seen = record(&host, &["selfcheck:error"]);
    let _mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(shadow_query_count(&host, ".config-error"), 1);
    let events = seen.borrow();
    assert_eq!(events.len(), 1);
    assert!(
        events[0].1.contains("\"field\":\"instruments"),
        "{}",
        events[0].1
    );
}

#[wasm_bindgen_test]
async fn reconfigure_applies_a_changed_attribute() {
    let host = host(&[("lang", "en"), ("resume", "off")]);
    let mut mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    let shadow = host.shadow_root().unwrap();
    assert!(shadow.text_content().unwrap().contains("Start"));
    host.set_attribute("lang", "es").unwrap();
    mounted.reconfigure();
    yew::scheduler::flush().await;
    assert!(shadow.text_content().unwrap().contains("Comenzar"));
}

#[wasm_bindgen_test]
async fn json_configuration_from_mount_is_used_and_attributes_override_it() {
    let host = host(&[("lang", "es"), ("resume", "off")]);
    let _mounted = selfcheck_widget::mount(
        host.clone(),
        Some(r#"{"instruments":["pcptsd5"],"lang":"en"}"#.into()),
    )
    .unwrap();
    yew::scheduler::flush().await;
    let text = host.shadow_root().unwrap().text_content().unwrap();
    assert!(text.contains("PC-PTSD-5"));
    assert!(!text.contains("PHQ-9"));
    assert!(
        text.contains("Comenzar"),
        "the lang attribute wins over the JSON"
    );
}

#[wasm_bindgen_test]
async fn progress_is_kept_in_session_storage_and_cleared_by_start_over() {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.clear().unwrap();
    let host = host(&[("instruments", "gad7")]);
    let _mounted = selfcheck_widget::mount(host.clone(), None).unwrap();
    yew::scheduler::flush().await;
    click(&host, ".intro .primary");
    yew::scheduler::flush().await;
    click(&host, "input[value='2']");
    yew::scheduler::flush().await;
    let kept = storage
        .get_item("selfcheck.v1")
        .unwrap()
        .expect("progress kept");
    assert!(kept.contains("gad7"));
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    assert_eq!(keys, ["selfcheck.v1"], "one key, nothing else");
    click(&host, ".nav .secondary"); // Back to the intro
    yew::scheduler::flush().await;
    click(&host, ".intro .primary");
    yew::scheduler::flush().await;
    // Start again continues at the first open question; one step back is the answered one.
    assert_eq!(shadow_query_count(&host, "input:checked"), 0);
    click(&host, ".nav .secondary");
    yew::scheduler::flush().await;
    assert_eq!(
        shadow_query_count(&host, "input:checked"),
        1,
        "Back kept the answer"
    );
    click(&host, ".nav .secondary");
    yew::scheduler::flush().await;
    assert_eq!(shadow_query_count(&host, ".intro"), 1);
    assert!(
        storage.get_item("selfcheck.v1").unwrap().is_some(),
        "kept while on the intro"
    );
    click(&host, ".intro .secondary"); // Start over
    yew::scheduler::flush().await;
    assert_eq!(
        storage.get_item("selfcheck.v1").unwrap(),
        None,
        "Start over leaves nothing stored"
    );
    assert_eq!(storage.length().unwrap(), 0);
}
