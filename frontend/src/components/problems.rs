//! The problems of a form or an uploaded file, each with where it is (a field, a line and
//! column), worded in the reader's language.

use leptos::prelude::*;
use shared::{FieldProblem, Locale};

use crate::i18n::{Text, t};

/// Problems as a list: "Dòng 4 · Đơn vị: không có đơn vị nào mang mã VN-XX".
#[component]
pub fn ProblemList(locale: Locale, problems: Vec<FieldProblem>) -> impl IntoView {
    view! {
        <ul data-testid="import-problems">
            {problems.into_iter().map(|p| {
                view! { <li><strong>{place(locale, p.line, &p.field)}</strong>": " {p.problem.word(locale)}</li> }
            }).collect_view()}
        </ul>
    }
}

/// Where a problem is: "Dòng 4 · Đơn vị", or the field alone.
pub fn place(locale: Locale, line: Option<u64>, field: &str) -> String {
    match line {
        Some(line) => format!(
            "{} {line} · {}",
            t(locale, Text::Line),
            field_label(locale, field)
        ),
        None => field_label(locale, field),
    }
}

/// The label of a form field, by its name in the API.
pub fn field_label(locale: Locale, field: &str) -> String {
    let text = match field {
        "username" => Text::Username,
        "full_name" => Text::FullName,
        "email" => Text::Email,
        "phone" => Text::Phone,
        "org_unit_id" => Text::OrgUnit,
        "position_id" => Text::Position,
        "roles" => Text::Roles,
        "password" | "new_password" => Text::Password,
        "code" => Text::Code,
        "name" => Text::Name,
        "name_vi" => Text::NameVi,
        "name_en" => Text::NameEn,
        "kind" => Text::Kind,
        "parent_id" => Text::Parent,
        "org_unit_code" => Text::OrgUnit,
        "position_code" => Text::Position,
        _ => return field.to_owned(),
    };
    t(locale, text).to_owned()
}
