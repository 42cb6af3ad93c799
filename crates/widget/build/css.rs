//! A small CSS minifier for the widget's own stylesheet, which ships inside the wasm: comments
//! and layout whitespace go, nothing else changes. It knows only what widget.css uses (no
//! whitespace inside strings, no `+`/`-` outside `calc()` that a space would disambiguate).

/// Characters around which whitespace carries no meaning.
const TIGHT: &[char] = &['{', '}', ';', ',', '>'];

pub fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => rest = "",
        }
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for c in without_comments.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        // A space survives only between two things that would otherwise merge: never next to
        // punctuation that ends or separates, and never after a colon (but kept before one,
        // where `a :hover` and `a:hover` differ).
        let last = out.chars().last();
        let drop =
            TIGHT.contains(&c) || c == '!' || last.is_some_and(|l| TIGHT.contains(&l) || l == ':');
        if pending_space && !drop {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}
