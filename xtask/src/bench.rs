//! `cargo xtask bench`: selfcheck against SurveyJS, a widely used survey library, in headless
//! Chromium, so that the size and speed budgets are measured against a real alternative.
//!
//! One run: builds dist/, installs the peer (SurveyJS's framework-free build, pinned in
//! bench/package-lock.json) into bench/node_modules, generates two pages asking the same PHQ-9
//! into target/bench-pages/, serves both from the project's own server (same CSP, same
//! brotli), drives them with Playwright (bench/run.mjs), then prints min / median / max per
//! figure with the ratio selfcheck ÷ SurveyJS and PASS/FAIL per budget, and writes it all as
//! JSON into bench-results/ (git-ignored).

mod stats;

use crate::dist::Sizes;
use crate::util::{project_root, read_file, run as run_command, step, write, Result};
use serde_json::{json, Value};
use stats::{summarize, Row, Unit};
use std::path::{Path, PathBuf};
use std::process::Command;

/// SurveyJS's three files, all that its page loads: (package, file).
const PEER_FILES: [(&str, &str); 3] = [
    ("survey-core", "survey.core.min.js"),
    ("survey-js-ui", "survey-js-ui.min.js"),
    // The build without web fonts: the other one @imports Google Fonts, which a page on this
    // machine cannot reach and a careful clinic would not load (≈1 kB brotli less).
    ("survey-core", "survey-core.fontless.min.css"),
];

/// The scores the harness answers with: an item above 0, so the difficulty question is asked;
/// item 9 at 0, so no crisis screen (SurveyJS has none to compare with). Total 8 of 27.
const ITEM_SCORES: [u8; 9] = [1, 1, 1, 1, 1, 1, 1, 1, 0];
const DIFFICULTY_SCORE: u8 = 1;
const THROTTLES: [u32; 2] = [1, 4];

pub fn run(args: &[String]) -> Result {
    let runs = parse_runs(args)?;
    let root = project_root();
    crate::setup::node_modules()?;
    crate::setup::chromium()?;
    let ours = crate::budget::measure(&crate::budget::widget_files(&{
        crate::dist::build_dist()?;
        root.join("dist")
    })?)?;
    install_peer(&root)?;
    let peer = crate::budget::measure(
        &PEER_FILES
            .iter()
            .map(|(package, file)| root.join("bench/node_modules").join(package).join(file))
            .collect::<Vec<_>>(),
    )?;
    let questionnaire = Questionnaire::read()?;
    generate_pages(&root, &questionnaire)?;

    let address = crate::serve::start_background()?;
    let raw_path = root.join("target/bench-raw.json");
    let _ = std::fs::remove_file(&raw_path);
    step(&format!(
        "measuring in headless Chromium: {runs} interleaved runs × {} CPU settings × 2 products",
        THROTTLES.len()
    ));
    run_command(
        Command::new("node")
            .arg(root.join("bench/run.mjs"))
            .args(["--base", &format!("http://{address}")])
            .args(["--runs", &runs.to_string()])
            .args(["--throttles", "1,4"])
            .arg("--spec")
            .arg(root.join("target/bench-pages/spec.json"))
            .arg("--out")
            .arg(&raw_path)
            .current_dir(&root),
    )?;
    let raw: Value = serde_json::from_slice(&read_file(&raw_path)?)
        .map_err(|error| format!("bench/run.mjs wrote no readable JSON: {error}"))?;
    let samples = raw["samples"].as_array().cloned().unwrap_or_default();
    problems_seen(&samples)?;

    let rows = rows(&samples);
    let budgets = budgets(&ours, &rows);
    let machine = machine(&raw);
    println!("\nselfcheck {runs} runs against SurveyJS 2.5.38 — {machine}\n");
    print!("{}", size_table(&ours, &peer));
    println!();
    print!("{}", stats::table(&rows));
    println!();
    for budget in &budgets {
        println!("{}", budget.line);
    }

    let report = json!({
        "date": raw["startedAt"],
        "machine": machine,
        "browser": raw["browser"],
        "runs": runs,
        "peer": "survey-core 2.5.38 + survey-js-ui 2.5.38",
        "sizes": { "selfcheck": sizes_json(&ours), "surveyjs": sizes_json(&peer) },
        "figures": rows.iter().map(Row::to_json).collect::<Vec<_>>(),
        "budgets": budgets.iter().map(stats::Budget::to_json).collect::<Vec<_>>(),
        "samples": samples,
    });
    let stamp = raw["startedAt"]
        .as_str()
        .unwrap_or("unknown")
        .replace(':', "-");
    let results = root.join("bench-results");
    let text = serde_json::to_string_pretty(&report).map_err(|error| error.to_string())?;
    write(&results.join(format!("bench-{stamp}.json")), &text)?;
    write(&results.join("latest.json"), &text)?;
    println!("\nwritten: bench-results/bench-{stamp}.json (and latest.json)");

    let failed = budgets.iter().filter(|budget| !budget.pass).count();
    if failed > 0 {
        return Err(format!("{failed} budget(s) failed"));
    }
    Ok(())
}

fn parse_runs(args: &[String]) -> Result<usize> {
    match args {
        [] => Ok(15),
        [flag, value] if flag == "--runs" => value
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("bad run count `{value}`")),
        _ => Err("usage: cargo xtask bench [--runs N]".into()),
    }
}

/// `npm ci` from the committed lock, skipped when bench/node_modules already matches it.
fn install_peer(root: &Path) -> Result {
    step("SurveyJS (bench/package-lock.json)");
    let bench = root.join("bench");
    let stamp = |path: PathBuf| {
        std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
    };
    let installed = stamp(bench.join("node_modules/.package-lock.json"));
    if installed.is_some() && installed >= stamp(bench.join("package-lock.json")) {
        crate::util::skip("bench/node_modules matches bench/package-lock.json");
        return Ok(());
    }
    run_command(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&bench),
    )
}

/// What both pages ask and how the harness answers, from the engine's PHQ-9 and its English
/// pack, so the wording is the same on both.
struct Questionnaire {
    /// The 9 items, then the difficulty question.
    titles: Vec<String>,
    /// The option label chosen for each of `titles`.
    answers: Vec<String>,
    stem: String,
    options: Vec<(u64, String)>,
    difficulty_options: Vec<(u64, String)>,
    max: u64,
    intro_html: String,
    start: String,
    next: String,
    back: String,
    see_results: String,
    results_heading: String,
    /// What both result pages show for the harness's answers (`8 of 27`).
    result: String,
}

impl Questionnaire {
    /// From the engine itself (its PHQ-9 table and the English pack), as the widget shows it.
    fn read() -> Result<Questionnaire> {
        use selfcheck_engine::{
            estimated_minutes, instrument, steps, ui, Answers, Choice, InstrumentId, Lang, Mode,
        };
        let phq9 = instrument(InstrumentId::Phq9);
        let en = |text: selfcheck_engine::Text| text.get(Lang::En).to_string();
        let choices = |options: &[Choice]| -> Vec<(u64, String)> {
            options
                .iter()
                .map(|option| (u64::from(option.score), en(option.label)))
                .collect()
        };
        let follow_up = phq9
            .follow_up
            .as_ref()
            .ok_or("the PHQ-9 has no difficulty question")?;
        let options = choices(phq9.options);
        let difficulty_options = choices(follow_up.options);
        let label = |options: &[(u64, String)], score: u8| {
            options
                .iter()
                .find(|(s, _)| *s == u64::from(score))
                .map(|(_, label)| label.clone())
                .ok_or_else(|| format!("no PHQ-9 option scores {score}"))
        };
        let mut titles = Vec::new();
        let mut answers = Vec::new();
        for (item, score) in phq9.items.iter().zip(ITEM_SCORES) {
            titles.push(en(*item));
            answers.push(label(&options, score)?);
        }
        titles.push(en(follow_up.text));
        answers.push(label(&difficulty_options, DIFFICULTY_SCORE)?);
        if titles.len() != 10 {
            return Err("expected the PHQ-9's 9 items".into());
        }
        let max = u64::from(phq9.scoring.max);
        let total: u64 = ITEM_SCORES.iter().map(|s| u64::from(*s)).sum();
        let ui = |text: selfcheck_engine::Text| en(text);
        let score_of = ui(ui::score_of)
            .replace("{score}", &total.to_string())
            .replace("{max}", &max.to_string());
        let instrument = ui(ui::instrument_of)
            .replace("{name}", phq9.short_name)
            .replace("{topic}", &en(phq9.topic));
        let intro_html = format!(
            "<h2>{}</h2><p>{}</p><p>{}</p><ul><li>{}</li></ul><ul><li>{}</li><li>{}</li><li>{}</li></ul>",
            escape(&ui(ui::intro_heading)),
            escape(&ui(ui::intro_body)),
            escape(&ui(ui::intro_uses)),
            escape(&instrument),
            escape(&ui(ui::intro_time).replace(
                "{minutes}",
                &estimated_minutes(steps(&[InstrumentId::Phq9], Mode::Full, &Answers::new()).len())
                    .to_string()
            )),
            escape(&ui(ui::intro_private)),
            escape(&ui(ui::intro_not_diagnosis)),
        );
        Ok(Questionnaire {
            titles,
            answers,
            stem: en(phq9.stem.ok_or("the PHQ-9 has no stem")?),
            options,
            difficulty_options,
            max,
            intro_html,
            start: ui(ui::start),
            next: ui(ui::next),
            back: ui(ui::back),
            see_results: ui(ui::see_results),
            results_heading: ui(ui::results_heading),
            result: score_of,
        })
    }

    /// The SurveyJS model: a start page with the intro and a Start button, one item per page
    /// (radio group, Next), the difficulty question, and a completion page with the total.
    fn survey_json(&self) -> Value {
        let choices = |options: &[(u64, String)]| {
            options
                .iter()
                .map(|(score, label)| json!({ "value": score, "text": label }))
                .collect::<Vec<_>>()
        };
        let mut pages = vec![json!({
            "name": "intro",
            "elements": [{ "type": "html", "name": "intro", "html": self.intro_html }],
        })];
        let names: Vec<String> = (1..=9).map(|i| format!("phq9_{i}")).collect();
        for (name, title) in names.iter().zip(&self.titles) {
            pages.push(json!({
                "name": name,
                "elements": [{
                    "type": "radiogroup", "name": name, "title": title,
                    "description": self.stem, "isRequired": true,
                    "choices": choices(&self.options),
                }],
            }));
        }
        let any_above_zero = names
            .iter()
            .map(|name| format!("{{{name}}} > 0"))
            .collect::<Vec<_>>()
            .join(" or ");
        pages.push(json!({
            "name": "phq9_difficulty",
            "visibleIf": any_above_zero,
            "elements": [{
                "type": "radiogroup", "name": "phq9_difficulty", "title": self.titles[9],
                "isRequired": true, "choices": choices(&self.difficulty_options),
            }],
        }));
        let sum = names
            .iter()
            .map(|name| format!("{{{name}}}"))
            .collect::<Vec<_>>()
            .join(" + ");
        json!({
            "firstPageIsStartPage": true,
            "startSurveyText": self.start,
            "pageNextText": self.next,
            "pagePrevText": self.back,
            "completeText": self.see_results,
            "showQuestionNumbers": "off",
            "showProgressBar": "top",
            "progressBarType": "questions",
            "calculatedValues": [{ "name": "total", "expression": sum }],
            "completedHtml": format!(
                "<h2>{}</h2><p>PHQ-9: {{total}} of {}</p>",
                escape(&self.results_heading),
                self.max
            ),
            "pages": pages,
        })
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// target/bench-pages/: the two pages and the bench-only probe (templates in bench/pages/),
/// SurveyJS's files, and the SurveyJS model as an external script (the CSP allows no inline one).
fn generate_pages(root: &Path, questionnaire: &Questionnaire) -> Result {
    step("bench pages (target/bench-pages/)");
    let out = root.join("target/bench-pages");
    // `.nocsp.html`: the server leaves the CSP header off these (an existing server option).
    // SurveyJS's runtime writes an inline `style` attribute (its SVG icon sprite, hidden with
    // `style="display:none"` through innerHTML), which the strict policy blocks; both pages are
    // served the same way. The demo and the e2e tests hold selfcheck to the strict policy.
    for page in ["selfcheck.nocsp.html", "surveyjs.nocsp.html", "probe.js"] {
        write(
            &out.join(page),
            read_file(&root.join("bench/pages").join(page))?,
        )?;
    }
    for (package, file) in PEER_FILES {
        write(
            &out.join("surveyjs").join(file),
            read_file(&root.join("bench/node_modules").join(package).join(file))?,
        )?;
    }
    let script = format!(
        "// Generated by `cargo xtask bench` from the engine's PHQ-9 and its English language\n\
         // pack: the same PHQ-9, the same wording, as a SurveyJS model.\n\
         (function () {{\n  var survey = new Survey.Model({});\n  \
         survey.render(document.getElementById(\"survey\"));\n}})();\n",
        questionnaire.survey_json()
    );
    write(&out.join("surveyjs/phq9.js"), script)?;
    let spec = json!({
        "questions": questionnaire.titles,
        "answers": questionnaire.answers,
        "start": questionnaire.start,
        "next": questionnaire.next,
        "seeResults": questionnaire.see_results,
        "result": questionnaire.result,
    });
    write(&out.join("spec.json"), spec.to_string())
}

/// A run with page errors or CSP violations measured something else: stop and say so.
fn problems_seen(samples: &[Value]) -> Result {
    let mut seen = Vec::new();
    for sample in samples {
        for key in ["errors", "violations"] {
            for problem in sample[key].as_array().into_iter().flatten() {
                let line = format!("{} {key}: {}", sample["product"], problem);
                if !seen.contains(&line) {
                    seen.push(line);
                }
            }
        }
    }
    if seen.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the bench pages reported problems:\n  {}",
            seen.join("\n  ")
        ))
    }
}

/// The figures of one sample, by name.
fn figure(sample: &Value, name: &str) -> Option<f64> {
    let number = |key: &str| sample[key].as_f64();
    match name {
        "Start visible" => number("startVisible"),
        "time to first question" => number("firstQuestion"),
        "answer all 10 → result shown" => number("answerAll"),
        // Per run, the median of its 9 question-to-question transitions.
        "answer chosen → next question painted" => median_of(&sample["transitions"]),
        "answer chosen → next question in DOM" => median_of(&sample["transitionsInDom"]),
        "JS heap used after completion" => number("jsHeapUsed"),
        "wasm memory after completion" => number("wasmMemory"),
        "long tasks" => Some(sample["longTasks"].as_array()?.len() as f64),
        // fold, not sum: an empty f64 sum is -0.0.
        "long-task time" => Some(
            sample["longTasks"]
                .as_array()?
                .iter()
                .filter_map(|task| task["duration"].as_f64())
                .fold(0.0, |total, duration| total + duration),
        ),
        _ => None,
    }
}

fn median_of(values: &Value) -> Option<f64> {
    let values: Vec<f64> = values
        .as_array()?
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    summarize(&values).map(|s| s.median)
}

const FIGURES: [(&str, Unit); 9] = [
    ("Start visible", Unit::Ms),
    ("time to first question", Unit::Ms),
    ("answer all 10 → result shown", Unit::Ms),
    ("answer chosen → next question in DOM", Unit::Ms),
    ("answer chosen → next question painted", Unit::Ms),
    ("long tasks", Unit::Count),
    ("long-task time", Unit::Ms),
    ("JS heap used after completion", Unit::Bytes),
    ("wasm memory after completion", Unit::Bytes),
];

fn rows(samples: &[Value]) -> Vec<Row> {
    let values = |product: &str, throttle: u32, name: &str| -> Vec<f64> {
        samples
            .iter()
            .filter(|s| {
                s["product"] == product && s["throttle"].as_u64() == Some(u64::from(throttle))
            })
            .filter_map(|s| figure(s, name))
            .collect()
    };
    let mut rows = Vec::new();
    for (name, unit) in FIGURES {
        for throttle in THROTTLES {
            rows.push(Row {
                figure: name,
                unit,
                throttle,
                ours: summarize(&values("selfcheck", throttle, name)),
                peer: summarize(&values("surveyjs", throttle, name)),
            });
        }
    }
    rows
}

fn budgets(ours: &[crate::budget::FileSize], rows: &[Row]) -> Vec<stats::Budget> {
    let (pass, line) = crate::budget::verdict(crate::budget::total(ours).brotli);
    let at_4x = |name: &str| {
        rows.iter()
            .find(|row| row.figure == name && row.throttle == 4)
    };
    let mut budgets = vec![stats::Budget { pass, line }];
    if let Some(row) = at_4x("time to first question") {
        budgets.push(stats::first_question_budget(row));
    }
    if let Some(row) = at_4x("answer chosen → next question painted") {
        budgets.push(stats::next_question_budget(row));
    }
    budgets
}

fn size_table(ours: &[crate::budget::FileSize], peer: &[crate::budget::FileSize]) -> String {
    let (a, b) = (crate::budget::total(ours), crate::budget::total(peer));
    let mut out = format!(
        "{:<30} {:>12} {:>12} {:>7}\n",
        "bytes a CDN would serve", "selfcheck", "SurveyJS", "ratio"
    );
    let line = |label: &str, pick: fn(&Sizes) -> usize| {
        format!(
            "{label:<30} {:>12} {:>12} {:>7.2}\n",
            crate::dist::kb(pick(&a)),
            crate::dist::kb(pick(&b)),
            pick(&a) as f64 / pick(&b) as f64
        )
    };
    out.push_str(&line("raw", |s| s.raw));
    out.push_str(&line("gzip -9", |s| s.gzip));
    out.push_str(&line("brotli -q 11", |s| s.brotli));
    let names = |files: &[crate::budget::FileSize]| {
        files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    out.push_str(&format!(
        "(selfcheck: {}; SurveyJS: {})\n",
        names(ours),
        names(peer)
    ));
    out
}

fn sizes_json(files: &[crate::budget::FileSize]) -> Value {
    let total = crate::budget::total(files);
    json!({
        "files": files.iter().map(|f| json!({
            "name": f.name, "raw": f.size.raw, "gzip": f.size.gzip, "brotli": f.size.brotli,
        })).collect::<Vec<_>>(),
        "total": { "raw": total.raw, "gzip": total.gzip, "brotli": total.brotli },
    })
}

/// `Debian GNU/Linux 12 (bookworm), 2 × Intel(R) Xeon(R) …, Chromium 131…`
fn machine(raw: &Value) -> String {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
    let os = read("/etc/os-release")
        .lines()
        .find_map(|line| line.strip_prefix("PRETTY_NAME="))
        .map(|name| name.trim_matches('"').to_string())
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let cpu = read("/proc/cpuinfo")
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .and_then(|rest| rest.split_once(':'))
        .map(|(_, name)| name.trim().to_string())
        .unwrap_or_else(|| std::env::consts::ARCH.to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!(
        "{os}, {cores} × {cpu}, Chromium {}",
        raw["browser"].as_str().unwrap_or("?")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peer_asks_the_same_phq9_in_the_same_words() {
        let q = Questionnaire::read().unwrap();
        assert_eq!(q.titles.len(), 10);
        assert_eq!(q.titles[0], "Little interest or pleasure in doing things");
        assert_eq!(q.answers[0], "Several days");
        assert_eq!(q.answers[8], "Not at all");
        assert_eq!(q.result, "8 of 27");
        let survey = q.survey_json();
        assert_eq!(survey["firstPageIsStartPage"], true);
        assert_eq!(survey["startSurveyText"], "Start");
        let pages = survey["pages"].as_array().unwrap();
        assert_eq!(pages.len(), 11, "start page, 9 items, difficulty");
        assert_eq!(pages[1]["elements"][0]["title"], q.titles[0]);
        assert_eq!(
            pages[1]["elements"][0]["choices"][3]["text"],
            "Nearly every day"
        );
        assert!(pages[0]["elements"][0]["html"]
            .as_str()
            .unwrap()
            .contains("PHQ-9 · Depression"));
    }

    #[test]
    fn the_run_count_defaults_to_fifteen_and_must_be_positive() {
        assert_eq!(parse_runs(&[]), Ok(15));
        assert_eq!(parse_runs(&["--runs".into(), "3".into()]), Ok(3));
        assert!(parse_runs(&["--runs".into(), "0".into()]).is_err());
        assert!(parse_runs(&["--fast".into()]).is_err());
    }

    #[test]
    fn a_sample_gives_its_figures_and_the_median_transition() {
        let sample = json!({
            "product": "selfcheck", "throttle": 4, "firstQuestion": 120.5,
            "transitions": [9.0, 30.0, 7.0], "longTasks": [{"duration": 60.0}, {"duration": 80.0}],
        });
        assert_eq!(figure(&sample, "time to first question"), Some(120.5));
        assert_eq!(
            figure(&sample, "answer chosen → next question painted"),
            Some(9.0)
        );
        assert_eq!(figure(&sample, "long tasks"), Some(2.0));
        assert_eq!(figure(&sample, "long-task time"), Some(140.0));
        assert_eq!(figure(&sample, "wasm memory after completion"), None);
        let idle = json!({"longTasks": []});
        assert_eq!(
            figure(&idle, "long-task time").map(f64::to_bits),
            Some(0.0f64.to_bits())
        );
        let rows = rows(&[sample]);
        let row = rows
            .iter()
            .find(|r| r.figure == "time to first question" && r.throttle == 4)
            .unwrap();
        assert_eq!(row.ours.map(|s| s.median), Some(120.5));
        assert_eq!(row.peer, None);
    }

    #[test]
    fn page_errors_and_csp_violations_stop_the_bench() {
        let clean = json!({"product": "surveyjs", "errors": [], "violations": []});
        assert!(problems_seen(&[clean]).is_ok());
        let blocked =
            json!({"product": "surveyjs", "errors": [], "violations": ["style-src inline"]});
        let why = problems_seen(&[blocked.clone(), blocked]).unwrap_err();
        assert_eq!(why.matches("style-src").count(), 1);
    }
}
