//! Attempts written together (an unlimited quiz on exam day): many sent at once, some of
//! them twice and one under another learner's id, are each stored once and each answered
//! as if written alone.

use std::collections::HashMap;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{right_answers, token};
use crate::helpers::{TestApp, exam_class, on_both_databases};

on_both_databases!(attempts_sent_together_are_each_stored_once_and_answered_alone);

async fn attempts_sent_together_are_each_stored_once_and_answered_alone(app: TestApp) {
    app.seed_demo().await;
    let cohort = exam_class(&app, "THI-CUNG-LUC").await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let tuan = token(&app, "hv.tuan", "hoc-vien-ea-kly").await;
    let url = app.url(&format!("/api/v1/cohorts/{cohort}/attempts"));
    // 40 attempts of hv.mai, the first 10 sent twice, right or empty by turns; and hv.tuan
    // sending under the id of one of hers (whichever is written first is stored, the other
    // refused): 51 requests at once.
    let ids: Vec<Uuid> = (0..40).map(|_| Uuid::new_v4()).collect();
    let mut sends = Vec::new();
    for (n, id) in ids.iter().chain(&ids[..10]).enumerate() {
        let responses = if n % 2 == 0 {
            right_answers()
        } else {
            json!({})
        };
        sends.push((mai.clone(), *id, responses));
    }
    sends.push((tuan.clone(), ids[20], right_answers()));
    let sent: Vec<_> = sends
        .into_iter()
        .map(|(token, id, responses)| {
            let (client, url) = (app.cookieless.clone(), url.clone());
            let body = json!({ "id": id, "activity": "a3", "responses": responses });
            tokio::spawn(async move {
                let response = client
                    .post(url)
                    .bearer_auth(token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                (id, status, response.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let mut answers: HashMap<Uuid, Vec<(StatusCode, Value)>> = HashMap::new();
    for send in sent {
        let (id, status, body) = send.await.unwrap();
        answers.entry(id).or_default().push((status, body));
    }
    for (n, id) in ids.iter().enumerate() {
        let got = &answers[id];
        let created: Vec<_> = got
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .collect();
        assert_eq!(created.len(), 1, "{id}: stored once, {got:?}");
        let first = &created[0].1;
        assert_eq!(first["id"], id.to_string());
        let score = if n % 2 == 0 { 1.0 } else { 0.0 };
        assert_eq!(first["score"], json!(score), "{id}: graded as sent");
        for (status, body) in got {
            match *status {
                StatusCode::CREATED => {}
                // The same attempt again: its first result.
                StatusCode::OK => {
                    assert_eq!(body["id"], first["id"]);
                    assert_eq!(body["score"], first["score"]);
                    assert_eq!(body["submitted_at"], first["submitted_at"]);
                }
                // Another learner's id: refused, whoever was written first.
                StatusCode::CONFLICT => assert_eq!(*id, ids[20], "{body}"),
                other => panic!("{id}: {other} {body}"),
            }
        }
    }
    let conflicts = answers[&ids[20]]
        .iter()
        .filter(|(s, _)| *s == StatusCode::CONFLICT)
        .count();
    assert_eq!(conflicts, 1, "hv.tuan is refused the id hv.mai used");
    let stored = server::entities::attempt::Entity::find()
        .filter(server::entities::attempt::Column::CohortId.eq(Uuid::parse_str(&cohort).unwrap()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 40, "forty attempts, each stored once");
    // Counted for /metrics: every request is a row of some write, in fewer writes than
    // rows since they were sent together, with time spent writing them.
    let totals = app.store.caches.attempt_writes.totals();
    assert_eq!(totals.rows, 51, "{totals:?}");
    assert!(
        totals.writes >= 1 && totals.writes < totals.rows,
        "{totals:?}"
    );
    assert!(totals.insert_seconds > 0.0, "{totals:?}");
}
