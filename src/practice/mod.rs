//! Practice mode: the learner writes a Django view, the shipped checker runs it.
pub mod checker_files;
pub mod job;
pub mod report;
