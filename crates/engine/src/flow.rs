//! Which questions apply, in which order, given the answers so far. This is the only
//! place branching lives; the widget and the scorer ask here.

use crate::answers::{Answers, Part, Question};
use crate::instrument::{instrument, InstrumentId};

/// How the instruments are administered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Every item of every instrument.
    #[default]
    Full,
    /// The PHQ-2/GAD-2 items first; the rest only when the short form is positive.
    Adaptive,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Full, Mode::Adaptive];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Full => "full",
            Mode::Adaptive => "adaptive",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// The ordered questions that apply given the answers so far.
///
/// A branch not yet determined counts as taken, so the list is an upper bound that
/// shrinks as answers come in: a progress bar may show `position / steps().len()`.
/// Visitors answer in order, so every branch before the current question is
/// determined. Per instrument, in the order given:
/// - the gate, if any; answered with anything but `continue_when`, nothing more;
/// - the items; in [`Mode::Adaptive`] with a screener, the screener's items, then the
///   rest unless every screener item is answered and their sum is below its
///   `positive_at`;
/// - the follow-up, if any, when every item is included and some item is unanswered
///   or above 0.
pub fn steps(instruments: &[InstrumentId], mode: Mode, answers: &Answers) -> Vec<Question> {
    let mut out = Vec::new();
    for &id in instruments {
        instrument_steps(id, mode, answers, &mut out);
    }
    out
}

fn instrument_steps(id: InstrumentId, mode: Mode, answers: &Answers, out: &mut Vec<Question>) {
    let inst = instrument(id);
    let q = |part| Question::new(id, part);
    if let Some(gate) = &inst.gate {
        out.push(q(Part::Gate));
        if answers
            .get(q(Part::Gate))
            .is_some_and(|v| v != gate.continue_when)
        {
            return;
        }
    }
    #[cfg(plus)]
    if inst.count_max().is_some() {
        out.push(q(Part::Count));
        return;
    }
    let count = match (mode, &inst.screener) {
        (Mode::Adaptive, Some(s)) if screener_negative(id, s.items, s.positive_at, answers) => {
            s.items
        }
        _ => inst.items.len() as u8,
    };
    out.extend((0..count).map(|i| q(Part::Item(i))));
    if inst.follow_up.is_some() && usize::from(count) == inst.items.len() {
        let mut values = (0..count).map(|i| answers.get(q(Part::Item(i))));
        if values.any(|v| v != Some(0)) {
            out.push(q(Part::FollowUp));
        }
    }
}

fn screener_negative(id: InstrumentId, items: u8, positive_at: u8, answers: &Answers) -> bool {
    let mut sum = 0u16;
    for i in 0..items {
        match answers.get(Question::new(id, Part::Item(i))) {
            Some(v) => sum += u16::from(v),
            None => return false,
        }
    }
    sum < u16::from(positive_at)
}

/// Drops answers to questions that no longer apply: after a visitor goes back and
/// says No to exposure, the five PC-PTSD-5 answers go; when every PHQ-9 item is 0,
/// the difficulty answer goes; when a PHQ-2 turns negative, items 3-9 go. Answers
/// to instruments not in `instruments` go too.
pub fn prune(instruments: &[InstrumentId], mode: Mode, answers: &mut Answers) {
    // One pass suffices today (no branch depends on an answer a pass can drop and
    // that is still asked), but looping keeps that true if a rule ever chains.
    loop {
        let keep = steps(instruments, mode, answers);
        let drop: Vec<Question> = answers
            .answered()
            .map(|(q, _)| q)
            .filter(|q| !keep.contains(q))
            .collect();
        if drop.is_empty() {
            return;
        }
        for q in drop {
            answers.unset(q);
        }
    }
}

/// The first question in [`steps`] without an answer.
pub fn next_unanswered(
    instruments: &[InstrumentId],
    mode: Mode,
    answers: &Answers,
) -> Option<Question> {
    steps(instruments, mode, answers)
        .into_iter()
        .find(|&q| answers.get(q).is_none())
}

/// Every question in [`steps`] is answered, follow-ups included.
pub fn is_complete(instruments: &[InstrumentId], mode: Mode, answers: &Answers) -> bool {
    next_unanswered(instruments, mode, answers).is_none()
}

/// About how long `questions` questions take, in whole minutes: eight seconds a question, which
/// puts the default questionnaire (23 questions) at the 3 minutes it has always been said to
/// take. Rounded, never under one minute. A product estimate, not a measured one.
pub fn estimated_minutes(questions: usize) -> usize {
    ((questions * 8 + 30) / 60).max(1)
}

/// Whether this answer calls for the crisis panel at once (PHQ-9 item 9 ≥ 1).
pub fn raises_crisis(question: Question, value: u8) -> bool {
    match (
        question.part,
        &instrument(question.instrument).scoring.crisis,
    ) {
        (Part::Item(i), Some(rule)) => i == rule.item && value >= rule.at,
        _ => false,
    }
}

/// Whether any answer given calls for the crisis panel.
pub fn crisis_raised(answers: &Answers) -> bool {
    answers.answered().any(|(q, v)| raises_crisis(q, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use InstrumentId::*;

    fn item(id: InstrumentId, i: u8) -> Question {
        Question::new(id, Part::Item(i))
    }

    fn answered(pairs: &[(Question, u8)]) -> Answers {
        let mut a = Answers::new();
        for &(q, v) in pairs {
            a.set(q, v).unwrap();
        }
        a
    }

    #[test]
    fn the_estimate_grows_with_the_questions_and_keeps_the_default_at_three_minutes() {
        let default = steps(&InstrumentId::DEFAULT, Mode::Full, &Answers::new()).len();
        assert_eq!(estimated_minutes(default), 3);
        assert_eq!(estimated_minutes(1), 1);
        let all = steps(&InstrumentId::ALL, Mode::Full, &Answers::new()).len();
        assert!(estimated_minutes(all) > estimated_minutes(default));
    }

    #[test]
    fn with_no_answers_every_branch_counts_as_taken() {
        let s = steps(&InstrumentId::ALL, Mode::Adaptive, &Answers::new());
        // 9 PHQ-9 items + difficulty, 7 GAD-7 items, exposure + 5 PC-PTSD-5 items, 3 AUDIT-C
        // items, the drug question's count.
        assert_eq!(s.len(), 10 + 7 + 6 + 3 + 1);
        assert_eq!(s[0], item(Phq9, 0));
        assert_eq!(s[17], Question::new(Pcptsd5, Part::Gate));
        assert_eq!(s[23], item(Auditc, 0));
        assert_eq!(s[26], Question::new(Sqds, Part::Count));
    }

    #[test]
    fn exposure_no_ends_the_pcptsd5() {
        let a = answered(&[(Question::new(Pcptsd5, Part::Gate), 0)]);
        assert_eq!(
            steps(&[Pcptsd5], Mode::Full, &a),
            [Question::new(Pcptsd5, Part::Gate)]
        );
    }

    #[test]
    fn a_negative_phq2_stops_the_phq9_in_adaptive_mode_only() {
        let a = answered(&[(item(Phq9, 0), 1), (item(Phq9, 1), 1)]);
        assert_eq!(
            steps(&[Phq9], Mode::Adaptive, &a),
            [item(Phq9, 0), item(Phq9, 1)]
        );
        assert_eq!(steps(&[Phq9], Mode::Full, &a).len(), 10);
        let b = answered(&[(item(Phq9, 0), 1), (item(Phq9, 1), 2)]);
        assert_eq!(steps(&[Phq9], Mode::Adaptive, &b).len(), 10);
    }

    #[test]
    fn difficulty_is_asked_only_while_some_item_may_be_above_zero() {
        let zeros: Vec<_> = (0..9).map(|i| (item(Phq9, i), 0)).collect();
        assert_eq!(steps(&[Phq9], Mode::Full, &answered(&zeros)).len(), 9);
        assert_eq!(steps(&[Phq9], Mode::Full, &answered(&zeros[..8])).len(), 10);
    }

    #[test]
    fn prune_drops_items_after_exposure_turns_no() {
        let gate = Question::new(Pcptsd5, Part::Gate);
        let mut a = answered(&[(gate, 1), (item(Pcptsd5, 0), 1), (item(Pcptsd5, 4), 0)]);
        a.set(gate, 0).unwrap();
        prune(&[Pcptsd5], Mode::Full, &mut a);
        assert_eq!(a, answered(&[(gate, 0)]));
    }

    #[test]
    fn next_unanswered_walks_in_order_and_ends_complete() {
        let mut a = Answers::new();
        assert_eq!(
            next_unanswered(&[Gad7], Mode::Full, &a),
            Some(item(Gad7, 0))
        );
        for i in 0..7 {
            a.set(item(Gad7, i), 0).unwrap();
        }
        assert!(is_complete(&[Gad7], Mode::Full, &a));
    }

    #[test]
    fn only_item_nine_above_zero_raises_the_crisis() {
        assert!(raises_crisis(item(Phq9, 8), 1));
        assert!(!raises_crisis(item(Phq9, 8), 0));
        assert!(!raises_crisis(item(Phq9, 7), 3));
        assert!(!raises_crisis(item(Gad7, 6), 3));
        assert!(crisis_raised(&answered(&[(item(Phq9, 8), 2)])));
        assert!(!crisis_raised(&answered(&[(item(Phq9, 0), 3)])));
    }
}
