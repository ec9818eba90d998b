//! The entry point: parse the command line and hand it to its command; each command
//! lives in `status_tutor::commands`.
use status_tutor::cli::{self, Cli, Command};
use status_tutor::commands::console::{self, quietly};
use status_tutor::commands::course_source::{course, progress_key};
use status_tutor::commands::paint::Paint;
use status_tutor::commands::quiz;
use status_tutor::commands::tutorial::{self, Launch};
use status_tutor::commands::{audit, check, explain, list, practice, reset, stats};
use status_tutor::content::{CourseFiles, embedded};
use status_tutor::progress::Store;
use status_tutor::quiz_bank::QuizOptions;
use status_tutor::quiz_bank::RoundRequest;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(message) => {
            console::error(&message);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, String> {
    if cli.reset_progress {
        let forgotten = reset::run(cli)?;
        // A script resetting progress has no terminal for the tutorial: done.
        if !forgotten || (cli.command.is_none() && !io::stdout().is_terminal()) {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let tutorial = |round, practice| tutorial::run(&Launch { cli, round, practice });
    match &cli.command {
        None => tutorial(None, None),
        Some(Command::Check { dir }) => {
            let files = match dir.as_deref().or(cli.content.as_deref()) {
                Some(dir) => CourseFiles::read_dir(dir),
                None => Ok(embedded::files()),
            };
            let clean = quietly(check::run(files, &mut io::stdout().lock()))?.unwrap_or(true);
            Ok(if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::List) => {
            let course = course(cli.content.as_deref())?;
            let key = progress_key(cli.content.as_deref(), &course.id);
            let (_, progress, _) = Store::open(cli.data_dir.as_deref(), &key);
            quietly(list::run(&course, &progress, Paint::for_stdout(), &mut io::stdout().lock()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Explain { query }) => {
            let course = course(cli.content.as_deref())?;
            let subject = explain::find(&course, query)?;
            quietly(explain::write_card(&course, &subject, Paint::for_stdout(), &mut io::stdout().lock()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Quiz(args)) => {
            let round = (RoundRequest::of(args.retry_missed, &args.topic), quiz::options(Some(args)));
            if args.plain { quiz::plain(cli, &round, args.json) } else { tutorial(Some(round), None) }
        }
        Some(Command::Review(args)) => {
            let seed = args.seed.unwrap_or(quiz::options(None).seed);
            let round = (RoundRequest::Review, QuizOptions { count: Some(usize::from(args.questions)), seed });
            if args.plain { quiz::plain(cli, &round, args.json) } else { tutorial(Some(round), None) }
        }
        Some(Command::Stats { json }) => {
            let course = course(cli.content.as_deref())?;
            let key = progress_key(cli.content.as_deref(), &course.id);
            let (_, progress, _) = Store::open(cli.data_dir.as_deref(), &key);
            quietly(stats::write(&course, &progress, *json, &mut io::stdout().lock())).map(|_| ExitCode::SUCCESS)
        }
        Some(Command::Audit(args)) => {
            let titles = io::stdout().is_terminal().then(|| course(cli.content.as_deref()).ok()).flatten();
            Ok(ExitCode::from(audit::run(args, titles.as_ref(), &mut io::stdout().lock())))
        }
        Some(Command::Practice(args)) if args.action.is_none() => tutorial(None, Some(args)),
        Some(Command::Practice(args)) => practice::run(cli, args),
    }
}
