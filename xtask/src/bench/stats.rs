//! The numbers of `cargo xtask bench`: min / median / max, ratios, budgets and the printed
//! table. Pure functions, tested natively; the browser half only collects samples.

use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

/// Min, median (the mean of the two middle values for an even count) and max; `None` for no
/// values. NaNs are not samples and are left out.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = match n {
        0 => return None,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
    Some(Summary {
        min: sorted[0],
        median,
        max: sorted[n - 1],
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Ms,
    Bytes,
    Count,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Ms => "ms",
            Unit::Bytes => "bytes",
            Unit::Count => "count",
        }
    }

    /// A value as the table shows it: `12.3 ms`, `1.25 MB`, `4`.
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Ms if value < 100.0 => format!("{value:.1} ms"),
            Unit::Ms => format!("{value:.0} ms"),
            Unit::Bytes if value >= 1e6 => format!("{:.2} MB", value / 1e6),
            Unit::Bytes => format!("{:.1} kB", value / 1e3),
            Unit::Count => format!("{value:.0}"),
        }
    }
}

/// One figure at one throttle setting, for both products.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub figure: &'static str,
    pub unit: Unit,
    /// CPU slow-down factor (1 = none).
    pub throttle: u32,
    pub ours: Option<Summary>,
    pub peer: Option<Summary>,
}

impl Row {
    /// selfcheck ÷ SurveyJS, of the medians; `None` when either is missing or the peer's is 0.
    pub fn ratio(&self) -> Option<f64> {
        match (self.ours, self.peer) {
            (Some(ours), Some(peer)) if peer.median != 0.0 => Some(ours.median / peer.median),
            _ => None,
        }
    }

    pub fn to_json(&self) -> Value {
        let summary = |s: Option<Summary>| match s {
            Some(s) => json!({ "min": s.min, "median": s.median, "max": s.max }),
            None => Value::Null,
        };
        json!({
            "figure": self.figure,
            "unit": self.unit.name(),
            "throttle": self.throttle,
            "selfcheck": summary(self.ours),
            "surveyjs": summary(self.peer),
            "ratio": self.ratio(),
        })
    }
}

fn three(unit: Unit, summary: Option<Summary>) -> String {
    match summary {
        Some(s) => format!(
            "{} / {} / {}",
            unit.show(s.min),
            unit.show(s.median),
            unit.show(s.max)
        ),
        None => "—".into(),
    }
}

/// The printed table: one line per figure and throttle, min / median / max for each product
/// and the ratio of the medians.
pub fn table(rows: &[Row]) -> String {
    let mut lines = vec![(
        "figure".to_string(),
        "cpu".to_string(),
        "selfcheck min / median / max".to_string(),
        "SurveyJS min / median / max".to_string(),
        "ratio".to_string(),
    )];
    for row in rows {
        lines.push((
            row.figure.to_string(),
            format!("{}x", row.throttle),
            three(row.unit, row.ours),
            three(row.unit, row.peer),
            row.ratio().map_or("—".into(), |r| format!("{r:.2}")),
        ));
    }
    let width = |pick: fn(&(String, String, String, String, String)) -> &String| {
        lines
            .iter()
            .map(|line| pick(line).chars().count())
            .max()
            .unwrap_or(0)
    };
    let w = [
        width(|l| &l.0),
        width(|l| &l.1),
        width(|l| &l.2),
        width(|l| &l.3),
        width(|l| &l.4),
    ];
    let pad = |text: &str, width: usize| {
        format!(
            "{text}{}",
            " ".repeat(width.saturating_sub(text.chars().count()))
        )
    };
    let mut out = String::new();
    for line in &lines {
        out.push_str(
            format!(
                "{}  {}  {}  {}  {}",
                pad(&line.0, w[0]),
                pad(&line.1, w[1]),
                pad(&line.2, w[2]),
                pad(&line.3, w[3]),
                line.4
            )
            .trim_end(),
        );
        out.push('\n');
    }
    out
}

/// One budget line: PASS or FAIL, and what was compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    pub pass: bool,
    pub line: String,
}

impl Budget {
    pub fn to_json(&self) -> Value {
        json!({ "pass": self.pass, "line": self.line })
    }
}

fn verdict(pass: bool) -> &'static str {
    if pass {
        "PASS"
    } else {
        "FAIL"
    }
}

/// Median time to first question at 4× throttle at most half of SurveyJS's.
pub fn first_question_budget(row: &Row) -> Budget {
    match (row.ours, row.peer, row.ratio()) {
        (Some(ours), Some(peer), Some(ratio)) => {
            let pass = ratio <= 0.5;
            Budget {
                pass,
                line: format!(
                    "{}  time to first question at {}x CPU: median {} = {ratio:.2} × SurveyJS's {} (budget ≤ 0.50×)",
                    verdict(pass),
                    row.throttle,
                    Unit::Ms.show(ours.median),
                    Unit::Ms.show(peer.median)
                ),
            }
        }
        _ => Budget {
            pass: false,
            line: "FAIL  time to first question: not measured".into(),
        },
    }
}

/// Median from an answer's activation to the next question painted, at 4× throttle: ≤ 16 ms.
pub fn next_question_budget(row: &Row) -> Budget {
    match row.ours {
        Some(ours) => {
            let pass = ours.median <= 16.0;
            Budget {
                pass,
                line: format!(
                    "{}  answer chosen → next question painted at {}x CPU: median {} (budget ≤ 16 ms)",
                    verdict(pass),
                    row.throttle,
                    Unit::Ms.show(ours.median)
                ),
            }
        }
        None => Budget {
            pass: false,
            line: "FAIL  answer chosen → next question painted: not measured".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(min: f64, median: f64, max: f64) -> Option<Summary> {
        Some(Summary { min, median, max })
    }

    #[test]
    fn an_odd_count_has_the_middle_value_as_median() {
        assert_eq!(summarize(&[5.0, 1.0, 3.0]), s(1.0, 3.0, 5.0));
    }

    #[test]
    fn an_even_count_has_the_mean_of_the_two_middle_values_as_median() {
        assert_eq!(summarize(&[4.0, 1.0, 2.0, 10.0]), s(1.0, 3.0, 10.0));
    }

    #[test]
    fn no_samples_have_no_summary_and_nans_are_not_samples() {
        assert_eq!(summarize(&[]), None);
        assert_eq!(summarize(&[f64::NAN]), None);
        assert_eq!(summarize(&[f64::NAN, 2.0]), s(2.0, 2.0, 2.0));
    }

    #[test]
    fn the_ratio_is_ours_over_the_peers_median() {
        let row = Row {
            figure: "time to first question",
            unit: Unit::Ms,
            throttle: 4,
            ours: s(90.0, 100.0, 120.0),
            peer: s(300.0, 400.0, 500.0),
        };
        assert_eq!(row.ratio(), Some(0.25));
        let no_peer = Row {
            peer: s(0.0, 0.0, 0.0),
            ..row.clone()
        };
        assert_eq!(no_peer.ratio(), None);
        assert_eq!(row.to_json()["ratio"], 0.25);
        assert_eq!(row.to_json()["selfcheck"]["median"], 100.0);
    }

    #[test]
    fn the_first_question_budget_is_half_of_the_peers_median() {
        let row = |ours: f64| Row {
            figure: "time to first question",
            unit: Unit::Ms,
            throttle: 4,
            ours: s(ours, ours, ours),
            peer: s(800.0, 1000.0, 1200.0),
        };
        assert!(first_question_budget(&row(500.0)).pass);
        let fail = first_question_budget(&row(501.0));
        assert!(!fail.pass);
        assert!(fail.line.starts_with("FAIL") && fail.line.contains("0.50"));
        let unmeasured = Row {
            ours: None,
            ..row(1.0)
        };
        assert!(!first_question_budget(&unmeasured).pass);
    }

    #[test]
    fn the_paint_budget_is_sixteen_milliseconds_of_median() {
        let row = |median: f64| Row {
            figure: "answer chosen → next question painted",
            unit: Unit::Ms,
            throttle: 4,
            ours: s(1.0, median, 40.0),
            peer: None,
        };
        assert!(next_question_budget(&row(16.0)).pass);
        assert!(!next_question_budget(&row(16.1)).pass);
        assert!(next_question_budget(&row(9.0)).line.contains("9.0 ms"));
    }

    #[test]
    fn values_are_shown_in_their_unit() {
        assert_eq!(Unit::Ms.show(12.34), "12.3 ms");
        assert_eq!(Unit::Ms.show(1234.4), "1234 ms");
        assert_eq!(Unit::Bytes.show(1_250_000.0), "1.25 MB");
        assert_eq!(Unit::Bytes.show(98_765.0), "98.8 kB");
        assert_eq!(Unit::Count.show(3.0), "3");
    }

    #[test]
    fn the_table_aligns_columns_and_shows_missing_values_as_dashes() {
        let rows = [
            Row {
                figure: "time to first question",
                unit: Unit::Ms,
                throttle: 1,
                ours: s(10.0, 20.0, 30.0),
                peer: s(100.0, 200.0, 300.0),
            },
            Row {
                figure: "wasm memory",
                unit: Unit::Bytes,
                throttle: 4,
                ours: s(1e6, 1e6, 1e6),
                peer: None,
            },
        ];
        let text = table(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains("10.0 ms / 20.0 ms / 30.0 ms"));
        assert!(lines[1].ends_with("0.10"));
        assert!(lines[2].ends_with('—'));
        // Every column starts at the same place on every line.
        let column = |line: &str| {
            line.find("1x")
                .or_else(|| line.find("4x"))
                .or_else(|| line.find("cpu"))
        };
        assert_eq!(column(lines[0]), column(lines[1]));
        assert_eq!(column(lines[1]), column(lines[2]));
    }
}
