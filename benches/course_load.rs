//! The built-in course loaded both ways: decoded from the compact form compiled in (what a
//! launch does) and parsed and validated from the embedded TOML (what a launch did before,
//! and what `check` does).
//!
//! `cargo bench --bench course_load` prints medians. For instruction counts, which do not
//! change with the machine's load, run the bench binary under callgrind with one mode:
//! `valgrind --tool=callgrind target/release/deps/course_load-* compact` (or `toml`) and
//! compare the totals ("Collected"); both include the same process start.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it loads each once.
use std::hint::black_box;
use std::time::{Duration, Instant};

use status_tutor::content::{Course, CourseFiles, embedded, load};

fn compact() -> Course {
    embedded::course().expect("the compiled-in course decodes")
}

fn toml() -> Course {
    load(&CourseFiles::embedded()).expect("the built-in course loads").course
}

fn median(f: fn() -> Course, rounds: usize) -> Duration {
    let mut samples: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "compact") {
        black_box(compact());
        return;
    }
    if args.iter().any(|a| a == "toml") {
        black_box(toml());
        return;
    }
    let rounds = if args.iter().any(|a| a == "--bench") { 200 } else { 1 };
    assert_eq!(compact(), toml(), "the two forms give the same course");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("built-in course, compact form decoded: {:7.3} ms median", ms(median(compact, rounds)));
    println!("built-in course, TOML parsed + checked: {:7.3} ms median", ms(median(toml, rounds)));
}
