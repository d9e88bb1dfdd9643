//! Demo evidence: a class of 24 Lào Cai commune cadres that finished the demo course four
//! months ago, with their pre- and post-test levels, their own ratings before and after,
//! and their supervisor's (ql.hung) before, after and at 30 and 90 days; so the supervisor's
//! dashboard shows real-looking gains with intervals on the first run. Levels are fixed
//! by a small formula, not random, so every run seeds the same numbers.

use crate::store::Db;
use chrono::{Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use shared::auth::RoleGrant;
use shared::directory::OrgUnitKind;
use shared::evidence::{Phase, Source};
use shared::{Locale, Role};
use uuid::Uuid;

use super::SeedError;
use crate::entities::{cohort, cohort_lecturer, competency, course, enrolment, user};
use crate::services::directory::{position_id_by_code, unit_id_by_code};
use crate::services::evidence::{NewEvidence, store};
use crate::services::passwords::PasswordHasher;
use crate::services::users::{self, NewUser};

pub const TITLE_VI: &str = "Lớp bồi dưỡng cán bộ cấp xã K4/2025 (đã kết thúc)";
const TITLE_EN: &str = "Commune cadre training, class 4/2025 (finished)";
/// The password of every cadre below (demo only).
pub const PASSWORD: &str = "can-bo-lao-cai";

/// Four more Lào Cai communes, the finished class's home (the other demo accounts keep
/// theirs to themselves).
const COMMUNES: [super::org_units::Unit; 4] = [
    (
        "VN-LCI-MUONGKHUONG",
        Some("VN-LCI"),
        "Xã Mường Khương",
        OrgUnitKind::Commune,
        None,
    ),
    (
        "VN-LCI-SIMACAI",
        Some("VN-LCI"),
        "Xã Si Ma Cai",
        OrgUnitKind::Commune,
        None,
    ),
    (
        "VN-LCI-PHONGHAI",
        Some("VN-LCI"),
        "Xã Phong Hải",
        OrgUnitKind::Commune,
        None,
    ),
    (
        "VN-LCI-VANBAN",
        Some("VN-LCI"),
        "Xã Văn Bàn",
        OrgUnitKind::Commune,
        None,
    ),
];

/// How many cadres the finished class has.
pub const CADRE_COUNT: usize = CADRES.len();

/// (username, full name, commune, position): six cadres in each of the four communes.
const CADRES: [(&str, &str, &str, &str); 24] = [
    (
        "lc.sung",
        "Sùng A Páo",
        "VN-LCI-MUONGKHUONG",
        "COMMITTEE_CHAIR",
    ),
    ("lc.ly", "Lý Thị Dung", "VN-LCI-MUONGKHUONG", "CS_JUSTICE"),
    ("lc.vang", "Vàng Seo Chứ", "VN-LCI-MUONGKHUONG", "CS_LAND"),
    ("lc.tan", "Tẩn Láo Lở", "VN-LCI-MUONGKHUONG", "CS_CULTURE"),
    (
        "lc.chu",
        "Chu Văn Tỉnh",
        "VN-LCI-MUONGKHUONG",
        "PARTY_SECRETARY",
    ),
    ("lc.lu", "Lù Thị Sinh", "VN-LCI-MUONGKHUONG", "CS_JUSTICE"),
    (
        "lc.hoang",
        "Hoàng Văn Sơn",
        "VN-LCI-SIMACAI",
        "PARTY_SECRETARY",
    ),
    ("lc.phan", "Phàn Thị Mẩy", "VN-LCI-SIMACAI", "CS_JUSTICE"),
    ("lc.lo", "Lò Văn Thắng", "VN-LCI-SIMACAI", "CS_LAND"),
    ("lc.sinh", "Sình Thị Súa", "VN-LCI-SIMACAI", "CS_CULTURE"),
    (
        "lc.dang",
        "Đặng Văn Lâm",
        "VN-LCI-SIMACAI",
        "COMMITTEE_CHAIR",
    ),
    ("lc.bui", "Bùi Thị Hạnh", "VN-LCI-SIMACAI", "CS_LAND"),
    (
        "lc.do",
        "Đỗ Thị Hương",
        "VN-LCI-PHONGHAI",
        "COMMITTEE_CHAIR",
    ),
    ("lc.tran", "Trần Văn Quang", "VN-LCI-PHONGHAI", "CS_JUSTICE"),
    ("lc.vu", "Vũ Thị Thanh", "VN-LCI-PHONGHAI", "CS_JUSTICE"),
    ("lc.san", "San Thị Ngọc", "VN-LCI-PHONGHAI", "CS_CULTURE"),
    (
        "lc.pham",
        "Phạm Đức Minh",
        "VN-LCI-PHONGHAI",
        "PARTY_SECRETARY",
    ),
    ("lc.la", "La Văn Tuấn", "VN-LCI-PHONGHAI", "CS_LAND"),
    ("lc.ma", "Ma Seo Dình", "VN-LCI-VANBAN", "CS_LAND"),
    ("lc.thao", "Thào Thị Mỷ", "VN-LCI-VANBAN", "CS_CULTURE"),
    (
        "lc.chao",
        "Chảo Láo Phù",
        "VN-LCI-VANBAN",
        "PARTY_SECRETARY",
    ),
    ("lc.hau", "Hầu A Lử", "VN-LCI-VANBAN", "COMMITTEE_CHAIR"),
    ("lc.sen", "Sền Thị Duyên", "VN-LCI-VANBAN", "CS_JUSTICE"),
    ("lc.cu", "Cư Seo Lùng", "VN-LCI-VANBAN", "CS_CULTURE"),
];

/// The competencies the demo course works on.
const COMPETENCIES: [&str; 6] = ["LAW", "CONF", "MOBI", "ETHI", "SITU", "DECI"];

/// A level from `base` to `base + spread − 1` (within 1 to 5) for cadre `i`, competency `c`
/// and step `step` of the course: a fixed scatter (a multiplicative hash), different for
/// each person, competency and step.
fn level(i: usize, c: usize, step: usize, base: usize, spread: usize) -> i32 {
    let mixed = (i as u64 + 1)
        .wrapping_mul(2_654_435_761)
        .wrapping_add((c as u64 + 1).wrapping_mul(40_503))
        .wrapping_add((step as u64 + 1).wrapping_mul(2_246_822_519));
    let wobble = usize::try_from((mixed >> 13) % spread.max(1) as u64).unwrap_or(0);
    i32::try_from((base + wobble).clamp(1, 5)).unwrap_or(1)
}

async fn cadre(
    db: &Db,
    hasher: &PasswordHasher,
    (username, name, unit, position): (&str, &str, &str, &str),
) -> Result<Uuid, SeedError> {
    if let Some(found) = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?
    {
        return Ok(found.id);
    }
    let unit = unit_id_by_code(db, unit)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("org unit {unit}")))?;
    let position = position_id_by_code(db, position)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("position {position}")))?;
    Ok(users::create(
        db,
        hasher,
        NewUser {
            username: username.into(),
            full_name: name.into(),
            password: PASSWORD.into(),
            email: None,
            phone: None,
            org_unit_id: Some(unit),
            position_id: Some(position),
            grants: vec![RoleGrant {
                role: Role::Learner,
                scope_org_unit_id: None,
            }],
            locale: Locale::Vi,
        },
    )
    .await?)
}

/// The end-of-course survey (activity `a6` of the demo course) of cadre `i`.
async fn survey(
    db: &Db,
    cohort: Uuid,
    learner: Uuid,
    lecturer: Uuid,
    i: usize,
    at: chrono::DateTime<Utc>,
) -> Result<(), SeedError> {
    let likert = |salt: usize| (3 + (i * 5 + salt * 3) % 3).to_string();
    let mut answers = serde_json::Map::new();
    for (key, salt) in [
        ("s1".to_owned(), 1),
        ("s2".to_owned(), 2),
        (format!("s3@{lecturer}"), 3),
        ("s4".to_owned(), 4),
    ] {
        answers.insert(key, likert(salt).into());
    }
    if i.is_multiple_of(4) {
        answers.insert(
            "s5".into(),
            "Tranh chấp ranh giới đất giữa hai hộ ở thôn; đã hòa giải được nhờ cách lắng nghe học trong khóa.".into(),
        );
    }
    crate::entities::attempt::ActiveModel {
        id: Set(Uuid::new_v4()),
        cohort_id: Set(cohort),
        user_id: Set(learner),
        activity_id: Set("a6".into()),
        responses: Set(serde_json::Value::Object(answers).to_string()),
        score: Set(0.0),
        passed: Set(true),
        result: Set("[]".into()),
        submitted_at: Set(at),
        outcome: Set(None),
        client_at: Set(None),
        over_limit: Set(false),
        course_version: Set(Some(1)),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Adds the finished class and its evidence if missing; how many pieces of evidence.
pub async fn seed(db: &Db, hasher: &PasswordHasher) -> Result<u64, SeedError> {
    if cohort::Entity::find()
        .filter(cohort::Column::TitleVi.eq(TITLE_VI))
        .one(db)
        .await?
        .is_some()
    {
        return Ok(0);
    }
    let course = course::Entity::find()
        .filter(course::Column::Code.eq("KNTC-DAT-DAI-XA"))
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing("the demo course".into()))?;
    let person = |username: &'static str| async move {
        user::Entity::find()
            .filter(user::Column::Username.eq(username))
            .one(db)
            .await?
            .ok_or_else(|| SeedError::Missing(format!("user {username}")))
    };
    let (lecturer, supervisor) = (person("gv.lan").await?, person("ql.hung").await?);
    super::org_units::add_missing(db, &COMMUNES).await?;
    let competencies: Vec<Uuid> = {
        let all = competency::Entity::find()
            .filter(competency::Column::FrameworkId.eq(course.framework_id))
            .all(db)
            .await?;
        COMPETENCIES
            .iter()
            .filter_map(|code| all.iter().find(|c| c.code == *code).map(|c| c.id))
            .collect()
    };
    let now = Utc::now();
    let ends = now.date_naive() - Duration::days(120);
    let starts = ends - Duration::days(45);
    let id = finished_class(db, course, lecturer.id, (starts, ends)).await?;
    let at = |date: NaiveDate| date.and_time(NaiveTime::MIN).and_utc();
    let mut items = Vec::new();
    for (i, account) in CADRES.iter().enumerate() {
        let learner = cadre(db, hasher, *account).await?;
        enrolment::ActiveModel {
            cohort_id: Set(id),
            user_id: Set(learner),
            added_at: Set(now),
        }
        .insert(db)
        .await?;
        survey(db, id, learner, lecturer.id, i, at(ends)).await?;
        for (c, competency) in competencies.iter().enumerate() {
            for (source, phase, value, date) in steps(i, c, (starts, ends)) {
                let rater = match source {
                    Source::Supervisor => Some(supervisor.id),
                    Source::SelfRating => Some(learner),
                    _ => None,
                };
                items.push(NewEvidence {
                    user_id: learner,
                    competency_id: *competency,
                    source,
                    phase,
                    level: value,
                    rater_id: rater,
                    cohort_id: Some(id),
                    attempt_id: None,
                    observed_at: at(date),
                    recorded_by: None,
                    dedup_key: format!(
                        "demo:{id}:{learner}:{competency}:{}:{}",
                        source.code(),
                        phase.code()
                    ),
                });
            }
        }
    }
    Ok(store(db, items).await?)
}

/// The class that ended four months ago, with its lecturer.
async fn finished_class(
    db: &Db,
    course: course::Model,
    lecturer: Uuid,
    (starts, ends): (NaiveDate, NaiveDate),
) -> Result<Uuid, SeedError> {
    let now = Utc::now();
    let id = Uuid::new_v4();
    cohort::ActiveModel {
        id: Set(id),
        course_id: Set(course.id),
        version: Set(course.latest_version.max(1)),
        title_vi: Set(TITLE_VI.into()),
        title_en: Set(TITLE_EN.into()),
        starts_on: Set(starts),
        ends_on: Set(ends),
        created_by: Set(lecturer),
        created_at: Set(now),
        gate_pre: Set(true),
        gate_post: Set(true),
    }
    .insert(db)
    .await?;
    cohort_lecturer::ActiveModel {
        cohort_id: Set(id),
        user_id: Set(lecturer),
        added_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// Cadre `i`'s evidence in competency `c`: tests low before and about one level up after;
/// self-ratings start high and move less; the supervisor sees a smaller change that holds
/// at 90 days.
fn steps(
    i: usize,
    c: usize,
    (starts, ends): (NaiveDate, NaiveDate),
) -> [(Source, Phase, i32, NaiveDate); 8] {
    [
        (Source::PreTest, Phase::Before, level(i, c, 1, 1, 3), starts),
        (Source::PostTest, Phase::After, level(i, c, 2, 2, 3), ends),
        (
            Source::SelfRating,
            Phase::Before,
            level(i, c, 3, 3, 2),
            starts,
        ),
        (Source::SelfRating, Phase::After, level(i, c, 4, 3, 3), ends),
        (
            Source::Supervisor,
            Phase::Before,
            level(i, c, 5, 2, 2),
            starts,
        ),
        (Source::Supervisor, Phase::After, level(i, c, 6, 2, 3), ends),
        (
            Source::Supervisor,
            Phase::FollowUp30,
            level(i, c, 7, 2, 3),
            ends + Duration::days(30),
        ),
        (
            Source::Supervisor,
            Phase::FollowUp90,
            level(i, c, 8, 3, 2),
            ends + Duration::days(90),
        ),
    ]
}
