//! Competency evidence, ratings and the supervisor's reports over the API. The helpers here
//! speak as one signed-in person (`As`) and add people to the demo's org units.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::json;

mod gains;
mod import;
mod needs;
pub mod pages;
pub mod ratings;

pub use crate::helpers::As;

/// What the evidence tests need of a signed-in person beyond requests.
impl As<'_> {
    /// The id of the org unit with this code.
    pub async fn unit(&self, code: &str) -> String {
        let units = self.get_json("/api/v1/org-units").await;
        units
            .as_array()
            .and_then(|all| all.iter().find(|u| u["code"] == code))
            .and_then(|u| u["id"].as_str())
            .unwrap_or_else(|| panic!("no unit {code}"))
            .to_owned()
    }

    /// Adds a commune under the unit with code `parent` (as an administrator); its id.
    pub async fn add_commune(&self, code: &str, name: &str, parent: &str) -> String {
        let parent = self.unit(parent).await;
        let created = self
            .post(
                "/api/v1/org-units",
                &json!({ "parent_id": parent, "code": code, "name": name, "kind": "commune" }),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "creating {code}");
        json(created).await["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Creates a learner in the unit with this code (as an administrator); their id.
    pub async fn add_learner(&self, username: &str, full_name: &str, unit_code: &str) -> String {
        self.add_person(
            username,
            full_name,
            unit_code,
            json!([{ "role": "learner" }]),
        )
        .await
    }

    pub async fn add_person(
        &self,
        username: &str,
        full_name: &str,
        unit_code: &str,
        roles: Value,
    ) -> String {
        let unit = self.unit(unit_code).await;
        let body = json!({ "username": username, "full_name": full_name,
            "password": "mat khau hoc vien 2026", "org_unit_id": unit, "roles": roles });
        let created = self.post("/api/v1/users", &body).await;
        assert_eq!(created.status(), StatusCode::CREATED, "creating {username}");
        json(created).await["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Imports evidence CSV: accepted as a job, followed to its end; its report.
    pub async fn import(&self, csv: &str) -> Value {
        let response = self
            .post("/api/v1/evidence/import", &json!({ "csv": csv }))
            .await;
        assert_eq!(
            response.status(),
            StatusCode::ACCEPTED,
            "importing evidence"
        );
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let job = crate::helpers::follow_job(self, &location).await;
        assert_eq!(job["state"], "done", "{job}");
        assert_eq!(job["kind"], "evidence_import");
        job["evidence"].clone()
    }
}

pub const ADMIN: (&str, &str) = ("admin", "truong-chinh-tri-2026");
pub const SUPERVISOR: (&str, &str) = ("ql.hung", "quan-ly-bat-xat");
pub const MAI: (&str, &str) = ("hv.mai", "hoc-vien-y-ty");
pub const LECTURER: (&str, &str) = ("gv.lan", "giang-vien-lao-cai");
pub const PASSWORD: &str = "mat khau hoc vien 2026";

/// The user id of a username, as the national administrator sees it.
pub async fn user_id(admin: &As<'_>, username: &str) -> String {
    let page = admin.get_json(&format!("/api/v1/users?q={username}")).await;
    page["items"]
        .as_array()
        .and_then(|all| all.iter().find(|u| u["username"] == username))
        .and_then(|u| u["id"].as_str())
        .unwrap_or_else(|| panic!("no user {username}"))
        .to_owned()
}

/// The row of a gain report for a competency code and measure.
pub fn row<'r>(report: &'r Value, code: &str, measure: (&str, &str)) -> Option<&'r Value> {
    report["rows"].as_array()?.iter().find(|r| {
        r["competency"]["code"] == code
            && r["comparison"]["lens"] == measure.0
            && r["comparison"]["to"] == measure.1
    })
}
