//! A small JSON reader and writer for the little JSON the widget handles: a clinic's
//! configuration, answers kept in `sessionStorage`, and the details of DOM events.
//!
//! Why not serde_json: in the widget's wasm, serde_json with its generic
//! deserializers, error formatting, float printing and `BTreeMap` values cost about
//! 15 KB brotli — a sixth of the widget's whole size budget of 100 kB (measured with
//! twiggy). This module does only what is needed: numbers stay the text they were
//! written as (nothing here needs arithmetic on them), and objects keep serde_json's
//! default semantics — keys sorted, the last of duplicate keys wins — so configuration
//! problems are still reported in the same order. Errors read like serde_json's
//! (`EOF while parsing an object at line 1 column 1`).

use core::fmt;

/// Nesting deeper than this is refused, as serde_json does: a hostile configuration
/// or stored value must not exhaust the stack.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written; valid JSON number syntax.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members. Parsed objects are sorted by key without duplicates;
/// objects built in code keep the order they were built in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Replaces the value of an existing key in place; a new key goes where sorting puts
    /// it, so a parsed (sorted) object stays sorted.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => match self.0.iter().position(|(k, _)| *k == key) {
                Some(unsorted) => self.0[unsorted].1 = value,
                None => self.0.insert(at, (key, value)),
            },
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// Appends without sorting: for objects written in a chosen order.
    pub fn push(&mut self, key: &str, value: Value) {
        self.0.push((key.to_string(), value));
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = core::iter::Map<
        core::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    pub fn str(text: &str) -> Value {
        Value::String(text.to_string())
    }

    /// A non-negative integer, written as JSON.
    pub fn int(n: impl Into<u64>) -> Value {
        Value::Number(n.into().to_string())
    }

    /// The number as a `u8`, if it is written as a plain integer in range.
    pub fn as_u8(&self) -> Option<u8> {
        self.as_u16().and_then(|n| u8::try_from(n).ok())
    }

    /// The number as a `u16`, if it is written as a plain integer in range.
    pub fn as_u16(&self) -> Option<u16> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }

    /// Compact JSON text, as `JSON.stringify` and serde_json write it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => out.push_str(n),
            Value::String(s) => write_str(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (key, value)) in map.0.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes `text` as a JSON string, escaping as serde_json does.
pub fn write_str(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let b = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why text is not JSON, and where (1-based line and column, as serde_json counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// Parses one JSON value; only whitespace may follow it.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        parser.at += 1;
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    /// An error at the last byte read, as serde_json positions them.
    fn error(&self, message: &'static str) -> Error {
        let upto = &self.bytes[..self.at.min(self.bytes.len())];
        let line_start = upto.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        Error {
            message,
            line: 1 + upto.iter().filter(|b| **b == b'\n').count(),
            column: upto.len() - line_start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &'static [u8], value: Value) -> Result<Value, Error> {
        for expected in word {
            match self.next() {
                Some(b) if b == *expected => {}
                Some(_) => return Err(self.error("expected ident")),
                None => return Err(self.error("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_whitespace();
        let Some(first) = self.peek() else {
            return Err(self.error("EOF while parsing a value"));
        };
        match first {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' if depth >= MAX_DEPTH => {
                self.at += 1;
                Err(self.error("recursion limit exceeded"))
            }
            b'[' => {
                self.at += 1;
                self.array(depth + 1)
            }
            b'{' => {
                self.at += 1;
                self.object(depth + 1)
            }
            _ => {
                self.at += 1;
                Err(self.error("expected value"))
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_whitespace();
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            None => return Err(self.error("EOF while parsing a list")),
            Some(_) => {}
        }
        loop {
            items.push(self.value(depth)?);
            if self.separator(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                return Ok(Value::Array(items));
            }
        }
    }

    /// What follows a list item or an object member: `true` at the closing `close`, `false`
    /// after a comma (one directly before `close` is refused).
    fn separator(
        &mut self,
        close: u8,
        expected: &'static str,
        eof: &'static str,
    ) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.next() {
            Some(b',') => {
                self.skip_whitespace();
                if self.peek() == Some(close) {
                    self.at += 1;
                    return Err(self.error("trailing comma"));
                }
                Ok(false)
            }
            Some(byte) if byte == close => Ok(true),
            Some(_) => Err(self.error(expected)),
            None => Err(self.error(eof)),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        let mut members: Vec<(String, Value)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.skip_whitespace();
            match self.next() {
                Some(b'"') => {}
                Some(_) => return Err(self.error("key must be a string")),
                None if members.is_empty() => return Err(self.error("EOF while parsing an object")),
                None => return Err(self.error("EOF while parsing a value")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.next() {
                Some(b':') => {}
                Some(_) => return Err(self.error("expected `:`")),
                None => return Err(self.error("EOF while parsing an object")),
            }
            let value = self.value(depth)?;
            members.push((key, value));
            if self.separator(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                break;
            }
        }
        // serde_json's default map: sorted by key, the last duplicate wins. A stable sort
        // keeps duplicates in document order, so keeping the last of each run does it.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut map: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for (key, value) in members {
            match map.last_mut() {
                Some(last) if last.0 == key => last.1 = value,
                _ => map.push((key, value)),
            }
        }
        Ok(Value::Object(Map(map)))
    }

    /// After the opening quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = Vec::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.extend_from_slice(&self.bytes[start..self.at]);
            match self.next() {
                Some(b'"') => break,
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
        // The input is a &str and escapes write whole UTF-8 sequences.
        String::from_utf8(out).map_err(|_| self.error("invalid unicode code point"))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let byte = match self.next() {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                let mut code = u32::from(self.hex4()?);
                if (0xDC00..0xE000).contains(&code) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                if (0xD800..0xDC00).contains(&code) {
                    if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                        return Err(self.error("unexpected end of hex escape"));
                    }
                    let low = u32::from(self.hex4()?);
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                let c =
                    char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            Some(_) => return Err(self.error("invalid escape")),
            None => return Err(self.error("EOF while parsing a string")),
        };
        out.push(byte);
        Ok(())
    }

    /// Four hex digits; like serde_json, reads all four before judging them.
    fn hex4(&mut self) -> Result<u16, Error> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 4;
        let mut n = 0u16;
        for b in digits {
            let digit = (*b as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            n = n * 16 + digit as u16;
        }
        Ok(n)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next() {
            Some(b'0') if matches!(self.peek(), Some(b'0'..=b'9')) => {
                self.at += 1;
                return Err(self.error("invalid number"));
            }
            Some(b'0') => {}
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digit()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digit()?;
        }
        let text = core::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
        Ok(Value::Number(text.to_string()))
    }

    fn required_digit(&mut self) -> Result<(), Error> {
        match self.next() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.error("invalid number")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, Value)]) -> Value {
        let mut m = Map::new();
        for (k, v) in pairs {
            m.push(k, v.clone());
        }
        Value::Object(m)
    }

    #[test]
    fn every_kind_of_value_parses() {
        let v =
            parse(r#" {"b":[true,false,null],"a":"x\n\u00e9\ud83d\ude00","n":-1.5e3} "#).unwrap();
        assert_eq!(
            v,
            map(&[
                ("a", Value::str("x\né😀")),
                (
                    "b",
                    Value::Array(vec![Value::Bool(true), Value::Bool(false), Value::Null])
                ),
                ("n", Value::Number("-1.5e3".into())),
            ])
        );
    }

    #[test]
    fn objects_are_sorted_and_the_last_duplicate_wins_as_in_serde_json() {
        let Value::Object(m) = parse(r#"{"z":1,"a":2,"z":3}"#).unwrap() else {
            panic!("an object")
        };
        let keys: Vec<_> = m.keys().map(String::as_str).collect();
        assert_eq!(keys, ["a", "z"]);
        assert_eq!(m.get("z").and_then(Value::as_u8), Some(3));
    }

    #[test]
    fn what_serde_json_refuses_is_refused_with_its_message_and_position() {
        for text in [
            "",
            "{",
            "{\"mode\":\"full\",}",
            "[1,]",
            "[1 2]",
            "{1:2}",
            "{\"a\" 1}",
            "{}\n x",
            "\"a\tb\"",
            "\"\\x\"",
            "\"\\udc00\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "tru",
            "nul!",
            "01",
            "-",
            "1.",
            "1e",
            "-a",
            "?",
            "[",
            "[1",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "\"abc",
            "42x",
            "[1,",
            "{\"a\":1,",
            "[[]",
            "{\"a\":{}",
            "\"\\u12\"",
            "\"\\u12g4\"",
            " \n  {\"a\":1,,}",
            "{\"a\":1}}",
        ] {
            let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!(
                parse(text).unwrap_err().to_string(),
                theirs.to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn what_serde_json_accepts_parses_to_the_same_text() {
        for text in [
            "null",
            " true ",
            "[false]",
            "0",
            "-7",
            "\"\\/\\b\\f\\r\"",
            r#"{"instruments":["phq9","gad7"],"crisisResources":[{"name":"A","phone":"1"}],"resume":"off"}"#,
            r#"{"b":{"y":[],"x":{}},"a":"\u00e9"}"#,
        ] {
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                parse(text).unwrap().to_json(),
                theirs.to_string(),
                "{text:?}"
            );
        }
        // Numbers stay as written (serde_json would print 1E+2 as 100.0).
        for text in ["-0.5", "1E+2", "12e-3", "1e400"] {
            assert_eq!(parse(text).unwrap(), Value::Number(text.into()));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_the_same_verdict_as_from_serde_json(text in r#"[\[\]{}",: \n0-9ae.+\\u-]{0,14}"#) {
            match (parse(&text), serde_json::from_str::<serde_json::Value>(&text)) {
                (Ok(_), Ok(_)) => {}
                // Numbers stay text here; serde_json refuses what an f64 cannot hold.
                (Ok(_), Err(theirs)) if theirs.to_string().starts_with("number out of range") => {}
                (Err(ours), Err(theirs)) => proptest::prop_assert_eq!(ours.to_string(), theirs.to_string()),
                (ours, theirs) => proptest::prop_assert!(false, "{text:?}: {ours:?} vs {theirs:?}"),
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "recursion limit exceeded"
        );
        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn writing_escapes_as_serde_json_does_and_round_trips() {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} é";
        let mut out = String::new();
        write_str(text, &mut out);
        assert_eq!(out, serde_json::to_string(text).unwrap());
        assert_eq!(parse(&out).unwrap(), Value::str(text));
        let v = parse(r#"{"a":[1,{"b":null}],"c":"d"}"#).unwrap();
        assert_eq!(v.to_json(), r#"{"a":[1,{"b":null}],"c":"d"}"#);
    }

    #[test]
    fn inserting_keeps_a_parsed_object_sorted() {
        let Value::Object(mut m) = parse(r#"{"b":1,"d":2}"#).unwrap() else {
            panic!("an object")
        };
        m.insert("c".into(), Value::int(3u8));
        m.insert("b".into(), Value::int(4u8));
        assert_eq!(Value::Object(m.clone()).to_json(), r#"{"b":4,"c":3,"d":2}"#);
        assert_eq!(m.remove("c"), Some(Value::int(3u8)));
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn only_plain_integers_in_range_are_u8() {
        for (text, expected) in [
            ("3", Some(3)),
            ("255", Some(255)),
            ("256", None),
            ("-1", None),
            ("1.0", None),
            ("1e0", None),
        ] {
            assert_eq!(parse(text).unwrap().as_u8(), expected, "{text}");
        }
        assert_eq!(Value::str("3").as_u8(), None);
    }
}
