//! Thin entry point: parse the CLI, load the course before the terminal changes, run, exit.
use clap::Parser;
use status_tutor::cli::{Cli, Command};
use status_tutor::commands::{check, explain, list, paint::Paint};
use status_tutor::content::{Course, CourseFiles, Problem, load};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("status-tutor: {message}");
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
            let clean = check::run(files, &mut stdout).map_err(|e| e.to_string())?;
            Ok(if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
        Some(Command::List) => {
            let course = course(cli.content.as_deref())?;
            list::run(&course, Paint::for_stdout(), &mut stdout).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Explain { query }) => {
            let course = course(cli.content.as_deref())?;
            match explain::find(&course, query) {
                Ok(subject) => {
                    explain::write_card(&course, &subject, Paint::for_stdout(), &mut stdout).map_err(|e| e.to_string())?;
                    Ok(ExitCode::SUCCESS)
                }
                Err(message) => Err(message),
            }
        }
        Some(Command::Quiz(_)) | None => {
            let course = course(cli.content.as_deref())?;
            list::run(&course, Paint::for_stdout(), &mut stdout).map_err(|e| e.to_string())?;
            stdout.flush().map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
    }
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

fn describe_problems(origin: &str, problems: &[Problem]) -> String {
    let errors: Vec<String> = problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect();
    format!("{origin} has {} problem(s):\n{}\n(run `status-tutor check` for details)", errors.len(), errors.join("\n"))
}
