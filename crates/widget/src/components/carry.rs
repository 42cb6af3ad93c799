//! Carrying the results away (`carry="on"`, selfcheck-plus.js only): the summary as a QR code
//! with its text beside it, "Save my results" as a FHIR file, and a file saved earlier opened to
//! compare. The engine writes the file, reads it back, compares and words the QR text; these
//! views only show what it decided. Nothing here makes a request: the file is handed to the
//! browser as a `blob:` download and read back with a `FileReader`.

use std::rc::Rc;

use selfcheck_engine::change::{Change, Verdict};
use selfcheck_engine::fhir::{self, Earlier, ReadError, MAX_FILE_BYTES};
use selfcheck_engine::{instrument, summary, InstrumentId, InstrumentResult, Lang, Report};
use yew::prelude::*;

use crate::host::HostHandle;
use crate::i18n::{fill, strings, UiStrings};

/// The file the visitor opened to compare with, or why it was refused.
pub type Opened = Option<Result<Rc<Earlier>, ReadError>>;

/// Told of each file the visitor opens, read or refused.
pub type OnOpened = Callback<Result<Rc<Earlier>, ReadError>>;

/// Modules of light margin around the code, as the QR standard asks.
const QUIET_ZONE: i32 = 4;

/// The QR code of `text` (byte mode, error correction M), drawn as one SVG path of dark runs.
/// Black on white whatever the colour scheme: many readers fail on a light-on-dark code.
/// Hidden from screen readers: the same text is printed beside it.
pub fn qr_code(text: &str) -> Html {
    let Ok(code) = qrcodegen::QrCode::encode_binary(text.as_bytes(), qrcodegen::QrCodeEcc::Medium)
    else {
        return Html::default();
    };
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            if x > start {
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
            x += 1;
        }
    }
    let side = (size + 2 * QUIET_ZONE).to_string();
    html! {
        <svg class="qr" viewBox={format!("0 0 {side} {side}")} aria-hidden="true"
            focusable="false" shape-rendering="crispEdges">
            <rect width={side.clone()} height={side} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}

/// The code with the text it holds, for the screen and for the printed summary alike.
pub fn qr_figure(report: &Report, date: &str, lang: Lang) -> Html {
    let text = summary::qr_text(report, date);
    html! {
        <figure class="qr-code" part="qr-code">
            { qr_code(&text) }
            <figcaption>
                <p>{ strings(lang).carry_qr_caption() }</p>
                // Fixed English keywords (engine::summary), the same whatever the language.
                <pre class="qr-text" lang="en" dir="ltr">{ text }</pre>
            </figcaption>
        </figure>
    }
}

/// Reads the file chosen in `event`'s input and reports it to `on_opened`; a refusal also goes
/// to the console with the place in the file that is wrong.
fn open_chosen(event: Event, host: &HostHandle, on_opened: &OnOpened) {
    let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    let report = {
        let on_opened = on_opened.clone();
        move |read: Result<Earlier, ReadError>| {
            if let Err(error) = &read {
                web_sys::console::error_1(
                    &format!(
                        "selfcheck: the file opened to compare was refused: {}",
                        error.for_console()
                    )
                    .into(),
                );
                // Unselected, so that choosing the same file again (mended, or by mistake
                // twice) is a change the picker reports.
                input.set_value("");
            }
            on_opened.emit(read.map(Rc::new));
        }
    };
    // Refused before it is read: a huge file never reaches memory.
    if file.size() > MAX_FILE_BYTES as f64 {
        report(Err(ReadError::TooLarge));
        return;
    }
    host.read_file(
        file,
        Callback::from(move |bytes: Option<Vec<u8>>| {
            report(match bytes {
                Some(bytes) => fhir::read(&bytes),
                None => Err(ReadError::Unreadable),
            })
        }),
    );
}

/// Where the picker is: before the questions, or on the results that show the comparison.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PickerOn {
    Intro,
    Results,
}

/// What the status line says about the file opened: nothing yet, its date, or why it was refused.
fn opened_words(
    text: UiStrings,
    opened: &Opened,
    asked: &[InstrumentId],
    date: &str,
    on: PickerOn,
) -> String {
    match opened {
        None => String::new(),
        Some(Ok(earlier)) if !earlier.results.iter().any(|r| asked.contains(&r.id)) => {
            text.carry_nothing_shared().to_string()
        }
        Some(Ok(_)) => {
            let words = match on {
                PickerOn::Intro => text.carry_opened(),
                PickerOn::Results => text.carry_compared(),
            };
            fill(words, &[("date", date)])
        }
        Some(Err(ReadError::TooLarge)) => text.carry_error_size().to_string(),
        Some(Err(ReadError::Unreadable)) => text.carry_error_read().to_string(),
        Some(Err(ReadError::NotJson(_) | ReadError::NotOurs(_))) => {
            text.carry_error_file().to_string()
        }
    }
}

/// The file picker: on the intro and on the results. The status line is a live region that is
/// always there (empty, not hidden), so what it comes to say is announced once.
pub fn open_earlier(
    lang: Lang,
    opened: &Opened,
    asked: &[InstrumentId],
    on: PickerOn,
    host: &HostHandle,
    on_opened: &OnOpened,
) -> Html {
    let text = strings(lang);
    let onchange = {
        let host = host.clone();
        let on_opened = on_opened.clone();
        Callback::from(move |event: Event| open_chosen(event, &host, &on_opened))
    };
    let date = match opened {
        Some(Ok(earlier)) => host.date_of(&earlier.authored, lang.code()),
        _ => String::new(),
    };
    html! {
        <div class="carry-open" part="carry-open">
            <label for="selfcheck-earlier-file">{ text.carry_open_label() }</label>
            <p class="carry-note" id="selfcheck-earlier-hint">{ text.carry_open_note() }</p>
            <input type="file" id="selfcheck-earlier-file" part="file-input"
                accept=".json,application/json,application/fhir+json"
                aria-describedby="selfcheck-earlier-hint selfcheck-earlier-status" {onchange} />
            <p class="carry-status" id="selfcheck-earlier-status" role="status"
                data-refused={matches!(opened, Some(Err(_))).then_some("")}>
                { opened_words(text, opened, asked, &date, on) }
            </p>
        </div>
    }
}

/// The results' section: the QR code (`qr_figure`'s, drawn once for the screen and the printed
/// summary), "Save my results" with what saving means, and the picker.
pub fn carry_section(
    report: &Rc<Report>,
    lang: Lang,
    qr: Html,
    host: &HostHandle,
    opened: &Opened,
    on_opened: &OnOpened,
) -> Html {
    let text = strings(lang);
    let on_save = {
        let host = host.clone();
        let report = report.clone();
        Callback::from(move |_: MouseEvent| {
            // The time of saving, not of the results screen: the file says when it was written.
            let authored = host.now();
            match fhir::bundle(&report, &authored, lang) {
                Ok(json) => host.save_file(
                    &format!(
                        "selfcheck-results-{}.json",
                        authored.get(..10).unwrap_or("")
                    ),
                    &json,
                ),
                Err(why) => web_sys::console::error_1(
                    &format!("selfcheck: the results could not be saved: {why}").into(),
                ),
            }
        })
    };
    let asked: Vec<InstrumentId> = report.results.iter().map(|result| result.id).collect();
    html! {
        <section class="carry" part="carry">
            <h3>{ text.carry_heading() }</h3>
            { qr }
            <p class="carry-note" id="selfcheck-save-hint">{ text.carry_save_note() }</p>
            <button type="button" class="secondary" part="button" aria-describedby="selfcheck-save-hint"
                onclick={on_save}>{ text.carry_save() }</button>
            { open_earlier(lang, opened, &asked, PickerOn::Results, host, on_opened) }
        </section>
    }
}

/// Each instrument's change since the file opened, by the engine's verdict.
pub fn changes(opened: &Opened, report: &Report) -> Vec<Change> {
    match opened {
        Some(Ok(earlier)) => selfcheck_engine::change::compare(earlier, report),
        _ => Vec::new(),
    }
}

/// A total as the card says it: the number, or for a count capped in the file, "255+".
fn total_words(id: InstrumentId, total: u8) -> String {
    if total == u8::MAX && instrument(id).count_max().is_some() {
        format!("{total}+")
    } else {
        total.to_string()
    }
}

/// The card's lines for a change: last time and today, and what the engine's verdict says. Totals
/// that cannot be compared (a short form's, out of another maximum) are not set side by side.
pub fn change_words(text: UiStrings, change: &Change, date: &str, has_gauge: bool) -> Html {
    if change.verdict == Verdict::NotComparable {
        return html! {
            <p class="change" data-verdict={verdict_name(change.verdict)}>
                { fill(text.carry_not_comparable(), &[("date", date)]) }
            </p>
        };
    }
    let numbers = fill(
        text.carry_change(),
        &[
            ("date", date),
            ("earlier", &total_words(change.id, change.earlier)),
            ("now", &total_words(change.id, change.now)),
        ],
    );
    let difference = change.earlier.abs_diff(change.now).to_string();
    let verdict = match change.verdict {
        Verdict::MeaningfullyLower { points } => fill(
            text.carry_lower(),
            &[("points", &difference), ("threshold", &points.to_string())],
        ),
        Verdict::MeaningfullyHigher { points } => fill(
            text.carry_higher(),
            &[("points", &difference), ("threshold", &points.to_string())],
        ),
        Verdict::BelowThreshold { points } => {
            fill(text.carry_small(), &[("threshold", &points.to_string())])
        }
        Verdict::NoPublishedThreshold | Verdict::NotComparable => {
            text.carry_no_threshold().to_string()
        }
    };
    html! {
        <p class="change" data-verdict={verdict_name(change.verdict)}>
            { numbers }{ " " }{ verdict }
            if has_gauge && earlier_marker(change).is_some() { { " " }{ text.carry_marker() } }
        </p>
    }
}

/// The verdict as a stable word, for styling and tests.
fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::MeaningfullyLower { .. } => "lower",
        Verdict::MeaningfullyHigher { .. } => "higher",
        Verdict::BelowThreshold { .. } => "small",
        Verdict::NoPublishedThreshold => "no-threshold",
        Verdict::NotComparable => "not-comparable",
    }
}

/// Where the gauge marks last time: only on the same scale (not after a short form's total), and
/// not under today's marker, where it could not be seen.
pub fn earlier_marker(change: &Change) -> Option<u8> {
    (change.verdict != Verdict::NotComparable && change.earlier != change.now)
        .then_some(change.earlier)
}

/// The change for `result`, if the file opened has its instrument.
pub fn change_of<'a>(changes: &'a [Change], result: &InstrumentResult) -> Option<&'a Change> {
    changes.iter().find(|change| change.id == result.id)
}
