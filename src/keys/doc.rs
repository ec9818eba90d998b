//! docs/keys.md, written from the key table so the document cannot drift from the keys.
use super::{Context, bindings};

/// The whole of docs/keys.md: every binding of every screen, in table order.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Keys\n\n\
         Generated from the key table (`src/keys/table.rs`), which also writes the help overlay\n\
         (`?`) and the status-bar hints. `tests/keys_doc.rs` fails when this file and the table\n\
         differ; `STATUS_TUTOR_WRITE_KEYS_DOC=1 cargo test --test keys_doc` writes it again.\n\n\
         The same everywhere: `q` quits or goes back, `?` is this help, `/` searches, `Esc`\n\
         cancels (in the reader it also forgets the last search), `→` is the next page,\n\
         `PgUp`/`PgDn` (`Ctrl-B`/`Ctrl-F`) a screen and `Ctrl-U`/`Ctrl-D` half a screen\n\
         wherever there is scrolling, `%` or `P` your progress. `n` is always \"next\" (the\n\
         next match, answer or exercise) except in a yes/no question, where it is \"no\";\n\
         `p` is \"previous\", `s` skips a quiz question, `c` shows or hides the contents,\n\
         `z` pauses a round, `h` is the next hint and `H` the whole solution. A letter that\n\
         means something else on one screen (`r`: read the page in the quiz, run the checks\n\
         in practice) is shown in that screen's status bar.\n",
    );
    for context in Context::ALL {
        out.push_str(&format!("\n## {}\n\n| Keys | What they do |\n|---|---|\n", context.title()));
        for binding in bindings(context) {
            let keys = binding.label().split(' ').map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" ");
            out.push_str(&format!("| {} | {} |\n", keys.replace('|', "\\|"), binding.description.replace('|', "\\|")));
        }
    }
    out.push_str(
        "\n## Mouse\n\n| Keys | What they do |\n|---|---|\n\
         | wheel | scrolls the pane under the pointer |\n\
         | click | opens a contents entry; answers a quiz choice; selects an exercise |\n",
    );
    out
}
