//! Where each pane goes for a terminal size. Shared by the view (to draw) and the app
//! (to scroll by a screenful and to hit-test mouse clicks), so the two always agree.
use ratatui::layout::Rect;

/// Below this the interface is replaced by a short "enlarge the terminal" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width the sidebar never docks beside the page; it floats over it instead.
pub const MIN_DOCKED_WIDTH: u16 = 72;
/// From this width the contents sidebar shows without asking.
pub const SIDEBAR_AUTO_WIDTH: u16 = 100;
const SIDEBAR_WIDTH: u16 = 32;
/// The most the sidebar grows to show long titles whole, when the terminal has room.
pub const SIDEBAR_MAX_WIDTH: u16 = 80;
/// Lines longer than this are tiring to read; wide terminals get margins instead.
const MAX_TEXT_WIDTH: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub sidebar: Option<Rect>,
    /// The page text, inside its margins.
    pub page: Rect,
    /// The page's scrollbar, in the right margin with a blank column before it.
    pub scrollbar: Rect,
    pub status: Rect,
}

pub fn too_small(size: Rect) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// How the contents sidebar is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarMode {
    Hidden,
    /// Beside the page, which gets narrower.
    Docked,
    /// Over the page, which keeps its width (narrow terminals, while browsing the contents).
    Floating,
}

pub fn areas(size: Rect, mode: SidebarMode) -> Areas {
    areas_for(size, mode, SIDEBAR_WIDTH)
}

/// The sidebar's width: 32 columns, growing towards `natural` (what shows every entry
/// whole, at most 80) only with room to spare beside the widest text.
pub fn sidebar_width(size: Rect, natural: u16) -> u16 {
    let spare = size.width.saturating_sub(SIDEBAR_WIDTH + MAX_TEXT_WIDTH + 4);
    let grow = natural.min(SIDEBAR_MAX_WIDTH).saturating_sub(SIDEBAR_WIDTH).min(spare);
    (SIDEBAR_WIDTH + grow).min(size.width / 2)
}

/// Like [`areas`], with a sidebar that wants `natural` columns.
pub fn areas_for(size: Rect, mode: SidebarMode, natural: u16) -> Areas {
    let body_height = size.height.saturating_sub(1);
    let status = Rect::new(size.x, size.y + body_height, size.width, 1.min(size.height));
    let width = sidebar_width(size, natural);
    let sidebar = (mode != SidebarMode::Hidden).then(|| Rect::new(size.x, size.y, width, body_height));
    let sidebar_width = if mode == SidebarMode::Docked { width } else { 0 };
    // One column of margin each side of the text, two when there is room; past the
    // widest comfortable text, the text is centred in what is left.
    let room = size.width.saturating_sub(sidebar_width);
    let margin = if room >= 60 { 2 } else { 1 };
    let text_width = room.saturating_sub(2 * margin).min(MAX_TEXT_WIDTH);
    let left = ((room - text_width) / 2).max(margin.min(room));
    let page = Rect::new(size.x + sidebar_width + left, size.y, text_width, body_height);
    // The scrollbar keeps a blank column between itself and the text.
    let scrollbar_x = (page.right() + margin - 1).min(size.right().saturating_sub(1));
    let scrollbar = Rect::new(scrollbar_x, size.y, 1, body_height);
    Areas { sidebar, page, scrollbar, status }
}

/// Where the sidebar's entries go: inside its box when it floats over the page, left of
/// its separating line when docked.
pub fn sidebar_list(sidebar: Rect, mode: SidebarMode) -> Rect {
    if mode == SidebarMode::Floating {
        Rect::new(sidebar.x + 1, sidebar.y + 1, sidebar.width.saturating_sub(2), sidebar.height.saturating_sub(2))
    } else {
        Rect::new(sidebar.x, sidebar.y, sidebar.width.saturating_sub(1), sidebar.height)
    }
}

/// The first visible row of a list so that `cursor` stays in view, kept near the middle.
pub fn list_offset(cursor: usize, height: usize, total: usize) -> usize {
    if total <= height || cursor < height / 2 { 0 } else { (cursor - height / 2).min(total - height) }
}

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// Where the help overlay goes.
pub fn help_popup(area: Rect) -> Rect {
    centered(area, 76, area.height.saturating_sub(2))
}
