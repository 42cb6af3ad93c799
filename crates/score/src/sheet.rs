//! One respondent's answers as read from a line, before the engine scores them.
//! JSON Lines and CSV both read into a [`Sheet`], so both formats are checked and
//! scored the same way.

use selfcheck_engine::{
    instrument, prune, score_instrument, AnswerError, Answers, Cutoffs, InstrumentId,
    InstrumentResult, Mode, Part, Question, Report,
};
use serde_json::Value;

/// A value as found in the input, kept raw so a message can say what it was.
#[derive(Clone, Debug)]
pub enum Cell {
    Int(i64),
    Bool(bool),
    Other(String),
}

/// One instrument's answers; `items` is positional, `None` where nothing was given.
#[derive(Debug, Default)]
pub struct Given {
    pub gate: Option<Cell>,
    pub items: Vec<Option<Cell>>,
    pub follow_up: Option<Cell>,
    /// The number given to an instrument that asks one instead of items (`sqds`).
    pub count: Option<Cell>,
}

#[derive(Debug, Default)]
pub struct Sheet {
    /// Echoed back as found: a string or a number.
    pub id: Option<Value>,
    /// In `InstrumentId::ALL` order, which is also the order of the results.
    pub given: Vec<(InstrumentId, Given)>,
}

impl Sheet {
    pub fn entry(&mut self, id: InstrumentId) -> &mut Given {
        let at = match self.given.iter().position(|(i, _)| *i == id) {
            Some(at) => at,
            None => {
                let at = self.given.iter().take_while(|(i, _)| *i < id).count();
                self.given.insert(at, (id, Given::default()));
                at
            }
        };
        &mut self.given[at].1
    }

    /// Scores every instrument given, each against its cut-off in `cutoffs`, or says
    /// everything wrong with the line.
    pub fn score(&self, cutoffs: Cutoffs) -> Result<Report, String> {
        if self.given.is_empty() {
            let ids: Vec<_> = InstrumentId::ALL.iter().map(|i| i.as_str()).collect();
            return Err(format!(
                "no answers; give at least one of {}",
                ids.join(", ")
            ));
        }
        let mut results = Vec::new();
        let mut errors = Vec::new();
        for (id, given) in &self.given {
            match score_one(*id, given, cutoffs) {
                Ok(r) => results.push(r),
                Err(mut e) => errors.append(&mut e),
            }
        }
        if errors.is_empty() {
            Ok(Report::from_results(results))
        } else {
            Err(errors.join("; "))
        }
    }
}

/// `exposure`, `difficulty`: the names the input uses for gate and follow-up.
pub fn gate_key(id: InstrumentId) -> Option<&'static str> {
    instrument(id).gate.as_ref().map(|g| g.key)
}

pub fn follow_up_key(id: InstrumentId) -> Option<&'static str> {
    instrument(id).follow_up.as_ref().map(|f| f.key)
}

fn set(answers: &mut Answers, question: Question, cell: &Cell, errors: &mut Vec<String>) {
    let options = question.options().unwrap_or(&[]);
    let yes_no = options.len() == 2 && options.iter().all(|o| o.score <= 1);
    let value = match *cell {
        Cell::Int(n) => n,
        Cell::Bool(b) if yes_no => i64::from(b),
        _ => {
            let found = match cell {
                Cell::Bool(b) => b.to_string(),
                Cell::Other(s) => s.clone(),
                Cell::Int(n) => n.to_string(),
            };
            let expected = if yes_no {
                "yes/no, true/false or 1/0"
            } else {
                "a whole number"
            };
            // `phq9 item 4` reads as `phq9: item 4`, the shape of the engine's own messages.
            let label = question.to_string().replacen(' ', ": ", 1);
            errors.push(format!("{label} is {found}, expected {expected}"));
            return;
        }
    };
    let refused = AnswerError::NotAnOption { question, value };
    let result = if question.count_max().is_some() {
        u16::try_from(value).map_or(Err(refused), |n| answers.set_count(question, n))
    } else {
        u8::try_from(value).map_or(Err(refused), |v| answers.set(question, v))
    };
    if let Err(e) = result {
        errors.push(e.to_string());
    }
}

/// An instrument that asks one whole number instead of items (`sqds`): no items, no
/// short form, nothing to prune.
fn score_count(
    id: InstrumentId,
    given: &Given,
    cutoffs: Cutoffs,
) -> Result<InstrumentResult, Vec<String>> {
    let question = Question::new(id, Part::Count);
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    match &given.count {
        Some(cell) => set(&mut answers, question, cell, &mut errors),
        None => errors.push(format!("{id}: count missing")),
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    score_instrument(id, Mode::Full, cutoffs, &answers).map_err(|e| vec![e.to_string()])
}

fn score_one(
    id: InstrumentId,
    given: &Given,
    cutoffs: Cutoffs,
) -> Result<InstrumentResult, Vec<String>> {
    let inst = instrument(id);
    if inst.count_max.is_some() {
        return score_count(id, given, cutoffs);
    }
    let q = |part| Question::new(id, part);
    let mut errors = Vec::new();
    let mut answers = Answers::new();
    let count = inst.items.len();
    let present: Vec<usize> = (0..given.items.len())
        .filter(|&i| given.items[i].is_some())
        .collect();

    let mut closed = false;
    if let Some(gate) = &inst.gate {
        match &given.gate {
            Some(cell) => {
                set(&mut answers, q(Part::Gate), cell, &mut errors);
                closed = answers
                    .get(q(Part::Gate))
                    .is_some_and(|v| v != gate.continue_when);
            }
            None => errors.push(format!("{id}: {} is missing", gate.key)),
        }
        if closed && !present.is_empty() {
            errors.push(format!(
                "{id}: items are given but {} is no; they are asked only after yes",
                gate.key
            ));
        }
    }
    let screener = inst.screener.as_ref().map(|s| usize::from(s.items));
    let mode = if present.len() == count {
        Mode::Full
    } else if screener.is_some_and(|k| present == (0..k).collect::<Vec<_>>()) {
        Mode::Adaptive
    } else {
        if !closed && errors.is_empty() {
            let missing: Vec<String> = (0..count)
                .filter(|i| !present.contains(i))
                .map(|i| (i + 1).to_string())
                .collect();
            let short = match (screener, &inst.screener) {
                (Some(k), Some(s)) => format!(" (or items 1-{k} alone for the {})", s.short_name),
                _ => String::new(),
            };
            let plural = if missing.len() == 1 { "item" } else { "items" };
            errors.push(format!(
                "{id}: {plural} {} missing; all {count} are needed{short}",
                missing.join(", ")
            ));
        }
        Mode::Full
    };
    if !closed {
        for &i in &present {
            if let Some(cell) = &given.items[i] {
                set(&mut answers, q(Part::Item(i as u8)), cell, &mut errors);
            }
        }
    }
    if let Some(cell) = &given.follow_up {
        set(&mut answers, q(Part::FollowUp), cell, &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Only a positive short form leaves scored questions unanswered here: every
    // other gap was reported above.
    let result = score_instrument(id, mode, cutoffs, &answers).map_err(|_| {
        let (name, total, at) = match &inst.screener {
            Some(s) => {
                let total: u32 = (0..s.items).filter_map(|i| answers.get(q(Part::Item(i)))).map(u32::from).sum();
                (s.short_name, total, s.positive_at)
            }
            None => ("short form", 0, 0),
        };
        vec![format!(
            "{id}: the {name} total is {total}, positive (at least {at}), so the full {} is needed: give all {count} items",
            inst.short_name
        )]
    })?;
    let mut asked = answers.clone();
    prune(&[id], mode, &mut asked);
    if asked != answers {
        let key = follow_up_key(id).unwrap_or("follow-up");
        let why = if mode == Mode::Adaptive {
            format!("it is asked only after the full {}", inst.short_name)
        } else {
            "every item is 0, and it is asked only when some item is above 0".into()
        };
        return Err(vec![format!("{id}: {key} is given, but {why}")]);
    }
    Ok(result)
}
