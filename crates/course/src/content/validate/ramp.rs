//! The practice list ramps: it opens with a warm-up, and within each section of the
//! contents an exercise is never easier than the one before it (the list follows the
//! lesson order, so each section is a short climb of its own).
use super::{Checker, Parsed};
use crate::content::model::{Difficulty, Exercise, Section};
use crate::content::raw;

impl Checker<'_> {
    pub(super) fn difficulty_ramp(
        &mut self,
        files: &[Parsed<raw::ExerciseFile>],
        exercises: &[Exercise],
        sections: &[Section],
    ) {
        let section_of = |page: usize| sections.iter().position(|s| s.pages.contains(&page));
        let span_of = |id: &str| files.iter().find(|f| f.value.id.get_ref() == id);
        if let Some(first) = exercises.first()
            && first.difficulty != Difficulty::WarmUp
            && let Some(file) = span_of(&first.id)
        {
            let message =
                format!("the first exercise is {}: the practice list opens with a warm-up", first.difficulty.label());
            self.problems.push(file.source().error(file.value.difficulty.span(), message));
        }
        for pair in exercises.windows(2) {
            let (before, this) = (&pair[0], &pair[1]);
            let Some(section) = section_of(this.page) else { continue };
            if section_of(before.page) != Some(section) || this.difficulty >= before.difficulty {
                continue;
            }
            let Some(file) = span_of(&this.id) else { continue };
            let message = format!(
                "a {} exercise after a {} one (`{}`) in the section \"{}\": within a section the practice \
                 list ramps up; make this one harder or that one easier",
                this.difficulty.label(),
                before.difficulty.label(),
                before.id,
                sections[section].title
            );
            self.problems.push(file.source().error(file.value.difficulty.span(), message));
        }
    }
}
