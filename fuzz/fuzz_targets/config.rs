//! Configuration parsing never panics, and its answer is coherent: a config has a
//! non-empty list of distinct instruments; a refusal names at least one problem,
//! each with a field and a message.
//!
//! Input: `JSON \0 name=value \0 name=value …`; a leading `\x01` means no JSON.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck_engine::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (json, rest) = match text.strip_prefix('\u{1}') {
        Some(rest) => (None, rest),
        None => {
            let mut parts = text.splitn(2, '\0');
            (parts.next(), parts.next().unwrap_or(""))
        }
    };
    let attributes: Vec<(&str, &str)> = rest
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(|s| s.split_once('=').unwrap_or((s, "")))
        .collect();
    match Config::parse(json, &attributes) {
        Ok(config) => {
            assert!(!config.instruments.is_empty());
            for (i, id) in config.instruments.iter().enumerate() {
                assert!(!config.instruments[..i].contains(id));
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                assert!(!p.field.is_empty() && !p.message.is_empty());
                let _ = p.to_string();
            }
        }
    }
});
