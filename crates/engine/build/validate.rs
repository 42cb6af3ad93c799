//! Checks on the data beyond its shape: counts, ranges, order, links and numbers.

use crate::check;
use crate::model::*;

pub type Report<'a> = &'a mut dyn FnMut(&str, String);

/// Scores must run one way: the order the options are shown in is the order of
/// the paper form, and a shuffled scale is far more likely a typo than a design.
fn check_options(options: &[u8], field: &str, report: Report) {
    if options.len() < 2 {
        report(
            field,
            format!("{} options; at least 2 are needed", options.len()),
        );
    }
    let up = options.windows(2).all(|w| w[0] < w[1]);
    let down = options.windows(2).all(|w| w[0] > w[1]);
    if !up && !down {
        let scores: Vec<_> = options.iter().map(|o| o.to_string()).collect();
        report(
            field,
            format!(
                "option scores are out of order ({}); they must strictly rise or strictly fall",
                scores.join(", ")
            ),
        );
    }
}

fn is_snake_case(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A data file's `id` must be the one its file is named for.
fn check_id(id: &str, expected_id: &str, report: Report) {
    if id != expected_id {
        report(
            "id",
            format!("is `{id}`, but the file is named for `{expected_id}`"),
        );
    }
}

impl InstrumentFile {
    /// LOINC codes: one per item and per option, each well formed with a check digit that fits,
    /// none twice, and the source citing loinc.org. A swap of two valid codes passes here; the
    /// tests pin each item's code by its wording.
    fn check_loinc(&self, loinc: &LoincIn, report: Report) {
        if !loinc.source.contains("loinc.org") {
            report("loinc.source", "must cite loinc.org".into());
        }
        if loinc.items.len() != self.items || loinc.answers.len() != loinc.items.len() {
            report(
                "loinc.items",
                format!(
                    "{} item codes and {} answer lists for {} items",
                    loinc.items.len(),
                    loinc.answers.len(),
                    self.items
                ),
            );
        }
        for (item, answers) in loinc.answers.iter().enumerate() {
            if answers.len() != self.options.len() {
                report(
                    &format!("loinc.answers.{item}"),
                    format!("{} codes for {} options", answers.len(), self.options.len()),
                );
            }
        }
        let mut terms: Vec<&str> = vec![&loinc.panel, &loinc.total];
        terms.extend(loinc.items.iter().map(String::as_str));
        let mut answers: Vec<&str> = loinc.answers.iter().flatten().map(String::as_str).collect();
        if let Some(follow_up) = &loinc.follow_up {
            terms.push(&follow_up.code);
            answers.extend(follow_up.answers.iter().map(String::as_str));
            let options = self.follow_up.as_ref().map_or(0, |f| f.options.len());
            if follow_up.answers.len() != options {
                report(
                    "loinc.follow_up.answers",
                    format!("{} codes for {options} options", follow_up.answers.len()),
                );
            }
        }
        for code in &terms {
            if !loinc::is_term(code) {
                report(
                    "loinc",
                    format!("`{code}` is not a LOINC code with a fitting check digit"),
                );
            }
        }
        for code in &answers {
            if !loinc::is_answer(code) {
                report(
                    "loinc",
                    format!("`{code}` is not a LOINC answer code with a fitting check digit"),
                );
            }
        }
        let mut sorted = terms.clone();
        sorted.sort_unstable();
        if let Some(twice) = sorted.windows(2).find(|w| w[0] == w[1]) {
            report("loinc", format!("`{}` is listed twice", twice[0]));
        }
    }

    pub fn check(&self, expected_id: &str, report: Report) {
        check_id(&self.id, expected_id, report);
        if let Err(why) = check::text(&self.short_name, 40) {
            report("short_name", why);
        }
        if self.sources.is_empty() {
            report(
                "sources",
                "is empty; cite at least the validation paper".into(),
            );
        }
        match self.count_max {
            None => check_options(&self.options, "options", report),
            Some(count_max) => {
                if !self.options.is_empty() || self.items != 1 || self.screener.is_some() {
                    report(
                        "count_max",
                        "a count instrument has no options, one item (its question) and no screener".into(),
                    );
                }
                if count_max == 0 || self.scoring.max != 255 {
                    report(
                        "count_max",
                        "must be above 0, and scoring.max 255 (the total is the count, capped)"
                            .into(),
                    );
                }
            }
        }
        if self.items == 0 || self.items > 64 {
            report(
                "items",
                format!("{} items; 1 to 64 are supported", self.items),
            );
        }
        if let Some(loinc) = &self.loinc {
            self.check_loinc(loinc, report);
        }
        if let Some(note) = &self.item_note {
            if note.items.is_empty()
                || note
                    .items
                    .iter()
                    .any(|&i| i == 0 || i as usize > self.items)
            {
                report(
                    "item_note.items",
                    format!("must list items numbered 1..={}", self.items),
                );
            }
        }
        let top = self.options.iter().copied().max().unwrap_or(0);
        let has_score = |v: u8| self.options.contains(&v);
        let s = &self.scoring;
        let max = top as usize * self.items;
        if self.count_max.is_none() && s.max as usize != max {
            report(
                "scoring.max",
                format!(
                    "is {}, but {} items scored 0-{top} total {max}",
                    s.max, self.items
                ),
            );
        }
        if let Some(change) = &s.meaningful_change {
            if change.points == 0 || change.points > s.max || change.source.trim().is_empty() {
                report(
                    "scoring.meaningful_change",
                    format!(
                        "is {} points; it must be within 1..={} and cite its source",
                        change.points, s.max
                    ),
                );
            }
        }
        if s.positive_at == 0 || s.positive_at > s.max {
            report(
                "scoring.positive_at",
                format!("is {}; it must be within 1..={}", s.positive_at, s.max),
            );
        }
        if let Some(consider_at) = s.consider_at {
            let lowest_cutoff = s
                .cutoff_choice
                .as_ref()
                .and_then(|c| c.choices.iter().copied().min())
                .unwrap_or(s.positive_at)
                .min(s.positive_at);
            if consider_at == 0 || consider_at >= lowest_cutoff {
                report(
                    "scoring.consider_at",
                    format!("is {consider_at}; it must be within 1..{lowest_cutoff}"),
                );
            }
        }
        if s.consider_at.is_some() != s.consider_source.is_some() {
            report(
                "scoring.consider_source",
                "consider_at and consider_source go together".into(),
            );
        }
        if let Some(choice) = &s.cutoff_choice {
            let attribute_ok = choice.attribute.ends_with("-cutoff")
                && choice
                    .attribute
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !attribute_ok {
                report(
                    "scoring.cutoff_choice.attribute",
                    format!(
                        "`{}` must be kebab-case ending in `-cutoff`",
                        choice.attribute
                    ),
                );
            }
            if !choice.choices.contains(&s.positive_at) {
                report(
                    "scoring.cutoff_choice.choices",
                    format!("must include the default, positive_at {}", s.positive_at),
                );
            }
            // Read as one digit everywhere (attribute, JSON, scorer), so `04` is never a cut-off.
            if choice.choices.iter().any(|&c| c == 0 || c > 9 || c > s.max)
                || !choice.choices.windows(2).all(|w| w[0] < w[1])
            {
                report(
                    "scoring.cutoff_choice.choices",
                    format!("must rise, each within 1..=9 and at most {}", s.max),
                );
            }
        }
        self.check_bands(report);
        match (s.crisis_item, s.crisis_at) {
            (None, None) => {}
            (Some(item), Some(at)) => {
                if item == 0 || item as usize > self.items {
                    report(
                        "scoring.crisis_item",
                        format!("is {item}; items are numbered 1..={}", self.items),
                    );
                }
                if at == 0 || !has_score(at) {
                    report(
                        "scoring.crisis_at",
                        format!("is {at}; it must be a non-zero option score"),
                    );
                }
            }
            _ => report("scoring", "crisis_item and crisis_at go together".into()),
        }
        if let Some(sc) = &self.screener {
            if sc.items == 0 || sc.items as usize >= self.items {
                report(
                    "screener.items",
                    format!("is {}; it must be within 1..{}", sc.items, self.items),
                );
            }
            let sc_max = top * sc.items;
            if sc.positive_at == 0 || sc.positive_at > sc_max {
                report(
                    "screener.positive_at",
                    format!("is {}; it must be within 1..={sc_max}", sc.positive_at),
                );
            }
            if let Err(why) = check::text(&sc.short_name, 40) {
                report("screener.short_name", why);
            }
        }
        if let Some(g) = &self.gate {
            if !is_snake_case(&g.key) {
                report("gate.key", format!("`{}` is not snake_case", g.key));
            }
            check_options(&g.options, "gate.options", report);
            if !g.options.contains(&g.continue_when) {
                report(
                    "gate.continue_when",
                    format!("{} is not one of the gate's option scores", g.continue_when),
                );
            }
        }
        if let Some(f) = &self.follow_up {
            if !is_snake_case(&f.key) {
                report("follow_up.key", format!("`{}` is not snake_case", f.key));
            }
            if f.asked_when != "any_item_above_zero" {
                report(
                    "follow_up.asked_when",
                    format!(
                        "`{}` is not supported; the engine knows `any_item_above_zero`",
                        f.asked_when
                    ),
                );
            }
            check_options(&f.options, "follow_up.options", report);
        }
    }

    /// Bands are either absent or tile 0..=max with no gap and no overlap, so every
    /// total has exactly one band; bands marked partial only rise without overlap.
    fn check_bands(&self, report: Report) {
        let bands = &self.scoring.bands;
        let partial = self.scoring.bands_partial;
        if partial && bands.is_empty() {
            report(
                "scoring.bands_partial",
                "is true, but there are no bands".into(),
            );
        }
        let mut next = 0u16;
        for (i, b) in bands.iter().enumerate() {
            if !is_snake_case(&b.id) {
                report(
                    &format!("scoring.bands[{i}].id"),
                    format!("`{}` is not snake_case", b.id),
                );
            }
            let starts_wrong = if partial {
                u16::from(b.min) < next
            } else {
                u16::from(b.min) != next
            };
            if starts_wrong || b.max < b.min || b.max > self.scoring.max {
                report(
                    &format!("scoring.bands[{i}]"),
                    format!("is {}..={}; bands must tile 0..={} in order, this one should start at {next}", b.min, b.max, self.scoring.max),
                );
            }
            next = u16::from(b.max) + 1;
        }
        if !partial && !bands.is_empty() && next != u16::from(self.scoring.max) + 1 {
            report(
                "scoring.bands",
                format!(
                    "end at {}, not at the maximum {}",
                    next - 1,
                    self.scoring.max
                ),
            );
        }
    }
}

impl CrisisFile {
    pub fn check(&self, report: Report) {
        if self.regions.is_empty() {
            report("regions", "is empty".into());
        }
        for (i, r) in self.regions.iter().enumerate() {
            let at = format!("regions[{i}]");
            if r.code.len() != 2 || !r.code.chars().all(|c| c.is_ascii_uppercase()) {
                report(
                    &format!("{at}.code"),
                    format!("`{}` is not an upper-case ISO 3166-1 alpha-2 code", r.code),
                );
            }
            if self.regions[..i].iter().any(|o| o.code == r.code) {
                report(&format!("{at}.code"), format!("`{}` appears twice", r.code));
            }
            if r.sources.is_empty() {
                report(
                    &format!("{at}.sources"),
                    "is empty; say where the numbers come from".into(),
                );
            }
            for (j, s) in r.sources.iter().enumerate() {
                if let Err(why) = check::url(s) {
                    report(&format!("{at}.sources[{j}]"), why);
                }
            }
            if let Err(why) = check::phone(&r.emergency.number) {
                report(&format!("{at}.emergency.number"), why);
            }
            for (j, res) in r.resources.iter().enumerate() {
                let at = format!("{at}.resources[{j}]");
                if res.phone.is_none() && res.sms.is_none() && res.url.is_none() {
                    report(&at, "has none of phone, sms, url".into());
                }
                let numbers = [
                    (&res.phone, &res.phone_display, "phone"),
                    (&res.sms, &res.sms_display, "sms"),
                ];
                for (value, display, field) in numbers {
                    if let Some(Err(why)) = value.as_deref().map(check::phone) {
                        report(&format!("{at}.{field}"), why);
                    }
                    // Dialable strings are digits only, so a `tel:`/`sms:` link needs no cleaning.
                    if value
                        .as_deref()
                        .is_some_and(|v| !v.chars().all(|c| c.is_ascii_digit() || c == '+'))
                    {
                        report(&format!("{at}.{field}"), "must be dialable: digits (and a leading +) only; put the grouping in the _display field".into());
                    }
                    if let Some(Err(why)) = display.as_deref().map(check::phone) {
                        report(&format!("{at}.{field}_display"), why);
                    }
                    if value.is_some() != display.is_some() {
                        report(
                            &format!("{at}.{field}_display"),
                            format!("must be given exactly when {field} is"),
                        );
                    }
                }
                if let Some(Err(why)) = res.url.as_deref().map(check::url) {
                    report(&format!("{at}.url"), why);
                }
            }
        }
    }
}

/// The answer kinds a pre-check question can have, with the values each gives.
pub const PRECHECK_ANSWERS: [(&str, &[u8]); 2] =
    [("yes_no_unsure", &[1, 0, 2]), ("count", &[0, 1, 2, 3])];

impl PrecheckFile {
    pub fn check(&self, expected_id: &str, report: Report) {
        check_id(&self.id, expected_id, report);
        if self.sources.is_empty() {
            report(
                "sources",
                "is empty; cite where the questions come from".into(),
            );
        }
        if self.questions.is_empty() || self.questions.len() > 32 {
            report("questions", "1 to 32 questions are supported".into());
        }
        for (i, q) in self.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            if !is_snake_case(&q.key) {
                report(
                    &format!("{at}.key"),
                    format!("`{}` is not snake_case", q.key),
                );
            }
            if self.questions[..i].iter().any(|o| o.key == q.key) {
                report(&format!("{at}.key"), format!("`{}` appears twice", q.key));
            }
            if q.source.trim().is_empty() {
                report(
                    &format!("{at}.source"),
                    "must cite the passage behind the question".into(),
                );
            }
            match PRECHECK_ANSWERS.iter().find(|(kind, _)| *kind == q.answers) {
                None => report(
                    &format!("{at}.answers"),
                    format!("`{}` is none of yes_no_unsure, count", q.answers),
                ),
                Some((_, values)) => {
                    if q.topic_when.is_empty() || q.topic_when.iter().any(|v| !values.contains(v)) {
                        report(
                            &format!("{at}.topic_when"),
                            format!("must list some of the answer values {values:?}"),
                        );
                    }
                }
            }
        }
    }
}

/// LOINC's check digits (LOINC Users' Guide, "Calculating Mod 10 check digits").
pub mod loinc {
    /// A term (`44250-9`): digits, a hyphen and the mod-10 check digit of the digits: from the
    /// right, every other digit doubled starting with the last, the digits of the results summed.
    pub fn is_term(code: &str) -> bool {
        let Some((number, check)) = code.split_once('-') else {
            return false;
        };
        let digits: Option<Vec<u32>> = number.chars().map(|c| c.to_digit(10)).collect();
        let Some(digits) = digits.filter(|d| (1..=7).contains(&d.len())) else {
            return false;
        };
        let sum: u32 = digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                if i % 2 == 0 {
                    2 * d / 10 + 2 * d % 10
                } else {
                    d
                }
            })
            .sum();
        check.len() == 1
            && check.chars().next().and_then(|c| c.to_digit(10)) == Some((10 - sum % 10) % 10)
    }

    /// An answer (`LA6568-5`): `LA`, digits, a hyphen and the check digit the guide gives for
    /// LA codes, OpenMRS's Luhn variant over the whole code before the hyphen (each character
    /// counted as its ASCII value less 48).
    pub fn is_answer(code: &str) -> bool {
        let Some((body, check)) = code.split_once('-') else {
            return false;
        };
        if !body.starts_with("LA")
            || body.len() < 3
            || !body[2..].bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        let sum: i64 = body
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = i64::from(b) - 48;
                if i % 2 == 0 {
                    2 * d - (d / 5) * 9
                } else {
                    d
                }
            })
            .sum();
        let expected = (10 - (sum.abs() + 10) % 10) % 10;
        check.len() == 1 && check.parse::<i64>().ok() == Some(expected)
    }
}
