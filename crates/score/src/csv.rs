//! A small CSV reader (RFC 4180: commas, double-quoted fields, `""` for a quote,
//! newlines inside quotes), enough for spreadsheet exports of paper forms.

use std::io::BufRead;

/// One record, or why it could not be read, with the line it starts on.
pub struct Record {
    pub line: usize,
    pub fields: Result<Vec<String>, String>,
}

/// Reads records from `input`, skipping blank lines.
pub fn records<R: BufRead>(input: R) -> impl Iterator<Item = Record> {
    let mut lines = crate::lines(input).peekable();
    std::iter::from_fn(move || loop {
        let (start, first) = lines.next()?;
        let mut text = match first {
            Ok(text) => text,
            Err(why) => {
                return Some(Record {
                    line: start,
                    fields: Err(why),
                })
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        // A quoted field may run over several lines; keep reading until its quote closes.
        while open_quote(&text) {
            match lines.next() {
                Some((_, Ok(more))) => {
                    text.push('\n');
                    text.push_str(&more);
                }
                Some((line, Err(why))) => {
                    return Some(Record {
                        line,
                        fields: Err(why),
                    });
                }
                None => {
                    return Some(Record {
                        line: start,
                        fields: Err(
                            "a quoted field is not closed before the end of the input".into()
                        ),
                    })
                }
            }
        }
        return Some(Record {
            line: start,
            fields: split(&text),
        });
    })
}

fn open_quote(text: &str) -> bool {
    text.chars().filter(|&c| c == '"').count() % 2 == 1
}

/// Splits one complete record into fields.
pub fn split(text: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                    None => return Err("a quoted field is not closed".into()),
                }
            }
            match chars.next() {
                None => {
                    fields.push(field);
                    return Ok(fields);
                }
                Some(',') => fields.push(field),
                Some(c) => {
                    return Err(format!(
                        "field {} has `{c}` after its closing quote; quote the whole field",
                        fields.len() + 1
                    ))
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field);
                        return Ok(fields);
                    }
                    Some(',') => break,
                    Some('"') => {
                        return Err(format!(
                            "field {} has a quote inside an unquoted value; quote the field and double the quote",
                            fields.len() + 1
                        ))
                    }
                    Some(c) => field.push(c),
                }
            }
            fields.push(field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines() {
        assert_eq!(
            split(r#"a,"b,c","say ""hi""",d"#).unwrap(),
            ["a", "b,c", r#"say "hi""#, "d"]
        );
        let recs: Vec<_> = records("id,x\n\"A\nB\",1\n\n2,3\n".as_bytes()).collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].fields.as_ref().unwrap(), &["A\nB", "1"]);
        assert_eq!(
            (recs[2].line, recs[2].fields.as_ref().unwrap().len()),
            (5, 2)
        );
    }

    #[test]
    fn empty_fields_are_kept_in_place() {
        assert_eq!(split(",a,,").unwrap(), ["", "a", "", ""]);
        assert_eq!(split(r#""""#).unwrap(), [""]);
    }

    #[test]
    fn stray_quotes_are_errors_not_guesses() {
        assert!(split(r#"a"b,c"#).is_err());
        assert!(split(r#""a"b,c"#).is_err());
        let recs: Vec<_> = records("\"open\n".as_bytes()).collect();
        assert!(recs[0].fields.is_err());
    }

    #[test]
    fn windows_line_endings_are_accepted() {
        let recs: Vec<_> = records("a,b\r\n1,2\r\n".as_bytes()).collect();
        assert_eq!(recs[1].fields.as_ref().unwrap(), &["1", "2"]);
    }
}
