//! Where the output goes: a reader that stops early is not an error; a full disk is, in one
//! line.

use std::io::Read;
use std::process::Stdio;

use assert_cmd::cargo::cargo_bin;

use super::{MINIMAL, finish};
use crate::support::TIMEOUT;

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Megabytes of SVG: the pipe closes long before the binary has written them.
    // Spawned, not run to its end as `assert_cmd` does, so that the test can close the pipe.
    let mut child = std::process::Command::new(cargo_bin!("shenzhen-dash"))
        .args([
            "snapshot", "--tab", "all", "--size", "1000x500", "--format", "svg",
        ])
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0; 7];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert_eq!(&head, b"<svg xm");
    let output = child.wait_with_output().unwrap(); // stdout dropped: the pipe is closed
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!((output.status.code(), stderr.as_ref()), (Some(0), ""));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_in_one_line() {
    for args in [
        &["snapshot"][..],
        &["snapshot", "--format", "html"],
        &["snapshot", "--format", "png"],
        &["export"],
        &["export", "--format", "json"],
        &["check", MINIMAL],
    ] {
        // `assert_cmd` pipes stdout; the shell points the binary's at /dev/full instead.
        let mut command = assert_cmd::Command::new("sh");
        command
            .args(["-c", r#"exec "$0" "$@" >/dev/full"#])
            .arg(cargo_bin!("shenzhen-dash"))
            .args(args)
            .write_stdin("")
            .timeout(TIMEOUT);
        let run = finish(command);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (
                1,
                "shenzhen-dash: cannot write the output: No space left on device (os error 28)\n"
            ),
            "{args:?}"
        );
    }
}
