//! Practice mode: the learner writes a Django view, a real Django answers the checks.
//!
//! `session` is the pure state machine; `runner` runs the shipped checker (Python) off
//! the UI thread; `watcher` turns saves into events; `workspace` owns the learner's files;
//! `python` finds the interpreter and sets up Django; `job` and `report` are the checker's
//! input and output; `service` is what the command line and the practice screen share.
pub mod checker_files;
pub mod describe;
pub mod job;
pub mod process;
pub mod python;
pub mod report;
pub mod runner;
pub mod service;
pub mod session;
pub mod warm;
pub mod watcher;
pub mod workspace;
