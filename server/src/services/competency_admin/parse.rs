//! Reading a framework's CSV (the format of `GET /competency-frameworks/{id}/export.csv`):
//! the scale's levels and the competencies, every problem reported with its line.

use std::collections::HashSet;

use shared::competency::CompetencyKind;
use shared::{FieldProblem, Problem};

use crate::services::competencies::FRAMEWORK_COLUMNS;

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

/// Reads the CSV; every problem is reported with its line.
pub(super) fn parse(csv_text: &str) -> Result<(Vec<Level>, Vec<Item>), Vec<FieldProblem>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![FieldProblem::at_line(
                1,
                "csv",
                Problem::HeaderUnreadable {
                    detail: e.to_string(),
                },
            )]
        })?
        .clone();
    let missing: Vec<&str> = FRAMEWORK_COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h.trim() == *c))
        .collect();
    if !missing.is_empty() {
        return Err(vec![FieldProblem::at_line(
            1,
            "csv",
            Problem::MissingColumns {
                columns: missing.join(", "),
            },
        )]);
    }
    let column = |name: &str| headers.iter().position(|h| h.trim() == name).unwrap_or(0);
    let (mut levels, mut items, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let mut codes = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(FieldProblem::at_line(
                    line,
                    "csv",
                    Problem::RowUnreadable {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let get = |name: &str| {
            crate::spreadsheet::restore(record.get(column(name)).unwrap_or_default().trim())
                .to_owned()
        };
        let missing = std::cell::RefCell::new(Vec::new());
        let need = |name: &str| {
            let value = get(name);
            if value.is_empty() {
                missing
                    .borrow_mut()
                    .push(FieldProblem::at_line(line, name, Problem::Required));
            }
            value
        };
        match get("section").as_str() {
            "level" => {
                let level = get("level")
                    .parse::<i32>()
                    .ok()
                    .filter(|l| (1..=10).contains(l));
                let entry = Level {
                    level: level.unwrap_or(0),
                    name_vi: need("name_vi"),
                    name_en: get("name_en"),
                    descriptor_vi: need("descriptor_vi"),
                    descriptor_en: get("descriptor_en"),
                    proficient: matches!(
                        get("proficient").to_lowercase().as_str(),
                        "yes" | "true" | "1" | "có"
                    ),
                };
                if level.is_none() {
                    problems.push(FieldProblem::at_line(line, "level", Problem::ScaleLevel));
                }
                levels.push(entry);
            }
            "competency" => {
                let code = need("code");
                let fine = code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if !code.is_empty() && !fine {
                    problems.push(FieldProblem::at_line(
                        line,
                        "code",
                        Problem::CompetencyCode { code: code.clone() },
                    ));
                } else if !code.is_empty() && !codes.insert(code.clone()) {
                    problems.push(FieldProblem::at_line(
                        line,
                        "code",
                        Problem::CompetencyTwice { code: code.clone() },
                    ));
                }
                let kind = CompetencyKind::from_code(&get("kind"));
                if kind.is_none() {
                    problems.push(FieldProblem::at_line(line, "kind", Problem::CompetencyKind));
                }
                items.push(Item {
                    code,
                    group_vi: need("group_vi"),
                    group_en: get("group_en"),
                    kind: kind.unwrap_or(CompetencyKind::Skill),
                    name_vi: need("name_vi"),
                    name_en: get("name_en"),
                });
            }
            other => problems.push(FieldProblem::at_line(
                line,
                "section",
                Problem::Section {
                    found: other.to_owned(),
                },
            )),
        }
        problems.extend(missing.into_inner());
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
