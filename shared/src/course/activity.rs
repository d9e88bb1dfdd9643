//! The five kinds of activity.

use serde::{Deserialize, Serialize};

use crate::L10n;
use crate::quiz::Question;
use crate::roleplay::Scenario;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// Unique within the course; attempts refer to it.
    pub id: String,
    pub title: L10n,
    #[serde(flatten)]
    pub body: ActivityBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityBody {
    CaseStudy(CaseStudy),
    Quiz(Quiz),
    RolePlay(RolePlay),
    Assessment(Assessment),
    Survey(Survey),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    CaseStudy,
    Quiz,
    RolePlay,
    Assessment,
    Survey,
}

impl ActivityKind {
    pub const ALL: [Self; 5] = [
        Self::CaseStudy,
        Self::Quiz,
        Self::RolePlay,
        Self::Assessment,
        Self::Survey,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::CaseStudy => "case_study",
            Self::Quiz => "quiz",
            Self::RolePlay => "role_play",
            Self::Assessment => "assessment",
            Self::Survey => "survey",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// An empty body of this kind, as a new activity starts.
    pub fn empty_body(self) -> ActivityBody {
        match self {
            Self::CaseStudy => ActivityBody::CaseStudy(CaseStudy::default()),
            Self::Quiz => ActivityBody::Quiz(Quiz::default()),
            Self::RolePlay => ActivityBody::RolePlay(RolePlay::default()),
            Self::Assessment => ActivityBody::Assessment(Assessment::default()),
            Self::Survey => ActivityBody::Survey(Survey::default()),
        }
    }
}

impl ActivityBody {
    pub fn kind(&self) -> ActivityKind {
        match self {
            Self::CaseStudy(_) => ActivityKind::CaseStudy,
            Self::Quiz(_) => ActivityKind::Quiz,
            Self::RolePlay(_) => ActivityKind::RolePlay,
            Self::Assessment(_) => ActivityKind::Assessment,
            Self::Survey(_) => ActivityKind::Survey,
        }
    }
}

/// A real case, good or failed, to read and reflect on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseStudy {
    /// Markdown: the situation as it happened.
    pub body: L10n,
    /// Markdown: how it really ended, shown after the learner has reflected.
    #[serde(default)]
    pub outcome: L10n,
    /// Questions the learner answers in writing.
    #[serde(default)]
    pub prompts: Vec<L10n>,
    /// Optional criteria for the lecturer's review of the written answers.
    #[serde(default)]
    pub rubric: Vec<RubricCriterion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricCriterion {
    pub text: L10n,
    pub points: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    #[serde(default)]
    pub settings: QuizSettings,
    #[serde(default)]
    pub questions: Vec<QuizQuestion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// How many attempts a learner has; 0 means no limit.
    pub attempts: u32,
    /// Percentage of the marks needed to pass.
    pub pass_mark: u32,
    pub shuffle_questions: bool,
    pub shuffle_options: bool,
    pub feedback: FeedbackTiming,
    /// With feedback after each question: the quiz page carries the grade of every answer
    /// to its closed questions, so a device checks them offline (the key, in another form).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub offline_feedback: bool,
}

impl Default for QuizSettings {
    fn default() -> Self {
        Self {
            attempts: 0,
            pass_mark: 70,
            shuffle_questions: false,
            shuffle_options: true,
            feedback: FeedbackTiming::AfterSubmission,
            offline_feedback: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackTiming {
    /// After each question is answered.
    Immediate,
    /// Once the whole quiz is submitted.
    AfterSubmission,
}

/// A question with what it measures and what the learner is told.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizQuestion {
    pub id: String,
    /// Code of the competency this question measures.
    pub competency: String,
    /// Markdown.
    pub prompt: L10n,
    #[serde(flatten)]
    pub question: Question,
    /// Shown after answering, whatever the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<L10n>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RolePlay {
    /// Markdown: the briefing before the first scene.
    #[serde(default)]
    pub briefing: L10n,
    pub scenario: Scenario,
}

/// A pre- or post-test drawn from the course's item bank by a blueprint, so the two are
/// parallel forms: the same competencies in the same numbers, never the same items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub phase: Phase,
    pub blueprint: Vec<BlueprintLine>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    #[default]
    Pre,
    Post,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pre => "pre",
            Self::Post => "post",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlueprintLine {
    pub competency: String,
    /// Items of this competency on each form.
    pub count: u32,
}

/// End-of-course feedback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub items: Vec<SurveyItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyItem {
    pub id: String,
    pub kind: SurveyItemKind,
    /// What it asks about; `lecturer` items are asked once for each lecturer of the cohort.
    pub about: SurveyAbout,
    pub prompt: L10n,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyItemKind {
    /// 1 (strongly disagree) to 5 (strongly agree).
    Likert,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurveyAbout {
    Course,
    Lecturer,
    /// Relevance to the learner's job.
    Relevance,
}

impl SurveyAbout {
    pub const ALL: [Self; 3] = [Self::Course, Self::Lecturer, Self::Relevance];

    pub fn code(self) -> &'static str {
        match self {
            Self::Course => "course",
            Self::Lecturer => "lecturer",
            Self::Relevance => "relevance",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}
