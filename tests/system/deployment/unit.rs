//! The documented systemd unit, `docs/deploy/fieldschool@.service`: every instance the
//! tests start runs its `ExecStart=` with its `Environment=`, and `systemd-analyze` checks
//! the file itself (it parses, names only keys systemd knows, and confines the process).

use std::path::Path;

use crate::helpers::{env_flag, workspace_root};

const UNIT: &str = "docs/deploy/fieldschool@.service";
/// Where docs/DEPLOY.md installs the binary and the configuration.
const BINARY: &str = "/opt/fieldschool/fieldschool";
const CONFIG: &str = "/etc/fieldschool/fieldschool.toml";
/// The most exposure `systemd-analyze security` may find, in its tenths (1.5 of 10).
const MOST_EXPOSURE: &str = "15";

fn unit() -> String {
    std::fs::read_to_string(workspace_root().join(UNIT)).expect("the documented unit")
}

/// The values of `key=` in the unit, `%i` being `instance`.
fn values(unit: &str, key: &str, instance: &str) -> Vec<String> {
    let prefix = format!("{key}=");
    unit.lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.replace("%i", instance))
        .collect()
}

/// What systemd runs for `fieldschool@{port}`: the arguments of `ExecStart=` (the
/// configuration being `fieldschool.toml` of the test's folder) and the variables of
/// `Environment=`.
pub(crate) fn instance(port: u16) -> (Vec<String>, Vec<(String, String)>) {
    let unit = unit();
    let port = port.to_string();
    let exec = values(&unit, "ExecStart", &port);
    let [exec] = exec.as_slice() else {
        panic!("one ExecStart in the unit: {exec:?}");
    };
    let mut words = exec.split_whitespace();
    assert_eq!(
        words.next(),
        Some(BINARY),
        "the unit runs the installed binary"
    );
    let args = words
        .map(|w| if w == CONFIG { "fieldschool.toml" } else { w }.to_owned())
        .collect();
    let environment = values(&unit, "Environment", &port)
        .iter()
        .map(|pair| {
            let (name, value) = pair.split_once('=').expect("NAME=value");
            (name.to_owned(), value.to_owned())
        })
        .collect();
    (args, environment)
}

/// `systemd-analyze`, or `None` (the test skipped) where it is missing and not required.
fn analyzer() -> Option<&'static str> {
    const ANALYZE: &str = "/usr/bin/systemd-analyze";
    if Path::new(ANALYZE).exists() {
        return Some(ANALYZE);
    }
    assert!(
        !env_flag("FIELDSCHOOL_TEST_REQUIRE_BROWSER"),
        "the deployment tests are required but systemd-analyze is missing"
    );
    eprintln!("skipped: systemd-analyze is not installed");
    None
}

#[test]
fn the_unit_is_valid_and_confines_the_instance() {
    let Some(analyze) = analyzer() else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    // As installed, but naming a binary that exists here.
    let binary = std::env::current_exe().unwrap().display().to_string();
    let installed = folder.path().join("fieldschool@3001.service");
    std::fs::write(&installed, unit().replace(BINARY, &binary)).unwrap();
    let installed = installed.display().to_string();

    let verified = std::process::Command::new(analyze)
        .args(["verify", &installed])
        .output()
        .unwrap();
    let complaints = String::from_utf8_lossy(&verified.stderr);
    assert!(
        verified.status.success() && complaints.trim().is_empty(),
        "systemd accepts every line of the unit: {complaints}"
    );

    let security = std::process::Command::new(analyze)
        .args([
            "security",
            "--offline=yes",
            "--no-pager",
            &format!("--threshold={MOST_EXPOSURE}"),
            &installed,
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&security.stdout);
    let overall = report
        .lines()
        .find(|l| l.contains("Overall exposure level"))
        .unwrap_or_default();
    eprintln!("{overall}");
    assert!(
        security.status.success(),
        "the unit confines the instance (exposure at most {MOST_EXPOSURE} tenths): {report}"
    );
}

#[test]
fn systemd_waits_for_the_grace_before_it_kills() {
    let unit = unit();
    let timeout: u64 = values(&unit, "TimeoutStopSec", "")
        .first()
        .and_then(|v| v.parse().ok())
        .expect("TimeoutStopSec in seconds");
    let config =
        std::fs::read_to_string(workspace_root().join("docs/deploy/fieldschool.toml")).unwrap();
    let grace: u64 = config
        .lines()
        .find_map(|l| l.strip_prefix("shutdown_grace_secs = "))
        .and_then(|v| v.trim().parse().ok())
        .expect("the documented grace");
    assert!(
        timeout > grace,
        "requests in flight get their {grace} s before systemd kills after {timeout} s"
    );
}
