//! Runs the real `bti-check` binary on files written to a fresh folder, as an
//! editor would run it there: output names the files as given.

use std::process::Command;

/// Writes `files` (name, bytes) into a folder of their own, runs `bti-check` on
/// the first one from inside that folder; returns the exit code and stdout.
pub fn bti_check(tag: &str, files: &[(&str, &[u8])]) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("bti-check-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bti-check"))
        .current_dir(&dir)
        .arg(files[0].0)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}
