//! Tables in and out: the one CSV writer of every export (accounts, frameworks, every
//! report table) and, in [`table`], the one reader of every upload.
//!
//! A spreadsheet program reads a cell that starts with `=`, `+`, `-` or `@` as a formula,
//! and some read one after a tab or carriage return too: `=HYPERLINK("http://…","…")` in a
//! name would become a link that leaks data when clicked, or worse. Such a cell is written
//! with a leading `'`, which spreadsheets show as text and do not display; a plain number
//! (`-0.25`, `+3`) is left as it is, since no program runs it. Readers of our own CSV formats
//! drop that quote again with [`restore`], so an export imports back unchanged.

pub mod table;

/// Characters that make a spreadsheet treat the rest of a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet will show it as text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some(first) if TRIGGERS.contains(&first) && !is_plain_number(cell) => {
            std::borrow::Cow::Owned(format!("'{cell}"))
        }
        _ => std::borrow::Cow::Borrowed(cell),
    }
}

/// A cell read back: the quote [`neutralise`] added is dropped.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(TRIGGERS) => rest,
        _ => cell,
    }
}

/// Digits with an optional sign, decimal point and exponent: nothing a spreadsheet runs.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && cell.parse::<f64>().is_ok()
}

/// Rows of text cells, each neutralised, as CSV bytes (UTF-8, a header row first).
pub struct CsvWriter {
    inner: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    pub fn new<I, S>(header: I) -> Result<Self, csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut writer = Self {
            inner: csv::Writer::from_writer(Vec::new()),
        };
        writer.row(header)?;
        Ok(writer)
    }

    pub fn row<I, S>(&mut self, cells: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| neutralise(c.as_ref()).into_owned())
            .collect();
        self.inner.write_record(&cells)
    }

    pub fn finish(self) -> Result<Vec<u8>, csv::Error> {
        self.inner
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(1+1)",
            "+1+1",
            "-1+1",
            "\tcmd",
            "\r=1",
            "-",
            "+",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
            assert_eq!(restore(&neutralise(formula)), formula);
        }
        for plain in [
            "-0.25",
            "+3",
            "12",
            "1.5e3",
            "Nguyễn Văn A",
            "",
            "'quoted",
            "a=b",
        ] {
            assert_eq!(neutralise(plain), plain);
            assert_eq!(restore(plain), plain);
        }
    }

    #[test]
    fn the_writer_neutralises_every_cell() {
        let mut w = CsvWriter::new(["name", "gain"]).unwrap();
        w.row(["=1+1", "-0.5"]).unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(text, "name,gain\n'=1+1,-0.5\n");
    }
}
