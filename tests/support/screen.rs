//! What the learner sees in an 80x24 pseudo-terminal, rebuilt from the program's output.
//! Used by the pty tests (`tests/e2e.rs`, `tests/practice_e2e.rs`, `tests/hostile_keys_pty.rs`...)
//! through `#[path]`.
use crate::pty::{COLS, ROWS};
use unicode_width::UnicodeWidthChar;

/// What the learner sees: the cells of an 80x24 terminal after the program's output,
/// interpreting only what ratatui and crossterm write (cursor moves, clears; colours and
/// modes are skipped). Entering or leaving the alternate screen starts from a blank one.
#[derive(Default)]
pub struct Screen {
    cells: Vec<Vec<String>>,
    row: usize,
    col: usize,
    /// Columns and rows when not 80x24 (`parse_sized`).
    size: Option<(usize, usize)>,
}

impl Screen {
    fn blank(&self) -> Vec<Vec<String>> {
        let (cols, rows) = self.size.unwrap_or((usize::from(COLS), usize::from(ROWS)));
        vec![vec![" ".to_string(); cols]; rows]
    }

    pub fn parse(output: &str) -> Screen {
        Screen::parse_in(output, None)
    }

    /// [`Screen::parse`] for a terminal of `cols` x `rows` (one resized after launch).
    #[allow(dead_code)] // not every test that includes this file resizes
    pub fn parse_sized(output: &str, cols: usize, rows: usize) -> Screen {
        Screen::parse_in(output, Some((cols, rows)))
    }

    fn parse_in(output: &str, size: Option<(usize, usize)>) -> Screen {
        let mut screen = Screen { cells: Vec::new(), row: 0, col: 0, size };
        screen.cells = screen.blank();
        let mut chars = output.chars();
        while let Some(c) = chars.next() {
            match c {
                // Only control sequences (ESC [ ... final) move or clear; other escapes
                // are two characters long.
                '\x1b' => {
                    if chars.next() == Some('[') {
                        let mut params = String::new();
                        let final_byte = chars.by_ref().find(|&p| {
                            let done = ('\x40'..='\x7e').contains(&p);
                            if !done {
                                params.push(p);
                            }
                            done
                        });
                        screen.control(&params, final_byte);
                    }
                }
                '\r' => screen.col = 0,
                '\n' => screen.row += 1,
                c if c.is_control() => {}
                c => screen.print(c),
            }
        }
        screen
    }

    fn control(&mut self, params: &str, final_byte: Option<char>) {
        let numbers: Vec<usize> = params.trim_start_matches('?').split(';').map(|n| n.parse().unwrap_or(0)).collect();
        let first = numbers.first().copied().unwrap_or(0);
        match final_byte {
            Some('H') => {
                self.row = first.max(1) - 1;
                self.col = numbers.get(1).copied().unwrap_or(1).max(1) - 1;
            }
            Some('J') if first == 2 => self.cells = self.blank(),
            Some('K') => {
                if let Some(line) = self.cells.get_mut(self.row) {
                    line.iter_mut().skip(self.col).for_each(|cell| *cell = " ".to_string());
                }
            }
            Some('h' | 'l') if params == "?1049" => self.cells = self.blank(),
            _ => {}
        }
    }

    /// Writes a character at the cursor; a wide one covers the next cell too.
    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or(0);
        if let Some(line) = self.cells.get_mut(self.row) {
            if let Some(cell) = line.get_mut(self.col) {
                *cell = c.to_string();
            }
            for extra in 1..width {
                if let Some(cell) = line.get_mut(self.col + extra) {
                    cell.clear();
                }
            }
        }
        self.col += width;
    }

    pub fn line(&self, row: usize) -> String {
        self.cells.get(row).map(|line| line.concat()).unwrap_or_default()
    }

    pub fn text(&self) -> String {
        (0..self.cells.len()).map(|row| self.line(row)).collect::<Vec<_>>().join("\n")
    }

    pub fn contains(&self, text: &str) -> bool {
        (0..self.cells.len()).any(|row| self.line(row).contains(text))
    }
}
