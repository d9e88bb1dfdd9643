//! Builds the whole application from settings. `Application::build` binds the listener
//! first, so `port()` is the real port even when the settings ask for port 0.

use crate::store::Db;
use shared::Message;
use std::net::TcpListener;
use std::time::Duration;

use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, dev::Server, web};
use frontend::app::{App as FrontendApp, shell};
use leptos_actix::{LeptosRoutes, generate_route_list, render_app_async_with_context};
use leptos_router::Method;

use crate::api;
use crate::auth::access_token::AccessTokens;
use crate::auth::keys::{self, KeyError};
use crate::config::Settings;
use crate::db::{self, DbSetupError};
use crate::http::assets::{self, StaticAssets};
use crate::http::error::ApiError;
use crate::http::{authenticate, csrf, etag, head, request_log, security_headers};
use crate::metrics::Metrics;
use crate::pages;
use crate::secret::Secret;
use crate::services::passwords::PasswordError;
use crate::services::passwords::PasswordHasher;
use crate::services::sessions::SessionContext;
use uuid::Uuid;

/// What every handler may use.
pub struct AppState {
    pub db: Db,
    pub passwords: PasswordHasher,
    /// Cookies get the `Secure` flag outside development.
    pub secure_cookies: bool,
    pub tokens: AccessTokens,
    /// Signs form tokens (and, inside `tokens`, access tokens).
    pub signing_key: Secret<Vec<u8>>,
    pub session_days: i64,
    /// Checked against when a username is unknown, so timing reveals nothing.
    pub dummy_hash: String,
    /// Proxies whose `X-Forwarded-For` names the real client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// This server's figures, and the token a scraper must send to read them.
    pub metrics: Metrics,
    pub metrics_token: Option<Secret<String>>,
}

impl AppState {
    pub fn sessions(&self) -> SessionContext<'_> {
        SessionContext {
            db: &self.db,
            passwords: &self.passwords,
            tokens: &self.tokens,
            session_days: self.session_days,
            dummy_hash: &self.dummy_hash,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbSetupError),
    #[error("could not apply the database migrations: {0}")]
    Migrate(#[from] crate::cluster::MigrateError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("could not prepare password hashing: {0}")]
    Passwords(#[from] PasswordError),
    #[error("could not read the site assets: {0}")]
    Assets(#[source] std::io::Error),
    #[error("could not listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
}

pub struct Application {
    port: u16,
    server: Server,
    /// The server's database and caches (tools and tests act through the same caches).
    db: Db,
    /// Work beside the requests for as long as the server runs: hearing the other
    /// servers' changes (PostgreSQL), folding the metrics.
    background: Vec<tokio::task::JoinHandle<()>>,
}

/// A path segment that does not parse (an id that is not one) is a 400 in the error shape.
fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|e, _| {
        ApiError::invalid(
            Message::AddressNotValid {
                detail: e.to_string(),
            },
            Vec::new(),
        )
        .into()
    })
}

/// A query string that does not parse is a 400 in the error shape.
fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|e, _| {
        ApiError::invalid(
            Message::QueryNotValid {
                detail: e.to_string(),
            },
            Vec::new(),
        )
        .into()
    })
}

/// What runs beside the requests for as long as the server does: hearing the other
/// servers' changes (PostgreSQL), carrying out jobs, copying SQLite's log back into its
/// file, folding the metrics.
fn background_work(
    db: &Db,
    settings: &Settings,
    metrics: Metrics,
    passwords: PasswordHasher,
) -> Vec<tokio::task::JoinHandle<()>> {
    let mut tasks: Vec<_> =
        crate::cluster::hear(db.clone(), settings.database.url.expose().to_owned())
            .into_iter()
            .collect();
    tasks.push(tokio::spawn(crate::services::jobs::runner::run(
        db.clone(),
        passwords,
    )));
    tasks.push(tokio::spawn(crate::checkpoint::run(db.clone())));
    tasks.push(tokio::spawn(async move {
        let mut every = tokio::time::interval(crate::metrics::UPKEEP_EVERY);
        loop {
            every.tick().await;
            metrics.upkeep();
        }
    }));
    tasks
}

/// Connects to the database and applies pending migrations.
pub async fn connect_and_migrate(settings: &Settings) -> Result<Db, StartupError> {
    let db = db::connect(&settings.database).await?;
    crate::cluster::migrate(&db).await?;
    let writer = db::connect_writer(&settings.database).await?;
    Ok(Db::new(db).with_writer(writer))
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        let db = connect_and_migrate(&settings).await?;
        Self::build_with_db(settings, db).await
    }

    /// Builds the server over an already migrated database.
    pub async fn build_with_db(settings: Settings, db: Db) -> Result<Self, StartupError> {
        let signing_key =
            keys::load_or_create(settings.security.signing_key.as_ref(), &settings.data_dir)?;
        let passwords = PasswordHasher::new(settings.security.max_concurrent_hashes);
        let dummy_hash = passwords.hash(Uuid::new_v4().to_string()).await?;
        let tokens = AccessTokens::new(
            signing_key.expose(),
            settings.security.access_token_minutes.saturating_mul(60),
        );
        let site_assets = StaticAssets::load(&settings.site.root).map_err(StartupError::Assets)?;
        let address = format!("{}:{}", settings.server.host, settings.server.port);
        let bind_error = |source| StartupError::Bind {
            address: address.clone(),
            source,
        };
        let listener =
            TcpListener::bind((settings.server.host, settings.server.port)).map_err(bind_error)?;
        let port = listener.local_addr().map_err(bind_error)?.port();

        let state = web::Data::new(AppState {
            db: db.clone(),
            passwords,
            secure_cookies: settings.is_production(),
            tokens,
            signing_key: signing_key.clone(),
            session_days: settings.security.session_days,
            dummy_hash,
            trusted_proxies: settings.server.trusted_proxies.clone(),
            metrics: Metrics::new(),
            metrics_token: settings.metrics.token.clone(),
        });
        let leptos_options = pages::leptos_options(&site_assets);
        let page_context = pages::context(
            state.db.clone(),
            pages::page_assets(&site_assets),
            signing_key.clone(),
            settings.server.trusted_proxies.clone(),
        );
        let routes = generate_route_list(FrontendApp);
        let (metrics, passwords) = (state.metrics.clone(), state.passwords.clone());
        let site_assets = web::Data::new(site_assets);

        let server = HttpServer::new(move || {
            let options = leptos_options.clone();
            let fallback_options = leptos_options.clone();
            App::new()
                .wrap(from_fn(etag::tag))
                // Inside compression, which encodes the body it rewords.
                .wrap(from_fn(crate::http::error::in_reader_language))
                .wrap(Compress::default())
                .wrap(from_fn(authenticate::authenticate))
                .wrap(from_fn(csrf::check_origin))
                .wrap(from_fn(security_headers::add))
                .wrap(from_fn(head::as_get))
                .wrap(from_fn(request_log::log))
                .app_data(state.clone())
                .app_data(site_assets.clone())
                .app_data(path_config())
                .app_data(query_config())
                .configure(api::configure)
                .route("/metrics", web::get().to(crate::http::scrape::metrics))
                .route("/pkg/{file}", web::get().to(assets::serve))
                .route("/sw.js", web::get().to(assets::service_worker))
                .route(
                    "/manifest.webmanifest",
                    web::get().to(crate::http::install::web_manifest),
                )
                .route("/icons/{file}", web::get().to(crate::http::install::icon))
                .leptos_routes_with_context(routes.clone(), page_context.clone(), move || {
                    shell(options.clone())
                })
                // Any other path renders the app, whose router shows the 404 page.
                .default_service(render_app_async_with_context(
                    page_context.clone(),
                    move || shell(fallback_options.clone()),
                    Method::Get,
                ))
        });
        let server = server
            .client_request_timeout(Duration::from_secs(
                settings.server.request_head_timeout_secs,
            ))
            .keep_alive(Duration::from_secs(settings.server.keep_alive_secs))
            .shutdown_timeout(settings.server.shutdown_grace_secs);
        let server = match settings.server.workers {
            0 => server,
            n => server.workers(n),
        };
        let server = server.listen(listener).map_err(bind_error)?.run();
        let background = background_work(&db, &settings, metrics, passwords);
        Ok(Self {
            port,
            server,
            db,
            background,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The database as the server sees it, with its caches.
    pub fn db(&self) -> Db {
        self.db.clone()
    }

    /// Serves until stopped. On SIGTERM or SIGINT the server stops accepting, lets the
    /// requests in flight finish (at most `server.shutdown_grace_secs`), then closes the
    /// database pool, so every answer a client was sent is committed.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let stopped = self.server.await;
        for task in self.background {
            task.abort();
        }
        if let Err(e) = self.db.conn.close_by_ref().await {
            tracing::warn!(error = %e, "closing the database pool");
        }
        tracing::info!("stopped");
        stopped
    }
}
