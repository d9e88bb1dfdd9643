//! The server's connections to its database answer a large statement at once. A statement
//! of some tens of KB (a group write of attempts is 40–70 KB) used to wait for the
//! database's delayed acknowledgement, 40 ms on Linux, on every such write: the client's
//! socket held back the statement's last segment (Nagle's algorithm) until then. That cut
//! exam-day throughput on PostgreSQL by a factor of three (docs/BENCHMARKS.md).

use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::{TestApp, on_both_databases};

on_both_databases!(a_statement_of_tens_of_kilobytes_is_not_held_back);

async fn a_statement_of_tens_of_kilobytes_is_not_held_back(app: TestApp) {
    let db = &app.store;
    let backend = db.get_database_backend();
    // 40 KB of text, as much as a group write of attempts: held back every time (measured
    // with the socket left as sqlx 0.9.0 opened it, from about 30 KB up).
    let text = "Biên bản hòa giải tranh chấp đất đai. ".repeat(850);
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "SELECT length($1::text)::bigint",
        _ => "SELECT length(?)",
    };
    let mut took = Vec::new();
    for _ in 0..9 {
        let statement = Statement::from_sql_and_values(backend, sql, [text.clone().into()]);
        let started = Instant::now();
        let row = db.query_one_raw(statement).await.unwrap().unwrap();
        took.push(started.elapsed());
        let length: i64 = row.try_get_by_index(0).unwrap();
        assert_eq!(length, text.chars().count() as i64);
    }
    took.sort();
    // A held-back segment waits 40 ms or more each time; the statement itself takes well
    // under a millisecond. The median leaves room for a busy machine's odd slow answer.
    assert!(
        took[4] < Duration::from_millis(20),
        "each 40 KB statement waited: {took:?}"
    );
}
