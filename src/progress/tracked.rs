//! The learner's progress as the application holds it: read freely, changed only through
//! [`Tracked::edit`], which counts the change. The loop that saves compares the count, so
//! no change can be forgotten by a flag nobody set.
use std::ops::Deref;

use super::Progress;

/// [`Progress`] with a count of the times it was handed out for change.
///
/// A change that bypasses the count does not compile:
///
/// ```compile_fail
/// let mut progress = status_tutor::progress::Tracked::default();
/// progress.welcomed = true; // no `DerefMut`: only `edit()` changes it
/// ```
///
/// ```
/// let mut progress = status_tutor::progress::Tracked::default();
/// progress.edit().welcomed = true;
/// assert!(progress.welcomed && progress.edits() == 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tracked {
    progress: Progress,
    edits: u64,
}

impl Tracked {
    /// Progress as loaded: nothing changed yet.
    #[must_use]
    pub fn new(progress: Progress) -> Tracked {
        Tracked { progress, edits: 0 }
    }

    /// The progress, to change; counted as a change (whether or not anything changes:
    /// the saver compares before it writes).
    pub fn edit(&mut self) -> &mut Progress {
        self.edits += 1;
        &mut self.progress
    }

    /// How many times [`Tracked::edit`] was called: a save is due when it moved.
    #[must_use]
    pub fn edits(&self) -> u64 {
        self.edits
    }
}

impl Deref for Tracked {
    type Target = Progress;

    fn deref(&self) -> &Progress {
        &self.progress
    }
}

impl From<Progress> for Tracked {
    fn from(progress: Progress) -> Tracked {
        Tracked::new(progress)
    }
}
