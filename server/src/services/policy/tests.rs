use super::*;
use shared::auth::Me;
use uuid::Uuid;

fn actor(org: Option<&str>, scopes: &[(Role, Option<&str>)]) -> Actor {
    Actor {
        me: Me {
            id: Uuid::new_v4(),
            username: "x".into(),
            full_name: "X".into(),
            locale: "vi".into(),
            org_unit_id: None,
            position_id: None,
            roles: Vec::new(),
        },
        session: Uuid::new_v4(),
        org_path: org.map(Into::into),
        scopes: scopes
            .iter()
            .map(|(r, p)| (*r, p.map(Into::into)))
            .collect(),
    }
}

const PROVINCE: &str = "/vn/lci/";
const COMMUNE: &str = "/vn/lci/ytv/";
const OTHER: &str = "/vn/dlk/";

#[test]
fn a_national_admin_manages_everything() {
    let admin = actor(None, &[(Role::Admin, None)]);
    assert!(allows(&admin, Action::ManageUsers, Some(OTHER)));
    assert!(allows(&admin, Action::ManageUsers, None));
    assert!(allows(&admin, Action::ManagePositions, None));
}

#[test]
fn a_province_admin_stays_in_the_province() {
    let admin = actor(Some(PROVINCE), &[(Role::Admin, Some(PROVINCE))]);
    assert!(allows(&admin, Action::ManageUsers, Some(COMMUNE)));
    assert!(allows(&admin, Action::ManageOrgUnits, Some(PROVINCE)));
    assert!(!allows(&admin, Action::ManageUsers, Some(OTHER)));
    assert!(
        !allows(&admin, Action::ManageUsers, None),
        "people without a unit are national"
    );
    assert!(!allows(&admin, Action::ManagePositions, None));
    assert!(may_grant(&admin, Role::Supervisor, Some(COMMUNE)));
    assert!(!may_grant(&admin, Role::Admin, None));
    assert!(!may_grant(&admin, Role::Supervisor, Some(OTHER)));
    assert!(may_grant(&admin, Role::Learner, None));
}

#[test]
fn a_supervisor_sees_their_subtree_and_manages_nothing() {
    let supervisor = actor(Some(COMMUNE), &[(Role::Supervisor, None)]);
    assert!(allows(&supervisor, Action::ViewUsers, Some(COMMUNE)));
    assert!(!allows(&supervisor, Action::ViewUsers, Some(PROVINCE)));
    assert!(!allows(&supervisor, Action::ManageUsers, Some(COMMUNE)));
}

#[test]
fn learners_and_lecturers_see_no_accounts() {
    for role in [Role::Learner, Role::Lecturer] {
        let someone = actor(Some(COMMUNE), &[(role, None)]);
        assert_eq!(scope(&someone, Action::ViewUsers), Scope::Nothing);
        assert!(allows(&someone, Action::ViewOrgUnits, Some(OTHER)));
    }
}

#[test]
fn only_authors_change_a_course_and_only_the_owner_picks_them() {
    let lecturer = actor(None, &[(Role::Lecturer, None)]);
    let owner = Authorship {
        owner: true,
        co_author: false,
    };
    let co = Authorship {
        owner: false,
        co_author: true,
    };
    let stranger = Authorship::default();
    assert!(course_allows(&lecturer, CourseAction::Create, stranger));
    assert!(course_allows(&lecturer, CourseAction::Edit, owner));
    assert!(course_allows(&lecturer, CourseAction::Edit, co));
    assert!(!course_allows(&lecturer, CourseAction::ManageAuthors, co));
    assert!(course_allows(&lecturer, CourseAction::ManageAuthors, owner));
    assert!(!course_allows(&lecturer, CourseAction::Read, stranger));
    let learner = actor(Some(COMMUNE), &[(Role::Learner, None)]);
    assert!(!course_allows(&learner, CourseAction::Create, stranger));
    assert!(!course_allows(&learner, CourseAction::Read, stranger));
    assert!(
        !course_allows(&learner, CourseAction::Edit, co),
        "a former lecturer edits nothing"
    );
    let admin = actor(None, &[(Role::Admin, None)]);
    assert!(course_allows(&admin, CourseAction::Read, stranger));
    assert!(!course_allows(&admin, CourseAction::Edit, stranger));
    let province_admin = actor(Some(PROVINCE), &[(Role::Admin, Some(PROVINCE))]);
    assert!(!course_allows(
        &province_admin,
        CourseAction::Read,
        stranger
    ));
}

#[test]
fn raters_rate_in_their_own_capacity_only() {
    use shared::evidence::{Phase, Source};
    let enrolled = RatingStanding {
        enrolled: true,
        ..Default::default()
    };
    let me = RatingStanding {
        themselves: true,
        ..enrolled
    };
    assert_eq!(rating_sources(me, Phase::Before), vec![Source::SelfRating]);
    assert!(rating_sources(me, Phase::FollowUp30).is_empty());
    let boss = RatingStanding {
        supervises: true,
        ..enrolled
    };
    assert_eq!(
        rating_sources(boss, Phase::FollowUp90),
        vec![Source::Supervisor]
    );
    let not_enrolled = RatingStanding {
        enrolled: false,
        ..boss
    };
    assert!(rating_sources(not_enrolled, Phase::After).is_empty());
    let supervising_myself = RatingStanding {
        themselves: true,
        supervises: true,
        ..enrolled
    };
    assert_eq!(
        rating_sources(supervising_myself, Phase::After),
        vec![Source::SelfRating],
        "a supervisor enrolled in a course rates themselves as a learner"
    );
    let peer = RatingStanding {
        invited: true,
        ..enrolled
    };
    assert_eq!(rating_sources(peer, Phase::After), vec![Source::Peer]);
    let lecturer = RatingStanding {
        teaches: true,
        ..enrolled
    };
    assert!(rating_sources(lecturer, Phase::FollowUp30).is_empty());
    assert_eq!(
        rating_sources(lecturer, Phase::After),
        vec![Source::Lecturer]
    );
    let supervisor = actor(Some(COMMUNE), &[(Role::Supervisor, None)]);
    assert!(allows(&supervisor, Action::RateAsSupervisor, Some(COMMUNE)));
    let admin = actor(None, &[(Role::Admin, None)]);
    assert!(!allows(&admin, Action::RateAsSupervisor, Some(COMMUNE)));
    assert!(allows(&admin, Action::ViewEvidence, Some(COMMUNE)));
}

#[test]
fn a_prefix_is_a_whole_path_segment() {
    // Paths end with '/', so "/vn/l/" is not a prefix of "/vn/lci/".
    let admin = actor(None, &[(Role::Admin, Some("/vn/l/"))]);
    assert!(!allows(&admin, Action::ManageUsers, Some(PROVINCE)));
}

#[test]
fn who_may_be_enrolled_and_how() {
    const SCHOOL: &str = "/vn/lci/tct/";
    let lecturer = actor(Some(SCHOOL), &[(Role::Lecturer, None)]);
    let by_unit = enrol_scope(&lecturer, EnrolBy::Unit);
    assert!(
        by_unit.contains(Some(COMMUNE)),
        "the region the school serves"
    );
    assert!(!by_unit.contains(Some(OTHER)), "not another province");
    assert!(enrol_scope(&lecturer, EnrolBy::Username).contains(Some(OTHER)));
    let nowhere = actor(None, &[(Role::Lecturer, None)]);
    assert_eq!(enrol_scope(&nowhere, EnrolBy::Unit), Scope::Nothing);
    let national_school = actor(Some("/vn/hcma/"), &[(Role::Lecturer, None)]);
    assert!(enrol_scope(&national_school, EnrolBy::Unit).contains(Some(OTHER)));

    let province_admin = actor(Some(OTHER), &[(Role::Admin, Some(OTHER))]);
    for by in [EnrolBy::Unit, EnrolBy::Username] {
        assert!(!enrol_scope(&province_admin, by).contains(Some(COMMUNE)));
        assert!(!enrol_scope(&province_admin, by).contains(None));
        assert!(enrol_scope(&province_admin, by).contains(Some("/vn/dlk/eakly/")));
    }
    let learner = actor(Some(COMMUNE), &[(Role::Learner, None)]);
    assert_eq!(enrol_scope(&learner, EnrolBy::Username), Scope::Nothing);
}
