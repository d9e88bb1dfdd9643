//! The people of a unit below the required level in some competencies, for enrolling them
//! from a training-needs analysis: most gaps first, at most `MAX_PEOPLE`.

use crate::store::Db;
use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, Value};
use shared::evidence::report::{CompetencyRef, MAX_PEOPLE, PersonGap};
use uuid::Uuid;

use super::SupervisionError;
use crate::sql::{placeholders, statement};

/// Rows read at most: enough for `MAX_PEOPLE` people with several gaps each.
const MAX_ROWS: usize = MAX_PEOPLE * 5;

/// The people (of the mapped units) below the required level in any of `gaps`.
pub(super) async fn people_below(
    db: &Db,
    mapping: &str,
    mapping_values: &[Value],
    gaps: &[Uuid],
    refs: &BTreeMap<Uuid, (i32, CompetencyRef)>,
) -> Result<Vec<PersonGap>, SupervisionError> {
    if gaps.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT u.id AS user_id, u.full_name AS full_name, o.name AS unit, \
           r.competency_id AS competency_id \
         FROM competency_current cur \
         JOIN position_profiles r ON r.position_id = cur.position_id \
           AND r.competency_id = cur.competency_id \
         JOIN {mapping} ON m.unit = cur.org_unit_id \
         JOIN users u ON u.id = cur.user_id \
         LEFT JOIN org_units o ON o.id = cur.org_unit_id \
         WHERE cur.level < r.required_level AND r.competency_id IN ({}) \
         ORDER BY u.full_name, u.id LIMIT {}",
        placeholders(gaps.len()),
        MAX_ROWS
    );
    let mut values = mapping_values.to_vec();
    values.extend(gaps.iter().map(|g| Value::from(*g)));
    let rows = db
        .query_all_raw(statement(db.get_database_backend(), &sql, values))
        .await?;
    let mut people: Vec<PersonGap> = Vec::new();
    for row in &rows {
        let id: Uuid = row.try_get("", "user_id")?;
        let competency: Uuid = row.try_get("", "competency_id")?;
        let code = refs
            .get(&competency)
            .map(|(_, c)| c.code.clone())
            .unwrap_or_default();
        match people.iter_mut().find(|p| p.user_id == id) {
            Some(person) => person.competencies.push(code),
            None => people.push(PersonGap {
                user_id: id,
                full_name: row.try_get("", "full_name")?,
                org_unit: row.try_get("", "unit")?,
                competencies: vec![code],
            }),
        }
    }
    people.sort_by(|a, b| {
        b.competencies
            .len()
            .cmp(&a.competencies.len())
            .then(a.full_name.cmp(&b.full_name))
    });
    people.truncate(MAX_PEOPLE);
    Ok(people)
}
