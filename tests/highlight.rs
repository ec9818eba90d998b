//! Python highlighting: every course sample round-trips, key tokens get their kinds, and
//! arbitrary input never panics.
use proptest::prelude::*;
use status_tutor::highlight::{TokenKind, highlight, highlight_python, is_supported};
use std::collections::HashSet;
use std::path::Path;

/// Asserts the highlighter's contract: one entry per `lines()` line, spans concatenate to it.
fn assert_round_trip(language: &str, source: &str) {
    let highlighted = highlight(language, source);
    let lines: Vec<&str> = source.lines().collect();
    assert_eq!(highlighted.len(), lines.len(), "line count for {source:?}");
    for (spans, line) in highlighted.iter().zip(&lines) {
        let joined: String = spans.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(&joined, line);
        assert!(spans.iter().all(|(_, text)| !text.is_empty()), "empty span in {spans:?}");
    }
}

/// Every code block in content/pages, as (file, language, source).
fn course_samples() -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/pages");
    let mut samples = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("content/pages").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let text = std::fs::read_to_string(path).expect("page file");
        let page: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let blocks = page.get("blocks").and_then(toml::Value::as_array).cloned().unwrap_or_default();
        for block in blocks.iter().filter(|b| b.get("kind").and_then(toml::Value::as_str) == Some("code")) {
            let source = block.get("source").and_then(toml::Value::as_str).expect("code block has a source");
            let language = block.get("language").and_then(toml::Value::as_str).unwrap_or("python");
            samples.push((path.display().to_string(), language.to_string(), source.to_string()));
        }
    }
    samples
}

#[test]
fn every_course_sample_round_trips() {
    let samples = course_samples();
    assert!(samples.len() >= 20, "found only {} code samples", samples.len());
    for (_, language, source) in &samples {
        assert_round_trip(language, source);
    }
}

#[test]
fn course_python_samples_are_highlighted() {
    for (file, language, source) in course_samples().iter().filter(|(_, l, _)| is_supported(l)) {
        let kinds: HashSet<TokenKind> = highlight(language, source).into_iter().flatten().map(|(k, _)| k).collect();
        assert!(kinds.len() >= 4, "{file}: only {kinds:?} in {source}");
    }
}

/// The kind of the first span whose text is exactly `text`.
fn kind_of(source: &str, text: &str) -> Option<TokenKind> {
    highlight_python(source).into_iter().flatten().find(|(_, t)| t == text).map(|(k, _)| k)
}

const VIEW: &str = r#"from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse

MAX_ITEMS = 20  # per page

@login_required
@require_http_methods(["GET"])
def article_detail(request, article_id: int):
    """Return one article."""
    # fetch it
    if not Article.objects.filter(id=article_id).exists():
        raise Http404(f"No article {article_id!r}")
    return JsonResponse({'title': 'text', 'n': len(request.GET)}, status=404)

class ArticleView(View):
    ratio = 1.5
    missing = None
"#;

#[test]
fn token_kinds() {
    use TokenKind::*;
    let cases = [
        ("def", Keyword),
        ("return", Keyword),
        ("import", Keyword),
        ("class", Keyword),
        ("# fetch it", Comment),
        ("# per page", Comment),
        ("'text'", String),
        ("\"\"\"Return one article.\"\"\"", String),
        ("@login_required", Decorator),
        ("@require_http_methods", Decorator),
        ("404", Number),
        ("1.5", Number),
        ("article_detail", Function),
        ("exists", Function),
        ("ArticleView", Class),
        ("JsonResponse", Class),
        ("len", Builtin),
        ("int", Builtin),
        ("None", Constant),
        ("MAX_ITEMS", Constant),
        ("=", Operator),
        ("not", Operator),
        ("(", Punctuation),
    ];
    for (text, kind) in cases {
        assert_eq!(kind_of(VIEW, text), Some(kind), "{text}");
    }
}

#[test]
fn f_string_interpolations_are_code() {
    let spans: Vec<_> = highlight_python("x = f'a{len(y)}b'").into_iter().flatten().collect();
    let expected = [
        (TokenKind::Plain, "x "),
        (TokenKind::Operator, "="),
        (TokenKind::Plain, " "),
        (TokenKind::String, "f'a"),
        (TokenKind::Punctuation, "{"),
        (TokenKind::Builtin, "len"),
        (TokenKind::Punctuation, "("),
        (TokenKind::Plain, "y"),
        (TokenKind::Punctuation, ")}"),
        (TokenKind::String, "b'"),
    ];
    let expected: Vec<_> = expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
    assert_eq!(spans, expected);
}

#[test]
fn multi_line_strings_colour_every_line() {
    let source = "s = '''one\ntwo\n'''\n# done";
    let lines = highlight_python(source);
    assert_eq!(lines[1], vec![(TokenKind::String, "two".to_string())]);
    assert_eq!(lines[2], vec![(TokenKind::String, "'''".to_string())]);
    assert_eq!(lines[3], vec![(TokenKind::Comment, "# done".to_string())]);
}

#[test]
fn other_languages_are_plain() {
    let source = "POST /login HTTP/1.1\r\nHost: example.com\n\nbody";
    let lines = highlight("text", source);
    assert_eq!(
        lines,
        vec![
            vec![(TokenKind::Plain, "POST /login HTTP/1.1".to_string())],
            vec![(TokenKind::Plain, "Host: example.com".to_string())],
            vec![],
            vec![(TokenKind::Plain, "body".to_string())],
        ]
    );
    assert!(is_supported("Python") && is_supported("py") && !is_supported("text") && !is_supported(""));
    assert_eq!(kind_of("def f(): pass", "def"), Some(TokenKind::Keyword));
}

#[test]
fn broken_and_odd_input_round_trips() {
    let inputs = [
        "",
        "\n",
        "\n\n\r\n",
        "def (",
        "s = 'unterminated\nx = 1",
        "s = \"\"\"never closed\n\n",
        "f'{'",
        "f\"{x!r:>{width}}\" \\\n  + 1",
        "é = 'ünïcödé' # 日本語 🎉\r\n",
        "\0\u{feff}\t\r",
        "\r",
        "x\ry\n",
        "@\n@@\n@x(\n",
        "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
        "class:\n  def\n\tmatch case type _:",
        "\u{2028}\u{0085}a",
    ];
    for input in inputs {
        assert_round_trip("python", input);
    }
    let deep = "[".repeat(50_000);
    assert_round_trip("python", &deep);
}

proptest! {
    #[test]
    fn arbitrary_text_round_trips(source in any::<String>()) {
        assert_round_trip("python", &source);
    }

    #[test]
    fn python_like_text_round_trips(source in r#"([a-z_ ]{0,6}|def|class|@|#|'|"|'''|"""|f'|\{|\}|\(|\)|:|\\|\n|\r\n|\t|=|[0-9.]{1,4}|é|🎉){0,60}"#) {
        assert_round_trip("python", &source);
    }
}
