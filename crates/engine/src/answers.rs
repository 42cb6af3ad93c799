//! A visitor's answers, validated on the way in.

use core::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::instrument::{instrument, Choice, InstrumentId};

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
            Part::Item(i) if usize::from(i) < inst.items.len() => Some(inst.options),
            Part::Item(_) => None,
            Part::FollowUp => inst.follow_up.as_ref().map(|f| f.options),
        }
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

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            AnswerError::NoSuchQuestion(q) => {
                write!(f, "{}: there is no {}", q.instrument, q.part_name())
            }
            AnswerError::NotAnOption { question, value } => {
                let mut scores: Vec<u8> = question
                    .options()
                    .unwrap_or(&[])
                    .iter()
                    .map(|o| o.score)
                    .collect();
                scores.sort_unstable();
                let contiguous = scores.windows(2).all(|w| w[1] == w[0] + 1);
                let allowed = match (scores.first(), scores.last()) {
                    (Some(lo), Some(hi)) if contiguous && lo != hi => format!("{lo}-{hi}"),
                    _ => scores
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                };
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    gate: Option<u8>,
    /// Trailing `None`s are trimmed, so equal answers compare equal.
    #[serde(rename = "i", default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<Option<u8>>,
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    follow_up: Option<u8>,
}

impl Set {
    fn is_empty(&self) -> bool {
        self.gate.is_none() && self.items.is_empty() && self.follow_up.is_none()
    }
}

/// Every answer given so far, for any instruments. Only values that are one of the
/// question's option scores get in, through [`Answers::set`] or deserialization.
///
/// Serialized compactly, e.g. `{"phq9":{"i":[1,0,2],"f":1},"pcptsd5":{"g":0}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    sets: [Set; InstrumentId::ALL.len()],
}

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn set(&mut self, question: Question, value: u8) -> Result<(), AnswerError> {
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

    pub fn unset(&mut self, question: Question) {
        let set = &mut self.sets[question.instrument.index()];
        match question.part {
            Part::Gate => set.gate = None,
            Part::FollowUp => set.follow_up = None,
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

    pub fn get(&self, question: Question) -> Option<u8> {
        let set = &self.sets[question.instrument.index()];
        match question.part {
            Part::Gate => set.gate,
            Part::FollowUp => set.follow_up,
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
            gate.into_iter().chain(items).chain(follow_up)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.sets.iter().all(Set::is_empty)
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let present = InstrumentId::ALL
            .into_iter()
            .filter(|id| !self.sets[id.index()].is_empty());
        let mut map = serializer.serialize_map(Some(present.clone().count()))?;
        for id in present {
            map.serialize_entry(id.as_str(), &self.sets[id.index()])?;
        }
        map.end()
    }
}

/// Stored answers come back from `sessionStorage`, which a visitor can edit, so
/// every value passes [`Answers::set`] again.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answers, D::Error> {
        struct AnswersVisitor;
        impl<'de> Visitor<'de> for AnswersVisitor {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from instrument id to answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut answers = Answers::new();
                while let Some(key) = map.next_key::<String>()? {
                    let id = InstrumentId::parse(&key).ok_or_else(|| {
                        de::Error::custom(format_args!("unknown instrument `{key}`"))
                    })?;
                    let set: Set = map.next_value()?;
                    let q = |part| Question::new(id, part);
                    let items = set.items.iter().enumerate();
                    let parts = set
                        .gate
                        .map(|v| (q(Part::Gate), v))
                        .into_iter()
                        .chain(items.filter_map(|(i, v)| {
                            let i = u8::try_from(i).unwrap_or(u8::MAX);
                            v.map(|v| (q(Part::Item(i)), v))
                        }))
                        .chain(set.follow_up.map(|v| (q(Part::FollowUp), v)));
                    for (question, value) in parts {
                        answers.set(question, value).map_err(de::Error::custom)?;
                    }
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(AnswersVisitor)
    }
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
    fn answers_serialize_compactly_and_round_trip() {
        let mut a = Answers::new();
        a.set(q(Phq9, Part::Item(0)), 1).unwrap();
        a.set(q(Phq9, Part::Item(2)), 2).unwrap();
        a.set(q(Phq9, Part::FollowUp), 3).unwrap();
        a.set(q(Pcptsd5, Part::Gate), 0).unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"phq9":{"i":[1,null,2],"f":3},"pcptsd5":{"g":0}}"#);
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
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
            r#"[]"#,
        ] {
            assert!(serde_json::from_str::<Answers>(bad).is_err(), "{bad}");
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
