//! Every colour of every theme, measured (WCAG 2 contrast ratio) against the palettes
//! learners commonly use: xterm, Solarized and GNOME Terminal's default, dark and light.
//! Dim text (and line numbers, comments) needs 4.5:1 like body text; other coloured text
//! is bold or short (names, codes, marks), so 3:1; high contrast needs 7:1 everywhere.
use ratatui::style::{Color, Modifier};
use status_tutor::cli::ThemeName;
use status_tutor::theme::Theme;

type Rgb = (u8, u8, u8);

struct Palette {
    name: &'static str,
    ansi: [u32; 16],
    foreground: u32,
    background: u32,
}

const XTERM: [u32; 16] = [
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00,
    0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];
const SOLARIZED: [u32; 16] = [
    0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5, 0x002b36, 0xcb4b16, 0x586e75,
    0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
];
const GNOME: [u32; 16] = [
    0x171421, 0xc01c28, 0x26a269, 0xa2734c, 0x12488b, 0xa347ba, 0x2aa1b3, 0xd0cfcc, 0x5e5c64, 0xf66151, 0x33da7a,
    0xe9ad0c, 0x2a7bde, 0xc061cb, 0x33c7de, 0xffffff,
];

const DARK: [Palette; 3] = [
    Palette { name: "xterm dark", ansi: XTERM, foreground: 0xe5e5e5, background: 0x000000 },
    Palette { name: "Solarized dark", ansi: SOLARIZED, foreground: 0x839496, background: 0x002b36 },
    Palette { name: "GNOME dark", ansi: GNOME, foreground: 0xd0cfcc, background: 0x171421 },
];
const LIGHT: [Palette; 3] = [
    Palette { name: "xterm light", ansi: XTERM, foreground: 0x000000, background: 0xffffff },
    Palette { name: "Solarized light", ansi: SOLARIZED, foreground: 0x657b83, background: 0xfdf6e3 },
    Palette { name: "GNOME light", ansi: GNOME, foreground: 0x171421, background: 0xffffff },
];

fn rgb(hex: u32) -> Rgb {
    ((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The colour a terminal with `palette` shows for `color` (the 256-colour cube and greys
/// are the same everywhere; the first 16 are the palette's).
fn resolve(color: Color, palette: &Palette) -> Rgb {
    let ansi = |i: usize| rgb(palette.ansi[i]);
    match color {
        Color::Reset => rgb(palette.foreground),
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i @ 0..=15) => ansi(usize::from(i)),
        Color::Indexed(i @ 16..=231) => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            (level(n / 36), level((n / 6) % 6), level(n % 6))
        }
        Color::Indexed(i) => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every named style with a foreground colour, with the ratio it needs.
fn check(theme: ThemeName, palettes: &[Palette], needs: impl Fn(&str) -> f64) -> Vec<String> {
    let theme = Theme::new(theme, false);
    let mut failures = Vec::new();
    for (name, style) in theme.named_styles() {
        // Reset is the terminal's own foreground on its own background: the learner's choice.
        let Some(fg) = style.fg.filter(|c| *c != Color::Reset) else { continue };
        for palette in palettes {
            let ratio = contrast(resolve(fg, palette), rgb(palette.background));
            if ratio < needs(name) {
                failures.push(format!("{name} {fg:?} on {}: {ratio:.2}:1 < {}", palette.name, needs(name)));
            }
        }
    }
    failures
}

fn dim_like(name: &str) -> bool {
    matches!(name, "dim" | "line_number" | "code_comment")
}

#[test]
fn the_dark_theme_reads_on_dark_palettes() {
    let failures = check(ThemeName::Dark, &DARK, |n| if dim_like(n) { 4.5 } else { 3.0 });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_light_theme_reads_on_light_palettes() {
    let failures = check(ThemeName::Light, &LIGHT, |n| if dim_like(n) { 4.5 } else { 3.0 });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn high_contrast_is_at_least_7_to_1_and_changes_code_and_panels() {
    let failures = check(ThemeName::HighContrast, &DARK, |_| 7.0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let dark = Theme::new(ThemeName::Dark, false);
    let high = Theme::new(ThemeName::HighContrast, false);
    let named = |t: &Theme, n: &str| t.named_styles().into_iter().find(|(k, _)| *k == n).map(|(_, s)| s);
    for name in ["code_keyword", "code_string", "code_function", "4xx", "correction"] {
        assert_ne!(named(&dark, name), named(&high, name), "{name} is the same in high contrast");
    }
}

#[test]
fn code_names_are_not_pure_blue_and_light_4xx_is_not_yellow() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        let theme = Theme::new(name, false);
        for (style_name, style) in theme.named_styles() {
            assert!(
                !(style.fg == Some(Color::Blue)
                    && !style.add_modifier.contains(Modifier::BOLD)
                    && style_name.starts_with("code")),
                "{name:?} {style_name} is pure blue"
            );
            assert_ne!(style.fg, Some(Color::Blue), "{name:?} {style_name}: ANSI blue is 2:1 on black in GNOME");
        }
        let four = theme.named_styles().into_iter().find(|(k, _)| *k == "4xx").map(|(_, s)| s.fg);
        if name == ThemeName::Light {
            assert!(!matches!(four, Some(Some(Color::Yellow | Color::LightYellow))), "light 4xx is yellow");
        }
    }
}
