//! Attempt limits under concurrency: different submissions sent at once never store more
//! attempts than the activity allows.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use super::{cohort, right_answers, token};
use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(attempt_limits_hold_when_submissions_race);

/// Eight different submissions sent at once, for a test taken once and a quiz of three
/// attempts: exactly as many are stored as the limit allows, the rest refused.
async fn attempt_limits_hold_when_submissions_race(app: TestApp) {
    app.seed_demo().await;
    let mai = token(&app, "hv.mai", "hoc-vien-y-ty").await;
    let cohort = cohort(&app, &mai).await;
    let url = app.url(&format!("/api/v1/cohorts/{cohort}/attempts"));
    let race = |activity: &'static str| {
        let sends: Vec<_> = (0..8)
            .map(|_| {
                let (client, url, token) = (app.cookieless.clone(), url.clone(), mai.clone());
                let responses = if activity == "a3" {
                    right_answers()
                } else {
                    json!({})
                };
                let body =
                    json!({ "id": uuid::Uuid::new_v4(), "activity": activity, "responses": responses });
                tokio::spawn(async move {
                    let sent = client.post(url).bearer_auth(token).json(&body).send();
                    sent.await.unwrap().status()
                })
            })
            .collect();
        async move {
            let mut statuses = Vec::new();
            for send in sends {
                statuses.push(send.await.unwrap());
            }
            let stored = statuses
                .iter()
                .filter(|s| **s == StatusCode::CREATED)
                .count();
            let refused = statuses
                .iter()
                .filter(|s| **s == StatusCode::CONFLICT)
                .count();
            assert_eq!(stored + refused, 8, "{activity}: {statuses:?}");
            stored
        }
    };
    assert_eq!(race("a1").await, 1, "the pre-test is taken once");
    assert_eq!(race("a3").await, 3, "the quiz allows three attempts");
    let mai_id = server::entities::user::Entity::find()
        .filter(server::entities::user::Column::Username.eq("hv.mai"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let stored = |activity: &'static str| {
        use server::entities::attempt::{Column, Entity};
        Entity::find()
            .filter(Column::ActivityId.eq(activity))
            .filter(Column::UserId.eq(mai_id))
            .filter(Column::CohortId.eq(uuid::Uuid::parse_str(&cohort).unwrap()))
            .count(&app.db)
    };
    assert_eq!(
        (stored("a1").await.unwrap(), stored("a3").await.unwrap()),
        (1, 3)
    );
}
