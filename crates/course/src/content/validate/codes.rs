//! codes.toml: the status codes and the Django names that answer with them.
use super::{Checker, Index, Parsed};
use crate::content::model::*;
use crate::content::raw;
use std::collections::{HashMap, HashSet};

impl Checker<'_> {
    pub(super) fn known_codes(&mut self, codes: &Parsed<raw::CodesFile>) -> HashMap<u16, String> {
        let mut known = HashMap::new();
        for entry in &codes.value.code {
            if let Some(code) = self.status(&codes.source(), &entry.get_ref().code)
                && known.insert(code, entry.get_ref().reason.get_ref().clone()).is_some()
            {
                let message = format!("status {code} is described twice in codes.toml");
                self.problems.push(codes.source().error(entry.get_ref().code.span(), message));
            }
        }
        known
    }

    pub(super) fn codes(&mut self, file: &Parsed<raw::CodesFile>, index: &Index) -> Vec<StatusCode> {
        let source = file.source();
        let mut codes: Vec<StatusCode> = file
            .value
            .code
            .iter()
            .filter_map(|entry| {
                let entry = entry.get_ref();
                // known_codes already reported a code outside 100-599
                let code = u16::try_from(*entry.code.get_ref()).ok().filter(|c| (100..=599).contains(c))?;
                Some(StatusCode {
                    code,
                    reason: self.text(&source, &entry.reason, "reason"),
                    meaning: self.text(&source, &entry.meaning, "meaning"),
                    rfc: self.text(&source, &entry.rfc, "rfc"),
                    http_status: self.text(&source, &entry.http_status, "http_status"),
                    django: entry.django.as_ref().map(|d| self.text(&source, d, "django")),
                    page: entry.page.as_ref().and_then(|p| self.page_ref(&source, p, index)),
                })
            })
            .collect();
        codes.sort_by_key(|c| c.code);
        codes
    }

    pub(super) fn django_names(&mut self, file: &Parsed<raw::CodesFile>, index: &Index) -> Vec<DjangoName> {
        let source = file.source();
        let mut seen = HashSet::new();
        let mut names = Vec::new();
        for entry in &file.value.django {
            let entry = entry.get_ref();
            let name = self.id_like(&source, &entry.name, "name");
            // the same name may live in two modules (Django's and DRF's PermissionDenied)
            if !seen.insert((name.clone(), entry.module.get_ref().trim().to_string())) {
                let message = format!("`{name}` is described twice for `{}`", entry.module.get_ref().trim());
                self.problems.push(source.error(entry.name.span(), message));
            }
            let status = entry.status.as_ref().and_then(|s| self.known_status(&source, s, index));
            names.push(DjangoName {
                kind: match entry.kind.get_ref() {
                    raw::DjangoKindEntry::Class => "class",
                    raw::DjangoKindEntry::Shortcut => "shortcut",
                    raw::DjangoKindEntry::Decorator => "decorator",
                    raw::DjangoKindEntry::Exception => "exception",
                    raw::DjangoKindEntry::Mixin => "mixin",
                    raw::DjangoKindEntry::Function => "function",
                },
                module: self.text(&source, &entry.module, "module"),
                status,
                summary: self.text(&source, &entry.summary, "summary"),
                page: entry.page.as_ref().and_then(|p| self.page_ref(&source, p, index)),
                name,
            });
        }
        names
    }
}
