//! Thin entry point: parse the CLI, load the course before the terminal changes, run, exit.
use clap::Parser;
use ratatui::layout::Rect;
use status_tutor::app::{self, App, Clock, QuizOptions, SystemClock};
use status_tutor::cli::QuizArgs;
use status_tutor::cli::{Cli, Command};
use status_tutor::commands::paint::{Paint, no_color};
use status_tutor::commands::{check, explain, list};
use status_tutor::content::{Course, CourseFiles, Problem, load};
use status_tutor::progress::{Progress, Store};
use status_tutor::quiz::{Session, plain};
use status_tutor::sanitize::printable;
use status_tutor::theme::Theme;
use status_tutor::tui;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Like `eprintln!`, which panics when stderr is closed or its terminal is gone; a message
/// nobody can read is dropped instead.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            // Not eprintln!, which panics when stderr is gone (a closed terminal).
            let _ = writeln!(io::stderr(), "status-tutor: {}", printable(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let mut stdout = io::stdout().lock();
    match &cli.command {
        Some(Command::Check { dir }) => {
            let files = match dir.as_deref().or(cli.content.as_deref()) {
                Some(dir) => CourseFiles::read_dir(dir),
                None => Ok(CourseFiles::embedded()),
            };
            let Some(clean) = quietly(check::run(files, &mut stdout))? else { return Ok(ExitCode::SUCCESS) };
            Ok(if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::List) => {
            let course = course(cli.content.as_deref())?;
            quietly(list::run(&course, Paint::for_stdout(), &mut stdout))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Explain { query }) => {
            let course = course(cli.content.as_deref())?;
            match explain::find(&course, query) {
                Ok(subject) => {
                    quietly(explain::write_card(&course, &subject, Paint::for_stdout(), &mut stdout))?;
                    Ok(ExitCode::SUCCESS)
                }
                Err(message) => Err(message),
            }
        }
        Some(Command::Quiz(args)) if args.plain => {
            drop(stdout);
            plain_quiz(&cli, args)
        }
        Some(Command::Quiz(args)) => {
            drop(stdout);
            tutorial(&cli, Some(args))
        }
        None => {
            drop(stdout);
            tutorial(&cli, None)
        }
    }
}

/// A reader that went away (`status-tutor list | head -1`) is a quiet success: it had
/// what it wanted. `None` then; any other failure is the error message.
fn quietly<T>(result: io::Result<T>) -> Result<Option<T>, String> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// How a round is drawn, from the flags: a seed from the clock unless one was given.
fn quiz_options(args: Option<&QuizArgs>) -> QuizOptions {
    let seed = args.and_then(|a| a.seed).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
    });
    let count = match args {
        Some(args) if args.all => None,
        Some(args) => Some(usize::from(args.questions)),
        None => Some(12),
    };
    QuizOptions { count, seed }
}

/// `quiz --plain`: the same state machine over stdin/stdout, no escape sequences.
/// With `--json` the transcript goes to stderr and the results to stdout as JSON.
fn plain_quiz(cli: &Cli, args: &QuizArgs) -> Result<ExitCode, String> {
    let course = course(cli.content.as_deref())?;
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &course.id);
    for warning in &warnings {
        say!("status-tutor: warning: {}", printable(warning));
    }
    let options = quiz_options(Some(args));
    let mut session = Session::new(app::quiz_bank(&course), options.count, options.seed);
    let clock = SystemClock::default();
    let input = io::stdin().lock();
    let result = if args.json {
        plain::run_round(&mut session, input, io::stderr().lock(), || clock.now_ms()).and_then(|score| {
            let json = serde_json::to_string_pretty(&score).map_err(io::Error::other)?;
            writeln!(io::stdout(), "{json}")?;
            Ok(score)
        })
    } else {
        plain::run(&mut session, input, io::stdout().lock(), || clock.now_ms())
    };
    let score = match result {
        Ok(score) => score,
        // The reader went away (`| head`): nothing left to say to anyone.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
    };
    if let Some(round) = app::round_record(&score, clock.date()) {
        progress.record_round(round);
        if let Some(warning) = store.save(&progress) {
            say!("status-tutor: warning: {}", printable(&warning));
        }
    }
    if let Some(best) = &progress.quiz.best {
        say!("Best score so far: {}/{}", best.correct, best.total);
    }
    Ok(ExitCode::SUCCESS)
}

/// The full-screen tutorial (straight into the quiz with `quiz`). Everything that can
/// fail is done before the terminal changes.
fn tutorial(cli: &Cli, quiz: Option<&QuizArgs>) -> Result<ExitCode, String> {
    if !io::stdout().is_terminal() {
        say!(
            "status-tutor: standard output is not a terminal, so the full-screen tutorial cannot start.\n\
             Try `status-tutor list` for the contents, `status-tutor explain 404` for one code, \
             or `status-tutor quiz --plain` for the quiz."
        );
        return Ok(ExitCode::from(2));
    }
    let course = course(cli.content.as_deref())?;
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &course.id);
    for warning in &warnings {
        say!("status-tutor: warning: {}", printable(warning));
    }
    if cli.reset_progress {
        if !confirm(&format!(
            "Forget what you have read and scored in \"{}\" ({})?",
            printable(&course.title),
            printable(&store.path().display().to_string())
        ))? {
            return Ok(ExitCode::SUCCESS);
        }
        store.reset().map_err(|e| format!("could not remove {}: {e}", store.path().display()))?;
        progress = Progress::default();
    }
    let theme = Theme::new(cli.theme, no_color());
    // The real size from the start: resuming clamps the saved scroll to the page's length.
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(course, theme, progress, Rect::new(0, 0, width, height));
    app.message = warnings.into_iter().next();
    app.quiz_options = quiz_options(quiz);
    if quiz.is_some() {
        app.start_quiz();
    }
    match tui::run(&mut app, store).map_err(|e| format!("terminal error: {e}"))? {
        tui::Ending::Quit => Ok(ExitCode::SUCCESS),
        // The terminal went away: a normal exit, with the status a SIGHUP would give.
        tui::Ending::Hangup => Ok(ExitCode::from(129)),
    }
}

/// Asks a yes/no question on the terminal; without a terminal on stdin the answer is yes,
/// since the flag itself was the request.
fn confirm(question: &str) -> Result<bool, String> {
    if !io::stdin().is_terminal() {
        return Ok(true);
    }
    let _ = write!(io::stderr(), "{question} [y/N] ");
    let mut answer = String::new();
    io::stdin().read_line(&mut answer).map_err(|e| e.to_string())?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// Loads and validates the course; on failure, every problem is the error message.
fn course(dir: Option<&Path>) -> Result<Course, String> {
    let files = match dir {
        Some(dir) => CourseFiles::read_dir(dir),
        None => Ok(CourseFiles::embedded()),
    };
    let origin = dir.map_or("the built-in course".to_string(), |d| d.display().to_string());
    match files.map(|f| load(&f)) {
        Ok(Ok(loaded)) => Ok(loaded.course),
        Ok(Err(problems)) | Err(problems) => Err(describe_problems(&origin, &problems)),
    }
}

/// The first few problems; `check` prints them all with excerpts.
fn describe_problems(origin: &str, problems: &[Problem]) -> String {
    const SHOWN: usize = 8;
    let errors: Vec<String> = problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect();
    let more = errors.len().saturating_sub(SHOWN);
    let more = if more > 0 { format!("\n... and {more} more") } else { String::new() };
    let shown = errors.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("\n");
    format!(
        "{origin} has {} problem(s):\n{shown}{more}\n(`status-tutor check` prints them all, with the offending lines)",
        errors.len()
    )
}
