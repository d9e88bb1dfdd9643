//! A learner on a 2G uplink (50 kbit/s, 300 ms round trip) submits a long case-study answer:
//! the request head arrives over several seconds — longer than the five seconds web servers
//! commonly allow — and the body at 50 kbit/s. The submission is stored and acknowledged.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{As, TestApp, json, learner_in_cohort, on_both_databases};

on_both_databases!(a_long_answer_sent_at_2g_upload_speed_is_stored);

/// 50 kbit/s: 320 bytes every 50 ms.
const CHUNK: usize = 320;
const EVERY: Duration = Duration::from_millis(50);

async fn a_long_answer_sent_at_2g_upload_speed_is_stored(app: TestApp) {
    app.seed_demo().await;
    let (token, cohort) = learner_in_cohort(&app, "hv.mai", "hoc-vien-y-ty").await;
    let pre = As::new(&app, &token)
        .post(
            &format!("/api/v1/cohorts/{cohort}/attempts"),
            &json!({ "id": uuid::Uuid::new_v4(), "activity": "a1", "responses": {} }),
        )
        .await;
    assert_eq!(pre.status(), StatusCode::CREATED);

    let paragraph = "Cán bộ tiếp dân ghi nhận đầy đủ nội dung đơn, hẹn ngày trả lời và báo cáo \
                     Chủ tịch Ủy ban nhân dân xã để tổ chức hòa giải ở thôn. ";
    let written = paragraph.repeat(60);
    let id = uuid::Uuid::new_v4();
    let body = serde_json::to_vec(&json!({
        "id": id, "activity": "a2", "answers": [written, written, written]
    }))
    .unwrap();
    assert!(
        body.len() > 30_000,
        "long enough to take seconds: {}",
        body.len()
    );
    let head = format!(
        "POST /api/v1/cohorts/{cohort}/attempts HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );

    let started = Instant::now();
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&address).await.unwrap();
    // Half a round trip before the first byte arrives; the head's lines over six seconds.
    tokio::time::sleep(Duration::from_millis(150)).await;
    let lines: Vec<&str> = head.split_inclusive("\r\n").collect();
    for line in &lines {
        stream.write_all(line.as_bytes()).await.unwrap();
        tokio::time::sleep(Duration::from_secs(6) / u32::try_from(lines.len()).unwrap()).await;
    }
    for chunk in body.chunks(CHUNK) {
        stream.write_all(chunk).await.unwrap();
        tokio::time::sleep(EVERY).await;
    }
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 201"),
        "after {:?}: {}",
        started.elapsed(),
        answer.lines().next().unwrap_or_default()
    );
    assert!(
        started.elapsed() > Duration::from_secs(10),
        "it really was slow"
    );

    let stored = As::new(&app, &token)
        .get(&format!("/api/v1/attempts/{id}"))
        .await;
    assert_eq!(stored.status(), StatusCode::OK);
    assert_eq!(
        json(stored).await["answers"][2],
        written.trim(),
        "kept whole"
    );
}
