//! Reading a JSON line or a CSV row into a [`Sheet`].

use selfcheck_engine::{instrument, InstrumentId};
use serde_json::{Map, Value};

use crate::sheet::{follow_up_key, gate_key, Cell, Sheet};

type Failure = (Option<Value>, String);

fn cell(value: &Value) -> Option<Cell> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(Cell::Bool(*b)),
        Value::Number(n) => Some(
            n.as_i64()
                .map_or_else(|| Cell::Other(n.to_string()), Cell::Int),
        ),
        Value::String(s) => Some(Cell::Other(format!(
            "the string {}",
            Value::String(s.clone())
        ))),
        other => Some(Cell::Other(other.to_string())),
    }
}

/// Every key a line may hold: `id`, each instrument id, and `<id>_<follow-up key>`.
fn known_keys() -> Vec<String> {
    let mut keys = vec!["id".to_string()];
    for id in InstrumentId::ALL {
        keys.push(id.as_str().into());
        if let Some(k) = follow_up_key(id) {
            keys.push(format!("{id}_{k}"));
        }
    }
    keys
}

/// Reads one JSON line: `{"id":…,"phq9":[…],"phq9_difficulty":1,"gad7":[…],
/// "pcptsd5":{"exposure":true,"items":[…]},"auditc":[…],"sqds":2}`.
pub fn sheet_from_json(line: &str) -> Result<Sheet, Failure> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| (None, format!("not valid JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err((None, "expected a JSON object".into()));
    };
    let mut sheet = Sheet::default();
    let mut errors = Vec::new();
    if let Some(id) = map.get("id") {
        match id {
            Value::String(_) | Value::Number(_) => sheet.id = Some(id.clone()),
            _ => errors.push("id: expected a string or a number".to_string()),
        }
    }
    for (key, value) in &map {
        if key == "id" {
            continue;
        }
        if let Some(id) = InstrumentId::parse(key) {
            read_instrument(id, value, &mut sheet, &mut errors);
            continue;
        }
        let follow_up = InstrumentId::ALL.into_iter().find(|&id| {
            follow_up_key(id)
                .is_some_and(|k| key.strip_prefix(id.as_str()) == Some(&format!("_{k}")))
        });
        match follow_up {
            Some(id) if map.contains_key(id.as_str()) => sheet.entry(id).follow_up = cell(value),
            Some(id) => errors.push(format!("{key} is given without {id}")),
            None => errors.push(format!(
                "unknown field `{key}`; known fields: {}",
                known_keys().join(", ")
            )),
        }
    }
    if errors.is_empty() {
        Ok(sheet)
    } else {
        Err((sheet.id, errors.join("; ")))
    }
}

fn read_instrument(id: InstrumentId, value: &Value, sheet: &mut Sheet, errors: &mut Vec<String>) {
    let inst = instrument(id);
    if let Some(max) = inst.count_max {
        // The number itself, checked against the engine's range when it is set; a list or
        // an object is some other shape of answer.
        match value {
            Value::Bool(_) | Value::Number(_) | Value::String(_) => {
                sheet.entry(id).count = cell(value);
            }
            _ => errors.push(format!("{id}: expected one whole number, 0-{max}")),
        }
        return;
    }
    let count = inst.items.len();
    let items_of = |value: &Value, errors: &mut Vec<String>| -> Option<Vec<Option<Cell>>> {
        let Value::Array(items) = value else {
            errors.push(format!("{id}: expected an array of {count} answers"));
            return None;
        };
        let short = inst.screener.as_ref().map(|s| usize::from(s.items));
        if items.len() != count && Some(items.len()) != short {
            let alone = match &inst.screener {
                Some(s) => format!(" (or {} for the {} alone)", s.items, s.short_name),
                None => String::new(),
            };
            errors.push(format!(
                "{id}: {} answers given, expected {count}{alone}",
                items.len()
            ));
            return None;
        }
        Some(items.iter().map(cell).collect())
    };
    match gate_key(id) {
        None => {
            if let Some(items) = items_of(value, errors) {
                sheet.entry(id).items = items;
            }
        }
        Some(key) => {
            let Value::Object(map) = value else {
                errors.push(format!(
                    "{id}: expected an object like {{\"{key}\":true,\"items\":[…]}}"
                ));
                return;
            };
            read_gated(id, key, map, sheet, errors, items_of);
        }
    }
}

fn read_gated(
    id: InstrumentId,
    key: &str,
    map: &Map<String, Value>,
    sheet: &mut Sheet,
    errors: &mut Vec<String>,
    items_of: impl Fn(&Value, &mut Vec<String>) -> Option<Vec<Option<Cell>>>,
) {
    for k in map.keys().filter(|k| *k != key && *k != "items") {
        errors.push(format!(
            "{id}: unknown field `{k}`; known fields: {key}, items"
        ));
    }
    let items = match map.get("items") {
        Some(Value::Array(a)) if a.is_empty() => Some(Vec::new()),
        Some(v) => items_of(v, errors),
        None => Some(Vec::new()),
    };
    let given = sheet.entry(id);
    given.gate = map.get(key).and_then(cell);
    given.items = items.unwrap_or_default();
}

/// What a CSV column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Gate(InstrumentId),
    Item(InstrumentId, usize),
    FollowUp(InstrumentId),
    /// The one number of an instrument that asks a count (`sqds`), named by its id alone as
    /// in JSON Lines.
    Count(InstrumentId),
}

impl Column {
    fn name(self) -> String {
        match self {
            Column::Id => "id".into(),
            Column::Gate(id) => format!("{id}_{}", gate_key(id).unwrap_or("gate")),
            Column::Item(id, i) => format!("{id}_{}", i + 1),
            Column::FollowUp(id) => format!("{id}_{}", follow_up_key(id).unwrap_or("follow_up")),
            Column::Count(id) => id.as_str().into(),
        }
    }

    fn all() -> Vec<Column> {
        let mut all = vec![Column::Id];
        for id in InstrumentId::ALL {
            let inst = instrument(id);
            if inst.gate.is_some() {
                all.push(Column::Gate(id));
            }
            if inst.count_max.is_some() {
                all.push(Column::Count(id));
                continue;
            }
            all.extend((0..inst.items.len()).map(|i| Column::Item(id, i)));
            if inst.follow_up.is_some() {
                all.push(Column::FollowUp(id));
            }
        }
        all
    }
}

/// A CSV header: which column holds what.
#[derive(Debug)]
pub struct Header {
    columns: Vec<Column>,
}

impl Header {
    pub fn parse(fields: &[String]) -> Result<Header, String> {
        let all = Column::all();
        let mut columns = Vec::new();
        let mut errors = Vec::new();
        for (i, raw) in fields.iter().enumerate() {
            // Spreadsheets often save a byte-order mark before the first column name.
            let name = raw
                .trim_start_matches('\u{feff}')
                .trim()
                .to_ascii_lowercase();
            match all.iter().find(|c| c.name() == name) {
                Some(&c) if columns.contains(&c) => {
                    errors.push(format!("column `{name}` appears twice"))
                }
                Some(&c) => columns.push(c),
                None => errors.push(format!("column {} `{name}` is unknown", i + 1)),
            }
        }
        if !errors.is_empty() {
            let names: Vec<String> = all.iter().map(|c| c.name()).collect();
            return Err(format!(
                "{}; known columns: {}",
                errors.join("; "),
                names.join(", ")
            ));
        }
        if columns.iter().all(|&c| c == Column::Id) {
            return Err("no instrument columns; see the known columns in the README".into());
        }
        Ok(Header { columns })
    }

    /// Reads one data row; empty cells are absent.
    pub fn sheet(&self, fields: &[String]) -> Result<Sheet, Failure> {
        let mut sheet = Sheet::default();
        if fields.len() != self.columns.len() {
            return Err((
                None,
                format!(
                    "{} fields, but the header has {}",
                    fields.len(),
                    self.columns.len()
                ),
            ));
        }
        for (&column, raw) in self.columns.iter().zip(fields) {
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let value = if let Ok(n) = text.parse::<i64>() {
                Cell::Int(n)
            } else {
                match text.to_ascii_lowercase().as_str() {
                    "yes" | "true" => Cell::Bool(true),
                    "no" | "false" => Cell::Bool(false),
                    _ => Cell::Other(format!("`{text}`")),
                }
            };
            match column {
                Column::Id => sheet.id = Some(Value::String(text.to_string())),
                Column::Gate(id) => sheet.entry(id).gate = Some(value),
                Column::FollowUp(id) => sheet.entry(id).follow_up = Some(value),
                Column::Count(id) => sheet.entry(id).count = Some(value),
                Column::Item(id, i) => {
                    let items = &mut sheet.entry(id).items;
                    if items.len() <= i {
                        items.resize(i + 1, None);
                    }
                    items[i] = Some(value);
                }
            }
        }
        Ok(sheet)
    }
}
