//! Reading a framework's CSV (the format of `GET /competency-frameworks/{id}/export.csv`):
//! the scale's levels and the competencies, every problem reported with its line.

use std::collections::HashSet;

use shared::competency::CompetencyKind;
use shared::{FieldProblem, Problem};

use crate::services::competencies::FRAMEWORK_COLUMNS;
use crate::spreadsheet::table::{self, Row, Spec};

pub(super) struct Level {
    pub level: i32,
    pub name_vi: String,
    pub name_en: String,
    pub descriptor_vi: String,
    pub descriptor_en: String,
    pub proficient: bool,
}

pub(super) struct Item {
    pub code: String,
    pub group_vi: String,
    pub group_en: String,
    pub kind: CompetencyKind,
    pub name_vi: String,
    pub name_en: String,
}

/// Rows accepted in one file (a framework has tens).
const MAX_ROWS: usize = 2_000;

const SPEC: Spec<'static> = Spec {
    columns: &FRAMEWORK_COLUMNS,
    required: &FRAMEWORK_COLUMNS,
    max_rows: MAX_ROWS,
    others_ignored: false,
    headerless: None,
};

/// Reads the CSV; every problem is reported with its line.
pub(super) fn parse(csv_text: &str) -> Result<(Vec<Level>, Vec<Item>), Vec<FieldProblem>> {
    let (rows, mut problems) = table::read(csv_text, &SPEC);
    if rows.is_empty() && !problems.is_empty() {
        return Err(problems);
    }
    let (mut levels, mut items) = (Vec::new(), Vec::new());
    let mut codes = HashSet::new();
    for row in &rows {
        match row.text("section").as_str() {
            "level" => levels.push(level(row, &mut problems)),
            "competency" => items.push(item(row, &mut codes, &mut problems)),
            other => {
                let found = other.to_owned();
                let problem = Problem::Section { found };
                problems.push(at(row, "section", problem));
            }
        }
    }
    let mut numbers: Vec<i32> = levels.iter().map(|l| l.level).collect();
    numbers.sort_unstable();
    if numbers.is_empty()
        || numbers
            .iter()
            .enumerate()
            .any(|(i, n)| usize::try_from(*n).ok() != Some(i + 1))
    {
        problems.push(FieldProblem::new("csv", Problem::ScaleSequence));
    }
    if !levels.iter().any(|l| l.proficient) {
        problems.push(FieldProblem::new("csv", Problem::NoProficientLevel));
    }
    if items.is_empty() {
        problems.push(FieldProblem::new("csv", Problem::NoCompetencies));
    }
    if problems.is_empty() {
        Ok((levels, items))
    } else {
        Err(problems)
    }
}

fn at(row: &Row, column: &str, problem: Problem) -> FieldProblem {
    FieldProblem::at_line(row.line, column, problem)
}

/// A cell that must not be empty.
fn need(row: &Row, name: &str, problems: &mut Vec<FieldProblem>) -> String {
    let value = row.text(name);
    if value.is_empty() {
        problems.push(at(row, name, Problem::Required));
    }
    value
}

/// A level of the scale: a number from 1 to 10, its names and descriptors.
fn level(row: &Row, problems: &mut Vec<FieldProblem>) -> Level {
    let number = row
        .text("level")
        .parse::<i32>()
        .ok()
        .filter(|l| (1..=10).contains(l));
    if number.is_none() {
        problems.push(at(row, "level", Problem::ScaleLevel));
    }
    Level {
        level: number.unwrap_or(0),
        name_vi: need(row, "name_vi", problems),
        name_en: row.text("name_en"),
        descriptor_vi: need(row, "descriptor_vi", problems),
        descriptor_en: row.text("descriptor_en"),
        proficient: matches!(
            row.text("proficient").to_lowercase().as_str(),
            "yes" | "true" | "1" | "có"
        ),
    }
}

/// A competency: a code (A–Z, 0–9, `_`, once), its group, kind and names.
fn item(row: &Row, codes: &mut HashSet<String>, problems: &mut Vec<FieldProblem>) -> Item {
    let code = need(row, "code", problems);
    let fine = code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if !code.is_empty() && !fine {
        let problem = Problem::CompetencyCode { code: code.clone() };
        problems.push(at(row, "code", problem));
    } else if !code.is_empty() && !codes.insert(code.clone()) {
        let problem = Problem::CompetencyTwice { code: code.clone() };
        problems.push(at(row, "code", problem));
    }
    let kind = CompetencyKind::from_code(&row.text("kind"));
    if kind.is_none() {
        problems.push(at(row, "kind", Problem::CompetencyKind));
    }
    Item {
        code,
        group_vi: need(row, "group_vi", problems),
        group_en: row.text("group_en"),
        kind: kind.unwrap_or(CompetencyKind::Skill),
        name_vi: need(row, "name_vi", problems),
        name_en: row.text("name_en"),
    }
}
