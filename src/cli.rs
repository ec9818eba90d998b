//! Command-line interface: commands and flags. The doc comments are the help text.
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  status-tutor                       start the tutorial where you left off
  status-tutor 404                   open the tutorial at a page (also csrf, 404-not-found)
  status-tutor explain 404           a card about one code
  status-tutor explain 4xx           every client error the course teaches
  status-tutor explain login_required
  status-tutor explain csrf          the page on a topic (or the pages, for drf)
  status-tutor quiz --plain          the quiz without the full-screen interface
  status-tutor quiz --topic csrf     a round on one topic (a tag or a page id)
  status-tutor review                the questions due for review
  status-tutor stats --json          your progress, as JSON
  status-tutor practice              write Django views; a real Django checks them
  status-tutor check my-course/      validate a course you wrote
  status-tutor audit ~/my-site       find status-code mistakes in your Django project
  status-tutor --content my-course/  read another course";

/// A terminal tutorial of HTTP status codes, the way Django developers meet them.
#[derive(Debug, Parser)]
#[command(
    name = "status-tutor",
    version,
    after_help = EXAMPLES,
    override_usage = "status-tutor [OPTIONS] [PAGE]\n       status-tutor [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// Read the course in DIR instead of the built-in one (same format, same checks; cached
    /// after the first launch in the platform cache directory, or STATUS_TUTOR_CACHE_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Keep progress in DIR instead of the platform data directory
    #[arg(long, global = true, value_name = "DIR", env = "STATUS_TUTOR_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colours of the full-screen interface (remembered; else STATUS_TUTOR_THEME, else the
    /// terminal's background decides)
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeName>,

    /// Forget what you have read and scored in this course (asks first; --yes does not)
    #[arg(long)]
    pub reset_progress: bool,

    /// With --reset-progress: do not ask (for scripts and non-terminals)
    #[arg(long, requires = "reset_progress")]
    pub yes: bool,

    /// The page to open the tutorial at (`status-tutor 404`): a word that is no command.
    /// Not a clap argument, so that clap reports a mistyped command with its "did you
    /// mean" (see [`parse`]).
    #[arg(skip)]
    pub page: Option<String>,

    /// Clap's own error for the word taken as a page: shown when it is no page either.
    #[arg(skip)]
    pub not_a_command: Option<NotACommand>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A word that is no command, kept to be opened as a page.
#[derive(Debug)]
pub struct NotACommand {
    /// Clap's error, as it would have been printed.
    pub error: clap::Error,
    /// Clap found a command close to the word (`reveiw`: `review`).
    pub near_a_command: bool,
}

impl NotACommand {
    /// Clap's error as text for stderr.
    #[must_use]
    pub fn text(&self) -> String {
        self.error.render().to_string()
    }
}

/// The options that take a value: a word after one of them is that value, not a page.
const TAKES_A_VALUE: &[&str] = &["--content", "--data-dir", "--theme"];

/// The command line of this process; a usage error exits (2) with clap's message.
#[must_use]
pub fn parse() -> Cli {
    parse_from(std::env::args_os().collect()).unwrap_or_else(|error| error.exit())
}

/// Parses `args` (the program's name first). A word where a command goes that is no
/// command is taken as the page to open (`status-tutor 404`, `status-tutor csrf`), with
/// clap's error kept: the tutorial shows it when the word is no page either.
pub fn parse_from(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let error = match Cli::try_parse_from(&args) {
        Err(error) if error.kind() == ErrorKind::InvalidSubcommand => error,
        parsed => return parsed,
    };
    let Some(ContextValue::String(word)) = error.get(ContextKind::InvalidSubcommand).cloned() else {
        return Err(error);
    };
    let Some(at) = word_at(&args, &word) else { return Err(error) };
    let mut rest = args;
    rest.remove(at);
    let mut cli = Cli::try_parse_from(rest)?;
    if cli.command.is_some() {
        return Err(error); // `status-tutor csrf list`: the word is in a command's place
    }
    let near_a_command = error.get(ContextKind::SuggestedSubcommand).is_some();
    cli.page = Some(word);
    cli.not_a_command = Some(NotACommand { error, near_a_command });
    Ok(cli)
}

/// Where `word` stands in `args` as a word of its own (not an option's value).
fn word_at(args: &[OsString], word: &str) -> Option<usize> {
    let mut after_option = false;
    for (at, arg) in args.iter().enumerate().skip(1) {
        let text = arg.to_str().unwrap_or_default();
        if !after_option && text == word {
            return Some(at);
        }
        after_option = TAKES_A_VALUE.contains(&text);
    }
    None
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a course folder and print its problems as file:line:col: message
    Check {
        /// The course folder (default: the built-in course, or --content)
        dir: Option<PathBuf>,
    },
    /// Explain a status code (404), a class (4xx), a Django or DRF name (HttpResponseGone,
    /// NotAuthenticated), a page (404-not-found) or a topic (csrf, drf)
    Explain {
        /// What to explain
        query: String,
    },
    /// Print the table of contents: reading times, pages read, exercises and their checks
    List,
    /// Take the quiz: "Test your knowledge"
    Quiz(QuizArgs),
    /// Spaced review: the questions due (most overdue first), then new ones from pages read
    Review(ReviewArgs),
    /// Practice: write Django views in your editor, a real Django runs the checks
    Practice(PracticeArgs),
    /// Your progress: pages read, practice, quiz rounds, the review forecast, retention
    Stats {
        /// Print the numbers as JSON (see docs/review.md)
        #[arg(long)]
        json: bool,
    },
    /// Read a Django project's Python files (never run them) and report status-code mistakes,
    /// each with the lesson that explains it. Exit 0: none, 1: findings, 2: usage
    Audit(AuditArgs),
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// The project folder or file (default: the current folder)
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// One JSON array, an object per finding (file, line, col, rule, message, page, source)
    #[arg(long)]
    pub json: bool,
    /// Run only these rules (comma-separated; `all` for every rule, style ones included)
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out these rules (comma-separated)
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Print the rules (id, on by default, lesson, why) and exit
    #[arg(long)]
    pub rules: bool,
    /// Read test code too (tests/, test_*.py, tests.py, conftest.py: left out by default)
    #[arg(long)]
    pub tests: bool,
    /// Browse the findings full-screen: Enter shows the code beside the lesson, e edits
    #[arg(long, conflicts_with = "json")]
    pub tui: bool,
}

#[derive(Debug, clap::Args)]
pub struct PracticeArgs {
    #[command(subcommand)]
    pub action: Option<PracticeCommand>,
    /// The workspace folder (default: the one used before, else ./status-tutor-practice)
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// The Python that runs the checks (default: the workspace's .venv, else python3)
    #[arg(long, global = true, value_name = "PATH", env = "STATUS_TUTOR_PYTHON")]
    pub python: Option<PathBuf>,
    /// Do not watch the files (for file systems where watching fails): r runs the checks
    #[arg(long)]
    pub manual_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// Run an exercise's checks without the interface; exit 0 only when all of them pass
    Check {
        /// The exercise (default: the first one not done yet)
        id: Option<String>,
        /// Print the results as JSON
        #[arg(long)]
        json: bool,
    },
    /// List the exercises, their level (warm-up, core, stretch), done or not
    List,
    /// Put an exercise's starter code back in its file (asks first)
    Reset {
        /// The exercise
        id: String,
        /// Do not ask (for scripts and non-terminals)
        #[arg(long)]
        yes: bool,
    },
    /// Create <workspace>/.venv and install the pinned Django with pip
    Setup,
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Plain text over stdin/stdout: for screen readers, dumb terminals and scripts
    #[arg(long)]
    pub plain: bool,
    /// With --plain: print the final results as JSON
    #[arg(long, requires = "plain")]
    pub json: bool,
    /// At most N questions
    #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u16).range(1..))]
    pub questions: u16,
    /// Shuffle seed for the choices (and the new questions)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, clap::Args)]
pub struct QuizArgs {
    /// Plain text over stdin/stdout: for screen readers, dumb terminals and scripts
    #[arg(long)]
    pub plain: bool,
    /// With --plain: print the final results as JSON
    #[arg(long, requires = "plain")]
    pub json: bool,
    /// How many questions a round draws
    #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u16).range(1..))]
    pub questions: u16,
    /// Ask every question in the bank
    #[arg(long, conflicts_with = "questions")]
    pub all: bool,
    /// Shuffle seed: the same seed gives the same round
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Only questions on TOPIC: a tag (csrf, 4xx...) or a page id; repeat or separate with commas
    #[arg(long, value_name = "TOPIC", value_delimiter = ',')]
    pub topic: Vec<String>,
    /// Retry the questions missed in the last full round (as m does on the results screen)
    #[arg(long, conflicts_with_all = ["topic", "all"])]
    pub retry_missed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}
