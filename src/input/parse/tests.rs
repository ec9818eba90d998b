//! The parser's cases: keys, mouse, broken and unfinished sequences, pastes.
use super::*;

fn parse(bytes: &[u8]) -> Vec<Event> {
    let mut parser = Parser::default();
    let mut out = Vec::new();
    parser.feed(bytes, &mut out);
    out
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn ctrl_c() -> Event {
    key(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

#[test]
fn keys_arrows_and_utf8() {
    assert_eq!(parse(b"n\r\x7f\t"), [k(KeyCode::Char('n')), k(KeyCode::Enter), k(KeyCode::Backspace), k(KeyCode::Tab)]);
    assert_eq!(
        parse(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~"),
        [k(KeyCode::Up), k(KeyCode::Down), k(KeyCode::PageUp), k(KeyCode::PageDown), k(KeyCode::Home), k(KeyCode::End)]
    );
    assert_eq!(parse("é界".as_bytes()), [k(KeyCode::Char('é')), k(KeyCode::Char('界'))]);
    assert_eq!(parse(b"\x1b[1;5C"), [key(KeyCode::Right, KeyModifiers::CONTROL)]);
    assert_eq!(parse(b"\x1b[Z"), [key(KeyCode::BackTab, KeyModifiers::SHIFT)]);
    assert_eq!(parse(b"\x03"), [ctrl_c()]);
    assert_eq!(parse(b"\x1bx"), [key(KeyCode::Char('x'), KeyModifiers::ALT)]);
    assert_eq!(parse(b"\x1b\x03"), [k(KeyCode::Esc), ctrl_c()]);
    assert_eq!(parse(b"\x1b\x1b[A"), [k(KeyCode::Esc), k(KeyCode::Up)]);
}

#[test]
fn a_lone_esc_waits_then_is_the_esc_key() {
    let mut parser = Parser::default();
    let mut out = Vec::new();
    parser.feed(b"\x1b", &mut out);
    assert!(out.is_empty() && parser.is_waiting());
    parser.give_up(&mut out);
    assert_eq!(out, [k(KeyCode::Esc)]);
    assert!(!parser.is_waiting());
}

#[test]
fn mouse_reports() {
    let down = parse(b"\x1b[<0;5;3M");
    assert_eq!(
        down,
        [Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 4,
            row: 2,
            modifiers: KeyModifiers::NONE
        })]
    );
    assert!(matches!(parse(b"\x1b[<64;1;1M")[..], [Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollUp, .. })]));
    assert!(matches!(parse(b"\x1b[<65;1;1M")[..], [Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollDown, .. })]));
    assert!(matches!(parse(b"\x1b[M !!")[..], [Event::Mouse(MouseEvent { kind: MouseEventKind::Down(_), .. })]));
    assert!(matches!(parse(b"\x1b[96;2;2M")[..], [Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollUp, .. })]));
}

#[test]
fn ctrl_c_inside_an_unfinished_sequence_is_still_ctrl_c() {
    for start in [b"\x1b[<".as_slice(), b"\x1b[?", b"\x1b[<1;2", b"\x1b[1;", b"\x1bO"] {
        let mut bytes = start.to_vec();
        bytes.extend_from_slice(b"\x03");
        assert_eq!(parse(&bytes), [ctrl_c()], "after {start:?}");
    }
}

#[test]
fn an_unfinished_sequence_is_given_up_and_later_keys_work() {
    for start in [b"\x1b[<".as_slice(), b"\x1b[?", b"\x1b[", b"\x1bO", b"\x1b[M!"] {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(start, &mut out);
        assert!(parser.is_waiting(), "{start:?}");
        parser.give_up(&mut out);
        parser.feed(b"q", &mut out);
        assert_eq!(out, [k(KeyCode::Char('q'))], "after {start:?}");
    }
}

#[test]
fn printable_bytes_inside_a_sequence_end_it_or_wait() {
    // `ESC [ < q` is a (meaningless) complete sequence: dropped, the next key works.
    assert_eq!(parse(b"\x1b[<qj"), [k(KeyCode::Char('j'))]);
    // `ESC [ ? 1 0 0 0 h` is a query reply: dropped.
    assert_eq!(parse(b"\x1b[?1000hk"), [k(KeyCode::Char('k'))]);
}

#[test]
fn bracketed_paste_ends_or_is_given_up() {
    assert_eq!(parse(b"\x1b[200~hello\x1b[201~q"), [Event::Paste("hello".into()), k(KeyCode::Char('q'))]);
    let mut parser = Parser::default();
    let mut out = Vec::new();
    parser.feed(b"\x1b[200~never ends\x03", &mut out);
    assert!(out.is_empty() && parser.is_waiting());
    parser.give_up(&mut out);
    parser.feed(b"q", &mut out);
    assert_eq!(out, [Event::Paste("never ends\u{3}".into()), k(KeyCode::Char('q'))]);
}

#[test]
fn a_huge_paste_is_capped() {
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 3 * MAX_PASTE_BYTES));
    bytes.extend_from_slice(b"\x1b[201~");
    match &parse(&bytes)[..] {
        [Event::Paste(text)] => assert_eq!(text.len(), MAX_PASTE_BYTES),
        other => panic!("{} events", other.len()),
    }
}

#[test]
fn any_bytes_at_all_never_panic_and_a_key_after_a_give_up_always_arrives() {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2000 {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        let len = (seed % 40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                [0x1b, b'[', b'<', b'?', b';', b'1', b'M', 0x03, 0xe2, b'~', (seed >> 24) as u8][(seed % 11) as usize]
            })
            .collect();
        parser.feed(&bytes, &mut out);
        parser.give_up(&mut out);
        out.clear();
        parser.feed(b"q", &mut out);
        assert_eq!(out, [k(KeyCode::Char('q'))], "after {bytes:?}");
    }
}

#[test]
fn a_late_terminal_reply_is_skipped_not_typed() {
    assert_eq!(parse(b"\x1b]11;rgb:ffff/ffff/ffff\x07j"), [k(KeyCode::Char('j'))]);
    assert_eq!(parse(b"\x1b]11;rgb:0000/2b2b/3636\x1b\\\x1b[?62;cj"), [k(KeyCode::Char('j'))]);
    assert_eq!(parse(b"\x1bP1$r0m\x1b\\k"), [k(KeyCode::Char('k'))]);
    // Ctrl-C inside one is still Ctrl-C.
    assert_eq!(parse(b"\x1b]11;rgb\x03"), [ctrl_c()]);
}
