//! The shape of the program: `app` never imports `ui`, no circle of imports between a
//! crate's top-level modules remains (the view reads the model; never the reverse), and no
//! source file grows past the size at which it is split by concern. Both crates count:
//! the program (src/) and the course crate (crates/course/src/, which build.rs uses too).
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The source folder of every crate of the workspace.
const SOURCE_ROOTS: &[&str] = &["src", "crates/course/src"];

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Top-level module of the crate under `src` -> the top-level modules its files name as
/// `crate::x`.
fn graph(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(src);
    let mut files = Vec::new();
    sources(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src");
        let first = relative.components().next().expect("a path").as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_string();
        if ["main", "lib"].contains(&module.as_str()) {
            continue; // the binary and the crate root name everything
        }
        let text = fs::read_to_string(&file).expect("source is readable");
        let uses = graph.entry(module.clone()).or_default();
        for (at, _) in text.match_indices("crate::") {
            let name: String = text[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name != module {
                uses.insert(name);
            }
        }
    }
    graph
}

#[test]
fn app_never_imports_ui() {
    let graph = graph("src");
    assert!(graph.contains_key("app") && graph.contains_key("ui"), "modules found: {:?}", graph.keys());
    assert!(!graph["app"].contains("ui"), "app imports ui: {:?}", graph["app"]);
    assert!(graph["ui"].contains("app"), "ui reads the app model");
}

/// Known circles, each to be folded away; any other circle fails. None remain: spaced
/// review's state lives under `progress/`, the file it is saved in.
const KNOWN: &[(&str, &str)] = &[];

#[test]
fn no_circle_of_imports_between_modules() {
    for root in SOURCE_ROOTS {
        let known = if *root == "src" { KNOWN } else { &[] };
        let circle = first_circle(graph(root), known);
        assert!(circle.is_none(), "import circle in {root}: {}", circle.unwrap_or_default().join(" -> "));
    }
}

#[test]
fn the_course_crate_is_scanned_with_its_modules() {
    // Guards the scan itself: a moved folder would otherwise make the rules pass on nothing.
    let graph = graph("crates/course/src");
    assert!(["content", "quiz", "sanitize"].iter().all(|m| graph.contains_key(*m)), "{:?}", graph.keys());
    assert!(graph["content"].contains("sanitize"), "the loader's messages go through the sanitiser");
}

/// The first circle of imports in `graph`, after taking away the `known` ones.
fn first_circle(mut graph: BTreeMap<String, BTreeSet<String>>, known: &[(&str, &str)]) -> Option<Vec<String>> {
    for (from, to) in known {
        let known = graph.get_mut(*from).is_some_and(|uses| uses.remove(*to));
        assert!(known, "{from} no longer uses {to}: remove it from KNOWN");
    }
    // Depth-first search for a back edge, reporting the circle it closes.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut circle = path[start..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, &graph, &mut Vec::new(), &mut done))
}

/// "A file passing ~400 lines is split by concern": past this it must be.
const MAX_LINES: usize = 450;

#[test]
fn no_source_file_passes_the_split_size() {
    let mut files = Vec::new();
    for root in SOURCE_ROOTS {
        sources(Path::new(root), &mut files);
    }
    assert!(files.iter().any(|f| f.starts_with("crates/course/src")), "the course crate is scanned");
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, fs::read_to_string(f).expect("source is readable").lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(f, lines)| format!("{} ({lines} lines)", f.display()))
        .collect();
    assert!(long.is_empty(), "split these by concern: {}", long.join(", "));
}
