//! The questionnaire as one state machine: `Intro → Asking(q) → Crisis(q) → … → Results`.
//!
//! Every change of state happens in `Questionnaire::reduce`, testable without a browser. Which
//! question comes next, what applies and what is dropped when an answer changes are all asked
//! of the engine (`steps`, `prune`, `raises_crisis`); nothing clinical is decided here.

use std::rc::Rc;

use selfcheck_engine::json::{self, Map, Value};
use selfcheck_engine::{
    crisis_raised, is_complete, prune, raises_crisis, score, steps, Answers, InstrumentId, Mode,
    Part, PtsdCutoff, Question, Report,
};
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Intro,
    Asking(Question),
    /// The crisis panel, shown right after `Question` was answered in a way that raises it.
    Crisis(Question),
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
    /// Move on from this question. Naming it makes a late duplicate (a pointer's auto-advance
    /// timer racing a click on Next) harmless instead of skipping the following question.
    Next(Question),
    Back,
    ContinueAfterCrisis,
    StartOver,
    /// The page changed the instruments or the mode: a different questionnaire starts afresh;
    /// the same one is left alone.
    Reconfigure {
        instruments: Rc<[InstrumentId]>,
        mode: Mode,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub instruments: Rc<[InstrumentId]>,
    pub mode: Mode,
    pub answers: Answers,
    pub screen: Screen,
    /// Next was pressed without an answer: the screen says what is missing.
    pub needs_answer: bool,
    /// The state came back from sessionStorage.
    pub resumed: bool,
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
            answers: Answers::new(),
            screen: Screen::Intro,
            needs_answer: false,
            resumed: false,
        }
    }

    pub fn steps(&self) -> Vec<Question> {
        steps(&self.instruments, self.mode, &self.answers)
    }

    pub fn progress(&self) -> Option<Progress> {
        let current = match self.screen {
            Screen::Asking(question) | Screen::Crisis(question) => question,
            Screen::Intro | Screen::Results => return None,
        };
        let steps = self.steps();
        let index = steps.iter().position(|step| *step == current)?;
        Some(Progress {
            position: index + 1,
            total: steps.len(),
        })
    }

    /// True on the last question that applies: its Next button leads to the results.
    pub fn is_last_question(&self) -> bool {
        self.progress()
            .is_some_and(|progress| progress.position == progress.total)
    }

    /// The clinic's cut-off is not part of the questionnaire: changing it re-scores the same
    /// answers rather than starting again.
    pub fn report(&self, ptsd_cutoff: PtsdCutoff) -> Option<Report> {
        score(&self.instruments, self.mode, ptsd_cutoff, &self.answers).ok()
    }

    pub fn crisis_raised(&self) -> bool {
        crisis_raised(&self.answers)
    }

    fn apply(&mut self, action: Action) {
        self.needs_answer = false;
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
                self.screen = self
                    .steps()
                    .last()
                    .map_or(Screen::Intro, |last| Screen::Asking(*last));
            }
            (Action::StartOver, _) => {
                *self = Questionnaire::new(&self.instruments, self.mode);
            }
            (Action::Reconfigure { instruments, mode }, _)
                if instruments != self.instruments || mode != self.mode =>
            {
                *self = Questionnaire::new(&instruments, mode);
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
            None if is_complete(&self.instruments, self.mode, &self.answers) => Screen::Results,
            None => steps
                .first()
                .map_or(Screen::Intro, |first| Screen::Asking(*first)),
        }
    }

    fn after(&self, question: Question) -> Screen {
        let steps = self.steps();
        let next = steps
            .iter()
            .position(|step| *step == question)
            .and_then(|index| steps.get(index + 1));
        match next {
            Some(next) => Screen::Asking(*next),
            None if is_complete(&self.instruments, self.mode, &self.answers) => Screen::Results,
            // Unreachable when visitors answer in order; if an earlier answer is missing, ask it.
            None => self.first_open_screen(),
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
pub fn questionnaire_key(instruments: &[InstrumentId], mode: Mode) -> String {
    let ids: Vec<&str> = instruments.iter().map(|id| id.as_str()).collect();
    format!("{}|{}", ids.join(","), mode.as_str())
}

/// A stable text key for a question: `phq9.3`, `pcptsd5.gate`, `phq9.follow_up`.
pub fn question_key(question: Question) -> String {
    let part = match question.part {
        Part::Gate => "gate".to_string(),
        Part::Item(index) => index.to_string(),
        Part::FollowUp => "follow_up".to_string(),
    };
    format!("{}.{part}", question.instrument.as_str())
}

fn decode_question(text: &str) -> Option<Question> {
    let (id, part) = text.split_once('.')?;
    let part = match part {
        "gate" => Part::Gate,
        "follow_up" => Part::FollowUp,
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
            Screen::Results => "results".to_string(),
        };
        let saved = Saved {
            setup: questionnaire_key(&self.instruments, self.mode),
            answers: self.answers.clone(),
            at,
        };
        Some(saved.to_json())
    }

    /// Restores saved progress for this configuration. Anything that does not fit — another
    /// configuration, tampered or outdated data, a question out of order — starts afresh
    /// rather than trusting it.
    pub fn restore(instruments: &[InstrumentId], mode: Mode, saved: &str) -> Questionnaire {
        let mut state = Questionnaire::new(instruments, mode);
        let Some(saved) = Saved::from_json(saved) else {
            return state;
        };
        if saved.setup != questionnaire_key(instruments, mode) {
            return state;
        }
        state.answers = saved.answers;
        prune(instruments, mode, &mut state.answers);
        let open = state.first_open_screen();
        let requested = match saved.at.as_str() {
            "intro" => Some(Screen::Intro),
            "results" => Some(Screen::Results),
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
            Screen::Results => is_complete(&self.instruments, self.mode, &self.answers),
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

#[cfg(test)]
mod tests;
