//! The full-screen tutorial (straight into the quiz with `quiz`, into practice with
//! `practice`), launched in named steps: the course and its cache, the progress store,
//! the theme, the app, practice. Everything that can fail is done before the terminal
//! changes.
use super::console::{self, say};
use super::course_source::{course_and_pages, opened, progress_key};
use super::paint::no_color;
use super::quiz;
use super::{open, practice};
use crate::app::{App, PracticeOptions};
use crate::cli::{Cli, PracticeArgs};
use crate::clock::{Clock, SystemClock};
use crate::content::cache::{DeferredWrite, PageStore};
use crate::content::{Course, embedded};
use crate::progress::{Progress, Store};
use crate::quiz::Session;
use crate::quiz_bank::QuizOptions;
use crate::quiz_bank::{self, RoundRequest};
use crate::sanitize::printable;
use crate::theme::Theme;
use crate::theme_choice::{self, Question, Reply, Source};
use crate::tui;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

/// What the tutorial opens on.
pub struct Launch<'a> {
    pub cli: &'a Cli,
    /// A round to start at once (`quiz`, `review`).
    pub round: Option<(RoundRequest, QuizOptions)>,
    /// `practice` without an action: the practice screen.
    pub practice: Option<&'a PracticeArgs>,
}

/// Runs the tutorial until the learner quits or the terminal goes away.
pub fn run(launch: &Launch<'_>) -> Result<ExitCode, String> {
    let cli = launch.cli;
    if !io::stdout().is_terminal() {
        return Ok(not_a_terminal(launch));
    }
    let (source, mut cache_write) = course_source(cli)?;
    // Step 2, the progress store, under the key of this course.
    let key = progress_key(cli.content.as_deref(), source.course_id());
    let (store, progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    let now = SystemClock::default().unix();
    let theme = ThemeChoice::start(cli, &progress, now);
    // The terminal's background is asked before the course is decoded and answered
    // after, so the round trip overlaps the decoding.
    let (course, pages) = source.load()?;
    let theme = theme.finish();
    let page = match page_argument(cli, &course) {
        Ok(page) => page,
        Err(code) => return Ok(code),
    };
    warnings.iter().for_each(|warning| console::warn(warning));
    let session = match &launch.round {
        Some((RoundRequest::Full, _)) | None => None,
        Some((request, options)) => {
            match quiz_bank::session(&course, &progress, request, options.count, options.seed, now) {
                Ok(session) => Some(session),
                Err(refusal) => return Ok(quiz::refused(&refusal)),
            }
        }
    };
    let mut app = build_app(course, pages, progress, theme, warnings);
    start_where_asked(&mut app, launch, session, page);
    if let Some(args) = launch.practice {
        open_practice(&mut app, args);
    }
    let ending = tui::run(&mut app, store, || cache_write.start());
    cache_write.finish();
    match ending.map_err(|e| format!("terminal error: {e}"))? {
        tui::Ending::Quit => Ok(ExitCode::SUCCESS),
        // The terminal went away: a normal exit, with the status a SIGHUP would give.
        tui::Ending::Hangup => Ok(ExitCode::from(129)),
    }
}

/// Without a terminal there is no tutorial: a usage error (2). An unknown page or topic
/// is said first, as it would be with a terminal.
fn not_a_terminal(launch: &Launch<'_>) -> ExitCode {
    let cli = launch.cli;
    let course = match course_and_pages(cli.content.as_deref()) {
        Ok((course, _)) => course,
        Err(message) => {
            console::error(&message);
            return ExitCode::FAILURE;
        }
    };
    if let Err(code) = page_argument(cli, &course) {
        return code;
    }
    if let Some((request @ RoundRequest::Topics(_), options)) = &launch.round {
        let progress = Progress::default();
        if let Err(refusal) = quiz_bank::session(&course, &progress, request, options.count, options.seed, 0) {
            return quiz::refused(&refusal);
        }
    }
    say("status-tutor: standard output is not a terminal, so the full-screen tutorial cannot start.\n\
         Try `status-tutor list` for the contents, `status-tutor explain 404` for one code, \
         or `status-tutor quiz --plain` for the quiz.");
    ExitCode::from(2)
}

/// Step 1, the course and its cache: the built-in course's id comes before the course
/// (decoded later, while the terminal answers the theme question). A course read from
/// its files is cached after the first frame, on its own thread, and in any case
/// before the process exits.
enum CourseSource {
    Builtin(String),
    Folder(Box<(Course, Option<PageStore>)>),
}

fn course_source(cli: &Cli) -> Result<(CourseSource, DeferredWrite), String> {
    match cli.content.as_deref() {
        None => Ok((CourseSource::Builtin(embedded::course_id()?), DeferredWrite::default())),
        Some(dir) => {
            let (cached, write) = opened(dir)?;
            Ok((CourseSource::Folder(Box::new((cached.course, cached.pages))), write))
        }
    }
}

impl CourseSource {
    fn course_id(&self) -> &str {
        match self {
            CourseSource::Builtin(id) => id,
            CourseSource::Folder(loaded) => &loaded.0.id,
        }
    }

    fn load(self) -> Result<(Course, Option<PageStore>), String> {
        match self {
            CourseSource::Builtin(_) => embedded::course_and_pages().map(|(course, pages)| (course, Some(pages))),
            CourseSource::Folder(loaded) => Ok(*loaded),
        }
    }
}

/// Step 3, the theme: the flag, else STATUS_TUTOR_THEME, else the one remembered, else
/// the terminal's background (asked; the answer is read in `finish`).
struct ThemeChoice {
    decided: Option<(crate::cli::ThemeName, Source)>,
    question: Option<Question>,
    terminal: String,
    now: i64,
}

/// The theme chosen, and what to remember of the choice.
struct ChosenTheme {
    theme: Theme,
    /// `--theme` was given: remembered.
    remember: Option<String>,
    /// The terminal did not answer: not asked again for a week.
    silent: Option<(String, i64)>,
}

impl ThemeChoice {
    fn start(cli: &Cli, progress: &Progress, now: i64) -> ThemeChoice {
        let env_theme = std::env::var("STATUS_TUTOR_THEME").ok();
        let decided = theme_choice::decided(cli.theme, env_theme.as_deref(), progress.theme.as_deref());
        let terminal = theme_choice::terminal_name(
            std::env::var("TERM").ok().as_deref(),
            std::env::var("TERM_PROGRAM").ok().as_deref(),
        );
        // Not asked under NO_COLOR (there are no colours to choose), nor in a terminal
        // that did not answer in the last week (each launch would wait the whole 100 ms).
        let silent =
            theme_choice::silent_lately(progress.silent_terminal.as_deref(), progress.silent_since, &terminal, now);
        let ask = decided.is_none() && !no_color() && !silent;
        let question = ask.then(|| Question::send(std::time::Duration::from_millis(100))).flatten();
        ThemeChoice { decided, question, terminal, now }
    }

    fn finish(self) -> ChosenTheme {
        let reply = self.question.map(Question::answer);
        let (name, source) = self.decided.unwrap_or_else(|| theme_choice::from_reply(reply));
        ChosenTheme {
            theme: Theme::new(name, no_color()),
            remember: (source == Source::Flag).then(|| theme_choice::name(name)),
            silent: (reply == Some(Reply::Silent)).then_some((self.terminal, self.now)),
        }
    }
}

/// Step 4, the app: the course, the progress and the theme, at the terminal's real size
/// from the start (resuming clamps the saved scroll to the page's length).
fn build_app(
    course: Course,
    pages: Option<PageStore>,
    progress: Progress,
    chosen: ChosenTheme,
    warnings: Vec<String>,
) -> App {
    let (width, height) = tui::terminal_size().unwrap_or((80, 24));
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut app = App::new(course, chosen.theme, progress, area);
    if let Some(pages) = pages {
        app.read_pages_from(pages);
    }
    app.message = warnings.into_iter().next();
    if let Some(name) = chosen.remember {
        app.progress.edit().theme = Some(name);
    }
    if let Some((terminal, since)) = chosen.silent {
        let progress = app.progress.edit();
        progress.silent_terminal = Some(terminal);
        progress.silent_since = Some(since);
    }
    app
}

/// The quiz round asked for, else the page asked for, else where the learner left off.
fn start_where_asked(app: &mut App, launch: &Launch<'_>, session: Option<Session>, page: Option<usize>) {
    app.quiz_options = launch.round.as_ref().map_or_else(|| quiz::options(None), |(_, options)| *options);
    match session {
        Some(session) => app.start_session(session),
        None if launch.round.is_some() => app.start_quiz(),
        None => {
            if let Some(page) = page {
                app.open_page(page, 0);
            }
        }
    }
}

/// Step 5, practice (`status-tutor practice`): its options, and the workspace said
/// before the screen takes the terminal. The command itself is the learner's yes to the
/// folder (the first `x` asks instead).
fn open_practice(app: &mut App, args: &PracticeArgs) {
    let workspace = practice::workspace_for(args.workspace.as_deref(), &app.progress);
    say(&format!("status-tutor: practice workspace: {}", printable(&workspace.root().display().to_string())));
    app.practice_options = PracticeOptions {
        workspace: Some(workspace.root().to_path_buf()),
        python: args.python.clone(),
        manual_run: args.manual_run,
    };
    app.open_practice(None);
}

/// The page asked for on the command line; an unknown one is a usage error (exit 2).
/// A word close to a command was a mistyped command: clap's error says which.
fn page_argument(cli: &Cli, course: &Course) -> Result<Option<usize>, ExitCode> {
    cli.page.as_deref().map(|p| open::page_for(course, p)).transpose().map_err(|message| {
        match &cli.not_a_command {
            Some(clap) if clap.near_a_command => say(clap.text().trim_end()),
            Some(clap) => {
                console::error(&message);
                say(clap.text().trim_end());
            }
            None => console::error(&message),
        }
        ExitCode::from(2)
    })
}
