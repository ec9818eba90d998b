//! An app drawn into ratatui's `TestBackend`, and the drawn rows as text.
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use status_tutor::app::App;

/// The whole screen as the app draws it at its size.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test backend");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    terminal.backend().buffer().clone()
}

/// Each row of the buffer as its symbols.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = buffer.area.width as usize;
    buffer.content.chunks(width).map(|row| row.iter().map(|c| c.symbol()).collect::<String>()).collect()
}
