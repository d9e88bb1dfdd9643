//! A quiz's questions and the item bank go out as Moodle XML and GIFT: the course's
//! authors get a file that reads back as the same questions; learners and administrators
//! of another province are refused; a language or format nobody offers is a 400 naming
//! the field.

use server::interchange::{gift, moodle_xml};
use shared::Locale;
use shared::course::Package;
use shared::quiz::Question;

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(authors_export_questions_others_are_refused);

async fn token(app: &TestApp, username: &str, password: &str) -> String {
    let signed = app.sign_in_json(username, password).await;
    format!(
        "Bearer {}",
        signed["access_token"].as_str().expect("a token")
    )
}

/// `GET …/questions/{container}/export?{query}` with a bearer token.
async fn export(
    app: &TestApp,
    course: &str,
    container: &str,
    query: &str,
    token: &str,
) -> reqwest::Response {
    let path = format!("/api/v1/courses/{course}/questions/{container}/export?{query}");
    app.get_with(&path, "Authorization", token).await
}

async fn authors_export_questions_others_are_refused(app: TestApp) {
    app.seed_demo().await;
    let lan = token(&app, "gv.lan", "giang-vien-lao-cai").await;
    let courses: serde_json::Value = app
        .get_with("/api/v1/courses", "Authorization", &lan)
        .await
        .json()
        .await
        .unwrap();
    let id = courses[0]["id"].as_str().unwrap().to_owned();
    let package: Package = serde_json::from_str(server::seed::DEMO_COURSE).unwrap();
    let Some(shared::course::ActivityBody::Quiz(quiz)) =
        package.activity("a3").map(|a| a.body.clone())
    else {
        panic!("a3 is the quiz");
    };

    // Moodle XML: every question, read back the same.
    let answer = export(&app, &id, "a3", "format=moodle_xml&language=vi", &lan).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.headers()["content-type"],
        "application/xml; charset=utf-8"
    );
    assert!(
        answer.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with("-a3.xml\"")
    );
    let reading = moodle_xml::read(&answer.text().await.unwrap(), Locale::Vi);
    assert_eq!(reading.problems, []);
    assert_eq!(reading.questions.len(), quiz.questions.len());
    for (back, original) in reading.questions.iter().zip(&quiz.questions) {
        assert_eq!(back.question.prompt.vi, original.prompt.vi);
        assert_eq!(
            std::mem::discriminant(&back.question.question),
            std::mem::discriminant(&original.question)
        );
    }

    // GIFT in English: the ordering question is said to be left out, the rest read back.
    let answer = export(&app, &id, "a3", "format=gift&language=en", &lan).await;
    assert_eq!(answer.status(), 200);
    let text = answer.text().await.unwrap();
    let orderings: Vec<&str> = quiz
        .questions
        .iter()
        .filter(|q| matches!(q.question, Question::Ordering { .. }))
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        !orderings.is_empty(),
        "the demo quiz has an ordering question"
    );
    for id in &orderings {
        assert!(
            text.contains(&format!("// {id}: GIFT has no ordering question")),
            "{text}"
        );
    }
    let reading = gift::read(&text, Locale::En);
    assert_eq!(reading.problems, []);
    assert_eq!(
        reading.questions.len(),
        quiz.questions.len() - orderings.len()
    );
    assert!(
        reading
            .questions
            .iter()
            .all(|q| !q.question.prompt.en.is_empty())
    );

    // The bank too.
    let bank = export(&app, &id, "bank", "format=moodle_xml", &lan).await;
    assert_eq!(bank.status(), 200);
    let reading = moodle_xml::read(&bank.text().await.unwrap(), Locale::Vi);
    assert_eq!(reading.questions.len(), package.item_bank.len());

    // Wrong asks: a 400 naming the field, a 404 for what is not a quiz.
    for (query, field) in [
        ("format=docx", None),
        ("format=gift&language=fr", Some("language")),
    ] {
        let answer = export(&app, &id, "a3", query, &lan).await;
        assert_eq!(answer.status(), 400, "{query}");
        if let Some(field) = field {
            let body: serde_json::Value = answer.json().await.unwrap();
            assert_eq!(body["error"]["fields"][0]["field"], field, "{body}");
        }
    }
    let answer = export(&app, &id, "a2", "format=gift", &lan).await;
    assert_eq!(answer.status(), 404, "the case study is not a quiz");

    // A learner, and an administrator of another province, are refused.
    for (username, password) in [
        ("hv.mai", "hoc-vien-y-ty"),
        ("admin.daklak", "cao-nguyen-dak-lak"),
    ] {
        let other = token(&app, username, password).await;
        let answer = export(&app, &id, "a3", "format=moodle_xml", &other).await;
        assert!(
            [403, 404].contains(&answer.status().as_u16()),
            "{username}: {}",
            answer.status()
        );
    }
    // Nobody signed in.
    let answer = app
        .cookieless
        .get(app.url(&format!(
            "/api/v1/courses/{id}/questions/a3/export?format=gift"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 401);
}
