//! Deserialisers that let one type read both JSON and HTML form posts, where a select
//! left empty sends `""` and a list of checkboxes sends plain strings.

use serde::{Deserialize, Deserializer};
use uuid::Uuid;

use crate::Role;
use crate::auth::RoleGrant;

/// `Option<Uuid>` where `""` (an empty select) means none. Exactly empty, as the documented
/// pattern `^$|^<uuid>$` says: a blank of spaces is neither.
pub fn optional_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Uuid>, D::Error> {
    let raw = Option::<String>::deserialize(deserializer)?;
    match raw.as_deref() {
        None | Some("") => Ok(None),
        Some(text) => Uuid::parse_str(text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// `Option<String>` where `""` (an empty field) means none; trimmed.
pub fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let raw = Option::<String>::deserialize(deserializer)?;
    Ok(raw.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()))
}

/// An optional day, `YYYY-MM-DD` (a day that exists); `""` means none. Exactly `""`, as
/// the documented pattern says: blanks are not a day, nor nothing.
pub fn optional_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?.filter(|t| !t.is_empty());
    match text {
        Some(day) if !is_day(&day) => Err(serde::de::Error::custom(format!(
            "{day:?} is not a day as YYYY-MM-DD"
        ))),
        other => Ok(other),
    }
}

/// Whether `text` is `YYYY-MM-DD` naming a day of the calendar.
pub fn is_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Optional text of at most 200 characters; `""` means none.
pub fn optional_short_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let text = optional_text(deserializer)?;
    match text {
        Some(t) if t.chars().count() > 200 => {
            Err(serde::de::Error::custom("at most 200 characters"))
        }
        other => Ok(other),
    }
}

/// A boolean from JSON (`true`) or from a form (`"true"`, `"1"`, `"on"`).
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Text(String),
    }
    Ok(match Flag::deserialize(deserializer)? {
        Flag::Bool(value) => value,
        Flag::Text(text) => matches!(text.trim(), "true" | "1" | "on" | "yes"),
    })
}

#[derive(Deserialize)]
#[serde(untagged)]
enum GrantInput {
    Grant(RoleGrant),
    /// `learner`, or `supervisor@<org unit id>`.
    Code(String),
}

fn grant(input: GrantInput) -> Result<RoleGrant, String> {
    match input {
        GrantInput::Grant(grant) => Ok(grant),
        GrantInput::Code(code) => {
            let (role, scope) = match code.split_once('@') {
                Some((role, scope)) => (
                    role,
                    Some(Uuid::parse_str(scope.trim()).map_err(|e| e.to_string())?),
                ),
                None => (code.as_str(), None),
            };
            let role =
                Role::from_code(role.trim()).ok_or_else(|| format!("unknown role {role}"))?;
            Ok(RoleGrant {
                role,
                scope_org_unit_id: scope,
            })
        }
    }
}

/// Role grants as objects (`{"role": "admin", "scope_org_unit_id": …}`) or as codes
/// (`"learner"`, `"supervisor@<id>"`).
pub fn grants<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<RoleGrant>, D::Error> {
    Vec::<GrantInput>::deserialize(deserializer)?
        .into_iter()
        .map(grant)
        .collect::<Result<_, _>>()
        .map_err(serde::de::Error::custom)
}

/// Like [`grants`], for an optional list.
pub fn optional_grants<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<RoleGrant>>, D::Error> {
    Option::<Vec<GrantInput>>::deserialize(deserializer)?
        .map(|items| items.into_iter().map(grant).collect::<Result<_, _>>())
        .transpose()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Sample {
        #[serde(default, deserialize_with = "optional_id")]
        unit: Option<Uuid>,
        #[serde(deserialize_with = "grants")]
        roles: Vec<RoleGrant>,
    }

    #[derive(Deserialize)]
    struct Filter {
        #[serde(default, deserialize_with = "optional_id")]
        unit: Option<Uuid>,
        #[serde(default, deserialize_with = "optional_date")]
        to: Option<String>,
    }

    #[test]
    fn only_an_exactly_empty_value_means_none() {
        let empty: Filter = serde_urlencoded::from_str("unit=&to=").unwrap();
        assert!(empty.unit.is_none() && empty.to.is_none());
        // What the documented patterns (`^$|^…$`) refuse, the server refuses too.
        for query in [
            "unit=%C2%A0",
            "unit=%20",
            "to=%C2%A0",
            "to=%20",
            "to=%202026-12-07",
        ] {
            assert!(
                serde_urlencoded::from_str::<Filter>(query).is_err(),
                "{query} is accepted"
            );
        }
    }

    #[test]
    fn days_exist() {
        for day in ["2026-12-07", "2024-02-29", "2000-02-29"] {
            assert!(is_day(day), "{day}");
        }
        for day in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "0328-08-98",
            "x",
            "",
        ] {
            assert!(!is_day(day), "{day}");
        }
    }

    #[test]
    fn reads_objects_codes_and_empty_selects() {
        let id = Uuid::from_u128(0x5f3a_0000_0000_4000_8000_0000_0000_0001);
        let json = format!(
            r#"{{"unit":"","roles":[{{"role":"admin","scope_org_unit_id":null}},"learner","supervisor@{id}"]}}"#
        );
        let sample: Sample = serde_json::from_str(&json).unwrap();
        assert_eq!(sample.unit, None);
        let roles: Vec<(Role, Option<Uuid>)> = sample
            .roles
            .iter()
            .map(|g| (g.role, g.scope_org_unit_id))
            .collect();
        assert_eq!(
            roles,
            [
                (Role::Admin, None),
                (Role::Learner, None),
                (Role::Supervisor, Some(id))
            ]
        );
        assert!(serde_json::from_str::<Sample>(r#"{"roles":["chief"]}"#).is_err());
    }
}
