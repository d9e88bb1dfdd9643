//! The `fieldschool` binary's subcommands, run as a person runs them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Runs the binary in an empty folder with its own SQLite database.
    fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fieldschool"))
            .args(args)
            .current_dir(self.dir.path())
            .env("DATABASE_URL", "sqlite://data/cli.db")
            .env("FIELDSCHOOL_LOG__FILTER", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn seed_demo_is_idempotent_and_prints_the_sign_ins() {
    let ws = Workspace::new();
    let first = ws.run(&["seed-demo"], "");
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    assert!(
        out.contains(
            "18 org units, 15 positions, 7 users, 9 competencies, 1 courses, 1 cohorts, 2 learners' progress, 1152 pieces of competency evidence added"
        ),
        "{out}"
    );
    assert!(
        out.contains("admin") && out.contains("truong-chinh-tri-2026"),
        "{out}"
    );
    assert!(
        out.contains("can-bo-lao-cai"),
        "the finished class's password: {out}"
    );
    assert!(
        ws.dir.path().join("data/cli.db").exists(),
        "the database file is created"
    );

    let second = ws.run(&["seed-demo"], "");
    assert!(second.status.success());
    assert!(
        text(&second.stdout).contains(
            "0 org units, 0 positions, 0 users, 0 competencies, 0 courses, 0 cohorts, 0 learners' progress, 0 pieces of competency evidence added"
        )
    );
}

#[test]
fn create_user_reads_the_password_and_refuses_duplicates_and_bad_input() {
    let ws = Workspace::new();
    let args = [
        "create-user",
        "--username",
        "lan.nguyen",
        "--full-name",
        "Nguyễn Thị Lan",
        "--role",
        "lecturer",
    ];
    let created = ws.run(&args, "mật khẩu của Lan\n");
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(text(&created.stdout).starts_with("Created user "));

    let again = ws.run(&args, "mật khẩu của Lan\n");
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("taken"),
        "{}",
        text(&again.stderr)
    );

    let bad = ws.run(
        &[
            "create-user",
            "--username",
            "X",
            "--full-name",
            "A",
            "--role",
            "learner",
            "--org-unit",
            "NOPE",
        ],
        "short\n",
    );
    assert!(!bad.status.success());
    let err = text(&bad.stderr);
    for field in ["username", "password", "org_unit"] {
        assert!(err.contains(field), "{field} not reported: {err}");
    }

    let unknown_role = ws.run(
        &[
            "create-user",
            "--username",
            "a.b",
            "--full-name",
            "A",
            "--role",
            "root",
        ],
        "",
    );
    assert!(!unknown_role.status.success());
    assert!(text(&unknown_role.stderr).contains("unknown role"));
}

#[test]
fn migrate_applies_the_schema_and_unknown_settings_stop_start_up() {
    let ws = Workspace::new();
    let migrated = ws.run(&["migrate"], "");
    assert!(migrated.status.success(), "{}", text(&migrated.stderr));
    assert!(text(&migrated.stdout).contains("up to date"));

    let mut child = Command::new(env!("CARGO_BIN_EXE_fieldschool"))
        .arg("migrate")
        .current_dir(ws.dir.path())
        .env("FIELDSCHOOL_DATABSE__URL", "sqlite://typo.db")
        .output()
        .unwrap();
    assert_eq!(child.status.code(), Some(2));
    child.stderr.truncate(2000);
    assert!(
        text(&child.stderr).contains("databse"),
        "{}",
        text(&child.stderr)
    );
}
