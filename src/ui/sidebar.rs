//! The table of contents: sections, pages with a mark once read, and the quiz.
use crate::app::{App, Entry, Focus};
use crate::keys::{Action, Context, key_for};
use crate::layout::{SidebarMode, list_offset, sidebar_list};
use crate::lines::contents::{CORE_MARK, section_time, short_title};
use crate::lines::text::ellipsized;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Focus::Sidebar;
    let border = if focused { app.theme.focused_border } else { app.theme.border };
    Clear.render(area, buf);
    // Over the page it is a box of its own; beside it, a line separates the two.
    let block = if app.sidebar_mode() == SidebarMode::Floating {
        let (open, close) = (key_for(Context::Contents, Action::Open), key_for(Context::Contents, Action::Close));
        Block::bordered().title(" Contents ").title_bottom(format!(" {open} open · {close} close "))
    } else {
        Block::new().borders(Borders::RIGHT)
    };
    block.border_style(border).render(area, buf);
    let inner = sidebar_list(area, app.sidebar_mode());
    let offset = list_offset(app.cursor, usize::from(inner.height), app.entries.len());
    for (row, (index, entry)) in app.entries.iter().enumerate().skip(offset).take(usize::from(inner.height)).enumerate()
    {
        let mut line = entry_line(app, *entry);
        if index == app.cursor && focused {
            line = crate::lines::text::selected(line, app.theme.selected);
        } else if *entry == Entry::Page(app.page) {
            line = line.patch_style(app.theme.title);
        }
        let y = inner.y + row as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line.style);
        super::cells::set_line(buf, inner.x, y, &ellipsized(line, usize::from(inner.width)), inner.width);
    }
}

fn entry_line(app: &App, entry: Entry) -> Line<'static> {
    let theme = &app.theme;
    match entry {
        Entry::Section(s) => Line::from(vec![
            Span::styled(app.course.sections[s].title.clone(), theme.heading),
            Span::styled(section_time(&app.course, s), theme.dim),
        ]),
        Entry::Page(p) => {
            // Read, else on the core path (read these first), else reference.
            let mark = if app.is_read(p) {
                Span::styled(" ✓ ", theme.read_mark)
            } else if app.course.pages[p].core {
                Span::styled(CORE_MARK, theme.dim)
            } else {
                Span::raw("   ")
            };
            let current = if p == app.page { Span::styled("›", theme.heading) } else { Span::raw(" ") };
            Line::from(vec![current, mark, Span::styled(short_title(&app.course.pages[p].title), Style::new())])
        }
        Entry::Quiz => {
            let best = app
                .progress
                .quiz
                .best
                .as_ref()
                .map(|b| format!("  best {}/{}", b.correct, b.total))
                .unwrap_or_default();
            Line::from(vec![Span::styled("Test your knowledge", theme.heading), Span::styled(best, theme.dim)])
        }
        Entry::Practice => {
            let (done, total) = app.practice_done();
            Line::from(vec![
                Span::styled("Practice", theme.heading),
                Span::styled(format!(": {done}/{total} done"), theme.dim),
            ])
        }
    }
}
