//! The `fieldschool` command line: one binary, several subcommands.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use shared::{Locale, Role};

use crate::config::Settings;
use crate::seed::{self, DEMO_ACCOUNTS};
use crate::services::directory;
use crate::services::passwords::PasswordHasher;
use crate::services::users::{self, NewUser, UserError};
use crate::startup::{Application, connect_and_migrate};
use crate::telemetry;
use shared::auth::RoleGrant;

#[derive(Debug, Parser)]
#[command(
    name = "fieldschool",
    version,
    about = "Fieldschool learning management system"
)]
struct Cli {
    /// Configuration file (TOML). Default: ./fieldschool.toml if it exists.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply migrations and serve HTTP (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Add the demo data (idempotent) and print the demo sign-ins.
    SeedDemo,
    /// Create an account; the password is read from the first line of standard input.
    CreateUser(CreateUserArgs),
    /// Write a consistent copy of the SQLite database to a new FILE, while it serves.
    Backup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Put the backup FILE in the place of the SQLite database (stop the server first; the
    /// database it replaces is kept beside it).
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
struct CreateUserArgs {
    #[arg(long)]
    username: String,
    #[arg(long)]
    full_name: String,
    /// admin, lecturer, supervisor or learner; repeat for several.
    #[arg(long = "role", required = true, value_parser = parse_role)]
    roles: Vec<Role>,
    /// Code of the user's org unit, e.g. VN-LCI.
    #[arg(long)]
    org_unit: Option<String>,
}

fn parse_role(code: &str) -> Result<Role, String> {
    Role::from_code(code)
        .ok_or_else(|| format!("unknown role {code:?}: use admin, lecturer, supervisor or learner"))
}

/// The command line of this process.
pub async fn run() -> ExitCode {
    run_from(std::env::args_os()).await
}

/// The command line `args` (the program's name first), as the binary runs it; tests run
/// the documented commands through it in processes of their own.
pub async fn run_from<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    crate::allocator::configure();
    let cli = Cli::parse_from(args);
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("fieldschool: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => connect_and_migrate(&settings)
            .await
            .map(|_| {
                println!("Database is up to date.");
            })
            .map_err(|e| e.to_string()),
        Command::SeedDemo => seed_demo(settings).await,
        Command::CreateUser(args) => create_user(settings, args).await,
        Command::Backup { file } => backup(settings, file).await,
        Command::Restore { file } => restore(settings, file).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("fieldschool: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let host = settings.server.host;
    let app = Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(address = %format!("http://{host}:{}", app.port()), "Fieldschool is listening");
    app.run_until_stopped().await.map_err(|e| e.to_string())
}

async fn backup(settings: Settings, file: PathBuf) -> Result<(), String> {
    let db = crate::db::connect(&settings.database)
        .await
        .map_err(|e| e.to_string())?;
    crate::backup::backup(&db, &file)
        .await
        .map_err(|e| e.to_string())?;
    println!("Backed up to {}.", file.display());
    Ok(())
}

async fn restore(settings: Settings, file: PathBuf) -> Result<(), String> {
    let url = settings.database.url.expose();
    let database = crate::db::sqlite_file(url).ok_or(
        "restore puts a SQLite file in place; restore PostgreSQL with pg_restore (docs/DEPLOY.md)",
    )?;
    let kept = crate::backup::restore(&file, database)
        .await
        .map_err(|e| e.to_string())?;
    println!("Restored {} to {}.", file.display(), database.display());
    if let Some(kept) = kept {
        println!("The database it replaced is kept as {}.", kept.display());
    }
    Ok(())
}

async fn seed_demo(settings: Settings) -> Result<(), String> {
    let db = connect_and_migrate(&settings)
        .await
        .map_err(|e| e.to_string())?;
    let hasher = PasswordHasher::new(settings.security.max_concurrent_hashes);
    let report = seed::seed_demo(&db, &hasher)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Demo data: {} org units, {} positions, {} users, {} competencies, {} courses, {} cohorts, {} learners' progress, {} pieces of competency evidence added (existing rows kept).",
        report.org_units_added,
        report.positions_added,
        report.users_added,
        report.competencies_added,
        report.courses_added,
        report.cohorts_added,
        report.learners_progressed,
        report.evidence_added
    );
    println!("Demo sign-ins (demo data only):");
    for account in DEMO_ACCOUNTS {
        let roles: Vec<&str> = account.roles.iter().map(|(r, _)| r.code()).collect();
        println!(
            "  {:<12} {:<24} {}",
            account.username,
            account.password,
            roles.join(", ")
        );
    }
    println!(
        "  lc.*         {:<24} learner (24 cadres of a finished class, e.g. lc.sung)",
        seed::DEMO_CADRE_PASSWORD
    );
    Ok(())
}

async fn create_user(settings: Settings, args: CreateUserArgs) -> Result<(), String> {
    eprintln!(
        "Password for {} (8 to 128 characters), then Enter:",
        args.username
    );
    let password = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map(|_| line)
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| format!("could not read the password: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    let db = connect_and_migrate(&settings)
        .await
        .map_err(|e| e.to_string())?;
    let hasher = PasswordHasher::new(settings.security.max_concurrent_hashes);
    let mut problems = Vec::new();
    let org_unit_id = match &args.org_unit {
        Some(code) => {
            let id = directory::unit_id_by_code(&db, code)
                .await
                .map_err(|e| e.to_string())?;
            if id.is_none() {
                problems.push(format!("org_unit: no org unit has the code {code:?}"));
            }
            id
        }
        None => None,
    };
    let new = NewUser {
        username: args.username,
        full_name: args.full_name,
        password,
        email: None,
        phone: None,
        org_unit_id,
        position_id: None,
        grants: args
            .roles
            .into_iter()
            .map(|role| RoleGrant {
                role,
                scope_org_unit_id: None,
            })
            .collect(),
        locale: Locale::Vi,
    };
    problems.splice(
        0..0,
        users::validate(&new)
            .iter()
            .map(|p| format!("{}: {}", p.field, p.problem.word(Locale::En))),
    );
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    match users::create(&db, &hasher, new).await {
        Ok(id) => {
            println!("Created user {id}.");
            Ok(())
        }
        Err(UserError::Invalid(problems)) => Err(problems
            .iter()
            .map(|p| format!("{}: {}", p.field, p.problem.word(Locale::En)))
            .collect::<Vec<_>>()
            .join("; ")),
        Err(e) => Err(e.to_string()),
    }
}
