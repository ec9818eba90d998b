//! The cards `explain` writes, against the built-in course.
use super::{Paint, wrapped};

#[test]
fn rows_wrap_at_the_terminal_width_under_themselves() {
    let mut paint = Paint::plain();
    paint.width = Some(40);
    let text = "HttpResponseNotFound (class), get_object_or_404 (shortcut), Http404 (exception)";
    let out = wrapped(text, paint, 11);
    assert!(out.lines().all(|l| l.trim_start().chars().count() <= 29), "{out}");
    assert!(out.lines().skip(1).all(|l| l.starts_with(&" ".repeat(11))), "{out}");
    assert_eq!(out.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
}

fn course() -> crate::content::Course {
    crate::content::load(&crate::content::embedded::files()).expect("the built-in course loads").course
}

fn card(query: &str, width: Option<usize>) -> String {
    let course = course();
    let subject = super::find(&course, query).unwrap_or_else(|e| panic!("{query}: {e}"));
    let mut paint = Paint::plain();
    paint.width = width;
    let mut out = Vec::new();
    super::write_card(&course, &subject, paint, &mut out).expect("writes");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn a_page_id_and_a_one_page_topic_give_the_page_card() {
    let by_id = card("404-not-found", None);
    assert!(by_id.starts_with("404 Not Found - Resource Missing  (page 404-not-found)"), "{by_id}");
    assert!(by_id.contains("get_object_or_404 (shortcut)"), "{by_id}");
    let topic = card("csrf", None);
    assert!(topic.starts_with("CSRF: the 403 you did not write  (page csrf)"), "{topic}");
    assert!(topic.contains("csrf_exempt (decorator)"), "{topic}");
}

#[test]
fn a_topic_of_several_pages_lists_them_in_reading_order() {
    let drf = card("drf", None);
    let ids: Vec<&str> = drf.lines().filter_map(|l| l.split("(page ").nth(1)).collect();
    assert_eq!(
        ids,
        [
            "drf-responses)",
            "drf-exceptions)",
            "drf-validation)",
            "drf-401-or-403)",
            "drf-token-auth)",
            "drf-permissions)",
            "drf-throttling)",
            "drf-csrf)",
            "drf-generic-views)",
        ],
        "{drf}"
    );
}

#[test]
fn the_401_card_names_the_drf_exceptions_whose_own_status_is_401() {
    let card_401 = card("401", None);
    let names = card_401.lines().find(|l| l.trim_start().starts_with("Names")).expect("a Names row");
    for name in ["NotAuthenticated", "AuthenticationFailed", "TokenAuthentication"] {
        assert!(names.contains(name), "{name} missing: {card_401}");
    }
    let not_authenticated = card("NotAuthenticated", None);
    assert!(not_authenticated.contains("Status   401 Unauthorized"), "{not_authenticated}");
    assert!(not_authenticated.contains("lowered to 403"), "{not_authenticated}");
}

#[test]
fn the_topics_a_drf_developer_meets_next_each_find_their_page() {
    for (topic, page) in [
        ("throttling", "(page drf-throttling)"),
        ("permissions", "(page drf-permissions)"),
        ("pagination", "(page drf-generic-views)"),
        ("pytest", "(page testing-async-pytest)"),
        ("IsAuthenticatedOrReadOnly", "(page drf-permissions)"),
        ("UniqueValidator", "(page drf-validation)"),
        ("django.core.exceptions.ValidationError", "(page drf-validation)"),
        ("APIRequestFactory", "(page testing-apis)"),
    ] {
        let text = card(topic, None);
        assert!(text.contains(page), "{topic}: {text}");
    }
}

#[test]
fn a_code_no_page_teaches_says_so_like_the_reader() {
    assert!(card("418", None).contains("418 is not taught in this course"));
    let class = card("4xx", None);
    let teapot = class.lines().find(|l| l.contains("418 I'm a Teapot")).expect("418 is listed");
    assert!(teapot.contains("(not taught here: no page)"), "{teapot}");
    let not_found = class.lines().find(|l| l.contains("404 Not Found")).expect("404 is listed");
    assert!(!not_found.contains("not taught"), "{not_found}");
}

#[test]
fn a_dotted_name_picks_the_module_and_the_other_is_named() {
    let django = card("PermissionDenied", None);
    assert!(django.contains("from django.core.exceptions import PermissionDenied"), "{django}");
    assert!(django.contains("Also     rest_framework.exceptions.PermissionDenied"), "{django}");
    let drf = card("rest_framework.exceptions.PermissionDenied", None);
    assert!(drf.contains("from rest_framework.exceptions import PermissionDenied"), "{drf}");
    assert!(card("NotAuthenticated", None).contains("(page drf-401-or-403)"));
}

#[test]
fn every_card_wraps_at_the_width_without_splitting_words() {
    for query in ["4xx", "5xx", "csrf", "drf", "NotAuthenticated", "404", "404-not-found"] {
        let wide = card(query, None);
        let narrow = card(query, Some(72));
        assert_eq!(
            narrow.split_whitespace().collect::<Vec<_>>(),
            wide.split_whitespace().collect::<Vec<_>>(),
            "{query}: wrapping must only move words"
        );
        for line in narrow.lines() {
            let longest_word = line.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            assert!(line.chars().count() <= 72 || longest_word > 30, "{query}: too wide: {line:?}");
        }
    }
}

#[test]
fn piped_output_is_never_wrapped() {
    assert_eq!(wrapped("a long line", Paint::plain(), 11), "a long line");
}

#[test]
fn a_page_card_names_the_samples_not_to_copy() {
    let with = card("404-not-found", None);
    let flawed: Vec<&str> = with.lines().filter(|l| l.trim_start().starts_with("Flawed")).collect();
    assert_eq!(flawed.len(), 2, "{with}");
    assert!(flawed[0].contains("✗ A common mistake (from the source): three ways to answer 404"), "{with}");
    let without = card("200-ok", None);
    assert!(!without.contains("Flawed"), "{without}");
}
