//! PLACEHOLDER until issue-8-exercises lands the checker.
pub static CHECKER_FILES: &[(&str, &str)] = &[];
pub const CHECKER_VERSION: &str = "placeholder";
