//! Checks on single strings, shared by configuration parsing and by `build.rs`
//! (which includes this file with `#[path]`), so the crisis data shipped with the
//! engine passes exactly the rules a clinic's configuration must pass.
//!
//! This file must stay free of `crate::` paths for that reason.

/// Longest value quoted back in a message: a problem report should not echo a
/// megabyte of pasted text.
const QUOTE_MAX: usize = 40;

/// The value as it is shown inside a message: in backticks, cut short if long.
pub fn quote(value: &str) -> String {
    let mut out = String::from("`");
    let mut chars = value.chars();
    for c in chars.by_ref().take(QUOTE_MAX) {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('`');
    out
}

/// A piece of text shown to visitors as data: not empty, not too long, no control
/// characters (a newline or a bidi override would let a value reshape the widget).
pub fn text(value: &str, max_chars: usize) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(if value.is_empty() {
            "is empty; give some text or leave the field out".into()
        } else {
            "is only whitespace; give some text or leave the field out".into()
        });
    }
    let count = value.chars().count();
    if count > max_chars {
        return Err(format!(
            "is {count} characters long; at most {max_chars} are allowed"
        ));
    }
    if let Some(c) = value.chars().find(|&c| is_forbidden(c)) {
        return Err(format!(
            "contains the control character U+{:04X}; only printable text is allowed",
            c as u32
        ));
    }
    Ok(())
}

/// Control characters, plus the bidirectional overrides and isolates that can make
/// text display differently from how it reads (CVE-2021-42574, "Trojan Source").
fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A telephone or SMS number as a visitor would dial it.
pub fn phone(value: &str) -> Result<(), String> {
    if let Some(c) = value
        .chars()
        .find(|&c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.')))
    {
        return Err(format!(
            "{} contains {}; a number may hold only digits, spaces, +, -, (, ) and .",
            quote(value),
            quote(c.encode_utf8(&mut [0; 4]))
        ));
    }
    if !value.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!("{} has no digits", quote(value)));
    }
    Ok(())
}

pub const SCHEMES_ALLOWED: &str = "allowed: https:, mailto:, tel:, and http: only for localhost";

/// A link a visitor may follow. Only schemes that cannot run code or embed content
/// are allowed: `javascript:` and `data:` would turn a configuration value into a
/// script, and plain `http:` would leak the visit to the network, except on a
/// developer's own machine.
pub fn url(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("is empty; {SCHEMES_ALLOWED}"));
    }
    if let Some(c) = value.chars().find(|&c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{} contains whitespace or a control character (U+{:04X}); encode it or remove it",
            quote(value),
            c as u32
        ));
    }
    // Browsers read `\` as `/` in special URLs, so `https:\\evil` would escape any
    // host check a reader of this configuration thinks they see.
    if value.contains('\\') {
        return Err(format!("{} contains a backslash", quote(value)));
    }
    let scheme_end = value.find(':').filter(|&end| is_scheme(&value[..end]));
    let Some(end) = scheme_end else {
        return Err(format!(
            "{} is not an absolute URL; {SCHEMES_ALLOWED}",
            quote(value)
        ));
    };
    let (scheme, rest) = (value[..end].to_ascii_lowercase(), &value[end + 1..]);
    match scheme.as_str() {
        "https" => host(value, rest).map(|_| ()),
        "http" => {
            let found = host(value, rest)?;
            if matches!(
                found.to_ascii_lowercase().as_str(),
                "localhost" | "127.0.0.1" | "[::1]"
            ) {
                Ok(())
            } else {
                Err(format!(
                    "{} uses http: on {}; use https:, since http: is allowed only for localhost",
                    quote(value),
                    quote(found)
                ))
            }
        }
        "mailto" => {
            let address = rest.split('?').next().unwrap_or("");
            if address.contains('@') && !address.starts_with('@') && !address.ends_with('@') {
                Ok(())
            } else {
                Err(format!(
                    "{} has no e-mail address; write mailto:name@example.org",
                    quote(value)
                ))
            }
        }
        "tel" => phone(rest).map_err(|why| format!("{}: {why}", quote(value))),
        _ => Err(format!(
            "{} uses the scheme `{scheme}:`, which is not allowed; {SCHEMES_ALLOWED}",
            quote(value)
        )),
    }
}

/// RFC 3986 scheme syntax: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The host of a hierarchical URL, after checking the authority around it.
fn host<'a>(value: &str, rest: &'a str) -> Result<&'a str, String> {
    let Some(after) = rest.strip_prefix("//") else {
        return Err(format!(
            "{} has no `//` and host after the scheme",
            quote(value)
        ));
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    // Credentials in a link are a phishing device (`https://bank.example@evil.example`).
    if authority.contains('@') {
        return Err(format!(
            "{} contains a user name or password before `@`; remove it",
            quote(value)
        ));
    }
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(close) => (&authority[..=close], &authority[close + 1..]),
            None => return Err(format!("{} has an unclosed `[` in its host", quote(value))),
        }
    } else {
        match authority.find(':') {
            Some(colon) => (&authority[..colon], &authority[colon..]),
            None => (authority, ""),
        }
    };
    if host.is_empty() || host == "[]" {
        return Err(format!("{} has an empty host", quote(value)));
    }
    let host_ok = if host.starts_with('[') {
        host[1..host.len() - 1]
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'))
    } else {
        host.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    };
    if !host_ok {
        return Err(format!(
            "{} has an invalid host {}",
            quote(value),
            quote(host)
        ));
    }
    if !port.is_empty() {
        let digits = &port[1..];
        if !port.starts_with(':')
            || digits.is_empty()
            || !digits.chars().all(|c| c.is_ascii_digit())
        {
            return Err(format!(
                "{} has an invalid port {}",
                quote(value),
                quote(port)
            ));
        }
    }
    Ok(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_with_a_host_path_and_port_is_a_url() {
        assert_eq!(url("https://clinic.example:8443/book?x=1#top"), Ok(()));
    }

    #[test]
    fn http_is_allowed_on_loopback_only() {
        assert_eq!(url("http://localhost:8080/"), Ok(()));
        assert_eq!(url("http://127.0.0.1/"), Ok(()));
        assert_eq!(url("http://[::1]:3000"), Ok(()));
        assert!(url("http://clinic.example/").is_err());
        assert!(url("http://localhost.evil.example/").is_err());
    }

    #[test]
    fn script_and_data_schemes_are_refused_in_any_case() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(url(bad).unwrap_err().contains("not allowed"), "{bad}");
        }
    }

    #[test]
    fn relative_and_hostless_urls_are_refused() {
        for bad in [
            "/book",
            "book.html",
            "//clinic.example",
            "https://",
            "https:///x",
            "https:x",
        ] {
            assert!(url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn credentials_backslashes_and_whitespace_are_refused() {
        for bad in [
            "https://a@b.example",
            "https:\\\\b.example",
            "https://b.example/ x",
            " https://b.example",
        ] {
            assert!(url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mailto_needs_an_address_and_tel_needs_digits() {
        assert_eq!(url("mailto:desk@clinic.example?subject=Hi"), Ok(()));
        assert!(url("mailto:").is_err());
        assert!(url("mailto:@x").is_err());
        assert_eq!(url("tel:+1-800-555-0100"), Ok(()));
        assert!(url("tel:call-us").is_err());
    }

    #[test]
    fn phone_numbers_allow_the_usual_punctuation_only() {
        assert_eq!(phone("+44 (0)20 7946.0000"), Ok(()));
        assert!(phone("call 988").is_err());
        assert!(phone("+-()").is_err());
    }

    #[test]
    fn text_refuses_blank_overlong_and_control_characters() {
        assert!(text("", 5).is_err());
        assert!(text("  ", 5).is_err());
        assert!(text("abcdef", 5).is_err());
        assert_eq!(text("ábcdé", 5), Ok(()));
        assert!(text("a\nb", 5).is_err());
        assert!(text("a\u{202E}b", 5).is_err());
    }

    #[test]
    fn quote_cuts_long_values_and_escapes_control_characters() {
        assert_eq!(quote("a\nb"), "`a\\u{a}b`");
        assert_eq!(quote(&"x".repeat(50)), format!("`{}…`", "x".repeat(40)));
    }
}
