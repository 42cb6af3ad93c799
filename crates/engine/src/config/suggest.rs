//! "Did you mean" hints for misspelt keys and values.

/// The candidate a misspelling most likely meant: the same once case, `-` and `_`
/// are ignored (`clinic_name` for `clinicName`), or within a small edit distance.
pub fn closest(found: &str, candidates: &[&'static str]) -> Option<&'static str> {
    // ASCII case only: every candidate is ASCII, so a non-ASCII letter differs from all of them
    // in either case, and Unicode's case tables would cost the wasm about 2 kB.
    let squash = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    // Anything much longer than the longest candidate is no misspelling; skipping it
    // also keeps the quadratic distance cheap on hostile input.
    if found.chars().count() > 40 {
        return None;
    }
    let found = squash(found);
    let limit = match found.len() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    candidates
        .iter()
        .map(|&c| (distance(&found, &squash(c)), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance, with a swap of two neighbours counting as one edit
/// (optimal string alignment), since `emti` is a typo of `emit`.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// `; did you mean `x`?` or nothing.
pub fn hint(found: &str, candidates: &[&'static str]) -> String {
    closest(found, candidates).map_or(String::new(), |c| format!("; did you mean `{c}`?"))
}

/// `` `a`, `b` or `c` ``
pub fn list(candidates: &[&str]) -> String {
    let quoted: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["clinicName", "bookingUrl", "bookingLabel", "emit", "mode"];

    #[test]
    fn case_and_separators_do_not_count_as_edits() {
        assert_eq!(closest("clinic_name", KEYS), Some("clinicName"));
        assert_eq!(closest("Booking-URL", KEYS), Some("bookingUrl"));
    }

    #[test]
    fn small_typos_and_swaps_find_their_key() {
        assert_eq!(closest("clinicNme", KEYS), Some("clinicName"));
        assert_eq!(closest("emti", KEYS), Some("emit"));
        assert_eq!(closest("bookingLable", KEYS), Some("bookingLabel"));
    }

    #[test]
    fn a_non_ascii_letter_is_one_edit_in_either_case() {
        // Only ASCII case is folded (every candidate is ASCII): `É` and `é` each differ from the
        // `l` they replace by one edit, so both find the key, and neither finds it at distance 0.
        assert_eq!(closest("bookingUrÉ", KEYS), Some("bookingUrl"));
        assert_eq!(closest("bookingUré", KEYS), Some("bookingUrl"));
        assert_eq!(closest("ÉMIT", KEYS), Some("emit"));
        assert_eq!(closest("ÉÉÉÉ", KEYS), None);
    }

    #[test]
    fn unrelated_words_get_no_hint() {
        assert_eq!(closest("theme", KEYS), None);
        assert_eq!(closest("x", KEYS), None);
        assert_eq!(hint("colour", KEYS), "");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&["full", "adaptive"]), "`full` or `adaptive`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(list(&["a"]), "`a`");
    }
}
