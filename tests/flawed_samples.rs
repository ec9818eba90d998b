//! `flawed = true` on a code block: a sample not to copy (the source's, kept to be
//! corrected). `check` wants it captioned and wants a caption that calls its sample a
//! mistake marked; the flag survives the compact form; the reader frames it apart.
#[path = "support/course_copy.rs"]
mod course_copy;
use std::fs;

use status_tutor::cli::ThemeName;
use status_tutor::content::{
    Block, CodeSample, Course, CourseFiles, Loaded, Problem, Severity, compact, embedded, load,
};
use status_tutor::lines::document::Document;
use status_tutor::theme::Theme;
use status_tutor::ui::text::plain;

const LONG_CAPTION: &str =
    "A common mistake (from the source): three ways to answer 404, and only the second one answers JSON";

/// The valid fixture with `block` (TOML, a `[[blocks]]` table) added to its second page.
fn course_with(block: &str) -> Result<Loaded, Vec<Problem>> {
    let temp = course_copy::fixture("fixtures/valid");
    let page = temp.path().join("pages/not-found.toml");
    let text = fs::read_to_string(&page).expect("the page") + "\n" + block;
    fs::write(&page, text).expect("write the page");
    CourseFiles::read_dir(temp.path()).and_then(|files| load(&files))
}

fn sample_block(caption: Option<&str>, flawed: Option<bool>) -> String {
    let mut block = String::from("[[blocks]]\nkind = \"code\"\n");
    if let Some(caption) = caption {
        block += &format!("caption = \"{caption}\"\n");
    }
    if let Some(flawed) = flawed {
        block += &format!("flawed = {flawed}\n");
    }
    block + "source = '''\ndef view(request):\n    return None\n'''\n"
}

fn samples(course: &Course) -> Vec<&CodeSample> {
    let blocks = course.pages.iter().flat_map(|p| &p.blocks);
    blocks.filter_map(|b| if let Block::Code(sample) = b { Some(sample) } else { None }).collect()
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

#[test]
fn a_flawed_sample_is_carried_into_the_course_and_through_the_compact_form() {
    let loaded = course_with(&sample_block(Some(LONG_CAPTION), Some(true))).expect("loads");
    assert!(loaded.warnings.is_empty(), "{}", listing(&loaded.warnings));
    let flags: Vec<bool> = samples(&loaded.course).iter().map(|s| s.flawed).collect();
    assert_eq!(flags, [false, true], "the fixture's own sample is not flawed, the new one is");

    let decoded = compact::decode(&compact::encode(&loaded.course).expect("encodes")).expect("decodes");
    assert_eq!(samples(&decoded).iter().map(|s| s.flawed).collect::<Vec<_>>(), flags);
    let mut course = loaded.course.clone();
    let (head, blobs) = compact::encode_split(&mut course).expect("encodes");
    let (_, slots) = compact::decode_head(&head).expect("the head");
    let slot = slots[1];
    let blob = &blobs[slot.offset as usize..slot.offset as usize + slot.len as usize];
    let blocks = compact::decode_blocks(blob, &slot).expect("the page's blocks");
    assert!(blocks.iter().any(|b| matches!(b, Block::Code(s) if s.flawed)), "{blocks:?}");
}

#[test]
fn a_flawed_sample_without_a_caption_is_refused_at_its_flag() {
    let problems = course_with(&sample_block(None, Some(true))).expect_err("refused");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    let p = &problems[0];
    assert!(p.message.contains("a flawed sample needs a `caption`"), "{p}");
    // the page's 9 lines, a blank, `[[blocks]]`, `kind`, then `flawed = true` (its value)
    assert_eq!((p.severity, p.line, p.col), (Severity::Error, 13, 10), "{p}");
}

#[test]
fn a_caption_that_calls_its_sample_a_mistake_wants_it_marked() {
    for caption in ["A common mistake: catching everything", "Straight from the source"] {
        let loaded = course_with(&sample_block(Some(caption), None)).expect("only a warning");
        assert_eq!(loaded.warnings.len(), 1, "{caption}: {}", listing(&loaded.warnings));
        let w = &loaded.warnings[0];
        assert_eq!((w.severity, w.line), (Severity::Warning, 13), "{w}"); // at the caption
        assert!(w.message.contains("mark it `flawed = true`"), "{w}");
        // `flawed = false` says the caption is meant: no warning.
        let meant = course_with(&sample_block(Some(caption), Some(false))).expect("loads");
        assert!(meant.warnings.is_empty(), "{}", listing(&meant.warnings));
    }
    let plain = course_with(&sample_block(Some("A JSON 404"), None)).expect("loads");
    assert!(plain.warnings.is_empty(), "{}", listing(&plain.warnings));
}

#[test]
fn only_a_code_block_can_be_flawed() {
    let problems =
        course_with("[[blocks]]\nkind = \"paragraph\"\ntext = \"Hi\"\nflawed = true\n").expect_err("refused");
    assert!(
        problems.iter().any(|p| p.message.contains("`flawed` does not belong in a paragraph block")),
        "{}",
        listing(&problems)
    );
}

#[test]
fn every_sample_the_shipped_course_quotes_as_a_mistake_is_marked_flawed() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let quoted: Vec<&CodeSample> = samples(&course)
        .into_iter()
        .filter(|s| s.caption.as_deref().is_some_and(|c| c.starts_with("A common mistake (from the source)")))
        .collect();
    assert!(!quoted.is_empty(), "the course quotes the source");
    for sample in quoted {
        assert!(sample.flawed, "not marked flawed: {:?}", sample.caption);
    }
}

/// The reader's lines of the fixture's second page, with a flawed sample, at `width`.
fn drawn(width: u16, theme: &Theme) -> Vec<ratatui::text::Line<'static>> {
    let block = sample_block(Some(LONG_CAPTION), Some(true)) + &sample_block(Some("Kept"), None);
    let course = course_with(&block).expect("loads").course;
    Document::build(&course, &course.pages[1], width, theme).lines
}

#[test]
fn the_reader_frames_a_flawed_sample_apart_with_or_without_colour() {
    for (name, no_color) in
        [(ThemeName::Dark, false), (ThemeName::Light, false), (ThemeName::HighContrast, false), (ThemeName::Dark, true)]
    {
        let theme = Theme::new(name, no_color);
        for width in [80, 200] {
            let lines = drawn(width, &theme);
            let text: Vec<String> = lines.iter().map(|l| plain(&l.spans)).collect();
            let top = text.iter().position(|l| l.starts_with("┏━ ✗ flawed · python")).expect("a heavy top edge");
            let bottom = top + text[top..].iter().position(|l| l.starts_with('┗')).expect("a heavy bottom edge");
            assert!(text[top + 1..bottom].iter().all(|l| l.starts_with('┃') || l.starts_with('┠')), "{text:#?}");
            // The caption says what is wrong: never cut, at 80 columns written under the edge.
            let framed = text[top..bottom].join(" ").replace('┃', " ");
            let words: Vec<&str> = framed.split_whitespace().collect();
            assert!(words.join(" ").contains(LONG_CAPTION), "{text:#?}");
            // Its edges take the theme's colour for wrong, a kept sample's the border's.
            let edge = &lines[top].spans[0];
            assert_eq!(edge.style.fg, theme.wrong.fg, "{name:?}");
            let kept = text.iter().position(|l| l.starts_with("╭─ python · Kept")).expect("a kept sample, light edges");
            assert_eq!(lines[kept].spans[0].style.fg, theme.border.fg);
        }
    }
}
