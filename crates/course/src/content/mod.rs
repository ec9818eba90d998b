//! The course: TOML files -> validated `Course`. Knows nothing of the terminal.
mod anchor;
pub mod compact;
mod exchange;
pub mod load;
pub mod model;
mod parallel;
pub mod problem;
mod raw;
pub mod reading;
pub mod text_safety;
pub mod validate;

pub use anchor::{anchor_text, headings};
pub use load::CourseFiles;
pub use model::*;
pub use problem::{Problem, Severity};
pub use validate::{Loaded, load};
