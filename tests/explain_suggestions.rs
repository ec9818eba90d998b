//! `explain` with a typo suggests only close matches.
use status_tutor::commands::explain;
use status_tutor::content::{embedded, load};

fn suggestions(query: &str) -> String {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    match explain::find(&course, query) {
        Ok(subject) => panic!("{query} was found: {subject:?}"),
        Err(message) => message,
    }
}

#[test]
fn explain_suggests_only_close_matches() {
    let foo = suggestions("foo");
    assert!(!foo.contains("Did you mean"), "nothing is close to foo: {foo}");
    assert!(foo.contains("Try a number"), "{foo}");
    for (typo, meant) in [
        ("HttpResponseGon", "HttpResponseGone"),
        ("login_requird", "login_required"),
        ("responsegone", "HttpResponseGone"),
    ] {
        let message = suggestions(typo);
        assert!(message.contains(meant), "{typo} should suggest {meant}: {message}");
        assert!(!message.contains(" OK"), "{typo}: {message}");
    }
}
