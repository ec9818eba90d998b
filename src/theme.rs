//! Named styles by meaning. Every colour the interface uses comes from here.
use crate::cli::ThemeName;
use crate::content::{CalloutStyle, StatusClass};
use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme. Uses the 16 ANSI colours only, so 16-colour terminals stay
/// readable; body text keeps the terminal's own foreground, so it reads on dark and light
/// backgrounds alike; `plain` drops colour entirely for NO_COLOR.
#[derive(Debug, Clone)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub heading: Style,
    pub title: Style,
    pub emphasis: Style,
    pub inline_code: Style,
    pub border: Style,
    pub focused_border: Style,
    pub selected: Style,
    pub read_mark: Style,
    pub status_bar: Style,
    pub key: Style,
    pub search_match: Style,
    pub code_keyword: Style,
    pub code_string: Style,
    pub code_comment: Style,
    pub code_number: Style,
    pub code_decorator: Style,
    pub code_function: Style,
    pub code_builtin: Style,
    pub line_number: Style,
    pub right: Style,
    pub wrong: Style,
    classes: [Style; 5],
    callouts: [Style; 3],
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        match name {
            ThemeName::Dark => Theme::coloured(Color::Reset, Color::DarkGray, Color::Yellow),
            ThemeName::Light => Theme::coloured(Color::Reset, Color::DarkGray, Color::Blue),
            ThemeName::HighContrast => {
                let mut theme = Theme::coloured(Color::White, Color::White, Color::LightYellow);
                theme.dim = Style::new().fg(Color::White);
                theme.selected = Style::new().fg(Color::Black).bg(Color::White).add_modifier(Modifier::BOLD);
                theme
            }
        }
    }

    fn coloured(text: Color, dim: Color, accent: Color) -> Theme {
        let class = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new().fg(text),
            dim: Style::new().fg(dim),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            emphasis: Style::new().add_modifier(Modifier::BOLD),
            inline_code: Style::new().fg(Color::Cyan),
            border: Style::new().fg(dim),
            focused_border: Style::new().fg(accent),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            read_mark: Style::new().fg(Color::Green),
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            search_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            code_keyword: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            code_string: Style::new().fg(Color::Green),
            code_comment: Style::new().fg(dim).add_modifier(Modifier::ITALIC),
            code_number: Style::new().fg(Color::Yellow),
            code_decorator: Style::new().fg(Color::Cyan),
            code_function: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            code_builtin: Style::new().fg(Color::Cyan),
            line_number: Style::new().fg(dim),
            right: class(Color::Green),
            wrong: class(Color::Red),
            classes: [
                class(Color::Blue),
                class(Color::Green),
                class(Color::Cyan),
                class(Color::Yellow),
                class(Color::Red),
            ],
            callouts: [class(Color::Blue), class(Color::Green), class(Color::Red)],
        }
    }

    /// No colour at all: meaning is carried by bold, reverse video and symbols.
    fn plain() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new(),
            heading: bold,
            title: bold,
            emphasis: bold,
            inline_code: Style::new(),
            border: Style::new(),
            focused_border: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            read_mark: Style::new(),
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            search_match: Style::new().add_modifier(Modifier::REVERSED),
            code_keyword: bold,
            code_string: Style::new(),
            code_comment: Style::new(),
            code_number: Style::new(),
            code_decorator: Style::new(),
            code_function: Style::new(),
            code_builtin: Style::new(),
            line_number: Style::new(),
            right: bold,
            wrong: bold,
            classes: [bold; 5],
            callouts: [bold; 3],
        }
    }

    pub fn class(&self, class: StatusClass) -> Style {
        self.classes[class as usize]
    }

    /// The style of a status code, by its class (unknown codes are plain text).
    pub fn status(&self, code: u16) -> Style {
        StatusClass::of(code).map_or(self.text, |c| self.class(c))
    }

    pub fn callout(&self, style: CalloutStyle) -> Style {
        self.callouts[style as usize]
    }
}
