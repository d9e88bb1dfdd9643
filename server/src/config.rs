//! Typed configuration: defaults, then a TOML file, then environment variables.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

use crate::secret::Secret;

/// Environment variables with this prefix configure the server (`__` separates levels).
pub const ENV_PREFIX: &str = "FIELDSCHOOL_";
/// The configuration file read when no `--config` is given, if it exists.
pub const DEFAULT_CONFIG_FILE: &str = "fieldschool.toml";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Local development: plain-HTTP cookies, readable logs.
    #[default]
    Development,
    /// Production: secure cookies, JSON logs, every secret required.
    Production,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub environment: Environment,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub site: SiteSettings,
    pub security: SecuritySettings,
    pub log: LogSettings,
    pub metrics: MetricsSettings,
    /// Folder for files the server keeps (the generated signing key).
    pub data_dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    pub host: IpAddr,
    /// 0 asks the operating system for a free port (tests do this).
    pub port: u16,
    /// HTTP worker threads; 0 means one per CPU core.
    pub workers: usize,
    /// Reverse proxies whose `X-Forwarded-For` is believed (for sign-in throttling per
    /// client address). Empty: the TCP peer is the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Seconds a client has to send a request's head (line and headers). Generous: a phone
    /// on a congested 2G cell can take several seconds; the body has no time limit, only a
    /// size limit (64 KB, 10 s at 50 kbit/s).
    pub request_head_timeout_secs: u64,
    /// Seconds an idle connection is kept open, so the next page of a learner reading on a
    /// slow line does not pay for a new connection (a round trip or more).
    pub keep_alive_secs: u64,
    /// Seconds a stopping server (SIGTERM, SIGINT) gives the requests it is serving to
    /// finish, after it has stopped accepting new ones; then the database pool is closed.
    pub shutdown_grace_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// `sqlite://path/to/file.db` (created on first start) or `postgres://…`.
    pub url: Secret<String>,
    /// Connections in the pool; unset, [`DatabaseSettings::pool_size`] chooses by backend.
    pub max_connections: Option<u32>,
}

impl DatabaseSettings {
    /// The pool's size: as configured, or 10 for PostgreSQL and, for SQLite, twice the
    /// cores (2 to 8). Each SQLite connection has a thread and caches of its own (about
    /// 5 MB), and SQLite writes one transaction at a time whatever the pool: on two cores
    /// 4 connections took more submissions a second than 10, in 20 MB less
    /// (docs/BENCHMARKS.md).
    pub fn pool_size(&self) -> u32 {
        if let Some(max) = self.max_connections {
            return max.max(1);
        }
        if self.url.expose().starts_with("sqlite:") {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            u32::try_from(cores * 2).unwrap_or(8).clamp(2, 8)
        } else {
            10
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteSettings {
    /// Folder holding `pkg/` with the hashed browser bundle and stylesheet.
    pub root: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecuritySettings {
    /// Password hashes computed at once; more requests wait, then get 503.
    pub max_concurrent_hashes: usize,
    /// Key that signs access tokens and form tokens (at least 32 bytes). When absent, one
    /// is generated into `data_dir/signing-key` on first start. Several instances behind
    /// one proxy must share it.
    pub signing_key: Option<Secret<String>>,
    /// Lifetime of an access token.
    pub access_token_minutes: u64,
    /// Absolute lifetime of a session (a family of refresh tokens).
    pub session_days: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsSettings {
    /// The bearer token a scraper sends for `GET /metrics`. Without one, `/metrics` is
    /// not served (404).
    pub token: Option<Secret<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// A `tracing` filter such as `info,sqlx=warn`.
    pub filter: String,
    pub format: LogFormat,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            environment: Environment::Development,
            server: ServerSettings::default(),
            database: DatabaseSettings::default(),
            site: SiteSettings::default(),
            security: SecuritySettings::default(),
            log: LogSettings::default(),
            metrics: MetricsSettings::default(),
            data_dir: PathBuf::from("data"),
        }
    }
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 3000,
            workers: 0,
            trusted_proxies: Vec::new(),
            request_head_timeout_secs: 30,
            keep_alive_secs: 75,
            shutdown_grace_secs: 30,
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: Secret::new("sqlite://data/fieldschool.db".into()),
            max_connections: None,
        }
    }
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            root: PathBuf::from("target/site"),
        }
    }
}

impl Default for SecuritySettings {
    fn default() -> Self {
        Self {
            max_concurrent_hashes: std::thread::available_parallelism().map_or(2, |n| n.get()),
            signing_key: None,
            access_token_minutes: 15,
            session_days: 30,
        }
    }
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            filter: "info,sqlx=warn,sea_orm=warn".into(),
            format: LogFormat::Pretty,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("invalid configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
}

impl Settings {
    /// Loads the settings: defaults, then `file` (or `fieldschool.toml` if present), then
    /// `FIELDSCHOOL_*` variables and `DATABASE_URL`.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut figment = Figment::new();
        match file {
            Some(path) if !path.exists() => return Err(ConfigError::MissingFile(path.into())),
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new(DEFAULT_CONFIG_FILE).exists() => {
                figment = figment.merge(Toml::file_exact(DEFAULT_CONFIG_FILE));
            }
            None => {}
        }
        figment = figment
            .merge(
                Env::prefixed(ENV_PREFIX)
                    // FIELDSCHOOL_TEST_* configure the test suite, not the server.
                    .filter(|key| !key.as_str().to_ascii_lowercase().starts_with("test_"))
                    .split("__"),
            )
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database.url".into()),
            );
        figment
            .extract()
            .map_err(|e| ConfigError::Invalid(Box::new(e)))
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}

#[cfg(test)]
// figment::Jail fixes the closure's error type; it is only ever built in tests.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn file_then_environment_override_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("custom.toml", "[server]\nport = 8080\nhost = \"0.0.0.0\"\n")?;
            jail.set_env("FIELDSCHOOL_SERVER__PORT", "9090");
            jail.set_env("DATABASE_URL", "postgres://localhost/fs");
            jail.set_env("FIELDSCHOOL_TEST_DATABASE_URL", "ignored");
            let settings =
                Settings::load(Some(Path::new("custom.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(settings.server.port, 9090);
            assert_eq!(settings.server.host, IpAddr::from([0, 0, 0, 0]));
            assert_eq!(settings.database.url.expose(), "postgres://localhost/fs");
            assert_eq!(settings.environment, Environment::Development);
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_an_error() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("FIELDSCHOOL_SERVER__PROT", "9090");
            assert!(Settings::load(None).is_err());
            Ok(())
        });
    }

    #[test]
    fn a_named_file_must_exist() {
        let err = Settings::load(Some(Path::new("/nonexistent/fieldschool.toml")));
        assert!(matches!(err, Err(ConfigError::MissingFile(_))));
    }

    #[test]
    fn defaults_use_embedded_sqlite_on_port_3000() {
        figment::Jail::expect_with(|_| {
            let settings = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(settings.server.port, 3000);
            assert!(settings.database.url.expose().starts_with("sqlite://"));
            Ok(())
        });
    }

    #[test]
    fn the_pool_is_sized_for_the_backend_unless_configured() {
        let sqlite = DatabaseSettings::default();
        assert!(
            (2..=8).contains(&sqlite.pool_size()),
            "{}",
            sqlite.pool_size()
        );
        let postgres = DatabaseSettings {
            url: Secret::new("postgres://db.example/fieldschool".into()),
            max_connections: None,
        };
        assert_eq!(postgres.pool_size(), 10);
        let set = DatabaseSettings {
            max_connections: Some(20),
            ..DatabaseSettings::default()
        };
        assert_eq!(set.pool_size(), 20);
        figment::Jail::expect_with(|jail| {
            jail.set_env("FIELDSCHOOL_DATABASE__MAX_CONNECTIONS", "3");
            let settings = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(settings.database.pool_size(), 3);
            Ok(())
        });
    }
}
