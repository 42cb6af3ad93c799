//! A visitor's answers, validated on the way in.

use core::fmt;

use crate::instrument::{instrument, Choice, InstrumentId};
use crate::json::{Map, Value};
use crate::precheck::Precheck;

/// One question of one instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Question {
    pub instrument: InstrumentId,
    pub part: Part,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The question that can end the instrument early (PC-PTSD-5 exposure).
    Gate,
    /// A scored item, 0-based.
    Item(u8),
    /// The unscored question after the items (PHQ-9 difficulty).
    FollowUp,
    /// A whole number instead of items, for an instrument that asks how many times (the
    /// single drug question). Only in the plus build (`cfg(plus)`, build.rs).
    #[cfg(plus)]
    Count,
}

impl Part {
    /// Whether the answer adds to the total: an item, or a count.
    pub fn is_scored(self) -> bool {
        match self {
            Part::Item(_) => true,
            #[cfg(plus)]
            Part::Count => true,
            Part::Gate | Part::FollowUp => false,
        }
    }
}

impl Question {
    pub fn new(instrument: InstrumentId, part: Part) -> Question {
        Question { instrument, part }
    }

    /// The options a visitor chooses from; `None` if the instrument has no such
    /// question.
    pub fn options(self) -> Option<&'static [Choice]> {
        let inst = instrument(self.instrument);
        match self.part {
            Part::Gate => inst.gate.as_ref().map(|g| g.options),
            // A count instrument's one item is its question's wording, answered by `Part::Count`.
            Part::Item(_) if inst.count_max().is_some() => None,
            Part::Item(i) if usize::from(i) < inst.items.len() => Some(inst.options_of(i)),
            Part::Item(_) => None,
            Part::FollowUp => inst.follow_up.as_ref().map(|f| f.options),
            #[cfg(plus)]
            Part::Count => None,
        }
    }

    /// The highest number a count question takes; `None` for every other question.
    pub fn count_max(self) -> Option<u16> {
        #[cfg(plus)]
        if self.part == Part::Count {
            return instrument(self.instrument).count_max;
        }
        None
    }

    /// How messages name the part: `item 4` (1-based, as on the paper form),
    /// `exposure`, `difficulty`.
    fn part_name(self) -> String {
        let inst = instrument(self.instrument);
        match self.part {
            Part::Gate => inst.gate.as_ref().map_or("gate", |g| g.key).into(),
            Part::Item(i) => format!("item {}", u16::from(i) + 1),
            Part::FollowUp => inst
                .follow_up
                .as_ref()
                .map_or("follow-up", |f| f.key)
                .into(),
            #[cfg(plus)]
            Part::Count => "count".into(),
        }
    }
}

impl fmt::Display for Question {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.instrument, self.part_name())
    }
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The instrument has no such question (item 12 of the PHQ-9, a PHQ-9 gate).
    NoSuchQuestion(Question),
    /// The value is none of the question's option scores. `i64` so that callers
    /// reading numbers from files can report any number they found.
    NotAnOption { question: Question, value: i64 },
}

/// The `allowed` part of a refusal: `0-3`, `0, 1`, or a count's `0-999`.
fn allowed_values(question: Question) -> String {
    if let Some(max) = question.count_max() {
        return format!("a whole number 0-{max}");
    }
    let mut scores: Vec<u8> = question
        .options()
        .unwrap_or(&[])
        .iter()
        .map(|o| o.score)
        .collect();
    scores.sort_unstable();
    let contiguous = scores.windows(2).all(|w| w[1] == w[0] + 1);
    match (scores.first(), scores.last()) {
        (Some(lo), Some(hi)) if contiguous && lo != hi => format!("{lo}-{hi}"),
        _ => scores
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            AnswerError::NoSuchQuestion(q) => {
                write!(f, "{}: there is no {}", q.instrument, q.part_name())
            }
            AnswerError::NotAnOption { question, value } => {
                let allowed = allowed_values(question);
                write!(
                    f,
                    "{}: {} is {value}, allowed {allowed}",
                    question.instrument,
                    question.part_name()
                )
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// Answers to one instrument. Field names are one letter because the widget keeps
/// this in `sessionStorage` on every answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Set {
    /// `g`
    gate: Option<u8>,
    /// `i`. Trailing `None`s are trimmed, so equal answers compare equal.
    items: Vec<Option<u8>>,
    /// `f`
    follow_up: Option<u8>,
    /// `n`
    count: Option<u16>,
}

impl Set {
    fn is_empty(&self) -> bool {
        self.gate.is_none()
            && self.items.is_empty()
            && self.follow_up.is_none()
            && self.count.is_none()
    }
}

/// Every answer given so far, for any instruments. Only values that are one of the
/// question's option scores get in, through [`Answers::set`] or deserialization.
///
/// Serialized compactly, e.g. `{"phq9":{"i":[1,0,2],"f":1},"pcptsd5":{"g":0}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    sets: [Set; InstrumentId::ALL.len()],
    /// Pre-check answers, kept with the rest but never scored. Trailing `None`s are trimmed.
    prechecks: [Vec<Option<u8>>; Precheck::ALL.len()],
}

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn set(&mut self, question: Question, value: u8) -> Result<(), AnswerError> {
        #[cfg(plus)]
        if question.part == Part::Count {
            return self.set_count(question, u16::from(value));
        }
        let options = question
            .options()
            .ok_or(AnswerError::NoSuchQuestion(question))?;
        if !options.iter().any(|o| o.score == value) {
            return Err(AnswerError::NotAnOption {
                question,
                value: value.into(),
            });
        }
        let set = &mut self.sets[question.instrument.index()];
        match question.part {
            Part::Gate => set.gate = Some(value),
            Part::FollowUp => set.follow_up = Some(value),
            #[cfg(plus)]
            Part::Count => unreachable!("counts are set above"),
            Part::Item(i) => {
                let i = usize::from(i);
                if set.items.len() <= i {
                    set.items.resize(i + 1, None);
                }
                set.items[i] = Some(value);
            }
        }
        Ok(())
    }

    /// Records how many times, for a count question; refused above its `count_max`.
    pub fn set_count(&mut self, question: Question, count: u16) -> Result<(), AnswerError> {
        let max = question
            .count_max()
            .ok_or(AnswerError::NoSuchQuestion(question))?;
        if count > max {
            return Err(AnswerError::NotAnOption {
                question,
                value: count.into(),
            });
        }
        self.sets[question.instrument.index()].count = Some(count);
        Ok(())
    }

    /// The number given to a count question.
    pub fn count(&self, question: Question) -> Option<u16> {
        #[cfg(plus)]
        if question.part == Part::Count {
            return self.sets[question.instrument.index()].count;
        }
        #[cfg(not(plus))]
        let _ = question;
        None
    }

    pub fn unset(&mut self, question: Question) {
        let set = &mut self.sets[question.instrument.index()];
        match question.part {
            Part::Gate => set.gate = None,
            Part::FollowUp => set.follow_up = None,
            #[cfg(plus)]
            Part::Count => set.count = None,
            Part::Item(i) => {
                if let Some(slot) = set.items.get_mut(usize::from(i)) {
                    *slot = None;
                }
                while set.items.last() == Some(&None) {
                    set.items.pop();
                }
            }
        }
    }

    /// The answer's score. For a count, the number itself capped at 255 (a score, as the
    /// total is one); [`Answers::count`] gives it whole.
    pub fn get(&self, question: Question) -> Option<u8> {
        let set = &self.sets[question.instrument.index()];
        match question.part {
            Part::Gate => set.gate,
            Part::FollowUp => set.follow_up,
            #[cfg(plus)]
            Part::Count => set.count.map(|n| u8::try_from(n).unwrap_or(u8::MAX)),
            Part::Item(i) => set.items.get(usize::from(i)).copied().flatten(),
        }
    }

    /// Every answered question with its value, instrument by instrument in
    /// [`InstrumentId::ALL`] order, gate, items, then follow-up.
    pub fn answered(&self) -> impl Iterator<Item = (Question, u8)> + '_ {
        InstrumentId::ALL.into_iter().flat_map(move |id| {
            let set = &self.sets[id.index()];
            let q = move |part| Question::new(id, part);
            let gate = set.gate.map(|v| (q(Part::Gate), v));
            let items = set
                .items
                .iter()
                .enumerate()
                .filter_map(move |(i, v)| v.map(|v| (q(Part::Item(i as u8)), v)));
            let follow_up = set.follow_up.map(|v| (q(Part::FollowUp), v));
            #[cfg(plus)]
            let count = self.get(q(Part::Count)).map(|v| (q(Part::Count), v));
            #[cfg(not(plus))]
            let count = None;
            gate.into_iter().chain(items).chain(follow_up).chain(count)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.sets.iter().all(Set::is_empty) && self.prechecks.iter().all(Vec::is_empty)
    }

    /// A pre-check answer, by 0-based question index.
    pub fn precheck(&self, precheck: Precheck, index: u8) -> Option<u8> {
        self.prechecks[precheck.index()]
            .get(usize::from(index))
            .copied()
            .flatten()
    }

    /// Records a pre-check answer; only one of the question's option values gets in.
    pub fn set_precheck(&mut self, precheck: Precheck, index: u8, value: u8) -> Result<(), String> {
        let question = precheck
            .question(index)
            .ok_or_else(|| format!("{precheck}: there is no question {}", u16::from(index) + 1))?;
        if question.option(value).is_none() {
            return Err(format!(
                "{precheck}: question {} is {value}, not one of its answers",
                u16::from(index) + 1
            ));
        }
        let slots = &mut self.prechecks[precheck.index()];
        let index = usize::from(index);
        if slots.len() <= index {
            slots.resize(index + 1, None);
        }
        slots[index] = Some(value);
        Ok(())
    }

    /// Drops the answers of every pre-check but `keep`.
    pub fn keep_precheck(&mut self, keep: Option<Precheck>) {
        for precheck in Precheck::ALL {
            if Some(precheck) != keep {
                self.prechecks[precheck.index()].clear();
            }
        }
    }
}

/// The JSON form, e.g. `{"phq9":{"i":[1,null,2],"f":3},"pcptsd5":{"g":0}}`: instruments in
/// [`InstrumentId::ALL`] order, empty parts left out. (Written by hand rather than with
/// serde_json, which would cost the widget's wasm far more than this; see `json`.)
impl Answers {
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        for id in InstrumentId::ALL {
            let set = &self.sets[id.index()];
            if set.is_empty() {
                continue;
            }
            let mut fields = Map::new();
            if let Some(gate) = set.gate {
                fields.push("g", Value::int(gate));
            }
            if !set.items.is_empty() {
                let items = set.items.iter().map(|v| v.map_or(Value::Null, Value::int));
                fields.push("i", Value::Array(items.collect()));
            }
            if let Some(follow_up) = set.follow_up {
                fields.push("f", Value::int(follow_up));
            }
            if let Some(count) = set.count {
                fields.push("n", Value::int(count));
            }
            map.push(id.as_str(), Value::Object(fields));
        }
        for precheck in Precheck::ALL {
            let slots = &self.prechecks[precheck.index()];
            if !slots.is_empty() {
                let mut fields = Map::new();
                let items = slots.iter().map(|v| v.map_or(Value::Null, Value::int));
                fields.push("i", Value::Array(items.collect()));
                map.push(precheck.as_str(), Value::Object(fields));
            }
        }
        Value::Object(map)
    }

    /// Stored answers come back from `sessionStorage`, which a visitor can edit, so
    /// every value passes [`Answers::set`] again; anything unexpected is refused.
    pub fn from_json(value: &Value) -> Result<Answers, String> {
        let Value::Object(map) = value else {
            return Err("expected a map from instrument id to answers".into());
        };
        let mut answers = Answers::new();
        for (key, fields) in map {
            if let Some(precheck) = Precheck::parse(key) {
                read_precheck(&mut answers, precheck, fields)?;
                continue;
            }
            let id =
                InstrumentId::parse(key).ok_or_else(|| format!("unknown instrument `{key}`"))?;
            let Value::Object(fields) = fields else {
                return Err(format!("{key}: expected an object"));
            };
            let score = |value: &Value| match value {
                Value::Null => Ok(None),
                other => other
                    .as_u8()
                    .map(Some)
                    .ok_or_else(|| format!("{key}: expected a score")),
            };
            let q = |part| Question::new(id, part);
            for (field, value) in fields {
                let parts: Vec<(Question, Option<u8>)> = match field.as_str() {
                    "g" => vec![(q(Part::Gate), score(value)?)],
                    "f" => vec![(q(Part::FollowUp), score(value)?)],
                    #[cfg(plus)]
                    "n" => {
                        let count = value
                            .as_u16()
                            .ok_or_else(|| format!("{key}: expected a whole number"))?;
                        answers
                            .set_count(q(Part::Count), count)
                            .map_err(|e| e.to_string())?;
                        Vec::new()
                    }
                    "i" => {
                        let Value::Array(items) = value else {
                            return Err(format!("{key}: expected a list of items"));
                        };
                        let mut parts = Vec::with_capacity(items.len());
                        for (i, item) in items.iter().enumerate() {
                            let i = u8::try_from(i).unwrap_or(u8::MAX);
                            parts.push((q(Part::Item(i)), score(item)?));
                        }
                        parts
                    }
                    other => return Err(format!("{key}: unknown field `{other}`")),
                };
                for (question, value) in parts {
                    if let Some(value) = value {
                        answers.set(question, value).map_err(|e| e.to_string())?;
                    }
                }
            }
        }
        Ok(answers)
    }
}

/// A pre-check's stored answers, `{"i":[1,0,null,2]}`, each checked again on the way in.
fn read_precheck(answers: &mut Answers, precheck: Precheck, fields: &Value) -> Result<(), String> {
    let Value::Object(fields) = fields else {
        return Err(format!("{precheck}: expected an object"));
    };
    for (field, value) in fields {
        let (Some("i"), Value::Array(items)) = (Some(field.as_str()), value) else {
            return Err(format!("{precheck}: expected only a list `i`"));
        };
        for (index, item) in items.iter().enumerate() {
            if matches!(item, Value::Null) {
                continue;
            }
            let value = item
                .as_u8()
                .ok_or_else(|| format!("{precheck}: expected an answer value"))?;
            let index = u8::try_from(index).map_err(|_| format!("{precheck}: too many answers"))?;
            answers.set_precheck(precheck, index, value)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use InstrumentId::*;

    fn q(id: InstrumentId, part: Part) -> Question {
        Question::new(id, part)
    }

    #[test]
    fn a_value_outside_the_options_is_refused_with_the_allowed_range() {
        let err = Answers::new().set(q(Phq9, Part::Item(3)), 5).unwrap_err();
        assert_eq!(err.to_string(), "phq9: item 4 is 5, allowed 0-3");
    }

    #[test]
    fn questions_an_instrument_does_not_have_are_refused() {
        let mut a = Answers::new();
        assert_eq!(
            a.set(q(Phq9, Part::Item(9)), 0),
            Err(AnswerError::NoSuchQuestion(q(Phq9, Part::Item(9))))
        );
        assert!(a.set(q(Phq9, Part::Gate), 1).is_err());
        assert!(a.set(q(Gad7, Part::FollowUp), 1).is_err());
        assert_eq!(
            a.set(q(Pcptsd5, Part::Gate), 2).unwrap_err().to_string(),
            "pcptsd5: exposure is 2, allowed 0-1"
        );
    }

    #[test]
    fn the_drug_question_is_answered_only_with_its_count() {
        let mut a = Answers::new();
        assert_eq!(q(Sqds, Part::Item(0)).options(), None);
        assert_eq!(
            a.set(q(Sqds, Part::Item(0)), 0).unwrap_err().to_string(),
            "sqds: there is no item 1"
        );
        assert_eq!(
            a.set_count(q(Auditc, Part::Count), 1),
            Err(AnswerError::NoSuchQuestion(q(Auditc, Part::Count)))
        );
        a.set(q(Sqds, Part::Count), 200).unwrap();
        assert_eq!(a.count(q(Sqds, Part::Count)), Some(200));
        a.set_count(q(Sqds, Part::Count), 999).unwrap();
        assert_eq!(
            (a.count(q(Sqds, Part::Count)), a.get(q(Sqds, Part::Count))),
            (Some(999), Some(255)),
            "the score is the count capped at 255"
        );
        assert!(!a.is_empty());
        a.unset(q(Sqds, Part::Count));
        assert!(a.is_empty());
    }

    #[test]
    fn answers_serialize_compactly_and_round_trip() {
        let mut a = Answers::new();
        a.set(q(Phq9, Part::Item(0)), 1).unwrap();
        a.set(q(Phq9, Part::Item(2)), 2).unwrap();
        a.set(q(Phq9, Part::FollowUp), 3).unwrap();
        a.set(q(Pcptsd5, Part::Gate), 0).unwrap();
        let json = a.to_json().to_json();
        assert_eq!(json, r#"{"phq9":{"i":[1,null,2],"f":3},"pcptsd5":{"g":0}}"#);
        assert_eq!(
            Answers::from_json(&crate::json::parse(&json).unwrap()),
            Ok(a)
        );
        assert_eq!(Answers::new().to_json().to_json(), "{}");
    }

    #[test]
    fn unsetting_the_last_item_trims_so_equal_answers_compare_equal() {
        let mut a = Answers::new();
        a.set(q(Gad7, Part::Item(4)), 1).unwrap();
        a.unset(q(Gad7, Part::Item(4)));
        assert_eq!(a, Answers::new());
        assert!(a.is_empty());
    }

    #[test]
    fn stored_answers_with_invalid_values_do_not_deserialize() {
        for bad in [
            r#"{"phq9":{"i":[4]}}"#,
            r#"{"phq9":{"i":[0,0,0,0,0,0,0,0,0,0]}}"#,
            r#"{"gad7":{"f":1}}"#,
            r#"{"phq10":{}}"#,
            r#"{"phq9":{"x":1}}"#,
            r#"{"phq9":{"i":[1.0]}}"#,
            r#"{"phq9":{"i":[-1]}}"#,
            r#"{"phq9":{"g":1}}"#,
            r#"{"phq9":[]}"#,
            r#"{"phq9":{"i":{}}}"#,
            r#"[]"#,
        ] {
            let value = crate::json::parse(bad).unwrap();
            assert!(Answers::from_json(&value).is_err(), "{bad}");
        }
    }

    #[test]
    fn answered_lists_gate_items_and_follow_up_in_order() {
        let mut a = Answers::new();
        a.set(q(Pcptsd5, Part::Item(1)), 1).unwrap();
        a.set(q(Pcptsd5, Part::Gate), 1).unwrap();
        a.set(q(Phq9, Part::FollowUp), 0).unwrap();
        let got: Vec<_> = a.answered().collect();
        assert_eq!(
            got,
            [
                (q(Phq9, Part::FollowUp), 0),
                (q(Pcptsd5, Part::Gate), 1),
                (q(Pcptsd5, Part::Item(1)), 1)
            ]
        );
    }
}
