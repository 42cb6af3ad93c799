//! The questionnaire as one state machine: `Intro → Asking(q) → Crisis(q) → … → Results`.
//!
//! Every change of state happens in `Questionnaire::reduce`, testable without a browser. Which
//! question comes next, what applies and what is dropped when an answer changes are all asked
//! of the engine (`steps`, `prune`, `raises_crisis`); nothing clinical is decided here.

use std::rc::Rc;

use selfcheck_engine::json::{self, Map, Value};
use selfcheck_engine::{
    crisis_raised, is_complete, prune, raises_crisis, score, steps, Answers, Cutoffs, InstrumentId,
    Mode, Part, Precheck, Question, Report,
};
use yew::Reducible;

#[cfg(plus)]
use selfcheck_engine::fhir::{Earlier, ReadError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Intro,
    Asking(Question),
    /// The crisis panel, shown right after `Question` was answered in a way that raises it.
    Crisis(Question),
    /// A pre-treatment check's question (0-based), after every questionnaire. Carrying the check
    /// itself, it cannot be built in the default build, which has none: its paths compile out.
    Precheck(Precheck, u8),
    Results,
}

/// Every visitor intent, and the one change that comes from the clinic's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Start,
    Choose {
        question: Question,
        value: u8,
    },
    /// What the visitor typed into a count question (how many times): a whole number in range
    /// is the answer; anything else leaves it unanswered.
    #[cfg(plus)]
    TypeCount {
        question: Question,
        text: String,
    },
    ChoosePrecheck {
        index: u8,
        value: u8,
    },
    NextPrecheck(u8),
    /// Move on from this question. Naming it makes a late duplicate (a pointer's auto-advance
    /// timer racing a click on Next) harmless instead of skipping the following question.
    Next(Question),
    Back,
    ContinueAfterCrisis,
    StartOver,
    /// A results file the visitor opened to compare with (carry="on"), or why it could not be
    /// read. Allowed on every screen: the file is read while the visitor may move on.
    #[cfg(plus)]
    OpenedEarlier(Result<Rc<Earlier>, ReadError>),
    /// The page changed the instruments or the mode: a different questionnaire starts afresh;
    /// the same one is left alone.
    Reconfigure {
        instruments: Rc<[InstrumentId]>,
        mode: Mode,
        precheck: Option<Precheck>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub instruments: Rc<[InstrumentId]>,
    pub mode: Mode,
    pub precheck: Option<Precheck>,
    pub answers: Answers,
    /// The count question's text as typed, while it is on screen: kept so that a half-typed or
    /// out-of-range number stays in the field instead of being wiped by the next render.
    pub count_text: Option<String>,
    pub screen: Screen,
    /// Next was pressed without an answer: the screen says what is missing.
    pub needs_answer: bool,
    /// The state came back from sessionStorage.
    pub resumed: bool,
    /// The file opened to compare with, or why it was refused. Held in memory only: never in
    /// sessionStorage, so a reload forgets it, as "no history" promises.
    #[cfg(plus)]
    pub earlier: Option<Result<Rc<Earlier>, ReadError>>,
}

/// Where the visitor is in the list of questions that currently apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub position: usize,
    pub total: usize,
}

impl Questionnaire {
    pub fn new(instruments: &[InstrumentId], mode: Mode) -> Questionnaire {
        Questionnaire {
            instruments: instruments.into(),
            mode,
            precheck: None,
            answers: Answers::new(),
            count_text: None,
            screen: Screen::Intro,
            needs_answer: false,
            resumed: false,
            #[cfg(plus)]
            earlier: None,
        }
    }

    /// With a pre-treatment check after the questionnaires.
    pub fn with_precheck(mut self, precheck: Option<Precheck>) -> Questionnaire {
        self.precheck = precheck;
        self
    }

    pub fn steps(&self) -> Vec<Question> {
        steps(&self.instruments, self.mode, &self.answers)
    }

    /// How many pre-check questions follow the questionnaires.
    fn precheck_len(&self) -> usize {
        self.precheck.map_or(0, Precheck::question_count)
    }

    pub fn progress(&self) -> Option<Progress> {
        let steps = self.steps();
        let total = steps.len() + self.precheck_len();
        let position = match self.screen {
            Screen::Asking(question) | Screen::Crisis(question) => {
                steps.iter().position(|step| *step == question)? + 1
            }
            Screen::Precheck(_, index) => steps.len() + usize::from(index) + 1,
            Screen::Intro | Screen::Results => return None,
        };
        Some(Progress { position, total })
    }

    /// Every question asked so far has its answer, pre-check included: the results can show.
    fn is_complete(&self) -> bool {
        is_complete(&self.instruments, self.mode, &self.answers)
            && self.precheck.is_none_or(|precheck| {
                (0..precheck.question_count()).all(|index| {
                    u8::try_from(index)
                        .is_ok_and(|index| self.answers.precheck(precheck, index).is_some())
                })
            })
    }

    /// True on the last question that applies: its Next button leads to the results.
    pub fn is_last_question(&self) -> bool {
        self.progress()
            .is_some_and(|progress| progress.position == progress.total)
    }

    /// The clinic's cut-off is not part of the questionnaire: changing it re-scores the same
    /// answers rather than starting again.
    pub fn report(&self, cutoffs: Cutoffs) -> Option<Report> {
        score(&self.instruments, self.mode, cutoffs, &self.answers).ok()
    }

    pub fn crisis_raised(&self) -> bool {
        crisis_raised(&self.answers)
    }

    fn apply(&mut self, action: Action) {
        self.needs_answer = false;
        let screen_before = self.screen;
        self.apply_to_screen(action);
        if self.screen != screen_before {
            self.count_text = None;
        }
    }

    fn apply_to_screen(&mut self, action: Action) {
        match (action, self.screen) {
            (Action::Start, Screen::Intro) => self.screen = self.first_open_screen(),
            (Action::Choose { question, value }, Screen::Asking(current))
                if question == current =>
            {
                // A value that is not one of the options is refused and changes nothing.
                if self.answers.set(question, value).is_err() {
                    return;
                }
                prune(&self.instruments, self.mode, &mut self.answers);
            }
            #[cfg(plus)]
            (Action::TypeCount { question, text }, Screen::Asking(current))
                if question == current =>
            {
                let count = text.trim().parse::<u16>().ok();
                match count.map(|count| self.answers.set_count(question, count)) {
                    Some(Ok(())) => {}
                    _ => self.answers.unset(question),
                }
                self.count_text = Some(text);
            }
            (Action::ChoosePrecheck { index, value }, Screen::Precheck(precheck, current))
                if index == current =>
            {
                // A value that is not one of the answers is refused and changes nothing.
                let _ = self.answers.set_precheck(precheck, index, value);
            }
            (Action::NextPrecheck(from), Screen::Precheck(precheck, index)) if from == index => {
                match self.answers.precheck(precheck, index) {
                    None => self.needs_answer = true,
                    Some(_) => self.screen = self.after_precheck(precheck, index),
                }
            }
            (Action::Back, Screen::Precheck(precheck, index)) => {
                self.screen = match index.checked_sub(1) {
                    Some(previous) => Screen::Precheck(precheck, previous),
                    None => self.last_question_screen(),
                }
            }
            (Action::Next(from), Screen::Asking(question)) if from == question => {
                match self.answers.get(question) {
                    None => self.needs_answer = true,
                    Some(value) if raises_crisis(question, value) => {
                        self.screen = Screen::Crisis(question)
                    }
                    Some(_) => self.screen = self.after(question),
                }
            }
            (Action::ContinueAfterCrisis, Screen::Crisis(question)) => {
                self.screen = self.after(question)
            }
            (Action::Back, Screen::Asking(question)) => self.screen = self.before(question),
            (Action::Back, Screen::Crisis(question)) => self.screen = Screen::Asking(question),
            (Action::Back, Screen::Results) => {
                self.screen = match self.precheck {
                    Some(precheck) => {
                        let last = precheck.question_count().saturating_sub(1);
                        Screen::Precheck(precheck, u8::try_from(last).unwrap_or(u8::MAX))
                    }
                    None => self.last_question_screen(),
                }
            }
            #[cfg(plus)]
            (Action::OpenedEarlier(earlier), _) => self.earlier = Some(earlier),
            (Action::StartOver, _) => {
                *self =
                    Questionnaire::new(&self.instruments, self.mode).with_precheck(self.precheck);
            }
            (
                Action::Reconfigure {
                    instruments,
                    mode,
                    precheck,
                },
                _,
            ) if instruments != self.instruments
                || mode != self.mode
                || precheck != self.precheck =>
            {
                *self = Questionnaire::new(&instruments, mode).with_precheck(precheck);
            }
            // Anything else is stale (a double click, a timer that fired after the visitor moved
            // on): ignoring it keeps the state consistent.
            _ => {}
        }
    }

    fn first_open_screen(&self) -> Screen {
        let steps = self.steps();
        match steps.iter().find(|step| self.answers.get(**step).is_none()) {
            Some(question) => Screen::Asking(*question),
            None if !is_complete(&self.instruments, self.mode, &self.answers) => steps
                .first()
                .map_or(Screen::Intro, |first| Screen::Asking(*first)),
            None => match self.first_open_precheck() {
                Some((precheck, index)) => Screen::Precheck(precheck, index),
                None => Screen::Results,
            },
        }
    }

    fn first_open_precheck(&self) -> Option<(Precheck, u8)> {
        let precheck = self.precheck?;
        (0..precheck.question_count())
            .filter_map(|index| u8::try_from(index).ok())
            .find(|&index| self.answers.precheck(precheck, index).is_none())
            .map(|index| (precheck, index))
    }

    fn last_question_screen(&self) -> Screen {
        self.steps()
            .last()
            .map_or(Screen::Intro, |last| Screen::Asking(*last))
    }

    fn after(&self, question: Question) -> Screen {
        let steps = self.steps();
        let next = steps
            .iter()
            .position(|step| *step == question)
            .and_then(|index| steps.get(index + 1));
        match (next, self.precheck) {
            (Some(next), _) => Screen::Asking(*next),
            (None, Some(precheck)) if is_complete(&self.instruments, self.mode, &self.answers) => {
                Screen::Precheck(precheck, 0)
            }
            (None, _) if self.is_complete() => Screen::Results,
            // Unreachable when visitors answer in order; if an earlier answer is missing, ask it.
            (None, _) => self.first_open_screen(),
        }
    }

    fn after_precheck(&self, precheck: Precheck, index: u8) -> Screen {
        let next = index.saturating_add(1);
        if usize::from(next) < precheck.question_count() {
            Screen::Precheck(precheck, next)
        } else if self.is_complete() {
            Screen::Results
        } else {
            self.first_open_screen()
        }
    }

    fn before(&self, question: Question) -> Screen {
        let steps = self.steps();
        match steps.iter().position(|step| *step == question) {
            Some(index) if index > 0 => Screen::Asking(steps[index - 1]),
            _ => Screen::Intro,
        }
    }
}

impl Reducible for Questionnaire {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        next.resumed = self.resumed && next.screen == self.screen;
        if next == *self {
            // Same Rc: Yew skips the re-render.
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What sessionStorage keeps so that an accidental reload returns to the same question.
struct Saved {
    /// The instruments and mode the answers belong to: another configuration ignores them.
    setup: String,
    answers: Answers,
    at: String,
}

/// `{"setup":…,"answers":…,"at":…}`, through the engine's small JSON module: serde_json would
/// add several KB to a wasm that must fit in a 100 kB brotli budget.
impl Saved {
    fn to_json(&self) -> String {
        let mut map = Map::new();
        map.push("setup", Value::str(&self.setup));
        map.push("answers", self.answers.to_json());
        map.push("at", Value::str(&self.at));
        Value::Object(map).to_json()
    }

    fn from_json(text: &str) -> Option<Saved> {
        let Ok(Value::Object(map)) = json::parse(text) else {
            return None;
        };
        let text = |key: &str| match map.get(key) {
            Some(Value::String(text)) => Some(text.clone()),
            _ => None,
        };
        Some(Saved {
            setup: text("setup")?,
            answers: Answers::from_json(map.get("answers")?).ok()?,
            at: text("at")?,
        })
    }
}

pub const STORAGE_KEY: &str = "selfcheck.v1";

/// Identifies the questionnaire a configuration asks for: saved answers belong to it, and a new
/// one starts a new run, while a change of language or booking link keeps the answers.
pub fn questionnaire_key(
    instruments: &[InstrumentId],
    mode: Mode,
    precheck: Option<Precheck>,
) -> String {
    let ids: Vec<&str> = instruments.iter().map(|id| id.as_str()).collect();
    match precheck {
        Some(precheck) => format!("{}|{}|{precheck}", ids.join(","), mode.as_str()),
        None => format!("{}|{}", ids.join(","), mode.as_str()),
    }
}

/// A stable text key for a question: `phq9.3`, `pcptsd5.gate`, `phq9.follow_up`.
pub fn question_key(question: Question) -> String {
    let part = match question.part {
        Part::Gate => "gate".to_string(),
        Part::Item(index) => index.to_string(),
        Part::FollowUp => "follow_up".to_string(),
        #[cfg(plus)]
        Part::Count => "count".to_string(),
    };
    format!("{}.{part}", question.instrument.as_str())
}

fn decode_question(text: &str) -> Option<Question> {
    let (id, part) = text.split_once('.')?;
    let part = match part {
        "gate" => Part::Gate,
        "follow_up" => Part::FollowUp,
        #[cfg(plus)]
        "count" => Part::Count,
        index => Part::Item(index.parse().ok()?),
    };
    Some(Question::new(InstrumentId::parse(id)?, part))
}

impl Questionnaire {
    /// The progress to keep, or None when there is nothing worth keeping.
    pub fn to_saved(&self) -> Option<String> {
        let at = match self.screen {
            Screen::Intro if self.answers.is_empty() => return None,
            Screen::Intro => "intro".to_string(),
            Screen::Asking(question) => question_key(question),
            Screen::Crisis(question) => format!("crisis:{}", question_key(question)),
            Screen::Precheck(_, index) => format!("precheck:{index}"),
            Screen::Results => "results".to_string(),
        };
        let saved = Saved {
            setup: questionnaire_key(&self.instruments, self.mode, self.precheck),
            answers: self.answers.clone(),
            at,
        };
        Some(saved.to_json())
    }

    /// Restores saved progress for this configuration. Anything that does not fit — another
    /// configuration, tampered or outdated data, a question out of order — starts afresh
    /// rather than trusting it.
    pub fn restore(
        instruments: &[InstrumentId],
        mode: Mode,
        precheck: Option<Precheck>,
        saved: &str,
    ) -> Questionnaire {
        let mut state = Questionnaire::new(instruments, mode).with_precheck(precheck);
        let Some(saved) = Saved::from_json(saved) else {
            return state;
        };
        if saved.setup != questionnaire_key(instruments, mode, precheck) {
            return state;
        }
        state.answers = saved.answers;
        prune(instruments, mode, &mut state.answers);
        state.answers.keep_precheck(precheck);
        let open = state.first_open_screen();
        let requested = match saved.at.as_str() {
            "intro" => Some(Screen::Intro),
            "results" => Some(Screen::Results),
            other if other.starts_with("precheck:") => precheck.and_then(|precheck| {
                let index = other["precheck:".len()..].parse().ok()?;
                Some(Screen::Precheck(precheck, index))
            }),
            other => match other.strip_prefix("crisis:") {
                Some(question) => decode_question(question).map(Screen::Crisis),
                None => decode_question(other).map(Screen::Asking),
            },
        };
        state.screen = match requested {
            Some(screen) if state.is_reachable(screen) => screen,
            _ => open,
        };
        state.resumed = !state.answers.is_empty();
        state
    }

    /// A screen the visitor could have reached by answering in order.
    fn is_reachable(&self, screen: Screen) -> bool {
        let steps = self.steps();
        match screen {
            Screen::Intro => true,
            Screen::Results => self.is_complete(),
            Screen::Precheck(precheck, index) => {
                self.precheck == Some(precheck)
                    && usize::from(index) < precheck.question_count()
                    && is_complete(&self.instruments, self.mode, &self.answers)
                    && (0..index).all(|earlier| self.answers.precheck(precheck, earlier).is_some())
            }
            Screen::Asking(question) => steps
                .iter()
                .position(|step| *step == question)
                .is_some_and(|index| {
                    steps[..index]
                        .iter()
                        .all(|step| self.answers.get(*step).is_some())
                }),
            Screen::Crisis(question) => {
                self.is_reachable(Screen::Asking(question))
                    && self
                        .answers
                        .get(question)
                        .is_some_and(|value| raises_crisis(question, value))
            }
        }
    }
}

// Native (where `cfg(plus)` always holds): they drive the count and pre-check screens too.
#[cfg(all(test, plus))]
mod tests;
