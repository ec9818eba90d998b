//! The ratatui backend: crossterm's escape sequences, written byte by byte into one
//! buffer that reaches the terminal in one write per frame.
//!
//! Why not `CrosstermBackend<Stdout>`: it formats every cell through `fmt::write`, locks
//! stdout for every command, and stdout's line buffering sends a frame in 1 KiB pieces.
//! That was a fifth of a launch (0.74 M of 3.7 M instructions under callgrind). The bytes
//! are crossterm's, for any cells (a property test compares the two).
use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::queue;
use crossterm::terminal::{Clear, ClearType as Erase};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// A frame is built in memory and written once; `out` is the terminal (stdout).
pub struct StdoutBackend<W: Write = io::Stdout> {
    pending: Vec<u8>,
    out: W,
}

impl StdoutBackend {
    pub fn new() -> StdoutBackend {
        StdoutBackend::to(io::stdout())
    }
}

impl<W: Write> StdoutBackend<W> {
    pub fn to(out: W) -> StdoutBackend<W> {
        StdoutBackend { pending: Vec::with_capacity(16 * 1024), out }
    }

    /// What has been written so far.
    #[cfg(test)]
    pub fn out(&self) -> &W {
        &self.out
    }
}

/// The cells as crossterm's backend writes them: a move unless the cell follows the last
/// one, the attributes and colours that changed, the symbol; then everything reset.
pub fn encode<'a>(out: &mut Vec<u8>, content: impl Iterator<Item = (u16, u16, &'a Cell)>) {
    let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some((lx, ly)) if x == lx.wrapping_add(1) && y == ly) {
            out.extend_from_slice(b"\x1b[");
            push_number(out, u32::from(y) + 1);
            out.push(b';');
            push_number(out, u32::from(x) + 1);
            out.push(b'H');
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            modifier_diff(out, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            out.extend_from_slice(b"\x1b[");
            color(out, ColorSlot::Fg, cell.fg);
            out.push(b';');
            color(out, ColorSlot::Bg, cell.bg);
            out.push(b'm');
            (fg, bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != underline {
            out.extend_from_slice(b"\x1b[");
            color(out, ColorSlot::Underline, cell.underline_color);
            out.push(b'm');
            underline = cell.underline_color;
        }
        out.extend_from_slice(cell.symbol().as_bytes());
    }
    out.extend_from_slice(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m");
}

fn push_number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

#[derive(Clone, Copy)]
enum ColorSlot {
    Fg,
    Bg,
    Underline,
}

/// One colour's SGR parameters, as crossterm's `Colored` writes them (ratatui's `Red` is
/// crossterm's `DarkRed`, palette 1; `LightRed` is palette 9).
fn color(out: &mut Vec<u8>, slot: ColorSlot, color: Color) {
    let (reset, set): (&[u8], &[u8]) = match slot {
        ColorSlot::Fg => (b"39", b"38;"),
        ColorSlot::Bg => (b"49", b"48;"),
        ColorSlot::Underline => (b"59", b"58;"),
    };
    let palette = match color {
        Color::Reset => {
            out.extend_from_slice(reset);
            return;
        }
        Color::Rgb(r, g, b) => {
            out.extend_from_slice(set);
            out.extend_from_slice(b"2;");
            for (i, part) in [r, g, b].into_iter().enumerate() {
                if i > 0 {
                    out.push(b';');
                }
                push_number(out, u32::from(part));
            }
            return;
        }
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
    };
    out.extend_from_slice(set);
    out.extend_from_slice(b"5;");
    push_number(out, u32::from(palette));
}

fn sgr(out: &mut Vec<u8>, code: u32) {
    out.extend_from_slice(b"\x1b[");
    push_number(out, code);
    out.push(b'm');
}

/// The attributes from `from` to `to`, in ratatui-crossterm's order: what is removed, then
/// what is added (bold and dim share one reset, so the one that stays is set again).
fn modifier_diff(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        sgr(out, 27);
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        sgr(out, 22);
        if to.contains(Modifier::DIM) {
            sgr(out, 2);
        }
        if to.contains(Modifier::BOLD) {
            sgr(out, 1);
        }
    }
    for (modifier, code) in
        [(Modifier::ITALIC, 23), (Modifier::UNDERLINED, 24), (Modifier::CROSSED_OUT, 29), (Modifier::HIDDEN, 28)]
    {
        if removed.contains(modifier) {
            sgr(out, code);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        sgr(out, 25);
    }
    let added = to - from;
    for (modifier, code) in [
        (Modifier::REVERSED, 7),
        (Modifier::BOLD, 1),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::DIM, 2),
        (Modifier::CROSSED_OUT, 9),
        (Modifier::HIDDEN, 8),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
    ] {
        let set_by_reset = reset_intensity && (modifier == Modifier::BOLD || modifier == Modifier::DIM);
        if added.contains(modifier) && !set_by_reset {
            sgr(out, code);
        }
    }
}

/// The terminal's size: one ioctl on stdout, where crossterm opens `/dev/tty` each time
/// (ratatui asks before every frame); crossterm's answer when stdout cannot tell.
pub fn terminal_size() -> io::Result<(u16, u16)> {
    #[cfg(unix)]
    if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout())
        && size.ws_col > 0
        && size.ws_row > 0
    {
        return Ok((size.ws_col, size.ws_row));
    }
    crossterm::terminal::size()
}

impl<W: Write> Backend for StdoutBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        encode(&mut self.pending, content);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        queue!(self.pending, Hide)?;
        self.flush()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        queue!(self.pending, Show)?;
        self.flush()
    }

    /// Never asked: the reply would arrive on the input thread, which reads the terminal
    /// while the tutorial runs (see `input`), and be lost.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Err(io::Error::other("the cursor position is not asked while the tutorial runs"))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        queue!(self.pending, MoveTo(x, y))?;
        self.flush()
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let erase = match clear_type {
            ClearType::All => Erase::All,
            ClearType::AfterCursor => Erase::FromCursorDown,
            ClearType::BeforeCursor => Erase::FromCursorUp,
            ClearType::CurrentLine => Erase::CurrentLine,
            ClearType::UntilNewLine => Erase::UntilNewLine,
        };
        queue!(self.pending, Clear(erase))?;
        self.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal_size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size { width: size.columns, height: size.rows },
            pixels: Size { width: size.width, height: size.height },
        })
    }

    /// The frame goes out in one write.
    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let written = self.out.write_all(&self.pending);
            self.pending.clear();
            written?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;

    fn any_color() -> impl Strategy<Value = Color> {
        prop_oneof![
            (0u8..19).prop_map(|i| match i {
                0 => Color::Reset,
                1 => Color::Black,
                2 => Color::Red,
                3 => Color::Green,
                4 => Color::Yellow,
                5 => Color::Blue,
                6 => Color::Magenta,
                7 => Color::Cyan,
                8 => Color::Gray,
                9 => Color::DarkGray,
                10 => Color::LightRed,
                11 => Color::LightGreen,
                12 => Color::LightYellow,
                13 => Color::LightBlue,
                14 => Color::LightMagenta,
                15 => Color::LightCyan,
                _ => Color::White,
            }),
            any::<u8>().prop_map(Color::Indexed),
            any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    fn any_cell() -> impl Strategy<Value = (u16, u16, Cell)> {
        (0u16..300, 0u16..120, any_color(), any_color(), any_color(), any::<u16>(), "[a-z █↪é]{1}").prop_map(
            |(x, y, fg, bg, underline, bits, symbol)| {
                let mut cell = Cell::default();
                cell.set_symbol(&symbol);
                cell.fg = fg;
                cell.bg = bg;
                cell.underline_color = underline;
                cell.modifier = Modifier::from_bits_truncate(bits);
                (x, y, cell)
            },
        )
    }

    proptest! {
        /// Runs of neighbouring cells (no move) and jumps, every colour and attribute.
        #[test]
        fn writes_the_bytes_crossterm_writes(cells in prop::collection::vec(any_cell(), 0..60), runs in any::<u64>()) {
            // NO_COLOR makes crossterm drop colours; the tutorial's theme has none then.
            prop_assume!(std::env::var_os("NO_COLOR").is_none());
            let cells: Vec<(u16, u16, Cell)> = cells
                .into_iter()
                .enumerate()
                .scan(None, |prev: &mut Option<(u16, u16)>, (i, (x, y, cell))| {
                    // Every other cell continues the previous one's row when `runs` says so.
                    let at = match *prev {
                        Some((px, py)) if runs >> (i % 64) & 1 == 1 => (px.saturating_add(1), py),
                        _ => (x, y),
                    };
                    *prev = Some(at);
                    Some((at.0, at.1, cell))
                })
                .collect();
            let mut theirs = Vec::new();
            CrosstermBackend::new(&mut theirs).draw(cells.iter().map(|(x, y, c)| (*x, *y, c))).expect("a Vec takes every byte");
            let mut ours = Vec::new();
            encode(&mut ours, cells.iter().map(|(x, y, c)| (*x, *y, c)));
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }

    #[test]
    fn a_frame_is_one_write() {
        struct Writes(Vec<usize>);
        impl Write for Writes {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.push(buf.len());
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut terminal = ratatui::Terminal::with_options(
            StdoutBackend::to(Writes(Vec::new())),
            ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)) },
        )
        .expect("a fixed viewport asks the terminal nothing");
        terminal
            .draw(|frame| {
                frame.render_widget(
                    ratatui::widgets::Paragraph::new("x".repeat(80 * 24)).wrap(ratatui::widgets::Wrap { trim: false }),
                    frame.area(),
                )
            })
            .expect("the writer takes every byte");
        let writes = &terminal.backend().out().0;
        assert_eq!(writes.len(), 1, "{writes:?}");
        assert!(writes[0] > 80 * 24);
    }
}
