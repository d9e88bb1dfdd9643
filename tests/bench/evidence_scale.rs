//! Reports at national scale: on a PostgreSQL database of its own (see
//! `scripts/evidence-scale.sh`), generates 34 provinces of 3,321 communes, 250,000 cadres in
//! 10 positions and a 20-competency framework, with every cadre's pre- and post-test level
//! in every competency and a fifth of them rated by their supervisor before and at 90 days
//! (12 million pieces of evidence); rebuilds the derived tables the reports read; then
//! times the gain report and the training-needs heat map as a national administrator and
//! as one province's supervisor. Prints each timing; nothing is asserted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use migration::MigratorTrait;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use server::services::actors::Actor;
use server::services::evidence::derived;
use server::services::supervision::{gains, needs};
use shared::Role;
use shared::auth::Me;
use shared::evidence::report::ReportFilter;

struct Args {
    database_url: String,
    learners: u64,
    runs: usize,
}

fn args() -> Args {
    let mut args = Args {
        database_url: String::new(),
        learners: 250_000,
        runs: 3,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--database-url" => args.database_url = value,
            "--learners" => args.learners = value.parse().expect("--learners N"),
            "--runs" => args.runs = value.parse().expect("--runs N"),
            other => panic!("unknown flag {other}"),
        }
    }
    assert!(
        !args.database_url.is_empty(),
        "--database-url of an empty PostgreSQL database"
    );
    args
}

async fn run(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{sql}"));
}

const COMPETENCIES: u64 = 20;
const PROVINCES: u64 = 34;
const COMMUNES: u64 = 3_321;

async fn generate(db: &DatabaseConnection, learners: u64) {
    let started = Instant::now();
    run(
        db,
        "INSERT INTO org_units (id, parent_id, code, name, kind, region, path, created_at)
        SELECT id, NULL, 'BN', 'Toàn quốc', 'national', NULL, '/' || id || '/', now()
        FROM (SELECT gen_random_uuid() AS id) n",
    )
    .await;
    run(db, &format!("INSERT INTO org_units (id, parent_id, code, name, kind, region, path, created_at)
        SELECT p.id, n.id, 'BP-' || p.k, 'Tỉnh ' || p.k, 'province',
          (ARRAY['Tây Bắc','Đông Bắc','Đồng bằng sông Hồng','Bắc Trung Bộ','Tây Nguyên','Đồng bằng sông Cửu Long'])[1 + p.k % 6],
          n.path || p.id || '/', now()
        FROM (SELECT gen_random_uuid() AS id, k FROM generate_series(1, {PROVINCES}) k) p,
             org_units n WHERE n.code = 'BN'")).await;
    run(
        db,
        &format!(
            "INSERT INTO org_units (id, parent_id, code, name, kind, region, path, created_at)
        SELECT c.id, p.id, 'BC-' || c.k, 'Xã ' || c.k, 'commune', NULL, p.path || c.id || '/', now()
        FROM (SELECT gen_random_uuid() AS id, k FROM generate_series(1, {COMMUNES}) k) c
        JOIN org_units p ON p.code = 'BP-' || (1 + c.k % {PROVINCES})"
        ),
    )
    .await;
    run(
        db,
        "INSERT INTO positions (id, code, name_vi, name_en, created_at)
        SELECT gen_random_uuid(), 'POS-' || k, 'Chức danh ' || k, 'Position ' || k, now()
        FROM generate_series(1, 10) k",
    )
    .await;
    run(
        db,
        "INSERT INTO competency_frameworks (id, code, version, name_vi, name_en, created_at)
        VALUES (gen_random_uuid(), 'BENCH', 1, 'Khung đo tải', 'Benchmark framework', now())",
    )
    .await;
    run(db, "INSERT INTO competency_levels (framework_id, level, name_vi, name_en, descriptor_vi, descriptor_en, proficient)
        SELECT f.id, k, 'Mức ' || k, 'Level ' || k, '', '', k >= 3
        FROM competency_frameworks f, generate_series(1, 5) k").await;
    run(db, &format!("INSERT INTO competencies (id, framework_id, code, group_vi, group_en, kind, name_vi, name_en, position)
        SELECT gen_random_uuid(), f.id, 'C' || k, 'Nhóm', 'Group', 'skill', 'Năng lực ' || k, 'Competency ' || k, k
        FROM competency_frameworks f, generate_series(1, {COMPETENCIES}) k")).await;
    run(
        db,
        "INSERT INTO position_profiles (position_id, competency_id, required_level)
        SELECT p.id, c.id, 2 + (substr(p.code, 5)::int * c.position) % 3
        FROM positions p, competencies c WHERE (substr(p.code, 5)::int + c.position) % 3 <> 0",
    )
    .await;
    run(db, &format!("INSERT INTO users (id, username, full_name, locale, org_unit_id, position_id,
          password_hash, disabled, search_key, created_at, updated_at)
        SELECT gen_random_uuid(), 'b' || k, 'Cán bộ ' || k, 'vi', c.id, p.id, '-', false, 'can bo ' || k, now(), now()
        FROM generate_series(1, {learners}) k
        JOIN org_units c ON c.code = 'BC-' || (1 + k % {COMMUNES})
        JOIN positions p ON p.code = 'POS-' || (1 + k % 10)")).await;
    println!("directory: {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    // Tests for everyone; the supervisor before and at 90 days for every fifth cadre.
    run(db, "INSERT INTO competency_evidence (id, user_id, competency_id, source, phase, level,
          observed_at, recorded_at, dedup_key)
        SELECT gen_random_uuid(), u.id, c.id, s.source, s.phase,
          CASE s.source
            WHEN 'pre_test' THEN 1 + (n.k * 7 + c.position * 3) % 3
            WHEN 'post_test' THEN 2 + (n.k * 5 + c.position * 11) % 3
            WHEN 'supervisor' THEN CASE s.phase WHEN 'before' THEN 2 + (n.k + c.position) % 2
                                                 ELSE 2 + (n.k * 3 + c.position) % 3 END
          END,
          s.observed_at, now(), 'bench:' || n.k || ':' || c.position || ':' || s.source || ':' || s.phase
        FROM (SELECT id, substr(username, 2)::int AS k FROM users WHERE username LIKE 'b%') n
        JOIN users u ON u.id = n.id
        CROSS JOIN competencies c
        CROSS JOIN (VALUES ('pre_test', 'before', TIMESTAMPTZ '2026-03-02'),
                           ('post_test', 'after', TIMESTAMPTZ '2026-04-30'),
                           ('supervisor', 'before', TIMESTAMPTZ '2026-03-01'),
                           ('supervisor', 'follow_up_90', TIMESTAMPTZ '2026-07-29'))
              AS s(source, phase, observed_at)
        WHERE s.source <> 'supervisor' OR n.k % 5 = 0").await;
    println!("evidence: {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    derived::refresh(db, None)
        .await
        .expect("the derived tables rebuild");
    run(db, "ANALYZE").await;
    println!(
        "derived tables rebuilt: {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

fn actor(role: Role, path: Option<String>) -> Actor {
    Actor {
        me: Me {
            id: uuid::Uuid::new_v4(),
            username: "bench".into(),
            full_name: "Bench".into(),
            locale: "vi".into(),
            org_unit_id: None,
            position_id: None,
            roles: Vec::new(),
        },
        session: uuid::Uuid::new_v4(),
        org_path: path.clone(),
        scopes: vec![(role, path)],
    }
}

fn report(name: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let all: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!(
        "{name:<58} median {median:>6.0} ms   (runs: {} ms)",
        all.join(", ")
    );
}

#[tokio::main]
async fn main() {
    let args = args();
    let db = Database::connect(args.database_url.as_str()).await.unwrap();
    let store = server::store::Db::new(db.clone());
    migration::Migrator::up(&db, None).await.unwrap();
    if count(&db, "users").await == 0 {
        generate(&db, args.learners).await;
    }
    println!(
        "data: {} cadres, {} pieces of evidence, {} pairs, {} current levels",
        count(&db, "users").await,
        count(&db, "competency_evidence").await,
        count(&db, "competency_pairs").await,
        count(&db, "competency_current").await
    );
    let national = actor(Role::Admin, None);
    let province_path: String = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT path FROM org_units WHERE code = 'BP-1'".to_owned(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "path")
        .unwrap();
    let province = actor(Role::Supervisor, Some(province_path));
    let nothing = ReportFilter::default();
    let competency: uuid::Uuid = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT id FROM competencies WHERE code = 'C7'".to_owned(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "id")
        .unwrap();
    let one = ReportFilter {
        competency: Some(competency),
        ..ReportFilter::default()
    };
    let cases: [(&str, &Actor, &ReportFilter, bool); 6] = [
        (
            "gain report, national, all competencies",
            &national,
            &nothing,
            true,
        ),
        (
            "gain report, national, one competency",
            &national,
            &one,
            true,
        ),
        (
            "gain report, one province's supervisor",
            &province,
            &nothing,
            true,
        ),
        (
            "needs heat map, national (34 provinces × 20)",
            &national,
            &nothing,
            false,
        ),
        (
            "needs heat map, one province (98 communes × 20)",
            &province,
            &nothing,
            false,
        ),
        (
            "needs heat map, national, one competency",
            &national,
            &one,
            false,
        ),
    ];
    for (name, who, filter, is_gain) in cases {
        let mut times = Vec::new();
        for _ in 0..args.runs {
            let started = Instant::now();
            if is_gain {
                let found = gains::report(&store, who, filter).await.unwrap();
                assert!(!found.rows.is_empty());
            } else {
                let found = needs::of_unit(&store, who, filter).await.unwrap();
                assert!(!found.cells.is_empty());
            }
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        report(name, &mut times);
    }
}
