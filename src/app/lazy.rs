//! A cached `--content` course: a page's blocks are read from the cache when it is opened
//! and only the last few are kept, so memory grows with what is shown, not with the
//! course. Its search index is built on a thread, never while a key waits.
use super::{App, Update};
use crate::content::cache::PageStore;
use crate::content::{Block, CalloutStyle, Course, Page};
use crate::keys::Action;
use crate::search::{self, SearchIndex};
use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

/// From this many pages, the search index is built on a thread.
const BACKGROUND_INDEX: usize = 500;

/// How many pages keep their blocks in memory (the open one and the last few, for going back).
const KEPT: usize = 8;

pub(super) struct LazyPages {
    store: Arc<PageStore>,
    /// Pages whose blocks are in memory, oldest first.
    loaded: VecDeque<usize>,
    /// The whole index, while it is being built.
    index: Option<Receiver<SearchIndex>>,
    /// Tells the event loop the whole index is ready (it then calls `search_index_ready`).
    wake: Option<Waker>,
}

/// Called from the thread that built the search index, once it is sent.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

impl App {
    /// Reads pages' blocks from `store` as they are opened (the course's are empty).
    pub fn read_pages_from(&mut self, store: PageStore) {
        let wake = self.lazy.take().and_then(|lazy| lazy.wake);
        self.lazy = Some(LazyPages { store: Arc::new(store), loaded: VecDeque::new(), index: None, wake });
        self.document_key = (usize::MAX, 0);
        self.relayout();
    }

    /// Puts page `page`'s blocks in the course, from the cache, before it is laid out.
    pub(super) fn load_blocks(&mut self, page: usize) {
        let Some(lazy) = &mut self.lazy else { return };
        if lazy.loaded.contains(&page) || page >= self.course.pages.len() {
            return;
        }
        let blocks = lazy.store.blocks(page).unwrap_or_else(|e| {
            vec![Block::Callout {
                style: CalloutStyle::Correction,
                title: Some("This page could not be read from the cache".to_string()),
                text: format!("{e}. Start status-tutor again: the course will be read from its files."),
            }]
        });
        self.course.pages[page].blocks = blocks;
        lazy.loaded.push_back(page);
        if lazy.loaded.len() > KEPT
            && let Some(old) = lazy.loaded.pop_front()
        {
            self.course.pages[old].blocks = Vec::new();
        }
    }

    /// Page `page` with its blocks, to lay out without opening it (`n` / `N` across
    /// pages): as it is, or a copy with its blocks read from the store.
    pub(super) fn page_with_blocks(&self, page: usize) -> Option<Cow<'_, Page>> {
        let stored = self.course.pages.get(page)?;
        match &self.lazy {
            Some(lazy) if !lazy.loaded.contains(&page) => {
                let blocks = lazy.store.blocks(page).ok()?;
                Some(Cow::Owned(Page { blocks, ..stored.clone() }))
            }
            _ => Some(Cow::Borrowed(stored)),
        }
    }

    /// `r` from the feedback finds the answer's passage in the page's blocks: a cached
    /// course's page is read first.
    pub(super) fn before_quiz_action(&mut self, action: Action) {
        if action != Action::ReadPage || self.lazy.is_none() {
            return;
        }
        if let Some((page, _)) = self.quiz.as_ref().and_then(|quiz| quiz.teaching_page(&self.course)) {
            self.load_blocks(page);
        }
    }

    /// The search index: a small course's whole index at once; for a big cached course,
    /// titles at once and every page's text as soon as the thread that reads them is done.
    pub(super) fn search_index(&mut self) -> &SearchIndex {
        if let Some(lazy) = &mut self.lazy
            && lazy.store.len() < BACKGROUND_INDEX
            && self.search_index.is_none()
        {
            // A small course (the built-in one) is indexed at once, as fast as a keystroke.
            let store = &lazy.store;
            self.search_index =
                Some(SearchIndex::build_each(&self.course, |page| store.blocks(page).unwrap_or_default()));
        }
        if let Some(lazy) = &mut self.lazy
            && lazy.store.len() >= BACKGROUND_INDEX
        {
            let receiver = lazy.index.get_or_insert_with(|| {
                let (sender, receiver) = mpsc::channel();
                let store = Arc::clone(&lazy.store);
                let course = self.course.clone();
                let wake = lazy.wake.clone();
                std::thread::spawn(move || {
                    // One page's blocks in memory at a time.
                    let index = SearchIndex::build_each(&course, |page| store.blocks(page).unwrap_or_default());
                    // The app may have quit; if not, its open search is refreshed at once.
                    if sender.send(index).is_ok()
                        && let Some(wake) = wake
                    {
                        wake();
                    }
                });
                self.search_index = None;
                receiver
            });
            if let Ok(index) = receiver.try_recv() {
                self.search_index = Some(index);
            }
        }
        let titles_only = self.lazy.is_some();
        self.search_index.get_or_insert_with(|| {
            if titles_only { SearchIndex::titles(&self.course) } else { SearchIndex::build(&self.course) }
        })
    }
}

impl App {
    /// `wake` is called when a big course's whole search index, built on a thread, is
    /// ready; the event loop then calls `search_index_ready`.
    pub fn wake_when_search_is_ready(&mut self, wake: Waker) {
        if let Some(lazy) = &mut self.lazy {
            lazy.wake = Some(wake);
        }
    }

    /// Takes the whole search index once its thread is done, and makes an open search's
    /// results again from it: they no longer come from titles only, without waiting for
    /// the next key. A change only when a search is open.
    pub fn search_index_ready(&mut self) -> Update {
        let Some(index) = self.lazy.as_ref().and_then(|lazy| lazy.index.as_ref()?.try_recv().ok()) else {
            return Update::NotChanged;
        };
        self.search_index = Some(index);
        self.refresh_search()
    }
}

/// A cached page's searchable text, read again for a search excerpt.
pub(super) fn page_text(lazy: Option<&LazyPages>, course: &Course, page: usize) -> Option<String> {
    let blocks = lazy?.store.blocks(page).ok()?;
    Some(search::page_text(course.pages.get(page)?, &blocks))
}
