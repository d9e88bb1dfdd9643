//! The document shell and the router.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::i18n::{Text, t};
use crate::layout::{SiteFooter, SiteHeader, use_locale};
use crate::pages::admin::{
    org_unit_edit::OrgUnitEditPage, org_units::OrgUnitsPage, position_edit::PositionEditPage,
    positions::PositionsPage, user_detail::UserDetailPage, user_import::UserImportPage,
    user_new::UserNewPage, users::UsersPage,
};
use crate::pages::author::{
    activity::ActivityPage, bank::BankPage, course::CoursePage, courses::CoursesPage,
    preview::PreviewPage,
};
use crate::pages::learn::{
    activity::ActivityPage as LearnActivityPage,
    certificate::{CertificatePage, VerifyPage},
    cohort_view::CohortViewPage,
    cohorts::LearnPage,
    offline::OfflinePage,
    outline::OutlinePage,
    teach::TeachPage,
};
use crate::pages::supervise::{
    cohorts::{CohortSummaryPage, CohortsPage},
    gains::GainsPage,
    import::EvidenceImportPage,
    inbox::InboxPage,
    learner::LearnerPage,
    learners::LearnersPage,
    needs::NeedsPage,
    rating::RatingPage,
};
use crate::pages::{
    competencies::CompetenciesPage, home::HomePage, login::LoginPage, not_found::NotFoundPage,
    profile::ProfilePage,
};
use crate::ports::Assets;

/// The whole HTML document. `options` carries the (hashed) name of the browser bundle,
/// which only pages with islands load.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_locale();
    let assets = use_context::<Assets>().unwrap_or_default();
    // Pages with islands load the bundle themselves (`layout::IslandScripts`).
    provide_context(options);
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                {assets.stylesheet.map(|href| view! { <link rel="stylesheet" href=href/> })}
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <meta name="theme-color" content="#8a1c1c"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routed main content, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = use_locale();
    view! {
        <Title text=t(locale, Text::AppName)/>
        <Router>
            <SiteHeader/>
            <main id="main">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("offline") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/competencies") view=CompetenciesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/new") view=UserNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/import") view=UserImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/:id") view=UserDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/org-units") view=OrgUnitsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/positions") view=PositionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/org-units/:id") view=OrgUnitEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/positions/:id") view=PositionEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/learn") view=LearnPage ssr=SsrMode::Async/>
                    <Route path=path!("/teach") view=TeachPage ssr=SsrMode::Async/>
                    <Route path=path!("/teach/:cohort") view=CohortViewPage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:cohort") view=OutlinePage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:cohort/certificate") view=CertificatePage ssr=SsrMode::Async/>
                    <Route path=path!("/learn/:cohort/:activity") view=LearnActivityPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify/:code") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise") view=GainsPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/learners") view=LearnersPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/learners/:id") view=LearnerPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/needs") view=NeedsPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/cohorts") view=CohortsPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/cohorts/:id") view=CohortSummaryPage ssr=SsrMode::Async/>
                    <Route path=path!("/supervise/evidence/import") view=EvidenceImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/inbox") view=InboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/ratings/:cohort/:learner/:phase") view=RatingPage ssr=SsrMode::Async/>
                    <Route path=path!("/author") view=CoursesPage ssr=SsrMode::Async/>
                    <Route path=path!("/author/courses/:id") view=CoursePage ssr=SsrMode::Async/>
                    <Route path=path!("/author/courses/:id/activities/:activity") view=ActivityPage ssr=SsrMode::Async/>
                    <Route path=path!("/author/courses/:id/bank") view=BankPage ssr=SsrMode::Async/>
                    <Route path=path!("/author/courses/:id/preview") view=PreviewPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use shared::page::Page;
    use uuid::Uuid;

    /// One of each page; the `match` fails to compile when a page is added without one.
    fn every_page() -> Vec<Page> {
        let (id, other) = (Uuid::nil(), Uuid::max());
        let pages = vec![
            Page::Home,
            Page::Login,
            Page::Profile,
            Page::Competencies,
            Page::AdminUsers,
            Page::AdminUserNew,
            Page::AdminUserImport,
            Page::AdminUser(id),
            Page::AdminOrgUnits,
            Page::AdminOrgUnit(id),
            Page::AdminPositions,
            Page::AdminPosition(id),
            Page::Author,
            Page::AuthorCourse(id),
            Page::AuthorActivity(id, "a1".into()),
            Page::AuthorBank(id),
            Page::AuthorPreview(id),
            Page::Teach,
            Page::TeachCohort(id),
            Page::Learning,
            Page::Learn(id),
            Page::LearnActivity(id, "a1".into()),
            Page::Certificate(id),
            Page::Verify("FS-2026-ABCD".into()),
            Page::Supervise,
            Page::SuperviseLearners,
            Page::SuperviseLearner(other),
            Page::SuperviseNeeds,
            Page::SuperviseCohorts,
            Page::SuperviseCohort(id),
            Page::SuperviseEvidenceImport,
            Page::Inbox,
            Page::Rating(id, other, "before".into()),
        ];
        for page in &pages {
            match page {
                Page::Home
                | Page::Login
                | Page::Profile
                | Page::Competencies
                | Page::AdminUsers
                | Page::AdminUserNew
                | Page::AdminUserImport
                | Page::AdminUser(_)
                | Page::AdminOrgUnits
                | Page::AdminOrgUnit(_)
                | Page::AdminPositions
                | Page::AdminPosition(_)
                | Page::Author
                | Page::AuthorCourse(_)
                | Page::AuthorActivity(..)
                | Page::AuthorBank(_)
                | Page::AuthorPreview(_)
                | Page::Teach
                | Page::TeachCohort(_)
                | Page::Learning
                | Page::Learn(_)
                | Page::LearnActivity(..)
                | Page::Certificate(_)
                | Page::Verify(_)
                | Page::Supervise
                | Page::SuperviseLearners
                | Page::SuperviseLearner(_)
                | Page::SuperviseNeeds
                | Page::SuperviseCohorts
                | Page::SuperviseCohort(_)
                | Page::SuperviseEvidenceImport
                | Page::Inbox
                | Page::Rating(..) => {}
            }
        }
        pages
    }

    /// Whether router pattern `route` (`/learn/:cohort/:activity`) takes `path`.
    fn takes(route: &str, path: &str) -> bool {
        let (route, path): (Vec<&str>, Vec<&str>) = (
            route.trim_matches('/').split('/').collect(),
            path.trim_matches('/').split('/').collect(),
        );
        route.len() == path.len()
            && route
                .iter()
                .zip(&path)
                .all(|(r, p)| r.starts_with(':') || r == p)
    }

    #[test]
    fn every_page_address_is_a_route_of_the_router() {
        let source = include_str!("app.rs");
        let routes: Vec<&str> = source
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(
            routes.len() > 20,
            "the router's routes are found: {routes:?}"
        );
        for page in every_page() {
            let path = page.path();
            assert!(
                routes.iter().any(|r| takes(r, &path)),
                "no route serves {page:?} at {path}"
            );
        }
    }
}
