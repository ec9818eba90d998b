//! PLACEHOLDER until issue-8-exercises lands its report.rs (the protocol's shape).
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct Report {
    pub version: u32,
    pub load_error: Option<Failure>,
    pub checks: Vec<CheckResult>,
    pub output: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct Failure {
    pub kind: String,
    pub message: String,
    pub frames: Vec<Frame>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct Frame {
    pub file: String,
    pub line: u32,
    pub function: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(default)]
pub struct CheckResult {
    pub index: usize,
    pub request: String,
    pub passed: bool,
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub differences: Vec<String>,
    pub exception: Option<Failure>,
}
