//! The built-in course loaded three ways: the compiled-in course without its pages' blocks
//! (what a launch decodes), the whole compiled-in course, and the embedded TOML parsed and
//! validated (what a launch did before, and what `check` does).
//!
//! `cargo bench --bench course_load` prints medians. For instruction counts, which do not
//! change with the machine's load, run the bench binary under callgrind with one mode:
//! `valgrind --tool=callgrind target/release/deps/course_load-* head` (or `whole`, `toml`,
//! and `empty` for the process start alone) and compare the totals ("Collected").
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it loads each once.
use std::hint::black_box;
use std::time::{Duration, Instant};

use status_tutor::content::{Course, embedded, load};

fn head() -> Course {
    embedded::course_and_pages().expect("the compiled-in course decodes").0
}

fn compact() -> Course {
    embedded::course().expect("the compiled-in course decodes")
}

fn toml() -> Course {
    load(&embedded::files()).expect("the built-in course loads").course
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
    let mode = args.iter().skip(1).find(|a| !a.starts_with("--")).map(String::as_str);
    match mode {
        Some("empty") => return,
        Some("head") => return drop(black_box(head())),
        Some("whole") => return drop(black_box(compact())),
        Some("toml") => return drop(black_box(toml())),
        _ => {}
    }
    let rounds = if args.iter().any(|a| a == "--bench") { 200 } else { 1 };
    assert_eq!(compact(), toml(), "the two forms give the same course");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("built-in course, launch (no blocks):   {:7.3} ms median", ms(median(head, rounds)));
    println!("built-in course, compact form decoded: {:7.3} ms median", ms(median(compact, rounds)));
    println!("built-in course, TOML parsed + checked: {:7.3} ms median", ms(median(toml, rounds)));
}
