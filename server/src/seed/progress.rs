//! Demo learners at different points of the demo cohort, so the outline, the lecturer's view
//! and the certificate have something to show on first run: hv.thao has completed the course
//! and holds a certificate; hv.tuan is half-way (pre-test, case study, a failed quiz attempt,
//! a role-play under way); hv.mai and ql.hung have not started. Work is submitted through the
//! same services as learners' own, then dated across the first weeks of the class.

use crate::store::Db;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use shared::Role;
use shared::auth::Me;
use shared::course::{ActivityBody, Package};
use shared::learning::{AttemptSubmission, survey_key};
use shared::roleplay::Outcome;
use uuid::Uuid;

use super::SeedError;
use crate::entities::{attempt, certificate, cohort, progress_event, user};
use crate::services::actors::Actor;
use crate::services::attempts::{self, Submission};
use crate::services::{certificates, cohorts, drafts};

fn actor(person: &user::Model) -> Actor {
    Actor {
        me: Me {
            id: person.id,
            username: person.username.clone(),
            full_name: person.full_name.clone(),
            locale: person.locale.clone(),
            org_unit_id: person.org_unit_id,
            position_id: person.position_id,
            roles: Vec::new(),
        },
        session: Uuid::nil(),
        org_path: None,
        scopes: vec![(Role::Learner, None)],
    }
}

/// A time in the class, Vietnam time (UTC+7): `day` of November 2026.
fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    let local = NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .unwrap_or_default();
    Utc.from_utc_datetime(&local) - chrono::Duration::hours(7)
}

struct Learner<'a> {
    db: &'a Db,
    actor: Actor,
    cohort: Uuid,
    package: std::sync::Arc<Package>,
}

impl Learner<'_> {
    async fn opened(
        &self,
        activity: &str,
        when: DateTime<Utc>,
        position: Option<&str>,
    ) -> Result<(), SeedError> {
        progress_event::ActiveModel {
            id: Set(Uuid::new_v4()),
            cohort_id: Set(self.cohort),
            user_id: Set(self.actor.me.id),
            activity_id: Set(activity.to_owned()),
            position: Set(position.map(str::to_owned)),
            client_at: Set(Some(when)),
            recorded_at: Set(when),
        }
        .insert(self.db)
        .await?;
        Ok(())
    }

    /// Opens `activity` at `from`, sends `work` at `to`.
    async fn does(
        &self,
        activity: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        work: AttemptSubmission,
    ) -> Result<(), SeedError> {
        self.opened(activity, from, None).await?;
        let id = Uuid::new_v4();
        let submission = AttemptSubmission {
            id,
            activity: activity.to_owned(),
            ..work
        };
        attempts::submit(
            self.db,
            &self.actor,
            self.cohort,
            Submission::Json(submission),
            attempts::Origin::Online,
        )
        .await
        .map_err(|e| SeedError::Missing(format!("demo work in {activity}: {e}")))?;
        let mut row: attempt::ActiveModel = attempt::Entity::find_by_id(id)
            .one(self.db)
            .await?
            .ok_or_else(|| SeedError::Missing(format!("demo attempt in {activity}")))?
            .into();
        row.submitted_at = Set(to);
        row.client_at = Set(Some(to));
        row.update(self.db).await?;
        Ok(())
    }

    /// Answers to a test or quiz: right on the questions `right` picks (by position).
    fn answers(&self, activity: &str, right: impl Fn(usize) -> bool) -> AttemptSubmission {
        let questions =
            attempts::questions_for(&self.package, activity, self.actor.me.id, self.cohort)
                .unwrap_or_default();
        AttemptSubmission {
            responses: questions
                .iter()
                .enumerate()
                .filter(|(i, _)| right(*i))
                .map(|(_, q)| (q.id.clone(), q.question.model_answer()))
                .collect(),
            ..AttemptSubmission::default()
        }
    }

    fn play(&self, activity: &str, outcome: Outcome) -> AttemptSubmission {
        let path = match self.package.activity(activity).map(|a| &a.body) {
            Some(ActivityBody::RolePlay(play)) => play.scenario.path_to(outcome),
            _ => None,
        };
        AttemptSubmission {
            path: path.unwrap_or_default(),
            ..AttemptSubmission::default()
        }
    }
}

fn written(answers: &[&str]) -> AttemptSubmission {
    AttemptSubmission {
        answers: answers.iter().map(|a| (*a).to_owned()).collect(),
        ..AttemptSubmission::default()
    }
}

async fn learner<'a>(
    db: &'a Db,
    row: &cohort::Model,
    username: &str,
) -> Result<Learner<'a>, SeedError> {
    let person = user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?
        .ok_or_else(|| SeedError::Missing(format!("user {username}")))?;
    Ok(Learner {
        db,
        actor: actor(&person),
        cohort: row.id,
        package: attempts::package_of(db, row)
            .await
            .map_err(|e| SeedError::Missing(format!("the demo course version: {e}")))?,
    })
}

const THAO_CASE: [&str; 3] = [
    "Xã đã để đơn của ông Sùng chờ gần hai tháng mà không trả lời, cũng không hoà giải ở thôn trước khi chuyển lên xã; người dân mất lòng tin nên kéo đến trụ sở đông người.",
    "Tôi sẽ tiếp công dân ngay tại phòng tiếp dân, ghi biên bản, kiểm tra hồ sơ địa chính năm 1994 và mời trưởng thôn, người có uy tín tham gia hoà giải trong vòng 10 ngày.",
    "Bài học: hoà giải ở cơ sở là bắt buộc trước khi xã giải quyết tranh chấp đất đai; phải công khai thời hạn và trả lời bằng văn bản.",
];

const TUAN_CASE: [&str; 3] = [
    "Cán bộ địa chính không kiểm tra hồ sơ gốc và không báo cáo chủ tịch xã kịp thời.",
    "Mời hai gia đình lên xã, đối chiếu bản đồ và giải thích quy định của Luật Đất đai.",
    "Cần lắng nghe người dân trước, không hứa hẹn điều chưa chắc chắn.",
];

/// Adds the demo learners' work once (not again when any work is already there).
pub async fn seed(db: &Db, cohort_title_vi: &str) -> Result<usize, SeedError> {
    let Some(row) = cohort::Entity::find()
        .filter(cohort::Column::TitleVi.eq(cohort_title_vi))
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let started = attempt::Entity::find()
        .filter(attempt::Column::CohortId.eq(row.id))
        .one(db)
        .await?
        .is_some();
    if started {
        return Ok(0);
    }
    let lecturer = cohorts::lecturers(db, row.id).await?.first().map(|l| l.0);

    thao(db, &row, lecturer).await?;
    tuan(db, &row).await?;
    Ok(2)
}

/// Thảo finished the course and has her certificate.
async fn thao(db: &Db, row: &cohort::Model, lecturer: Option<Uuid>) -> Result<(), SeedError> {
    let thao = learner(db, row, "hv.thao").await?;
    thao.does(
        "a1",
        at(3, 19, 0),
        at(3, 19, 14),
        thao.answers("a1", |i| i % 2 == 0),
    )
    .await?;
    thao.does("a2", at(5, 20, 0), at(5, 20, 38), written(&THAO_CASE))
        .await?;
    thao.does(
        "a3",
        at(8, 19, 30),
        at(8, 19, 52),
        thao.answers("a3", |_| true),
    )
    .await?;
    thao.does(
        "a4",
        at(10, 20, 5),
        at(10, 20, 21),
        thao.play("a4", Outcome::Success),
    )
    .await?;
    thao.does(
        "a5",
        at(20, 8, 0),
        at(20, 8, 16),
        thao.answers("a5", |i| i != 1),
    )
    .await?;
    let mut survey = AttemptSubmission::default();
    for (item, value) in [("s1", "5"), ("s2", "5"), ("s4", "4")] {
        survey.survey.insert(survey_key(item, None), value.into());
    }
    if let Some(lecturer) = lecturer {
        survey
            .survey
            .insert(survey_key("s3", Some(lecturer)), "5".into());
    }
    survey.survey.insert(
        survey_key("s5", None),
        "Tình huống tranh chấp đất rất sát với thực tế ở xã tôi.".into(),
    );
    thao.does("a6", at(20, 8, 20), at(20, 8, 27), survey)
        .await?;
    certificates::issue(db, &thao.actor, row.id)
        .await
        .map_err(|e| SeedError::Missing(format!("the demo certificate: {e}")))?;
    if let Some(issued) = certificate::Entity::find()
        .filter(certificate::Column::CohortId.eq(row.id))
        .filter(certificate::Column::UserId.eq(thao.actor.me.id))
        .one(db)
        .await?
    {
        let mut issued: certificate::ActiveModel = issued.into();
        issued.issued_at = Set(at(20, 8, 30));
        issued.update(db).await?;
    }
    Ok(())
}

/// Tuấn is half-way, in the middle of the role-play.
async fn tuan(db: &Db, row: &cohort::Model) -> Result<(), SeedError> {
    let tuan = learner(db, row, "hv.tuan").await?;
    tuan.does(
        "a1",
        at(4, 21, 0),
        at(4, 21, 17),
        tuan.answers("a1", |i| i == 0),
    )
    .await?;
    tuan.does("a2", at(6, 21, 10), at(6, 21, 40), written(&TUAN_CASE))
        .await?;
    tuan.does(
        "a3",
        at(9, 20, 0),
        at(9, 20, 14),
        tuan.answers("a3", |i| i < 3),
    )
    .await?;
    let play = tuan.play("a4", Outcome::Success);
    let begun: Vec<String> = play.path.iter().take(2).cloned().collect();
    drafts::put(
        db,
        row.id,
        tuan.actor.me.id,
        "a4",
        &serde_json::json!({ "path": begun }),
    )
    .await?;
    tuan.opened("a4", at(12, 20, 30), None).await?;
    Ok(())
}
