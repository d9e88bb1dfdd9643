//! What publishing (and importing) checks: every problem, with the path of the place it is
//! at, such as `modules[1].activities[0].questions[2].correct`.

use std::collections::{BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::{
    ActivityBody, Assessment, CaseStudy, FORMAT, FORMAT_VERSION, Package, Phase, Quiz,
    QuizQuestion, RolePlay, Survey, form_of,
};
use crate::L10n;
use crate::quiz::{Item, Question};
use crate::roleplay;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// Where, e.g. `modules[0].activities[2].scenario.nodes[4]`.
    pub path: String,
    #[serde(flatten)]
    pub kind: IssueKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum IssueKind {
    /// The JSON does not fit the format here.
    Unreadable {
        message: String,
    },
    UnknownFormat {
        format: String,
    },
    /// The package's competency framework version is not on this server.
    UnknownFramework {
        framework: String,
        version: u32,
    },
    UnsupportedVersion {
        version: u32,
    },
    /// Required text (in Vietnamese at least) is missing.
    Blank,
    DuplicateId {
        id: String,
    },
    NoModules,
    EmptyModule,
    UnknownCompetency {
        competency: String,
    },
    NoQuestions,
    PassMarkOver100,
    TooFewOptions {
        min: usize,
    },
    DuplicateKey {
        key: String,
    },
    UnknownKey {
        key: String,
    },
    NoCorrectAnswer,
    NotFinite,
    NegativeTolerance,
    NotAnOrder,
    NoPrompts,
    Scenario {
        problem: roleplay::Problem,
    },
    EmptyBlueprint,
    ZeroCount,
    TooFewItems {
        competency: String,
        needed: u32,
        available: u32,
    },
    DuplicatePhase {
        phase: Phase,
    },
    BlueprintsDiffer,
    NoSurveyItems,
}

impl IssueKind {
    /// Problems that make a package unusable even as a draft (it could not be edited or
    /// would point at nothing); the others only stop publishing.
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Self::Unreadable { .. }
                | Self::UnknownFormat { .. }
                | Self::UnknownFramework { .. }
                | Self::UnsupportedVersion { .. }
                | Self::DuplicateId { .. }
                | Self::UnknownCompetency { .. }
        )
    }
}

struct Checker<'a> {
    issues: Vec<Issue>,
    known: Option<&'a BTreeSet<String>>,
}

impl Checker<'_> {
    fn push(&mut self, path: impl Into<String>, kind: IssueKind) {
        self.issues.push(Issue {
            path: path.into(),
            kind,
        });
    }

    fn text(&mut self, path: String, text: &L10n) {
        if text.vi.trim().is_empty() {
            self.push(path, IssueKind::Blank);
        }
    }

    fn competency(&mut self, path: String, code: &str) {
        if code.trim().is_empty() {
            self.push(path, IssueKind::Blank);
        } else if self.known.is_some_and(|known| !known.contains(code)) {
            self.push(
                path,
                IssueKind::UnknownCompetency {
                    competency: code.to_owned(),
                },
            );
        }
    }

    fn unique_ids<'i>(&mut self, path: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.push(format!("{path}[{i}].id"), IssueKind::Blank);
            } else if !seen.insert(id) {
                self.push(
                    format!("{path}[{i}].id"),
                    IssueKind::DuplicateId { id: id.into() },
                );
            }
        }
    }
}

/// Every problem in `package`, in document order; empty means it may be published.
/// `known` holds the framework's competency codes; `None` skips that check.
pub fn validate(package: &Package, known: Option<&BTreeSet<String>>) -> Vec<Issue> {
    let mut c = Checker {
        issues: Vec::new(),
        known,
    };
    if package.format != FORMAT {
        c.push(
            "format",
            IssueKind::UnknownFormat {
                format: package.format.clone(),
            },
        );
    }
    if package.format_version != FORMAT_VERSION {
        c.push(
            "format_version",
            IssueKind::UnsupportedVersion {
                version: package.format_version,
            },
        );
    }
    if package.course.code.trim().is_empty() {
        c.push("course.code", IssueKind::Blank);
    }
    c.text("course.title".into(), &package.course.title);
    if package.modules.is_empty() {
        c.push("modules", IssueKind::NoModules);
    }
    c.unique_ids("modules", package.modules.iter().map(|m| m.id.as_str()));
    let mut activity_ids = HashSet::new();
    for (m, module) in package.modules.iter().enumerate() {
        let at = format!("modules[{m}]");
        c.text(format!("{at}.title"), &module.title);
        if module.activities.is_empty() {
            c.push(format!("{at}.activities"), IssueKind::EmptyModule);
        }
        for (a, activity) in module.activities.iter().enumerate() {
            let at = format!("{at}.activities[{a}]");
            if activity.id.trim().is_empty() {
                c.push(format!("{at}.id"), IssueKind::Blank);
            } else if !activity_ids.insert(activity.id.as_str()) {
                c.push(
                    format!("{at}.id"),
                    IssueKind::DuplicateId {
                        id: activity.id.clone(),
                    },
                );
            }
            c.text(format!("{at}.title"), &activity.title);
            match &activity.body {
                ActivityBody::CaseStudy(case) => case_study(&mut c, &at, case),
                ActivityBody::Quiz(quiz) => quiz_activity(&mut c, &at, quiz),
                ActivityBody::RolePlay(play) => role_play(&mut c, &at, play),
                ActivityBody::Assessment(test) => assessment(&mut c, &at, test, package),
                ActivityBody::Survey(survey) => survey_activity(&mut c, &at, survey),
            }
        }
    }
    assessments_are_parallel(&mut c, package);
    c.unique_ids("item_bank", package.item_bank.iter().map(|q| q.id.as_str()));
    for (i, q) in package.item_bank.iter().enumerate() {
        question(&mut c, &format!("item_bank[{i}]"), q);
    }
    c.issues
}

fn case_study(c: &mut Checker, at: &str, case: &CaseStudy) {
    c.text(format!("{at}.body"), &case.body);
    if case.prompts.is_empty() {
        c.push(format!("{at}.prompts"), IssueKind::NoPrompts);
    }
    for (i, prompt) in case.prompts.iter().enumerate() {
        c.text(format!("{at}.prompts[{i}]"), prompt);
    }
    for (i, criterion) in case.rubric.iter().enumerate() {
        c.text(format!("{at}.rubric[{i}].text"), &criterion.text);
    }
}

fn quiz_activity(c: &mut Checker, at: &str, quiz: &Quiz) {
    if quiz.settings.pass_mark > 100 {
        c.push(
            format!("{at}.settings.pass_mark"),
            IssueKind::PassMarkOver100,
        );
    }
    if quiz.questions.is_empty() {
        c.push(format!("{at}.questions"), IssueKind::NoQuestions);
    }
    let path = format!("{at}.questions");
    c.unique_ids(&path, quiz.questions.iter().map(|q| q.id.as_str()));
    for (i, q) in quiz.questions.iter().enumerate() {
        question(c, &format!("{path}[{i}]"), q);
    }
}

fn items(c: &mut Checker, at: &str, items: &[Item], min: usize) -> HashSet<String> {
    if items.len() < min {
        c.push(at.to_owned(), IssueKind::TooFewOptions { min });
    }
    let mut keys = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        if item.key.trim().is_empty() {
            c.push(format!("{at}[{i}].key"), IssueKind::Blank);
        } else if !keys.insert(item.key.clone()) {
            c.push(
                format!("{at}[{i}].key"),
                IssueKind::DuplicateKey {
                    key: item.key.clone(),
                },
            );
        }
        c.text(format!("{at}[{i}].text"), &item.text);
    }
    keys
}

fn known_key(c: &mut Checker, at: String, keys: &HashSet<String>, key: &str) {
    if !keys.contains(key) {
        c.push(at, IssueKind::UnknownKey { key: key.into() });
    }
}

fn question(c: &mut Checker, at: &str, q: &QuizQuestion) {
    c.competency(format!("{at}.competency"), &q.competency);
    c.text(format!("{at}.prompt"), &q.prompt);
    match &q.question {
        Question::SingleChoice { options, correct } => {
            let keys = items(c, &format!("{at}.options"), options, 2);
            known_key(c, format!("{at}.correct"), &keys, correct);
        }
        Question::MultipleChoice {
            options, correct, ..
        } => {
            let keys = items(c, &format!("{at}.options"), options, 2);
            if correct.is_empty() {
                c.push(format!("{at}.correct"), IssueKind::NoCorrectAnswer);
            }
            for (i, key) in correct.iter().enumerate() {
                known_key(c, format!("{at}.correct[{i}]"), &keys, key);
            }
        }
        Question::TrueFalse { .. } => {}
        Question::Numeric { answer, tolerance } => {
            if !answer.is_finite() {
                c.push(format!("{at}.answer"), IssueKind::NotFinite);
            }
            if !tolerance.is_finite() {
                c.push(format!("{at}.tolerance"), IssueKind::NotFinite);
            } else if *tolerance < 0.0 {
                c.push(format!("{at}.tolerance"), IssueKind::NegativeTolerance);
            }
        }
        Question::ShortText { accepted, .. } => {
            if accepted.iter().all(|a| a.trim().is_empty()) {
                c.push(format!("{at}.accepted"), IssueKind::NoCorrectAnswer);
            }
        }
        Question::Ordering {
            items: list,
            correct,
        } => {
            let keys = items(c, &format!("{at}.items"), list, 2);
            let given: HashSet<String> = correct.iter().cloned().collect();
            if given != keys || correct.len() != list.len() {
                c.push(format!("{at}.correct"), IssueKind::NotAnOrder);
            }
        }
        Question::Matching { left, right, pairs } => {
            let lefts = items(c, &format!("{at}.left"), left, 2);
            let rights = items(c, &format!("{at}.right"), right, 2);
            let mut matched = HashSet::new();
            for (i, (l, r)) in pairs.iter().enumerate() {
                known_key(c, format!("{at}.pairs[{i}][0]"), &lefts, l);
                known_key(c, format!("{at}.pairs[{i}][1]"), &rights, r);
                if !matched.insert(l.as_str()) {
                    c.push(
                        format!("{at}.pairs[{i}][0]"),
                        IssueKind::DuplicateKey { key: l.clone() },
                    );
                }
            }
            if pairs.is_empty() {
                c.push(format!("{at}.pairs"), IssueKind::NoCorrectAnswer);
            }
        }
    }
}

fn role_play(c: &mut Checker, at: &str, play: &RolePlay) {
    let scenario = &play.scenario;
    let index = |id: &str| scenario.nodes.iter().position(|n| n.id == id);
    for problem in roleplay::validate(scenario) {
        use roleplay::Problem as P;
        let path = match &problem {
            P::DuplicateNode { node }
            | P::DeadEnd { node }
            | P::Unreachable { node }
            | P::NoWayToAnEnding { node } => match index(node) {
                Some(i) => format!("{at}.scenario.nodes[{i}]"),
                None => format!("{at}.scenario.nodes"),
            },
            P::DuplicateChoice { node, choice } | P::DanglingChoice { node, choice, .. } => {
                match index(node) {
                    Some(i) => {
                        let j = scenario.nodes[i]
                            .choices()
                            .iter()
                            .position(|ch| &ch.id == choice)
                            .unwrap_or(0);
                        format!("{at}.scenario.nodes[{i}].choices[{j}]")
                    }
                    None => format!("{at}.scenario.nodes"),
                }
            }
            P::MissingStart { .. } => format!("{at}.scenario.start"),
            P::NoNodes | P::NoEnding | P::TooLarge { .. } => format!("{at}.scenario"),
        };
        c.push(path, IssueKind::Scenario { problem });
    }
    for (i, node) in scenario.nodes.iter().enumerate() {
        let node_at = format!("{at}.scenario.nodes[{i}]");
        c.text(format!("{node_at}.text"), &node.text);
        for (j, choice) in node.choices().iter().enumerate() {
            c.text(format!("{node_at}.choices[{j}].text"), &choice.text);
            for (k, effect) in choice.effects.iter().enumerate() {
                c.competency(
                    format!("{node_at}.choices[{j}].effects[{k}].competency"),
                    &effect.competency,
                );
            }
        }
    }
}

fn assessment(c: &mut Checker, at: &str, test: &Assessment, package: &Package) {
    if test.blueprint.is_empty() {
        c.push(format!("{at}.blueprint"), IssueKind::EmptyBlueprint);
    }
    let half = form_of(&package.item_bank, test.phase);
    let mut seen = HashSet::new();
    for (i, line) in test.blueprint.iter().enumerate() {
        let line_at = format!("{at}.blueprint[{i}]");
        c.competency(format!("{line_at}.competency"), &line.competency);
        if !seen.insert(line.competency.as_str()) {
            c.push(
                format!("{line_at}.competency"),
                IssueKind::DuplicateKey {
                    key: line.competency.clone(),
                },
            );
        }
        if line.count == 0 {
            c.push(format!("{line_at}.count"), IssueKind::ZeroCount);
            continue;
        }
        let available = half
            .iter()
            .filter(|q| q.competency == line.competency)
            .count();
        let available = u32::try_from(available).unwrap_or(u32::MAX);
        if available < line.count {
            c.push(
                format!("{line_at}.count"),
                IssueKind::TooFewItems {
                    competency: line.competency.clone(),
                    needed: line.count,
                    available,
                },
            );
        }
    }
}

/// At most one pre- and one post-test, and when both exist they share a blueprint.
fn assessments_are_parallel(c: &mut Checker, package: &Package) {
    let mut found: Vec<(Phase, String, &Assessment)> = Vec::new();
    for (m, module) in package.modules.iter().enumerate() {
        for (a, activity) in module.activities.iter().enumerate() {
            if let ActivityBody::Assessment(test) = &activity.body {
                let at = format!("modules[{m}].activities[{a}].phase");
                if found.iter().any(|(p, ..)| *p == test.phase) {
                    c.push(at, IssueKind::DuplicatePhase { phase: test.phase });
                } else {
                    found.push((test.phase, at, test));
                }
            }
        }
    }
    if let [(_, _, first), (_, at, second)] = found.as_slice() {
        let sorted = |t: &Assessment| {
            let mut lines: Vec<(String, u32)> = t
                .blueprint
                .iter()
                .map(|l| (l.competency.clone(), l.count))
                .collect();
            lines.sort();
            lines
        };
        if sorted(first) != sorted(second) {
            c.push(
                at.replace(".phase", ".blueprint"),
                IssueKind::BlueprintsDiffer,
            );
        }
    }
}

fn survey_activity(c: &mut Checker, at: &str, survey: &Survey) {
    if survey.items.is_empty() {
        c.push(format!("{at}.items"), IssueKind::NoSurveyItems);
    }
    let path = format!("{at}.items");
    c.unique_ids(&path, survey.items.iter().map(|i| i.id.as_str()));
    for (i, item) in survey.items.iter().enumerate() {
        c.text(format!("{path}[{i}].prompt"), &item.prompt);
    }
}
