//! CSV rows with the input line each starts on, parsed by the `csv` crate.
//!
//! The crate does the parsing (RFC 4180: commas, double-quoted fields, `""` for a quote,
//! line breaks inside quotes, `\r\n` or `\n`, a leading byte-order mark). This module adds
//! the two things the scorer's messages need and the crate does not give:
//! - the line a row starts on in the file, as a text editor numbers it: the crate's
//!   `Position::line` leaves out line breaks inside quoted fields and lags by one line in
//!   `\r\n` files (BurntSushi/rust-csv#395);
//! - an error for a quoted field still open at the end of the input: the crate ends the
//!   row there without a word, so one stray quote would swallow every row after it.

use std::collections::VecDeque;
use std::io::{self, Read};

/// One row, or why it could not be read, with the line it starts on.
pub struct Row {
    pub line: usize,
    pub fields: Result<Vec<String>, String>,
}

/// Reads rows from `input`; the crate skips empty lines, and a read error ends the input.
pub fn rows<R: Read>(input: R) -> impl Iterator<Item = Row> {
    let mut reader = csv::ReaderBuilder::new()
        // The header is read as a row: its messages and its line are the scorer's own.
        .has_headers(false)
        // A row with the wrong number of fields gets the scorer's message, which names
        // both counts, rather than ending the run.
        .flexible(true)
        .from_reader(Tracked::new(input));
    let mut record = csv::ByteRecord::new();
    let mut ended = false;
    std::iter::from_fn(move || {
        if ended {
            return None;
        }
        let read = reader.read_byte_record(&mut record);
        let start = record.position().map_or(0, csv::Position::byte);
        let line = reader.get_mut().line_of(start);
        match read {
            Ok(false) => None,
            Err(e) => {
                ended = true;
                Some(Row {
                    line,
                    fields: Err(format!("the input cannot be read: {e}")),
                })
            }
            Ok(true) => {
                // Only the last row can run to the end of the input, so a quote still
                // open there was opened in this row.
                let unclosed = reader.get_ref().ends_inside_quotes()
                    && reader.position().byte() == reader.get_ref().offset;
                let fields = if unclosed {
                    Err("a quoted field is not closed before the end of the input; \
                         close it, or double a quote inside it (\"\")"
                        .into())
                } else {
                    record
                        .iter()
                        .map(|field| String::from_utf8(field.to_vec()))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|_| {
                            "the row is not valid UTF-8; save the file as CSV in UTF-8".to_string()
                        })
                };
                Some(Row { line, fields })
            }
        }
    })
}

/// Where the CSV reader is in a quoted field, byte by byte, by the same rules as the
/// `csv` crate's defaults (a quote opens a field only at its start; after the closing
/// quote the rest of the field is plain text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first of `""`.
    QuoteInQuoted,
}

impl Quoting {
    fn next(self, byte: u8) -> Quoting {
        let ends_field = matches!(byte, b',' | b'\r' | b'\n');
        match (self, byte) {
            (Quoting::FieldStart, b'"') | (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
            (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
            (Quoting::Quoted, _) => Quoting::Quoted,
            _ if ends_field => Quoting::FieldStart,
            _ => Quoting::Unquoted,
        }
    }
}

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Passes the input through to the CSV reader, noting where lines end and whether a
/// quoted field is open.
struct Tracked<R> {
    inner: R,
    /// Bytes passed on so far.
    offset: u64,
    /// `\r` and `\n` bytes from the earliest row not yet numbered on: each one's offset and
    /// whether it ends a line (the `\n` of `\r\n` does not; a `\r` alone does, as the
    /// crate reads it).
    line_breaks: VecDeque<(u64, bool)>,
    /// Lines ended before the first entry of `line_breaks`.
    lines_ended: usize,
    after_carriage_return: bool,
    quoting: Quoting,
    at_end: bool,
}

impl<R: Read> Tracked<R> {
    fn new(inner: R) -> Tracked<R> {
        Tracked {
            inner,
            offset: 0,
            line_breaks: VecDeque::new(),
            lines_ended: 0,
            after_carriage_return: false,
            quoting: Quoting::FieldStart,
            at_end: false,
        }
    }

    /// The 1-based line of a row the reader says starts at byte `start`. The crate puts a
    /// row's start just after the previous row's first terminator byte, before the `\n` of
    /// a `\r\n` and before any empty lines it skips, so those are passed over first.
    fn line_of(&mut self, start: u64) -> usize {
        let mut first_byte = start;
        while let Some(&(at, ends_line)) = self.line_breaks.front() {
            if at > first_byte {
                break;
            }
            if at == first_byte {
                first_byte += 1;
            }
            self.lines_ended += usize::from(ends_line);
            self.line_breaks.pop_front();
        }
        self.lines_ended + 1
    }

    fn ends_inside_quotes(&self) -> bool {
        self.at_end && self.quoting == Quoting::Quoted
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.at_end = !buf.is_empty();
            return Ok(0);
        }
        let mut bytes = &buf[..n];
        // The crate drops a byte-order mark at the very start before parsing.
        if self.offset == 0 && bytes.starts_with(BYTE_ORDER_MARK) {
            bytes = &bytes[BYTE_ORDER_MARK.len()..];
            self.offset = BYTE_ORDER_MARK.len() as u64;
        }
        for &byte in bytes {
            match byte {
                b'\r' => self.line_breaks.push_back((self.offset, true)),
                b'\n' => self
                    .line_breaks
                    .push_back((self.offset, !self.after_carriage_return)),
                _ => {}
            }
            self.after_carriage_return = byte == b'\r';
            self.quoting = self.quoting.next(byte);
            self.offset += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<(usize, Result<Vec<String>, String>)> {
        rows(input.as_bytes()).map(|r| (r.line, r.fields)).collect()
    }

    fn fields(list: &[&str]) -> Result<Vec<String>, String> {
        Ok(list.iter().map(|f| f.to_string()).collect())
    }

    /// Lines as an editor numbers them, whatever the line endings: a `\r\n` pair or a
    /// `\n` or a lone `\r` ends one.
    fn lines_of(input: &str) -> Vec<usize> {
        let mut line = 1;
        let mut starts = Vec::new();
        let bytes = input.as_bytes();
        let mut at_row_start = true;
        let mut in_quotes = false;
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\r' || b == b'\n' && (i == 0 || bytes[i - 1] != b'\r');
            if !matches!(b, b'\r' | b'\n') && at_row_start {
                starts.push(line);
                at_row_start = false;
            }
            if b == b'"' {
                in_quotes = !in_quotes;
            }
            if ends_line {
                line += 1;
                at_row_start |= !in_quotes;
            }
        }
        starts
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        assert_eq!(
            read("a,\"b,c\",\"say \"\"hi\"\"\",d\n\"A\nB\",1\n"),
            [
                (1, fields(&["a", "b,c", "say \"hi\"", "d"])),
                (2, fields(&["A\nB", "1"]))
            ]
        );
    }

    #[test]
    fn rows_are_numbered_by_the_line_they_start_on_whatever_the_line_endings() {
        let body = "id,x\n\"A\n\nB\",1\n\n2,3\n\n\n\"C\",\"\n\"\n4,5";
        for ending in ["\n", "\r\n", "\r"] {
            let input = body.replace('\n', ending);
            let got: Vec<usize> = read(&input).into_iter().map(|(line, _)| line).collect();
            assert_eq!(got, lines_of(&input), "{input:?}");
        }
    }

    #[test]
    fn empty_fields_are_kept_in_place() {
        assert_eq!(
            read(",a,,\n\"\"\n"),
            [(1, fields(&["", "a", "", ""])), (2, fields(&[""]))]
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_counts_as_no_line() {
        assert_eq!(
            read("\u{feff}\"id\",x\n1,2\n"),
            [(1, fields(&["id", "x"])), (2, fields(&["1", "2"]))]
        );
    }

    #[test]
    fn a_quote_left_open_is_an_error_on_the_line_it_opens() {
        let got = read("id,x\n\"open,1\n2,3\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, 2);
        assert!(got[1].1.as_ref().unwrap_err().contains("not closed"));
        // The byte-order mark the crate drops is counted in the offsets compared.
        let got = read("\u{feff}id\n\"a\n");
        assert!(got[1].1.as_ref().unwrap_err().contains("not closed"));
        // A quoted field that closes at the very end is whole.
        assert_eq!(read("id\n\"a\nb\"")[1], (2, fields(&["a\nb"])));
    }

    #[test]
    fn a_row_that_is_not_utf8_fails_alone() {
        let got: Vec<_> = rows(&b"a,b\n1,\xff\n3,4\n"[..])
            .map(|r| (r.line, r.fields))
            .collect();
        assert!(got[1].1.as_ref().unwrap_err().contains("UTF-8"));
        assert_eq!(got[2], (3, fields(&["3", "4"])));
    }
}
