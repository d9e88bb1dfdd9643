//! Reading an import file: the table (`spreadsheet::table`), then every row checked into
//! [`Parsed`], collecting every problem with its line instead of stopping at the first.

use std::collections::{HashMap, HashSet};

use shared::auth::RoleGrant;
use shared::user_import::COLUMNS;
use shared::{FieldProblem, Problem, Role};
use uuid::Uuid;

use crate::services::actors::Actor;
use crate::services::policy::{self, Action};
use crate::spreadsheet::table::{self, Row, Spec};

/// Rows accepted in one file.
pub const MAX_ROWS: usize = 5000;

const SPEC: Spec<'static> = Spec {
    columns: &COLUMNS,
    required: &["username", "full_name", "roles"],
    max_rows: MAX_ROWS,
    others_ignored: false,
    headerless: None,
};

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

/// What the file refers to, by code: units to (id, path), positions to ids.
pub(super) struct References<'a> {
    pub units: &'a HashMap<String, (Uuid, String)>,
    pub positions: &'a HashMap<String, Uuid>,
    pub actor: &'a Actor,
}

/// The rows of `csv_text` and the problems found reading them.
pub(super) fn read(csv_text: &str, refs: &References) -> (Vec<Parsed>, Vec<FieldProblem>) {
    let (rows, mut problems) = table::read(csv_text, &SPEC);
    let mut seen = HashSet::new();
    let parsed = rows
        .iter()
        .map(|row| {
            let mut check = Check {
                refs,
                line: row.line,
                problems: &mut problems,
            };
            check.row(row, &mut seen)
        })
        .collect();
    (parsed, problems)
}

/// The checks of one row, each adding its problems at the row's line.
struct Check<'a, 'r> {
    refs: &'a References<'r>,
    line: u64,
    problems: &'a mut Vec<FieldProblem>,
}

impl Check<'_, '_> {
    fn push(&mut self, column: &str, found: Problem) {
        self.problems.push(problem(self.line, column, found));
    }

    fn row(&mut self, row: &Row, seen: &mut HashSet<String>) -> Parsed {
        let username = row.text("username").to_lowercase();
        if !username.is_empty() && !seen.insert(username.clone()) {
            self.push("username", Problem::TwiceInFile);
        }
        Parsed {
            line: self.line,
            username,
            full_name: row.text("full_name"),
            email: row.get("email").map(str::to_owned),
            phone: row.get("phone").map(str::to_owned),
            org_unit: self.unit(row.get("org_unit_code")),
            position_id: self.position(row.get("position_code")),
            grants: self.grants(&row.text("roles")),
            password: row.get("password").map(str::to_owned),
        }
    }

    /// The unit an account will be in, decided like any other reference, an empty one
    /// included: only a national administrator places people outside every unit.
    fn unit(&mut self, code: Option<&str>) -> Option<(Uuid, String)> {
        let unit = code.and_then(|code| match self.refs.units.get(code) {
            Some(unit) => Some(unit.clone()),
            None => {
                let code = code.to_owned();
                self.push("org_unit_code", Problem::NoUnitWithCode { code });
                None
            }
        });
        let path = unit.as_ref().map(|(_, path)| path.as_str());
        if (unit.is_some() || code.is_none())
            && !policy::allows(self.refs.actor, Action::ManageUsers, path)
        {
            let refused = if code.is_some() {
                Problem::OutsideYourTree
            } else {
                Problem::UnitInYourTree
            };
            self.push("org_unit_code", refused);
        }
        unit
    }

    fn position(&mut self, code: Option<&str>) -> Option<Uuid> {
        let code = code?;
        let found = self.refs.positions.get(code).copied();
        if found.is_none() {
            let code = code.to_owned();
            self.push("position_code", Problem::NoPositionWithCode { code });
        }
        found
    }

    /// `learner;supervisor@VN-LCI`: each role, optionally limited to a unit.
    fn grants(&mut self, roles: &str) -> Vec<RoleGrant> {
        let items = roles.split(';').map(str::trim).filter(|s| !s.is_empty());
        items.filter_map(|item| self.grant(item)).collect()
    }

    fn grant(&mut self, item: &str) -> Option<RoleGrant> {
        let (code, scope) = match item.split_once('@') {
            Some((code, scope)) => (code.trim(), Some(scope.trim())),
            None => (item, None),
        };
        let Some(role) = Role::from_code(code) else {
            let code = code.to_owned();
            self.push("roles", Problem::UnknownRole { code });
            return None;
        };
        let scope_unit = match scope {
            Some(scope) => match self.refs.units.get(scope) {
                Some(unit) => Some(unit.clone()),
                None => {
                    let code = scope.to_owned();
                    self.push("roles", Problem::NoUnitWithCode { code });
                    return None;
                }
            },
            None => None,
        };
        let scope_path = scope_unit.as_ref().map(|u| u.1.as_str());
        if !policy::may_grant(self.refs.actor, role, scope_path) {
            let grant = item.to_owned();
            self.push("roles", Problem::MayNotGrant { grant });
        }
        Some(RoleGrant {
            role,
            scope_org_unit_id: scope_unit.map(|u| u.0),
        })
    }
}
