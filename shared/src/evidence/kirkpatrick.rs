//! A cohort seen through Kirkpatrick's four levels, as far as the system can see them:
//! reaction (L1, the end-of-course survey), learning (L2, the pre- and post-tests), and
//! behaviour (L3, the supervisor's ratings at work after the course). Results (L4) lie
//! outside what a training system records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::report::{GainReport, MIN_GROUP};
use crate::L10n;
use crate::course::{Survey, SurveyAbout, SurveyItemKind};
use crate::learning::survey_key;

/// The mean answer to one Likert item (for lecturer items, about one lecturer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReactionItem {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub prompt: L10n,
    /// The lecturer the item asks about.
    pub lecturer: Option<String>,
    pub n: u64,
    /// 1 to 5; `None` for fewer than five answers.
    pub mean: Option<f64>,
    pub too_small: bool,
}

/// The summary of one cohort for the viewer's people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KirkpatrickSummary {
    pub cohort_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub title: L10n,
    pub starts_on: String,
    pub ends_on: String,
    /// Learners of the cohort in the viewer's reach, and how many answered the survey.
    pub learners: u64,
    pub respondents: u64,
    pub reaction: Vec<ReactionItem>,
    /// Tests (L2) and the supervisor's ratings (L3), as the gain table shows them.
    pub gains: GainReport,
}

/// Means of the Likert items of `survey` over `answers` (each a submitted survey's answers
/// by key), one row per item and, for lecturer items, per lecturer. Fewer than
/// [`MIN_GROUP`] answers give a count only.
pub fn reaction(
    survey: &Survey,
    answers: &[BTreeMap<String, String>],
    lecturers: &[(Uuid, String)],
) -> Vec<ReactionItem> {
    let mut rows = Vec::new();
    for item in survey
        .items
        .iter()
        .filter(|i| i.kind == SurveyItemKind::Likert)
    {
        let targets: Vec<(String, Option<String>)> = if item.about == SurveyAbout::Lecturer {
            lecturers
                .iter()
                .map(|(id, name)| (survey_key(&item.id, Some(*id)), Some(name.clone())))
                .collect()
        } else {
            vec![(survey_key(&item.id, None), None)]
        };
        for (key, lecturer) in targets {
            let values: Vec<f64> = answers
                .iter()
                .filter_map(|a| a.get(&key)?.parse::<f64>().ok())
                .collect();
            let n = values.len() as u64;
            let too_small = n < MIN_GROUP;
            rows.push(ReactionItem {
                prompt: item.prompt.clone(),
                lecturer,
                n,
                mean: (!too_small).then(|| values.iter().sum::<f64>() / n as f64),
                too_small,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::SurveyItem;

    fn item(id: &str, about: SurveyAbout) -> SurveyItem {
        SurveyItem {
            id: id.into(),
            kind: SurveyItemKind::Likert,
            about,
            prompt: L10n::new(id, id),
        }
    }

    #[test]
    fn likert_means_per_item_and_per_lecturer() {
        let lan = Uuid::from_u128(1);
        let survey = Survey {
            items: vec![
                item("useful", SurveyAbout::Relevance),
                item("clear", SurveyAbout::Lecturer),
                SurveyItem {
                    kind: SurveyItemKind::Text,
                    ..item("comment", SurveyAbout::Course)
                },
            ],
        };
        let answer = |useful: &str, clear: Option<&str>| {
            let mut a = BTreeMap::from([("useful".to_owned(), useful.to_owned())]);
            if let Some(c) = clear {
                a.insert(survey_key("clear", Some(lan)), c.to_owned());
            }
            a
        };
        let answers = vec![
            answer("5", Some("4")),
            answer("4", Some("4")),
            answer("3", None),
            answer("4", Some("5")),
            answer("5", Some("3")),
        ];
        let rows = reaction(&survey, &answers, &[(lan, "Nguyễn Thị Lan".into())]);
        assert_eq!(rows.len(), 2, "text items have no mean");
        assert_eq!(rows[0].n, 5);
        assert_eq!(rows[0].mean, Some(4.2));
        assert_eq!(rows[1].lecturer.as_deref(), Some("Nguyễn Thị Lan"));
        assert_eq!(
            (rows[1].n, rows[1].mean, rows[1].too_small),
            (4, None, true)
        );
    }
}
