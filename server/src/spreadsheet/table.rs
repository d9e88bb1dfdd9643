//! The one reader of every uploaded table (accounts, evidence, competency frameworks): the
//! header (a byte-order mark and case ignored, unknown and missing columns named), the rows
//! with their lines in the file, a limit on their number, cells trimmed and restored from
//! what [`super::CsvWriter`] wrote. Every problem of the file's shape comes back at once,
//! each at its line; the caller reads each [`Row`] into its own typed row.

use shared::{FieldProblem, Problem};

/// What a table must look like.
pub struct Spec<'a> {
    /// Every column a file may have; another is refused with the list of these.
    pub columns: &'a [&'a str],
    /// Columns a file must have.
    pub required: &'a [&'a str],
    /// Rows accepted in one file.
    pub max_rows: usize,
    /// Columns not in `columns` are passed over instead of refused (a list kept with other
    /// columns, such as names next to the usernames).
    pub others_ignored: bool,
    /// A file whose first row names none of `columns` is a bare list: every row, the first
    /// included, is data, and its first cell is this column.
    pub headerless: Option<&'a str>,
}

/// One row of a table: its line in the file (the header is line 1) and its cells.
pub struct Row {
    pub line: u64,
    /// By the index of the column in [`Spec::columns`]; empty cells are `None`.
    cells: Vec<Option<String>>,
    columns: Vec<&'static str>,
}

impl Row {
    /// The cell of `column`, if the file has the column and the cell is not empty.
    pub fn get(&self, column: &str) -> Option<&str> {
        let index = self.columns.iter().position(|c| *c == column)?;
        self.cells.get(index)?.as_deref()
    }

    /// The cell of `column`, or `""`.
    pub fn text(&self, column: &str) -> String {
        self.get(column).unwrap_or_default().to_owned()
    }
}

/// The rows of `text` and the problems found reading them. When the header has a problem
/// no row is read.
pub fn read(text: &str, spec: &Spec<'static>) -> (Vec<Row>, Vec<FieldProblem>) {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            let problem = Problem::HeaderUnreadable {
                detail: e.to_string(),
            };
            return (
                Vec::new(),
                vec![FieldProblem::at_line(1, "header", problem)],
            );
        }
    };
    if let Some(column) = spec.headerless
        && !header.iter().any(|h| spec.columns.contains(&h.as_str()))
    {
        let bare = csv::ReaderBuilder::new()
            .has_headers(false)
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        return rows(bare, &[column.to_owned()], spec, 1);
    }
    let problems = header_problems(&header, spec);
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    rows(reader, &header, spec, 2)
}

fn header_problems(header: &[String], spec: &Spec) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    for name in header {
        if !spec.others_ignored && !spec.columns.contains(&name.as_str()) {
            let problem = Problem::UnknownColumn {
                columns: spec.columns.join(", "),
            };
            problems.push(FieldProblem::at_line(1, name.as_str(), problem));
        }
    }
    for required in spec.required {
        if !header.iter().any(|h| h == required) {
            problems.push(FieldProblem::at_line(1, *required, Problem::ColumnRequired));
        }
    }
    problems
}

/// The rows of `reader`, the first of them at line `first`.
fn rows(
    mut reader: csv::Reader<&[u8]>,
    header: &[String],
    spec: &Spec<'static>,
    first: u64,
) -> (Vec<Row>, Vec<FieldProblem>) {
    let (mut rows, mut problems) = (Vec::new(), Vec::new());
    // Where each of the spec's columns is in the file.
    let places: Vec<Option<usize>> = spec
        .columns
        .iter()
        .map(|c| header.iter().position(|h| h == c))
        .collect();
    for (index, record) in reader.records().enumerate() {
        let fallback = index as u64 + first;
        if index >= spec.max_rows {
            let problem = Problem::RowsAtMost { max: spec.max_rows };
            problems.push(FieldProblem::at_line(fallback, "file", problem));
            break;
        }
        match record {
            Ok(record) => rows.push(Row {
                line: record.position().map_or(fallback, |p| p.line()),
                cells: places
                    .iter()
                    .map(|place| {
                        place
                            .and_then(|i| record.get(i))
                            .map(|cell| super::restore(cell).to_owned())
                            .filter(|cell| !cell.is_empty())
                    })
                    .collect(),
                columns: spec.columns.to_vec(),
            }),
            Err(e) => {
                let line = e.position().map_or(fallback, |p| p.line());
                let problem = Problem::RowUnreadable {
                    detail: e.to_string(),
                };
                problems.push(FieldProblem::at_line(line, "row", problem));
            }
        }
    }
    (rows, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec<'static> = Spec {
        columns: &["username", "level", "note"],
        required: &["username", "level"],
        max_rows: 2,
        others_ignored: false,
        headerless: None,
    };

    fn places(problems: &[FieldProblem]) -> Vec<String> {
        problems
            .iter()
            .map(|p| format!("{}:{}:{}", p.line.unwrap_or(0), p.field, p.problem.code()))
            .collect()
    }

    #[test]
    fn rows_have_their_lines_and_cells_by_name() {
        let text = "\u{feff}Username, LEVEL\nhv.mai, 3\n\"hv.tuan\",'=2\n";
        let (rows, problems) = read(text, &SPEC);
        assert!(problems.is_empty(), "{:?}", places(&problems));
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get("username")), (2, Some("hv.mai")));
        assert_eq!(rows[1].line, 3);
        assert_eq!(
            rows[1].get("level"),
            Some("=2"),
            "an exported formula guard is dropped"
        );
        assert_eq!(rows[1].get("note"), None, "a column the file lacks");
    }

    #[test]
    fn every_header_problem_is_named_and_no_row_is_read() {
        let (rows, problems) = read("user,note,extra\nx,y,z\n", &SPEC);
        assert!(rows.is_empty());
        assert_eq!(
            places(&problems),
            [
                "1:user:unknown_column",
                "1:extra:unknown_column",
                "1:username:column_required",
                "1:level:column_required",
            ]
        );
    }

    #[test]
    fn rows_beyond_the_limit_are_refused_at_their_line() {
        let (rows, problems) = read("username,level\na,1\nb,2\nc,3\nd,4\n", &SPEC);
        assert_eq!(rows.len(), 2);
        assert_eq!(places(&problems), ["4:file:rows_at_most"]);
    }
}
