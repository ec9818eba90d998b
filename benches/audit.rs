//! `status-tutor audit` against `ruff check` on the same tree, in the same run.
//!
//! `cargo build --release && cargo bench --bench audit`. The tree is
//! `$STATUS_TUTOR_AUDIT_TREE`; else `target/audit-bench/` (real Django projects checked out
//! there by hand, never committed); else a generated tree of about 200,000 lines under
//! `target/audit-bench-generated/`, copies of the fixture project's files with the names
//! changed. ruff is `$RUFF`, else `ruff` on the PATH, else `/tmp/ruff-venv/bin/ruff`
//! (`python3 -m venv /tmp/ruff-venv && /tmp/ruff-venv/bin/pip install ruff`). Runs take
//! turns (audit, ruff, audit, ...) so a change in the machine's load touches both alike;
//! ruff runs with `--no-cache`, as a first run would. The target: audit at most 2x ruff.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs once on a small
//! generated tree, as a smoke test that both commands run.

#[path = "support/binary.rs"]
mod binary;
use binary::binary;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const RUNS: usize = 7;
const FIXTURE: &str = "tests/fixtures/audit-project/shop";

fn main() -> Result<()> {
    let bench = std::env::args().any(|arg| arg == "--bench");
    let bin = binary(bench)?;
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let _scratch;
    let tree = if !bench {
        _scratch = tempfile::tempdir()?;
        generate(_scratch.path(), 2_000)?;
        _scratch.path().to_path_buf()
    } else if let Ok(tree) = std::env::var("STATUS_TUTOR_AUDIT_TREE") {
        PathBuf::from(tree)
    } else if manifest.join("target/audit-bench").is_dir() {
        manifest.join("target/audit-bench")
    } else {
        let tree = manifest.join("target/audit-bench-generated");
        if !tree.is_dir() {
            generate(&tree, 200_000)?;
        }
        tree
    };
    let (files, lines) = count(&tree);
    println!("audit: {bin} on {} ({files} Python files, {lines} lines)", tree.display());
    let runs = if bench { RUNS } else { 1 };
    let ruff = find_ruff();
    // The audit as users run it, and the most it can do (every rule, test code too).
    let plain: &[&str] = &["audit"];
    let most: &[&str] = &["audit", "--select", "all", "--tests"];
    let ruff_args: &[&str] = &["check", "--no-cache", "--exit-zero", "--quiet"];
    // One untimed run of each warms the page cache.
    for args in [plain, most] {
        let code = run(&bin, args, &tree)?.1;
        if code != Some(0) && code != Some(1) {
            return Err(format!("{args:?} exited with {code:?}").into());
        }
    }
    if let Some(ruff) = &ruff {
        run(ruff, ruff_args, &tree)?;
    }
    let (mut audit, mut all, mut checked) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        audit.push(run(&bin, plain, &tree)?.0);
        if let Some(ruff) = &ruff {
            checked.push(run(ruff, ruff_args, &tree)?.0);
        }
        all.push(run(&bin, most, &tree)?.0);
    }
    let (audit, all) = (median(audit), median(all));
    println!("status-tutor audit: median {:.0} ms of {runs}", millis(audit));
    println!("status-tutor audit --select all --tests: median {:.0} ms of {runs}", millis(all));
    match ruff {
        Some(ruff) => {
            let checked = median(checked);
            println!("{ruff} check --no-cache: median {:.0} ms of {runs}", millis(checked));
            println!("ratio audit / ruff: {:.2} (target: at most 2.00)", millis(audit) / millis(checked));
            println!("ratio audit --select all --tests / ruff: {:.2}", millis(all) / millis(checked));
        }
        None => println!("ruff not found (set RUFF): no ratio"),
    }
    Ok(())
}

/// Runs `program args tree`, output discarded; its wall time and exit code.
fn run(program: &str, args: &[&str], tree: &Path) -> Result<(Duration, Option<i32>)> {
    let started = Instant::now();
    let status = Command::new(program).args(args).arg(tree).stdout(Stdio::null()).stderr(Stdio::null()).status()?;
    Ok((started.elapsed(), status.code()))
}

fn find_ruff() -> Option<String> {
    if let Ok(ruff) = std::env::var("RUFF") {
        return Some(ruff);
    }
    let on_path = Command::new("ruff").arg("--version").stdout(Stdio::null()).status().is_ok_and(|s| s.success());
    if on_path {
        return Some("ruff".into());
    }
    Path::new("/tmp/ruff-venv/bin/ruff").is_file().then(|| "/tmp/ruff-venv/bin/ruff".into())
}

/// Python files and lines the audit reads (gitignore and hidden files honoured, as it does).
fn count(tree: &Path) -> (usize, usize) {
    let mut files = 0;
    let mut lines = 0;
    for entry in ignore::WalkBuilder::new(tree).require_git(false).build().flatten() {
        if entry.path().extension().is_some_and(|e| e == "py") && entry.file_type().is_some_and(|t| t.is_file()) {
            files += 1;
            lines += std::fs::read(entry.path()).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        }
    }
    (files, lines)
}

/// Writes about `lines` lines of Django views under `tree`: the fixture project's files,
/// copied into numbered apps with their function names made unique.
fn generate(tree: &Path, lines: usize) -> Result<()> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    for name in ["views.py", "api.py"] {
        sources.push(std::fs::read_to_string(manifest.join(FIXTURE).join(name))?);
    }
    let per_copy: usize = sources.iter().map(|s| s.lines().count()).sum();
    for app in 0..lines.div_ceil(per_copy) {
        let dir = tree.join(format!("app{}/views", app / 50)).join(format!("part{app}"));
        std::fs::create_dir_all(&dir)?;
        for (index, source) in sources.iter().enumerate() {
            let renamed = source.replace("def ", &format!("def a{app}_")).replace("class ", &format!("class A{app}"));
            std::fs::write(dir.join(format!("m{index}.py")), renamed)?;
        }
    }
    Ok(())
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
