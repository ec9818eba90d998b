//! docs/keys.md is the key table: it lists exactly the table's bindings, so it cannot drift.
use status_tutor::keys::{self, BINDINGS};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");

#[test]
fn docs_keys_md_is_the_key_table() {
    let written = keys::markdown();
    if std::env::var_os("STATUS_TUTOR_WRITE_KEYS_DOC").is_some() {
        std::fs::write(PATH, &written).unwrap();
    }
    let doc = std::fs::read_to_string(PATH).expect("docs/keys.md exists");
    assert!(
        doc == written,
        "docs/keys.md differs from the key table: STATUS_TUTOR_WRITE_KEYS_DOC=1 cargo test --test keys_doc"
    );
}

#[test]
fn every_binding_has_one_row_and_every_row_a_binding() {
    let doc = std::fs::read_to_string(PATH).expect("docs/keys.md exists");
    let rows: Vec<&str> = doc.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), BINDINGS.len(), "one row per binding");
    for binding in BINDINGS {
        let first = format!("`{}`", binding.first_label().split(' ').next().unwrap_or_default());
        assert!(
            rows.iter().any(|r| r.contains(&first) && r.contains(binding.description)),
            "no row for {:?} in {:?}",
            binding.action,
            binding.context
        );
    }
}
