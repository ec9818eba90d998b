//! Thin entry point: parse the CLI, load the course before the terminal changes, run, exit.
use clap::Parser;
use ratatui::layout::Rect;
use status_tutor::app::{App, Clock, QuizOptions, SystemClock};
use status_tutor::cli::QuizArgs;
use status_tutor::cli::{Cli, Command, PracticeArgs, PracticeCommand};
use status_tutor::commands::course_source::{course, course_and_pages, opened, progress_key};
use status_tutor::commands::paint::{Paint, no_color};
use status_tutor::commands::rounds::{self, NoRound, Request};
use status_tutor::commands::{check, explain, list, open, practice};
use status_tutor::content::cache;
use status_tutor::content::{Course, CourseFiles, embedded};
use status_tutor::progress::{Progress, Store};
use status_tutor::sanitize::printable;
use status_tutor::theme::Theme;
use status_tutor::theme_choice::{self, Question, Reply};
use status_tutor::tui;
use std::io::{self, IsTerminal, Write};
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
    if cli.reset_progress {
        let forgotten = reset_progress(&cli)?;
        // A script resetting progress has no terminal for the tutorial: done.
        if !forgotten || (cli.command.is_none() && !io::stdout().is_terminal()) {
            return Ok(ExitCode::SUCCESS);
        }
    }
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
        Some(Command::Quiz(args)) => {
            drop(stdout);
            let request = if args.topic.is_empty() { Request::Full } else { Request::Topics(args.topic.clone()) };
            let round = (request, quiz_options(Some(args)));
            if args.plain { plain_quiz(&cli, &round, args.json) } else { tutorial(&cli, Some(round), None) }
        }
        Some(Command::Review(args)) => {
            drop(stdout);
            let seed = quiz_options(None).seed;
            let options = QuizOptions { count: Some(usize::from(args.questions)), seed: args.seed.unwrap_or(seed) };
            let round = (Request::Review, options);
            if args.plain { plain_quiz(&cli, &round, args.json) } else { tutorial(&cli, Some(round), None) }
        }
        Some(Command::Practice(args)) if args.action.is_none() => {
            drop(stdout);
            tutorial(&cli, None, Some(args))
        }
        Some(Command::Practice(args)) => {
            drop(stdout);
            practice_command(&cli, args)
        }
        None => {
            drop(stdout);
            tutorial(&cli, None, None)
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

/// `quiz --plain` and `review --plain`: the same state machine over stdin/stdout, no
/// escape sequences. With `--json` the transcript goes to stderr and the results to
/// stdout as JSON. Each answer is saved as it is given.
fn plain_quiz(cli: &Cli, (request, options): &(Request, QuizOptions), json: bool) -> Result<ExitCode, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    for warning in &warnings {
        say!("status-tutor: warning: {}", printable(warning));
    }
    let clock = SystemClock::default();
    let mut session = match rounds::session(&course, &progress, request, options.count, options.seed, clock.unix()) {
        Ok(session) => session,
        Err(refusal) => return Ok(refused(&refusal)),
    };
    match rounds::run_plain(&mut session, &mut store, &mut progress, json, &clock) {
        Ok(_) => {}
        // The reader went away (`| head`): nothing left to say to anyone.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
    }
    if let Some(best) = &progress.quiz.best {
        let percent = status_tutor::quiz::percent(best.correct as usize, best.total as usize);
        say!("Best full round so far: {}/{} ({percent}%)", best.correct, best.total);
    }
    Ok(ExitCode::SUCCESS)
}

/// Says why no round was drawn: an unknown topic is a usage error (2), nothing due is
/// not an error (0).
fn refused(refusal: &NoRound) -> ExitCode {
    match refusal {
        NoRound::UnknownTopic(message) => {
            say!("status-tutor: {}", printable(message));
            ExitCode::from(2)
        }
        NoRound::NothingDue(message) => {
            let _ = writeln!(io::stdout(), "{}", printable(message)); // a closed stdout is no error
            ExitCode::SUCCESS
        }
    }
}

/// The full-screen tutorial (straight into the quiz with `quiz`). Everything that can
/// fail is done before the terminal changes.
fn tutorial(
    cli: &Cli,
    quiz: Option<(Request, QuizOptions)>,
    practice: Option<&PracticeArgs>,
) -> Result<ExitCode, String> {
    if !io::stdout().is_terminal() {
        // The page is checked first: an unknown one is a usage error, terminal or not.
        let (course, _) = course_and_pages(cli.content.as_deref())?;
        if let Err(code) = page_argument(cli, &course) {
            return Ok(code);
        }
        say!(
            "status-tutor: standard output is not a terminal, so the full-screen tutorial cannot start.\n\
             Try `status-tutor list` for the contents, `status-tutor explain 404` for one code, \
             or `status-tutor quiz --plain` for the quiz."
        );
        return Ok(ExitCode::from(2));
    }
    // The built-in course's id comes before the course: with the progress file read, the
    // terminal's background (when nothing else chose the theme) is asked before the
    // course is decoded and answered after, so the round trip overlaps the decoding.
    // A course read from its files is cached after the first frame, on its own thread
    // (a big course's first launch), and in any case before the process exits.
    let mut cache_write = cache::DeferredWrite::default();
    let (loaded, course_id) = match cli.content.as_deref() {
        None => (None, embedded::course_id()?),
        Some(dir) => {
            let (cached, write) = opened(dir)?;
            cache_write = write;
            let id = cached.course.id.clone();
            (Some((cached.course, cached.pages)), id)
        }
    };
    let key = progress_key(cli.content.as_deref(), &course_id);
    let (store, progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    let env_theme = std::env::var("STATUS_TUTOR_THEME").ok();
    let decided = theme_choice::decided(cli.theme, env_theme.as_deref(), progress.theme.as_deref());
    let terminal = theme_choice::terminal_name(
        std::env::var("TERM").ok().as_deref(),
        std::env::var("TERM_PROGRAM").ok().as_deref(),
    );
    // Not asked under NO_COLOR (there are no colours to choose), nor in a terminal that
    // did not answer in the last week (each launch would wait the whole 100 ms).
    let now = SystemClock::default().unix();
    let silent =
        theme_choice::silent_lately(progress.silent_terminal.as_deref(), progress.silent_since, &terminal, now);
    let ask = decided.is_none() && !no_color() && !silent;
    let question = ask.then(|| Question::send(std::time::Duration::from_millis(100))).flatten();
    let loaded = match loaded {
        Some(loaded) => Ok(loaded),
        None => embedded::course_and_pages().map(|(course, pages)| (course, Some(pages))),
    };
    let reply = question.map(Question::answer);
    let (course, pages) = loaded?;
    let page = match page_argument(cli, &course) {
        Ok(page) => page,
        Err(code) => return Ok(code),
    };
    for warning in &warnings {
        say!("status-tutor: warning: {}", printable(warning));
    }
    let (name, source) = decided.unwrap_or_else(|| theme_choice::from_reply(reply));
    let theme = Theme::new(name, no_color());
    // The real size from the start: resuming clamps the saved scroll to the page's length.
    let (width, height) = tui::terminal_size().unwrap_or((80, 24));
    let session = match &quiz {
        Some((Request::Full, _)) | None => None,
        Some((request, options)) => {
            match rounds::session(&course, &progress, request, options.count, options.seed, now) {
                Ok(session) => Some(session),
                Err(refusal) => return Ok(refused(&refusal)),
            }
        }
    };
    let mut app = App::new(course, theme, progress, Rect::new(0, 0, width, height));
    if let Some(pages) = pages {
        app.read_pages_from(pages);
    }
    app.message = warnings.into_iter().next();
    if source == theme_choice::Source::Flag {
        app.progress.edit().theme = Some(theme_choice::name(name));
    }
    if reply == Some(Reply::Silent) {
        let progress = app.progress.edit();
        progress.silent_terminal = Some(terminal);
        progress.silent_since = Some(now);
    }
    app.quiz_options = quiz.as_ref().map_or_else(|| quiz_options(None), |(_, options)| *options);
    match session {
        Some(session) => app.start_session(session),
        None if quiz.is_some() => app.start_quiz(),
        None => {
            if let Some(page) = page {
                app.open_page(page, 0);
            }
        }
    }
    if let Some(args) = practice {
        app.practice_options = status_tutor::app::PracticeOptions {
            workspace: args.workspace.clone(),
            python: args.python.clone(),
            manual_run: args.manual_run,
        };
        let workspace = practice::workspace_for(args.workspace.as_deref(), &app.progress);
        say!("status-tutor: practice workspace: {}", printable(&workspace.root().display().to_string()));
        app.open_practice(None);
    }
    let ending = tui::run(&mut app, store, || cache_write.start());
    cache_write.finish();
    match ending.map_err(|e| format!("terminal error: {e}"))? {
        tui::Ending::Quit => Ok(ExitCode::SUCCESS),
        // The terminal went away: a normal exit, with the status a SIGHUP would give.
        tui::Ending::Hangup => Ok(ExitCode::from(129)),
    }
}

/// The page asked for on the command line; an unknown one is a usage error (exit 2).
fn page_argument(cli: &Cli, course: &Course) -> Result<Option<usize>, ExitCode> {
    cli.page.as_deref().map(|p| open::page_for(course, p)).transpose().map_err(|message| {
        say!("status-tutor: {}\nThe commands are check, explain, list and quiz (see --help).", printable(&message));
        ExitCode::from(2)
    })
}

/// `practice list|check|reset|setup`: practice without the full-screen interface.
fn practice_command(cli: &Cli, args: &PracticeArgs) -> Result<ExitCode, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, mut progress, warnings) = Store::open(cli.data_dir.as_deref(), &key);
    for warning in &warnings {
        say!("status-tutor: warning: {}", printable(warning));
    }
    let workspace = practice::workspace_for(args.workspace.as_deref(), &progress);
    let mut out = io::stdout().lock();
    // The workspace used is remembered, so the next command (and the TUI) finds it.
    let remember = |progress: &mut Progress, store: &mut Store, done: Option<String>| {
        let path = workspace.root().to_str().map(str::to_string);
        let moved = path.is_some() && progress.practice.workspace != path;
        if moved {
            progress.practice.workspace = path;
        }
        let solved = done.is_some_and(|id| progress.practice.done.insert(id));
        if (moved || solved)
            && let Some(warning) = store.sync(progress)
        {
            say!("status-tutor: warning: {}", printable(&warning));
        }
    };
    match args.action.as_ref() {
        Some(PracticeCommand::List) | None => {
            quietly(practice::list(&course, &progress, &workspace, Paint::for_stdout(), &mut out))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(PracticeCommand::Check { id, json }) => {
            let index = practice::find(&course, id.as_deref(), &progress)?;
            practice::prepare(&workspace, &course)?;
            let python = status_tutor::practice::python::find(args.python.as_deref(), &workspace);
            let passed = practice::check(&course, index, &workspace, &python, *json, &mut out)?;
            let done = passed.then(|| course.exercises[index].id.clone());
            remember(&mut progress, &mut store, done);
            Ok(if passed { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(PracticeCommand::Reset { id, yes }) => {
            let index = practice::find(&course, Some(id), &progress)?;
            let exercise = &course.exercises[index];
            let file = workspace.file_for(index + 1, &exercise.id);
            let question = format!("Put the starter code back in {}? Your changes to it are lost.", file.display());
            if file.exists() && !yes && !confirm(&question, "practice reset")? {
                return Ok(ExitCode::SUCCESS);
            }
            let path =
                workspace.reset(index + 1, exercise).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            writeln!(out, "Starter code restored in {}", path.display()).map_err(|e| e.to_string())?;
            remember(&mut progress, &mut store, None);
            Ok(ExitCode::SUCCESS)
        }
        Some(PracticeCommand::Setup) => {
            let base = args.python.clone().unwrap_or_else(|| "python3".into());
            let python = status_tutor::practice::python::setup(&base, &workspace, &mut out)?;
            practice::prepare(&workspace, &course)?;
            remember(&mut progress, &mut store, None);
            writeln!(out, "Practice with: status-tutor practice  (checks run with {})", python.display())
                .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `--reset-progress`: asks first (unless `--yes`), forgets, and says what it did.
/// Returns whether the progress was forgotten.
fn reset_progress(cli: &Cli) -> Result<bool, String> {
    let course = course(cli.content.as_deref())?;
    let key = progress_key(cli.content.as_deref(), &course.id);
    let (mut store, _, _) = Store::open(cli.data_dir.as_deref(), &key);
    let path = store.path().display().to_string();
    if !cli.yes
        && !confirm(
            &format!(
                "Forget what you have read and scored in \"{}\" ({})?",
                printable(&course.title),
                printable(&path)
            ),
            "--reset-progress",
        )?
    {
        say!("Nothing forgotten.");
        return Ok(false);
    }
    let existed = store.path().exists();
    store.reset().map_err(|e| format!("could not remove {path}: {e}"))?;
    let what = if existed { format!("{path} removed") } else { format!("nothing was kept yet at {path}") };
    say!("Progress for \"{}\" forgotten ({}).", printable(&course.title), printable(&what));
    Ok(true)
}

/// Asks a yes/no question on the terminal. Without one there is nobody to ask: the
/// caller must say `--yes`.
fn confirm(question: &str, command: &str) -> Result<bool, String> {
    if !io::stdin().is_terminal() {
        return Err(format!("{command}: no terminal to ask on; add --yes to go ahead without asking"));
    }
    let _ = write!(io::stderr(), "{question} [y/N] ");
    let mut answer = String::new();
    io::stdin().read_line(&mut answer).map_err(|e| e.to_string())?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
