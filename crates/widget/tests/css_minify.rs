//! The stylesheet minifier (run by build.rs): it may drop only comments and layout whitespace.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/css.rs"]
mod css;

use css::minify;

#[test]
fn comments_and_layout_whitespace_go() {
    let css = "/* theme */\n.a > .b ,\n.c {\n  color: red ;\n  margin: 0 auto;\n}\n";
    assert_eq!(minify(css), ".a>.b,.c{color:red;margin:0 auto}");
}

#[test]
fn a_descendant_space_before_a_pseudo_class_is_kept() {
    assert_eq!(minify(".a :focus { x: y }"), ".a :focus{x:y}");
    assert_eq!(
        minify(".a:has(input:checked) { x: y }"),
        ".a:has(input:checked){x:y}"
    );
}

#[test]
fn important_and_media_queries_stay_valid() {
    assert_eq!(
        minify("a { display: block !important; }"),
        "a{display:block!important}"
    );
    assert_eq!(
        minify("@media (max-width: 400px) and (hover: none) {\n  a { b: c }\n}"),
        "@media (max-width:400px) and (hover:none){a{b:c}}"
    );
}

#[test]
fn calc_and_functions_keep_their_spaces() {
    assert_eq!(
        minify("a { width: calc(100% - 2em); color: color-mix(in srgb, red 8%, blue); }"),
        "a{width:calc(100% - 2em);color:color-mix(in srgb,red 8%,blue)}"
    );
}

#[test]
fn the_real_stylesheet_shrinks_and_keeps_every_rule() {
    let source = include_str!("../../../styles/widget.css");
    let small = minify(source);
    assert!(
        small.len() < source.len() * 17 / 20,
        "{} → {}",
        source.len(),
        small.len()
    );
    assert_eq!(small.matches('{').count(), small.matches('}').count());
    assert!(!small.contains("/*"));
    for selector in [
        ".option input:checked + span",
        ":host([hidden])",
        "@media print",
        "@media (prefers-color-scheme:dark)",
    ] {
        assert!(small.contains(selector), "{selector}");
    }
}

#[test]
fn the_default_build_leaves_out_the_plus_block_and_nothing_else() {
    let css = ".a { x: y }\n/* plus: notes */\n.note { x: y }\n/* end plus */\n.b { x: y }\n";
    assert_eq!(
        css::without_plus(css).map(|kept| minify(&kept)),
        Ok(".a{x:y}.b{x:y}".to_string())
    );
    assert!(css::without_plus(".a { x: y }").is_err());
    assert!(css::without_plus("/* end plus */ /* plus: x */").is_err());
    assert!(css::without_plus("/* plus: */ /* end plus */ /* plus: */ /* end plus */").is_err());
}

#[test]
fn the_widgets_stylesheet_has_its_plus_block() {
    let css = include_str!("../../../styles/widget.css");
    let kept = css::without_plus(css).unwrap();
    assert!(!kept.contains(".count-input") && css.contains(".count-input"));
}
