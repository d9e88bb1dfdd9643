//! An API client signed in as one user, and reading what the API answers.

use super::TestApp;

pub async fn json(response: reqwest::Response) -> serde_json::Value {
    response.json().await.expect("the body is not JSON")
}

/// Where each problem of an error body is: `line 4: org_unit_code` for a line of an
/// uploaded file, the field's name otherwise.
pub fn problem_places(body: &serde_json::Value) -> Vec<String> {
    body["error"]["fields"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let field = f["field"].as_str().unwrap_or_default();
            match f["line"].as_u64() {
                Some(line) => format!("line {line}: {field}"),
                None => field.to_owned(),
            }
        })
        .collect()
}

/// A learner's access token and the demo class K1/2026, which the learner tests work in.
/// The learner signs in through the app's own client, so its pages are then loaded as them.
pub async fn learner_in_cohort(app: &TestApp, username: &str, password: &str) -> (String, String) {
    let token = app.sign_in_json(username, password).await["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("{username} signs in"))
        .to_owned();
    let cohort = As::new(app, &token)
        .get_json("/api/v1/learning/cohorts")
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"]["vi"] == "Lớp bồi dưỡng cán bộ cấp xã K1/2026")
        .unwrap_or_else(|| panic!("{username} studies in K1/2026"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (token, cohort)
}

/// Takes the pre-test online with no answers: the modules open after it.
pub async fn take_pre_test(app: &TestApp, token: &str, cohort: &str) {
    let pre = As::new(app, token)
        .post(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &serde_json::json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
        )
        .await;
    assert_eq!(pre.status(), reqwest::StatusCode::CREATED);
}

/// Imports accounts from `csv` as `token`'s holder: the file is accepted as a job (`202`
/// with its `Location`), followed until it ends; the ended job.
pub async fn imported(app: &TestApp, token: &str, csv: &str) -> serde_json::Value {
    let me = As::new(app, token);
    let accepted = me
        .post(
            "/api/v1/users/import",
            &serde_json::json!({ "csv": csv, "dry_run": false }),
        )
        .await;
    job_of(&me, accepted).await
}

/// Imports a course package as `token`'s holder under a new `code`, through its job: the
/// new course's id.
pub async fn import_course(
    app: &TestApp,
    token: &str,
    package: &serde_json::Value,
    code: &str,
) -> String {
    let me = As::new(app, token);
    let accepted = me
        .post(&format!("/api/v1/courses/import?code={code}"), package)
        .await;
    let job = job_of(&me, accepted).await;
    assert_eq!(job["state"], "done", "{job}");
    job["course"]["id"].as_str().unwrap().to_owned()
}

/// An exam-day class: the demo course with its quiz `a3` open to any number of attempts
/// (the attempts a server writes together, see `attempts::group_commit`), published by
/// gv.lan and opened ungated for hv.mai and hv.tuan; the class's id.
pub async fn exam_class(app: &TestApp, code: &str) -> String {
    let lan = As::sign_in(app, "gv.lan", "giang-vien-lao-cai").await;
    let mut package: serde_json::Value =
        serde_json::from_str(server::seed::DEMO_COURSE).expect("the demo course");
    for module in package["modules"].as_array_mut().expect("modules") {
        for activity in module["activities"].as_array_mut().expect("activities") {
            if activity["id"] == "a3" {
                activity["settings"]["attempts"] = serde_json::json!(0);
            }
        }
    }
    let course = import_course(app, &lan.token, &package, code).await;
    let published = lan
        .post(
            &format!("/api/v1/courses/{course}/publish"),
            &serde_json::json!({}),
        )
        .await;
    assert!(published.status().is_success(), "{}", published.status());
    let opened = lan
        .post(
            "/api/v1/cohorts",
            &serde_json::json!({ "course_id": course, "title_vi": format!("Thi {code}"),
                "starts_on": "2026-12-01", "ends_on": "2027-12-31",
                "gate_pre": false, "gate_post": false }),
        )
        .await;
    assert_eq!(opened.status(), reqwest::StatusCode::CREATED);
    let cohort = json(opened).await["id"]
        .as_str()
        .expect("the class's id")
        .to_owned();
    let enrolled = lan
        .post(
            &format!("/api/v1/cohorts/{cohort}/enrolments"),
            &serde_json::json!({ "usernames": "hv.mai,hv.tuan" }),
        )
        .await;
    assert!(enrolled.status().is_success(), "{}", enrolled.status());
    cohort
}

/// The job an import was accepted as (`202`, its `Location`), followed until it ends.
pub async fn job_of(me: &As<'_>, accepted: reqwest::Response) -> serde_json::Value {
    assert_eq!(accepted.status(), reqwest::StatusCode::ACCEPTED);
    let location = accepted.headers()["location"].to_str().unwrap().to_owned();
    let job = json(accepted).await;
    assert_eq!(
        location,
        format!("/api/v1/jobs/{}", job["id"].as_str().unwrap())
    );
    follow_job(me, &location).await
}

/// The job at `location`, asked again until it ends (at most 60 s).
pub async fn follow_job(me: &As<'_>, location: &str) -> serde_json::Value {
    for _ in 0..600 {
        let job = me.get_json(location).await;
        if job["state"] == "done" || job["state"] == "failed" {
            return job;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the job at {location} did not end within 60 s");
}

/// Requests as one signed-in person (Bearer token).
pub struct As<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl<'a> As<'a> {
    /// Requests with a token the test already has.
    pub fn new(app: &'a TestApp, token: &str) -> As<'a> {
        As {
            app,
            token: token.to_owned(),
        }
    }

    /// Signs in over the JSON API with a client of its own, so the app's browser-like
    /// client keeps its own session.
    pub async fn sign_in(app: &'a TestApp, username: &str, password: &str) -> As<'a> {
        let response = app
            .cookieless
            .clone()
            .post(app.url("/api/v1/auth/sign-in"))
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("signing in {username}: {e}"));
        assert_eq!(
            response.status(),
            reqwest::StatusCode::OK,
            "sign-in of {username}"
        );
        let token = json(response).await["access_token"]
            .as_str()
            .unwrap_or_else(|| panic!("{username} signs in"))
            .to_owned();
        As { app, token }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.app
            .cookieless
            .clone()
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "GET {path}");
        json(response).await
    }

    /// A request of any method, with a JSON body when given.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let mut request = self
            .app
            .cookieless
            .clone()
            .request(method.clone(), self.app.url(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.app
            .cookieless
            .clone()
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }
}
