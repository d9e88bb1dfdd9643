//! A course as authors write it and as publishing freezes it: the **content package**.
//! The same document is the draft being edited, each immutable published version, and the
//! export/import file. Its format is described in `docs/CONTENT_PACKAGE.md`.

mod activity;
mod assessment;
pub mod edit;
pub mod learner;
pub mod notation;
mod validate;

pub use activity::{
    Activity, ActivityBody, ActivityKind, Assessment, BlueprintLine, CaseStudy, FeedbackTiming,
    Phase, Quiz, QuizQuestion, QuizSettings, RolePlay, RubricCriterion, Survey, SurveyAbout,
    SurveyItem, SurveyItemKind,
};
pub use assessment::{assemble_form, form_of};
pub use validate::{Issue, IssueKind, validate};

use serde::{Deserialize, Serialize};

use crate::L10n;

/// The `format` every package carries.
pub const FORMAT: &str = "fieldschool-course";
/// The version of the format this code writes and reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Package {
    pub format: String,
    pub format_version: u32,
    pub course: CourseInfo,
    #[serde(default)]
    pub modules: Vec<Module>,
    /// Competency-tagged questions the pre- and post-assessments draw from.
    #[serde(default)]
    pub item_bank: Vec<QuizQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseInfo {
    /// Short, unique code, e.g. `KNTC-CX-2026`.
    pub code: String,
    pub title: L10n,
    /// Markdown.
    #[serde(default)]
    pub summary: L10n,
    /// The framework whose competency codes the course uses.
    pub framework: FrameworkRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkRef {
    pub code: String,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub title: L10n,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

impl Package {
    /// An empty draft.
    pub fn new(code: &str, title: L10n, framework: FrameworkRef) -> Self {
        Self {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            course: CourseInfo {
                code: code.to_owned(),
                title,
                summary: L10n::default(),
                framework,
            },
            modules: Vec::new(),
            item_bank: Vec::new(),
        }
    }

    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.modules.iter().flat_map(|m| m.activities.iter())
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities().find(|a| a.id == id)
    }

    pub fn activity_mut(&mut self, id: &str) -> Option<&mut Activity> {
        self.modules
            .iter_mut()
            .flat_map(|m| m.activities.iter_mut())
            .find(|a| a.id == id)
    }

    /// Every competency code the content uses.
    pub fn competency_codes(&self) -> std::collections::BTreeSet<&str> {
        let mut codes: std::collections::BTreeSet<&str> = self
            .item_bank
            .iter()
            .map(|q| q.competency.as_str())
            .collect();
        for activity in self.activities() {
            match &activity.body {
                ActivityBody::Quiz(quiz) => {
                    codes.extend(quiz.questions.iter().map(|q| q.competency.as_str()));
                }
                ActivityBody::RolePlay(play) => codes.extend(
                    play.scenario
                        .nodes
                        .iter()
                        .flat_map(crate::roleplay::Node::choices)
                        .flat_map(|c| c.effects.iter().map(|e| e.competency.as_str())),
                ),
                ActivityBody::Assessment(test) => {
                    codes.extend(test.blueprint.iter().map(|b| b.competency.as_str()));
                }
                ActivityBody::CaseStudy(_) | ActivityBody::Survey(_) => {}
            }
        }
        codes
    }
}

/// A fresh id for a new module, activity, question or node: `prefix` and the first free
/// number.
pub fn next_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let highest = taken
        .filter_map(|id| id.strip_prefix(prefix))
        .filter_map(|n| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest.saturating_add(1))
}

#[cfg(test)]
mod tests;
