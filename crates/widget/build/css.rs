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

/// The stylesheet for the default build: without the block between `/* plus:` and
/// `/* end plus */`, which styles what only selfcheck-plus.js draws. The block must be there
/// once, or the build says so rather than shipping the wrong stylesheet.
pub fn without_plus(css: &str) -> Result<String, String> {
    const START: &str = "/* plus:";
    const END: &str = "/* end plus */";
    match (css.find(START), css.find(END)) {
        (Some(start), Some(end))
            if start < end && css.matches(START).count() == 1 && css.matches(END).count() == 1 =>
        {
            Ok(format!("{}{}", &css[..start], &css[end + END.len()..]))
        }
        _ => Err(format!("expected one `{START} …` block closed by `{END}`")),
    }
}
