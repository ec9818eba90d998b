//! Python highlighting speed: `cargo bench --bench highlight`.
//!
//! Prints the median cold first call (each in a fresh process, so it includes any one-time
//! set-up and cold caches) and the median warm call, for a typical 31-line Django view and
//! for the course's own code samples. Under `cargo test --all-targets` (no `--bench` argument)
//! each measurement runs only a few times, as a smoke test.
use status_tutor::highlight::{highlight, highlight_python};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A typical sample: imports, decorators, docstrings, comments, an f-string, numbers.
const DJANGO_VIEW: &str = r#""""Views for the articles app: answers 200, 201, 404 and 405."""
from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import Article

PAGE_SIZE = 20  # articles per page


@login_required
@require_http_methods(["GET", "POST"])
def article_detail(request, article_id: int):
    # get_object_or_404 raises Http404 when the row is missing
    article = get_object_or_404(Article, id=article_id)
    if request.method == 'POST':
        article.title = request.POST.get('title', '').strip()
        article.save()
        return JsonResponse({'id': article.id}, status=201)
    return JsonResponse({'title': article.title, 'views': article.views + 1})


class ArticleGone(Exception):
    """Raised for articles removed on purpose (410)."""


def custom_404(request, exception=None):
    raise Http404(f"No article at {request.path!r} (page {len(request.GET) or 1})")
"#;

const CHILD_ENV: &str = "STATUS_TUTOR_BENCH_CHILD";

/// Whether this is a real benchmark run (`cargo bench` passes `--bench`) or a smoke test.
fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

fn main() {
    if std::env::var_os(CHILD_ENV).is_some() {
        let start = Instant::now();
        let lines = highlight_python(DJANGO_VIEW);
        println!("{} {}", start.elapsed().as_nanos(), lines.len());
        return;
    }
    println!("cold first call, 31-line Django view: {}", cold_first_call());
    println!("warm call, 31-line Django view:       {}", fmt(median_call(|| highlight_python(DJANGO_VIEW))));
    let samples = course_samples();
    let total = median_call(|| samples.iter().map(|(lang, src)| highlight(lang, src).len()).sum::<usize>());
    let lines: usize = samples.iter().map(|(_, src)| src.lines().count()).sum();
    println!("warm, all {} course samples ({lines} lines): {}", samples.len(), fmt(total));
    if let Some((lang, src)) = samples.iter().max_by_key(|(_, src)| src.len()) {
        let n = src.lines().count();
        println!("warm, largest course sample ({n} lines):   {}", fmt(median_call(|| highlight(lang, src))));
    }
}

/// Median over fresh processes of the first call's duration.
fn cold_first_call() -> String {
    let Ok(exe) = std::env::current_exe() else { return "unavailable (no current_exe)".into() };
    let processes = if measuring() { 41 } else { 3 };
    let mut times: Vec<Duration> = (0..processes)
        .filter_map(|_| Command::new(&exe).env(CHILD_ENV, "1").output().ok())
        .filter_map(|out| String::from_utf8(out.stdout).ok()?.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .collect();
    times.sort_unstable();
    match times.get(times.len() / 2) {
        Some(median) => format!("{} (median of {} processes)", fmt(*median), times.len()),
        None => "unavailable (child runs failed)".into(),
    }
}

/// Median duration of `f` over enough runs to take about half a second.
fn median_call<T>(mut f: impl FnMut() -> T) -> Duration {
    let warm_up = Instant::now();
    std::hint::black_box(f());
    let runs = if measuring() {
        (Duration::from_millis(500).as_nanos() / warm_up.elapsed().as_nanos().max(1)).clamp(11, 5000)
    } else {
        1
    };
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn fmt(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// (language, source) of every code block in content/pages.
fn course_samples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/pages");
    let mut samples = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return samples };
    for path in entries.flatten().map(|e| e.path()) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let Ok(page) = toml::from_str::<toml::Table>(&text) else { continue };
        let Some(blocks) = page.get("blocks").and_then(toml::Value::as_array) else { continue };
        for block in blocks.iter().filter(|b| b.get("kind").and_then(toml::Value::as_str) == Some("code")) {
            if let Some(source) = block.get("source").and_then(toml::Value::as_str) {
                let language = block.get("language").and_then(toml::Value::as_str).unwrap_or("python");
                samples.push((language.to_string(), source.to_string()));
            }
        }
    }
    samples
}
