//! The addresses of the pages, built in one place: the server's handlers send a form post
//! back to a [`Page`] with an [`Outcome`], and the pages link to each other with the same
//! builders. The router's paths (`frontend/src/app.rs`) are checked against these by a
//! test that visits every one.

use uuid::Uuid;

use crate::outcome::Outcome;

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Login,
    Profile,
    Competencies,
    AdminUsers,
    AdminUserNew,
    AdminUserImport,
    AdminUser(Uuid),
    AdminOrgUnits,
    AdminOrgUnit(Uuid),
    AdminPositions,
    AdminPosition(Uuid),
    Author,
    AuthorCourse(Uuid),
    AuthorActivity(Uuid, String),
    AuthorBank(Uuid),
    AuthorPreview(Uuid),
    Teach,
    TeachCohort(Uuid),
    /// The learner's classes.
    Learning,
    /// A class's outline for its learner.
    Learn(Uuid),
    LearnActivity(Uuid, String),
    Certificate(Uuid),
    /// The public check of a certificate's code.
    Verify(String),
    Supervise,
    SuperviseLearners,
    SuperviseLearner(Uuid),
    SuperviseNeeds,
    SuperviseCohorts,
    SuperviseCohort(Uuid),
    SuperviseEvidenceImport,
    Inbox,
    /// A rating form: the cohort, the learner, the phase's code.
    Rating(Uuid, Uuid, String),
}

impl Page {
    /// The path, without query or fragment.
    pub fn path(&self) -> String {
        match self {
            Self::Home => "/".into(),
            Self::Login => "/login".into(),
            Self::Profile => "/profile".into(),
            Self::Competencies => "/competencies".into(),
            Self::AdminUsers => "/admin/users".into(),
            Self::AdminUserNew => "/admin/users/new".into(),
            Self::AdminUserImport => "/admin/users/import".into(),
            Self::AdminUser(id) => format!("/admin/users/{id}"),
            Self::AdminOrgUnits => "/admin/org-units".into(),
            Self::AdminOrgUnit(id) => format!("/admin/org-units/{id}"),
            Self::AdminPositions => "/admin/positions".into(),
            Self::AdminPosition(id) => format!("/admin/positions/{id}"),
            Self::Author => "/author".into(),
            Self::AuthorCourse(id) => format!("/author/courses/{id}"),
            Self::AuthorActivity(id, activity) => {
                format!("/author/courses/{id}/activities/{activity}")
            }
            Self::AuthorBank(id) => format!("/author/courses/{id}/bank"),
            Self::AuthorPreview(id) => format!("/author/courses/{id}/preview"),
            Self::Teach => "/teach".into(),
            Self::TeachCohort(id) => format!("/teach/{id}"),
            Self::Learning => "/learn".into(),
            Self::Learn(cohort) => format!("/learn/{cohort}"),
            Self::LearnActivity(cohort, activity) => format!("/learn/{cohort}/{activity}"),
            Self::Certificate(cohort) => format!("/learn/{cohort}/certificate"),
            Self::Verify(code) => format!("/verify/{}", crate::text::query_value(code)),
            Self::Supervise => "/supervise".into(),
            Self::SuperviseLearners => "/supervise/learners".into(),
            Self::SuperviseLearner(id) => format!("/supervise/learners/{id}"),
            Self::SuperviseNeeds => "/supervise/needs".into(),
            Self::SuperviseCohorts => "/supervise/cohorts".into(),
            Self::SuperviseCohort(id) => format!("/supervise/cohorts/{id}"),
            Self::SuperviseEvidenceImport => "/supervise/evidence/import".into(),
            Self::Inbox => "/inbox".into(),
            Self::Rating(cohort, learner, phase) => format!("/ratings/{cohort}/{learner}/{phase}"),
        }
    }

    /// The page's address, to add a query or a fragment to.
    pub fn address(&self) -> Address {
        Address::new(self.path())
    }

    /// The page's address carrying `outcome`.
    pub fn after(&self, outcome: Outcome) -> Address {
        self.address().outcome(outcome)
    }
}

/// A page's address with its query and fragment; `to_string` writes it, the values
/// percent-encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    path: String,
    query: Vec<(String, String)>,
    fragment: Option<String>,
}

impl Address {
    /// An address from a path this site serves (`/supervise?unit=…` is kept as it is).
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            query: Vec::new(),
            fragment: None,
        }
    }

    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        for (name, value) in outcome.query() {
            self.query.push((name.to_owned(), value));
        }
        self
    }

    /// The part of the page to scroll to (`#authors`).
    pub fn at(mut self, fragment: impl ToString) -> Self {
        self.fragment = Some(fragment.to_string());
        self
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        for (i, (name, value)) in self.query.iter().enumerate() {
            let separator = if i == 0 && !self.path.contains('?') {
                '?'
            } else {
                '&'
            };
            write!(
                f,
                "{separator}{}={}",
                crate::text::query_value(name),
                crate::text::query_value(value)
            )?;
        }
        if let Some(fragment) = &self.fragment {
            write!(f, "#{fragment}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Thing;

    #[test]
    fn an_address_carries_its_outcome_and_fragment() {
        let id = Uuid::nil();
        let address = Page::Teach
            .after(Outcome::Created {
                thing: Thing::Cohort,
            })
            .at(id);
        assert_eq!(
            address.to_string(),
            format!("/teach?saved=created&what=cohort#{id}")
        );
        let more = Address::new("/supervise?unit=a b")
            .outcome(Outcome::Voided)
            .to_string();
        assert_eq!(more, "/supervise?unit=a b&saved=voided");
    }

    #[test]
    fn values_are_encoded() {
        let address = Page::AdminUserImport.address().with("draft", "a&b=c");
        assert_eq!(address.to_string(), "/admin/users/import?draft=a%26b%3Dc");
    }
}
