//! Named styles by meaning. Every colour the interface uses comes from here.
use crate::cli::ThemeName;
use crate::content::{CalloutStyle, StatusClass};
use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme. Body text keeps the terminal's own foreground, so it reads on
/// dark and light backgrounds alike; `plain` drops colour entirely for NO_COLOR.
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

/// The colours a theme is made of. Chosen by measured contrast (WCAG ratios) against
/// the xterm, Solarized and GNOME palettes, dark and light (see `tests/theme_contrast.rs`):
/// ANSI colours where they read on all of them, fixed 256-colour tones where the palettes
/// disagree (greys for dim text; every colour of the light theme).
struct Palette {
    text: Color,
    dim: Color,
    accent: Color,
    /// 1xx to 5xx.
    classes: [Color; 5],
    /// Note, tip, correction.
    callouts: [Color; 3],
    keyword: Color,
    string: Color,
    number: Color,
    decorator: Color,
    function: Color,
    inline_code: Color,
    good: Color,
    bad: Color,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        match name {
            // Not pure blue on black (2:1 on GNOME): light blue, and bold for names.
            ThemeName::Dark => Theme::coloured(&Palette {
                text: Color::Reset,
                dim: Color::Indexed(247),
                accent: Color::Yellow,
                classes: [Color::LightBlue, Color::Green, Color::Cyan, Color::Yellow, Color::LightRed],
                callouts: [Color::LightBlue, Color::Green, Color::LightRed],
                keyword: Color::Magenta,
                string: Color::Green,
                number: Color::Yellow,
                decorator: Color::Cyan,
                function: Color::LightBlue,
                inline_code: Color::Cyan,
                good: Color::Green,
                bad: Color::LightRed,
            }),
            // Green, cyan and yellow are unreadable on white in most palettes: darker
            // fixed tones; 4xx is amber, not yellow.
            ThemeName::Light => Theme::coloured(&Palette {
                text: Color::Reset,
                dim: Color::Indexed(241),
                accent: Color::Indexed(25),
                classes: [
                    Color::Indexed(25),
                    Color::Indexed(28),
                    Color::Indexed(30),
                    Color::Indexed(130),
                    Color::Indexed(124),
                ],
                callouts: [Color::Indexed(25), Color::Indexed(28), Color::Indexed(124)],
                keyword: Color::Indexed(90),
                string: Color::Indexed(22),
                number: Color::Indexed(94),
                decorator: Color::Indexed(23),
                function: Color::Indexed(25),
                inline_code: Color::Indexed(23),
                good: Color::Indexed(28),
                bad: Color::Indexed(124),
            }),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    fn coloured(p: &Palette) -> Theme {
        let bold = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new().fg(p.text),
            dim: Style::new().fg(p.dim),
            heading: bold(p.accent),
            title: Style::new().add_modifier(Modifier::BOLD),
            emphasis: Style::new().add_modifier(Modifier::BOLD),
            inline_code: Style::new().fg(p.inline_code),
            border: Style::new().fg(p.dim),
            focused_border: Style::new().fg(p.accent),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            read_mark: Style::new().fg(p.good),
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            key: bold(p.accent),
            search_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            code_keyword: bold(p.keyword),
            code_string: Style::new().fg(p.string),
            code_comment: Style::new().fg(p.dim).add_modifier(Modifier::ITALIC),
            code_number: Style::new().fg(p.number),
            code_decorator: Style::new().fg(p.decorator),
            code_function: bold(p.function),
            code_builtin: Style::new().fg(p.decorator),
            line_number: Style::new().fg(p.dim),
            right: bold(p.good),
            wrong: bold(p.bad),
            classes: p.classes.map(bold),
            callouts: p.callouts.map(bold),
        }
    }

    /// White on the terminal's (dark) background, everything at least 7:1; meaning is
    /// carried by bold, underline, italic and reverse video, in the code and the panels too.
    fn high_contrast() -> Theme {
        let white = Style::new().fg(Color::White);
        let bold = white.add_modifier(Modifier::BOLD);
        let underlined = bold.add_modifier(Modifier::UNDERLINED);
        Theme {
            text: white,
            dim: white,
            heading: underlined,
            title: bold,
            emphasis: bold,
            inline_code: bold,
            border: white,
            focused_border: bold,
            selected: Style::new().fg(Color::Black).bg(Color::White).add_modifier(Modifier::BOLD),
            read_mark: bold,
            status_bar: Style::new().add_modifier(Modifier::REVERSED),
            key: underlined,
            search_match: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            code_keyword: bold,
            code_string: white.add_modifier(Modifier::ITALIC),
            code_comment: white.add_modifier(Modifier::ITALIC),
            code_number: white,
            code_decorator: bold,
            code_function: underlined,
            code_builtin: white,
            line_number: white,
            right: bold,
            wrong: underlined,
            classes: [underlined; 5],
            callouts: [underlined; 3],
        }
    }

    /// Every named style, for checks over the whole theme (contrast, for one).
    pub fn named_styles(&self) -> Vec<(&'static str, Style)> {
        let mut all = vec![
            ("text", self.text),
            ("dim", self.dim),
            ("heading", self.heading),
            ("title", self.title),
            ("emphasis", self.emphasis),
            ("inline_code", self.inline_code),
            ("border", self.border),
            ("focused_border", self.focused_border),
            ("read_mark", self.read_mark),
            ("key", self.key),
            ("code_keyword", self.code_keyword),
            ("code_string", self.code_string),
            ("code_comment", self.code_comment),
            ("code_number", self.code_number),
            ("code_decorator", self.code_decorator),
            ("code_function", self.code_function),
            ("code_builtin", self.code_builtin),
            ("line_number", self.line_number),
            ("right", self.right),
            ("wrong", self.wrong),
        ];
        let classes = ["1xx", "2xx", "3xx", "4xx", "5xx"];
        all.extend(classes.into_iter().zip(self.classes));
        all.extend(["note", "tip", "correction"].into_iter().zip(self.callouts));
        all
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
