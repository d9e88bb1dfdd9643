//! Reading an import file: the header, then every row into [`Parsed`], collecting every
//! problem with its line instead of stopping at the first.

use std::collections::{HashMap, HashSet};

use shared::auth::RoleGrant;
use shared::user_import::COLUMNS;
use shared::{FieldProblem, Problem, Role};
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::policy::{self, Action};

/// Rows accepted in one file.
pub const MAX_ROWS: usize = 5000;

/// One row, its references resolved.
pub(super) struct Parsed {
    pub line: u64,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The unit's id and path.
    pub org_unit: Option<(Uuid, String)>,
    pub position_id: Option<Uuid>,
    pub grants: Vec<RoleGrant>,
    pub password: Option<String>,
}

pub(super) fn problem(line: u64, column: &str, problem: Problem) -> FieldProblem {
    FieldProblem::at_line(line, column, problem)
}

/// The rows of `csv_text` and the problems found reading them. `units` maps codes to
/// (id, path); `positions` maps codes to ids.
pub(super) fn read(
    csv_text: &str,
    units: &HashMap<String, (Uuid, String)>,
    positions: &HashMap<String, Uuid>,
    actor: &Actor,
) -> (Vec<Parsed>, Vec<FieldProblem>) {
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect::<Vec<_>>(),
        Err(e) => {
            return (
                Vec::new(),
                vec![problem(
                    1,
                    "header",
                    Problem::HeaderUnreadable {
                        detail: e.to_string(),
                    },
                )],
            );
        }
    };
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(problem(
                1,
                h,
                Problem::UnknownColumn {
                    columns: COLUMNS.join(", "),
                },
            ));
        }
    }
    for required in ["username", "full_name", "roles"] {
        if !headers.iter().any(|h| h == required) {
            problems.push(problem(1, required, Problem::ColumnRequired));
        }
    }
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let column = |record: &csv::StringRecord, name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| record.get(i))
            .map(|v| crate::spreadsheet::restore(v).to_owned())
            .filter(|v| !v.is_empty())
    };

    let mut parsed = Vec::new();
    let mut seen = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        if index >= MAX_ROWS {
            problems.push(problem(
                index as u64 + 2,
                "file",
                Problem::RowsAtMost { max: MAX_ROWS },
            ));
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(index as u64 + 2, |p| p.line());
                problems.push(problem(
                    line,
                    "row",
                    Problem::RowUnreadable {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let line = record.position().map_or(index as u64 + 2, |p| p.line());
        let username = column(&record, "username")
            .unwrap_or_default()
            .to_lowercase();
        if !username.is_empty() && !seen.insert(username.clone()) {
            problems.push(problem(line, "username", Problem::TwiceInFile));
        }
        let org_unit = column(&record, "org_unit_code").and_then(|code| match units.get(&code) {
            Some(unit) => Some(unit.clone()),
            None => {
                problems.push(problem(
                    line,
                    "org_unit_code",
                    Problem::NoUnitWithCode { code },
                ));
                None
            }
        });
        // The unit an account will be in is decided like any other reference, an empty one
        // included: only a national administrator places people outside every unit.
        let unit_named = column(&record, "org_unit_code").is_some();
        if (org_unit.is_some() || !unit_named)
            && !policy::allows(
                actor,
                Action::ManageUsers,
                org_unit.as_ref().map(|(_, path)| path.as_str()),
            )
        {
            problems.push(problem(
                line,
                "org_unit_code",
                if unit_named {
                    Problem::OutsideYourTree
                } else {
                    Problem::UnitInYourTree
                },
            ));
        }
        let position_id =
            column(&record, "position_code").and_then(|code| match positions.get(&code) {
                Some(id) => Some(*id),
                None => {
                    problems.push(problem(
                        line,
                        "position_code",
                        Problem::NoPositionWithCode { code },
                    ));
                    None
                }
            });
        let mut grants = Vec::new();
        for item in column(&record, "roles")
            .unwrap_or_default()
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let (code, scope) = match item.split_once('@') {
                Some((code, scope)) => (code.trim(), Some(scope.trim())),
                None => (item, None),
            };
            let Some(role) = Role::from_code(code) else {
                problems.push(problem(
                    line,
                    "roles",
                    Problem::UnknownRole {
                        code: code.to_owned(),
                    },
                ));
                continue;
            };
            let scope_unit = match scope {
                Some(scope) => match units.get(scope) {
                    Some(unit) => Some(unit.clone()),
                    None => {
                        problems.push(problem(
                            line,
                            "roles",
                            Problem::NoUnitWithCode {
                                code: scope.to_owned(),
                            },
                        ));
                        continue;
                    }
                },
                None => None,
            };
            if !policy::may_grant(actor, role, scope_unit.as_ref().map(|u| u.1.as_str())) {
                problems.push(problem(
                    line,
                    "roles",
                    Problem::MayNotGrant {
                        grant: item.to_owned(),
                    },
                ));
            }
            grants.push(RoleGrant {
                role,
                scope_org_unit_id: scope_unit.map(|u| u.0),
            });
        }
        parsed.push(Parsed {
            line,
            username,
            full_name: column(&record, "full_name").unwrap_or_default(),
            email: column(&record, "email"),
            phone: column(&record, "phone"),
            org_unit,
            position_id,
            grants,
            password: column(&record, "password"),
        });
    }

    (parsed, problems)
}
