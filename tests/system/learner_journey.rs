//! A learner's whole course with plain forms only (no scripts): the pre-test, the case study
//! (a draft, a refused submission that keeps the text, the submission), the quiz, the
//! role-play to its ending (one step pressed twice, one stale page), the post-test, the
//! survey, the certificate and its public verification — and the outline's progress and
//! resume point along the way.

use reqwest::StatusCode;
use sea_orm::EntityTrait;
use shared::course::Package;
use shared::quiz::Question;
use shared::roleplay::Outcome;

use crate::helpers::{TestApp, form_token, hidden, on_both_databases, page, sign_in_form};

on_both_databases!(a_learner_completes_the_course_with_plain_forms);

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

fn package() -> Package {
    serde_json::from_str(server::seed::DEMO_COURSE).unwrap()
}

/// The fields of a test paper on `html`, answered right from the item bank.
fn right_paper(html: &str, package: &Package) -> Vec<(String, String)> {
    package
        .item_bank
        .iter()
        .filter(|q| html.contains(&format!("name=\"{}\"", q.id)))
        .map(|q| {
            let value = match &q.question {
                Question::SingleChoice { correct, .. } => correct.clone(),
                Question::TrueFalse { correct } => correct.to_string(),
                other => panic!("the demo bank has no {other:?}"),
            };
            (q.id.clone(), value)
        })
        .collect()
}

async fn send(app: &TestApp, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.post_form(path, &borrowed).await
}

/// Opens an activity's page and submits its form with `answers`; the result page.
async fn take(
    app: &TestApp,
    cohort: &str,
    activity: &str,
    answers: impl Fn(&str) -> Vec<(String, String)>,
) -> String {
    let (status, html) = page(app, &format!("/learn/{cohort}/{activity}")).await;
    assert_eq!(status, StatusCode::OK);
    let mut fields = vec![
        ("csrf".to_owned(), form_token(&html)),
        ("attempt_id".to_owned(), hidden(&html, "attempt_id")),
        ("activity".to_owned(), activity.to_owned()),
    ];
    fields.extend(answers(&html));
    let sent = send(app, &format!("/api/v1/cohorts/{cohort}/attempts"), &fields).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let back = location(&sent);
    assert!(back.contains("?attempt="), "{activity}: {back}");
    page(app, &back).await.1
}

async fn a_learner_completes_the_course_with_plain_forms(app: TestApp) {
    app.seed_demo().await;
    let package = package();
    sign_in_form(&app, "hv.mai", "hoc-vien-y-ty").await;
    let (_, list) = page(&app, "/learn").await;
    let start = list.find("href=\"/learn/").unwrap() + 13;
    let cohort = list[start..].split('"').next().unwrap().to_owned();
    let outline = format!("/learn/{cohort}");

    // The pre-test.
    let result = take(&app, &cohort, "a1", |html| {
        right_paper(html, &package).into_iter().take(2).collect()
    })
    .await;
    assert!(result.contains("Kết quả của bạn: 40%"), "two of five right");

    // The case study: a draft is kept; an incomplete submission is refused and keeps the text.
    let (_, case) = page(&app, &format!("{outline}/a2")).await;
    assert!(
        !case.contains("Kết quả thực tế"),
        "how it really ended waits for the reflection"
    );
    let csrf = form_token(&case);
    let draft = [
        ("csrf".to_owned(), csrf.clone()),
        ("answers".to_owned(), "Xã chậm trả lời đơn.".to_owned()),
        ("answers".to_owned(), String::new()),
        ("answers".to_owned(), String::new()),
    ];
    let saved = send(&app, &format!("/api/v1/cohorts/{cohort}/drafts/a2"), &draft).await;
    assert_eq!(location(&saved), format!("{outline}/a2?saved=draft_saved"));
    let (_, case) = page(&app, &format!("{outline}/a2")).await;
    assert!(
        case.contains("Xã chậm trả lời đơn.</textarea>"),
        "the draft is shown again"
    );
    let (_, html) = page(&app, &outline).await;
    assert!(
        html.contains("Học tiếp: Tình huống"),
        "resume where the learner left off"
    );
    let attempt_id = hidden(&case, "attempt_id");
    let mut answers = vec![
        ("csrf".to_owned(), csrf.clone()),
        ("attempt_id".to_owned(), attempt_id.clone()),
        ("activity".to_owned(), "a2".to_owned()),
        (
            "answers".to_owned(),
            "Xã chậm trả lời đơn; không hoà giải ở thôn.".to_owned(),
        ),
        (
            "answers".to_owned(),
            "Tiếp dân ngay, kiểm tra hồ sơ địa chính.".to_owned(),
        ),
        ("answers".to_owned(), "   ".to_owned()),
    ];
    let refused = send(
        &app,
        &format!("/api/v1/cohorts/{cohort}/attempts"),
        &answers,
    )
    .await;
    let (_, html) = page(&app, &location(&refused)).await;
    assert!(html.contains("Hãy viết câu trả lời cho câu hỏi này."));
    assert!(
        html.contains("Tiếp dân ngay, kiểm tra hồ sơ địa chính.</textarea>"),
        "nothing written is lost to a refusal"
    );
    answers[5].1 = "Hoà giải ở cơ sở trước khi xã giải quyết.".to_owned();
    let sent = send(
        &app,
        &format!("/api/v1/cohorts/{cohort}/attempts"),
        &answers,
    )
    .await;
    let (_, html) = page(&app, &location(&sent)).await;
    assert!(html.contains("Đã nộp bài viết") && html.contains("Kết quả thực tế"));
    assert!(html.contains("Hoà giải ở cơ sở trước khi xã giải quyết."));

    // The quiz, with each question's feedback after submitting.
    let html = take(&app, &cohort, "a3", |_| {
        vec![("q3".into(), "false".into()), ("q4".into(), "30".into())]
    })
    .await;
    assert!(html.contains("Chưa đạt"), "two of seven is not a pass");
    let html = take(&app, &cohort, "a3", |_| {
        [
            ("q1", "a"),
            ("q2", "a"),
            ("q2", "b"),
            ("q2", "c"),
            ("q3", "false"),
            ("q4", "30"),
            ("q5", "hoa giai"),
            ("q6-a", "1"),
            ("q6-b", "2"),
            ("q6-c", "3"),
            ("q6-d", "4"),
            ("q6-e", "5"),
            ("q7-a", "a"),
            ("q7-b", "b"),
            ("q7-c", "c"),
        ]
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
    })
    .await;
    assert!(html.contains("Kết quả của bạn: 100%") && html.contains("Đạt"));

    // The role-play, one choice per form post, to the success ending.
    let Some(shared::course::ActivityBody::RolePlay(play)) =
        package.activity("a4").map(|a| a.body.clone())
    else {
        panic!("a4 is the role-play");
    };
    let path = play.scenario.path_to(Outcome::Success).unwrap();
    let step_url = format!("/api/v1/cohorts/{cohort}/plays/a4");
    let mut ended = None;
    for (i, choice) in path.iter().enumerate() {
        let (_, html) = page(&app, &format!("{outline}/a4")).await;
        let step = vec![
            ("csrf".to_owned(), form_token(&html)),
            ("step_id".to_owned(), hidden(&html, "step_id")),
            ("at".to_owned(), hidden(&html, "at")),
            ("choice".to_owned(), choice.clone()),
        ];
        let moved = send(&app, &step_url, &step).await;
        if i == 0 {
            // Pressed twice (the connection dropped): the play moves once.
            let again = send(&app, &step_url, &step).await;
            assert_eq!(location(&again), location(&moved));
            let (_, html) = page(&app, &format!("{outline}/a4")).await;
            assert!(
                html.contains("Bạn đã chọn:"),
                "the choice's feedback is shown"
            );
            // An old page (same node, new id) is stale, not a second move.
            let mut stale = step.clone();
            stale[1].1 = uuid::Uuid::new_v4().to_string();
            let old = send(&app, &step_url, &stale).await;
            assert!(location(&old).ends_with("?notice=stale"));
        }
        ended = Some(location(&moved));
    }
    let ending = ended.unwrap();
    assert!(ending.contains("?attempt="), "{ending}");
    let (_, html) = page(&app, &ending).await;
    assert!(html.contains("Kết thúc tốt"), "the success ending");
    let plays = server::entities::attempt::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.activity_id == "a4" && a.outcome.as_deref() == Some("success"))
        .count();
    assert_eq!(plays, 2, "hv.thao's demo play and this one");

    // The post-test, then the survey; then the certificate.
    let (_, html) = page(&app, &outline).await;
    assert!(
        html.contains("Học tiếp: Bài kiểm tra đầu ra")
            || html.contains("Bắt đầu: Bài kiểm tra đầu ra")
    );
    let html = take(&app, &cohort, "a5", |html| right_paper(html, &package)).await;
    assert!(html.contains("Kết quả của bạn: 100%"));
    let html = take(&app, &cohort, "a6", |html| {
        let lecturer = html
            .split("name=\"s.s3@")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();
        vec![
            ("s.s1".into(), "5".into()),
            ("s.s2".into(), "4".into()),
            (format!("s.s3@{lecturer}"), "5".into()),
            ("s.s5".into(), "Rất sát với công việc ở xã.".into()),
        ]
    })
    .await;
    assert!(html.contains("Cảm ơn đồng chí đã góp ý"));

    let (_, html) = page(&app, &outline).await;
    assert!(html.contains("6/6 hoạt động đã hoàn thành") && html.contains("Nhận giấy chứng nhận"));
    let issued = app
        .post_form(
            &format!("/api/v1/cohorts/{cohort}/certificate"),
            &[("csrf", form_token(&html).as_str())],
        )
        .await;
    assert_eq!(location(&issued), format!("{outline}/certificate"));
    let (status, certificate) = page(&app, &format!("{outline}/certificate")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(certificate.contains("Giàng Thị Mai"));
    assert!(
        certificate.contains("LAW") && certificate.contains("CONF"),
        "competencies achieved"
    );
    let code = certificate
        .split("/verify/")
        .nth(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_hexdigit)
                .collect::<String>()
        })
        .unwrap();
    assert_eq!(code.len(), 32, "128 random bits");

    // Anyone can verify it, signed in or not; a wrong code is not found.
    let public = reqwest::Client::new();
    let verified = public
        .get(app.url(&format!("/verify/{code}")))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), StatusCode::OK);
    let text = verified.text().await.unwrap();
    assert!(text.contains("Giấy chứng nhận này hợp lệ.") && text.contains("Tiếp công dân"));
    let wrong = public
        .get(app.url(&format!("/verify/{}", "0".repeat(32))))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
}
