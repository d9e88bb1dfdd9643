//! The viewer's-language names of things several pages show: a bilingual text, a role, an
//! activity kind.

use shared::course::ActivityKind;
use shared::{L10n, Locale, Role};

use crate::i18n::{Text, t};

/// The text in the viewer's language (Vietnamese when there is no English).
pub fn tr(locale: Locale, text: &L10n) -> String {
    text.get(locale).to_owned()
}

/// The name of a role.
pub fn role_name(locale: Locale, role: Role) -> &'static str {
    t(
        locale,
        match role {
            Role::Admin => Text::RoleAdmin,
            Role::Lecturer => Text::RoleLecturer,
            Role::Supervisor => Text::RoleSupervisor,
            Role::Learner => Text::RoleLearner,
        },
    )
}

/// The name of an activity kind.
pub fn activity_kind(locale: Locale, kind: ActivityKind) -> &'static str {
    t(
        locale,
        match kind {
            ActivityKind::CaseStudy => Text::KindCaseStudy,
            ActivityKind::Quiz => Text::KindQuiz,
            ActivityKind::RolePlay => Text::KindRolePlay,
            ActivityKind::Assessment => Text::KindAssessment,
            ActivityKind::Survey => Text::KindSurvey,
        },
    )
}
