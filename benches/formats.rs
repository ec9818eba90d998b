//! The compact form of a checked course, measured in three formats: postcard (what ships:
//! `content::compact`), rkyv 0.8 (zero-copy; checked with bytecheck, as an untrusted cache
//! file must be, and unchecked, as information for the embedded copy) and bincode 2 (serde).
//! Each is used the way `compact` uses postcard: the course without its pages' blocks (the
//! head, decoded at launch) and each page's blocks apart (decoded when a page is opened,
//! after its CRC-32 is checked, as `compact::decode_blocks` does). For rkyv also the cost of
//! turning the archive into the `Course` values the rest of the program reads, and the
//! unsplit archive a zero-copy design would read in place.
//!
//! `cargo bench --features measure-formats --bench formats` prints sizes and medians for
//! the built-in course and the generated 10,000-page course (`target/big-course-10000`,
//! made by `benches/make-big-course.py` if missing, shared with `benches/big_course.rs`);
//! `-- builtin` skips the big one. For instruction counts, which do not change with
//! the machine's load, run one operation under callgrind, counting only `measured`:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*'
//! target/release/deps/formats-* once OP FORMAT [big]` (OP and FORMAT as printed).
//!
//! `formats dump DIR` writes the inputs of `examples/format_size_*.rs`.
//!
//! Under `cargo test --all-targets --features measure-formats` (no `--bench`) it checks
//! once, on the built-in course, that every format gives the course back unchanged.
#[path = "support/big_course.rs"]
mod big_course;

use std::error::Error;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rkyv::rancor::Error as RkyvError;
use rkyv::util::AlignedVec;
use status_tutor::content::compact::{self, Slot};
use status_tutor::content::{Block, Course, cache, embedded};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// rkyv's head: the course without blocks and where each page's blocks are.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug, PartialEq)]
struct Head {
    course: Course,
    slots: Vec<Span>,
}

/// `compact::Slot` for rkyv.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Debug, Clone, Copy, PartialEq)]
struct Span {
    offset: u64,
    len: u32,
    crc: u32,
}

/// A course in one format: the head, the blobs, and each page's place among the blobs.
struct Split<B> {
    head: B,
    blobs: B,
    slots: Vec<Slot>,
}

fn take_blocks(course: &mut Course) -> Vec<Vec<Block>> {
    course.pages.iter_mut().map(|p| std::mem::take(&mut p.blocks)).collect()
}

fn put_blocks(course: &mut Course, blocks: Vec<Vec<Block>>) {
    for (page, blocks) in course.pages.iter_mut().zip(blocks) {
        page.blocks = blocks;
    }
}

fn slot(offset: usize, blob: &[u8]) -> Slot {
    Slot { offset: offset as u64, len: blob.len() as u32, crc: crc32fast::hash(blob) }
}

fn postcard_split(course: &mut Course) -> Result<Split<Vec<u8>>> {
    let (head, blobs) = compact::encode_split(course)?;
    let slots = compact::decode_head(&head)?.1;
    Ok(Split { head, blobs, slots })
}

fn bincode_split(course: &mut Course) -> Result<Split<Vec<u8>>> {
    let config = bincode::config::standard();
    let taken = take_blocks(course);
    let (mut blobs, mut slots) = (Vec::new(), Vec::new());
    for blocks in &taken {
        let blob = bincode::serde::encode_to_vec(blocks, config)?;
        slots.push(slot(blobs.len(), &blob));
        blobs.extend(blob);
    }
    let head = bincode::serde::encode_to_vec((&*course, &slots), config);
    put_blocks(course, taken);
    Ok(Split { head: head?, blobs, slots })
}

/// Each page's archive starts 16-aligned among the blobs: rkyv reads only aligned bytes.
fn rkyv_split(course: &mut Course) -> Result<Split<AlignedVec>> {
    let taken = take_blocks(course);
    let (mut blobs, mut slots) = (AlignedVec::<16>::new(), Vec::new());
    for blocks in &taken {
        let blob = rkyv::to_bytes::<RkyvError>(blocks)?;
        blobs.resize(blobs.len().next_multiple_of(16), 0);
        slots.push(slot(blobs.len(), &blob));
        blobs.extend_from_slice(&blob);
    }
    let spans = slots.iter().map(|s| Span { offset: s.offset, len: s.len, crc: s.crc }).collect();
    // Moved in and out (a `Head` owns its course), never copied.
    let head = Head { course: std::mem::replace(course, empty()), slots: spans };
    let bytes = rkyv::to_bytes::<RkyvError>(&head);
    *course = head.course;
    put_blocks(course, taken);
    Ok(Split { head: bytes?, blobs, slots })
}

fn empty() -> Course {
    let none = String::new;
    Course {
        id: none(),
        title: none(),
        intro: none(),
        sections: vec![],
        pages: vec![],
        codes: vec![],
        django: vec![],
        questions: vec![],
        exercises: vec![],
    }
}

fn blob<'a>(blobs: &'a [u8], slot: &Slot) -> Result<&'a [u8]> {
    let at = slot.offset as usize;
    let bytes = blobs.get(at..at + slot.len as usize).ok_or("no such blob")?;
    if crc32fast::hash(bytes) != slot.crc {
        return Err("damaged blob".into());
    }
    Ok(bytes)
}

fn bincode_blocks(blobs: &[u8], slot: &Slot) -> Result<Vec<Block>> {
    let bytes = blob(blobs, slot)?;
    Ok(bincode::serde::decode_from_slice(bytes, bincode::config::standard())?.0)
}

fn rkyv_blocks(blobs: &[u8], slot: &Slot) -> Result<Vec<Block>> {
    Ok(rkyv::from_bytes::<Vec<Block>, RkyvError>(blob(blobs, slot)?)?)
}

/// A measured operation: (operation, format, rounds in a bench run, the work).
type Op<'a> = (&'static str, &'static str, usize, Box<dyn FnMut() -> Result<()> + 'a>);

/// The course, and each format's forms of it.
struct Forms {
    name: &'static str,
    course: Course,
    postcard: Split<Vec<u8>>,
    bincode: Split<Vec<u8>>,
    rkyv: Split<AlignedVec>,
    /// The whole course in one archive, blocks included (no split).
    rkyv_whole: AlignedVec,
    postcard_whole: Vec<u8>,
    /// The postcard head without questions and exercises: what a launch would decode if
    /// those were read when first needed, as page blocks are.
    postcard_lean: Vec<u8>,
    /// The page with the most encoded bytes.
    page: usize,
    /// The course folder and cache root of a `--content` course.
    folder: Option<(PathBuf, PathBuf)>,
}

impl Forms {
    fn new(name: &'static str, (mut course, folder): (Course, Option<(PathBuf, PathBuf)>)) -> Result<Forms> {
        let postcard = postcard_split(&mut course)?;
        let bincode = bincode_split(&mut course)?;
        let rkyv = rkyv_split(&mut course)?;
        let rkyv_whole = rkyv::to_bytes::<RkyvError>(&course)?;
        let postcard_whole = compact::encode(&course)?;
        let mut lean = course.clone();
        drop(take_blocks(&mut lean));
        (lean.questions, lean.exercises) = (vec![], vec![]);
        let postcard_lean = postcard::to_allocvec(&(&lean, &postcard.slots))?;
        let page = (0..postcard.slots.len()).max_by_key(|&i| postcard.slots[i].len).ok_or("no pages")?;
        Ok(Forms { name, course, postcard, bincode, rkyv, rkyv_whole, postcard_whole, postcard_lean, page, folder })
    }

    /// Every format gives the course back unchanged.
    fn check(&self) -> Result<()> {
        let mut bare = self.course.clone();
        let blocks = take_blocks(&mut bare);
        let (pc, _) = compact::decode_head(&self.postcard.head)?;
        let (bc, _): (Course, Vec<Slot>) =
            bincode::serde::decode_from_slice(&self.bincode.head, bincode::config::standard())?.0;
        let rk = rkyv::from_bytes::<Head, RkyvError>(&self.rkyv.head)?;
        let unchecked = rkyv::deserialize::<Head, RkyvError>(self.rkyv_unchecked())?;
        for (format, head) in
            [("postcard", &pc), ("bincode", &bc), ("rkyv", &rk.course), ("unchecked", &unchecked.course)]
        {
            if *head != bare {
                return Err(format!("{format}: the head differs from the course").into());
            }
        }
        for (i, blocks) in blocks.iter().enumerate() {
            let pages = [
                compact::decode_blocks(blob(&self.postcard.blobs, &self.postcard.slots[i])?, &self.postcard.slots[i])?,
                bincode_blocks(&self.bincode.blobs, &self.bincode.slots[i])?,
                rkyv_blocks(&self.rkyv.blobs, &self.rkyv.slots[i])?,
            ];
            if pages.iter().any(|p| p != blocks) {
                return Err(format!("page {i}: a format gives other blocks").into());
            }
        }
        if rkyv::from_bytes::<Course, RkyvError>(&self.rkyv_whole)? != self.course
            || compact::decode(&self.postcard_whole)? != self.course
        {
            return Err("a whole course differs".into());
        }
        Ok(())
    }

    fn rkyv_unchecked(&self) -> &ArchivedHead {
        // SAFETY: these bytes are what `rkyv::to_bytes` made of a `Head` in `rkyv_split`,
        // in this process and unchanged since (`check` also reads them checked).
        unsafe { rkyv::access_unchecked::<ArchivedHead>(&self.rkyv.head) }
    }

    fn sizes(&self) {
        let kb = |n: usize| n as f64 / 1000.0;
        println!(
            "{}: {} pages; encoded size in KB (head = read at launch, blobs = pages' blocks)",
            self.name,
            self.course.pages.len()
        );
        for (format, head, blobs, whole) in [
            ("postcard", self.postcard.head.len(), self.postcard.blobs.len(), Some(self.postcard_whole.len())),
            ("bincode", self.bincode.head.len(), self.bincode.blobs.len(), None),
            ("rkyv", self.rkyv.head.len(), self.rkyv.blobs.len(), Some(self.rkyv_whole.len())),
        ] {
            println!(
                "  {format:9} head {:10.1}  blobs {:10.1}  total {:10.1}  unsplit {:>10}",
                kb(head),
                kb(blobs),
                kb(head + blobs),
                whole.map_or("-".to_string(), |n| format!("{:.1}", kb(n)))
            );
        }
    }
    /// What the postcard head is made of, in KB.
    fn head_parts(&self) -> Result<String> {
        let mut bare = self.course.clone();
        drop(take_blocks(&mut bare));
        let kb = |n: usize| n as f64 / 1000.0;
        let size = |bytes: postcard::Result<Vec<u8>>| bytes.map(|b| kb(b.len()));
        Ok(format!(
            "postcard head by part (KB): pages without blocks {:.1}, sections {:.1}, codes {:.1}, Django names {:.1}, questions {:.1}, exercises {:.1}",
            size(postcard::to_allocvec(&bare.pages))?,
            size(postcard::to_allocvec(&bare.sections))?,
            size(postcard::to_allocvec(&bare.codes))?,
            size(postcard::to_allocvec(&bare.django))?,
            size(postcard::to_allocvec(&bare.questions))?,
            size(postcard::to_allocvec(&bare.exercises))?,
        ))
    }

    /// Every measured operation (0 rounds: not for this course).
    fn ops(&self, big: bool) -> Vec<Op<'_>> {
        let few = if big { 9 } else { 50 };
        let head = if big { 15 } else { 400 };
        let page = self.page;
        let (pc, bc, rk) = (&self.postcard, &self.bincode, &self.rkyv);
        // Encoding borrows a course mutably (the blocks are taken out and put back).
        let (mut course_pc, mut course_bc, mut course_rk) =
            (self.course.clone(), self.course.clone(), self.course.clone());
        vec![
            ("head", "postcard", head, Box::new(|| keep(compact::decode_head(&pc.head)?))),
            (
                "head",
                "bincode",
                head,
                Box::new(|| {
                    let decoded: ((Course, Vec<Slot>), usize) =
                        bincode::serde::decode_from_slice(&bc.head, bincode::config::standard())?;
                    keep(decoded)
                }),
            ),
            ("head", "rkyv-checked", head, Box::new(|| keep(rkyv::access::<ArchivedHead, RkyvError>(&rk.head)?))),
            ("head", "rkyv-checked-values", head, Box::new(|| keep(rkyv::from_bytes::<Head, RkyvError>(&rk.head)?))),
            ("head", "rkyv-unchecked", head, Box::new(|| keep(self.rkyv_unchecked()))),
            (
                "head",
                "rkyv-unchecked-values",
                head,
                Box::new(|| keep(rkyv::deserialize::<Head, RkyvError>(self.rkyv_unchecked())?)),
            ),
            (
                "page",
                "postcard",
                400,
                Box::new(move || {
                    let slot = &pc.slots[page];
                    keep(compact::decode_blocks(blob(&pc.blobs, slot)?, slot)?)
                }),
            ),
            ("page", "bincode", 400, Box::new(move || keep(bincode_blocks(&bc.blobs, &bc.slots[page])?))),
            ("page", "rkyv-checked-values", 400, Box::new(move || keep(rkyv_blocks(&rk.blobs, &rk.slots[page])?))),
            (
                "page",
                "rkyv-checked",
                400,
                Box::new(move || {
                    let bytes = blob(&rk.blobs, &rk.slots[page])?;
                    keep(rkyv::access::<rkyv::Archived<Vec<Block>>, RkyvError>(bytes)?)
                }),
            ),
            (
                "all-pages",
                "postcard",
                few,
                Box::new(|| {
                    for slot in &pc.slots {
                        black_box(compact::decode_blocks(blob(&pc.blobs, slot)?, slot)?);
                    }
                    Ok(())
                }),
            ),
            (
                "all-pages",
                "bincode",
                few,
                Box::new(|| {
                    for slot in &bc.slots {
                        black_box(bincode_blocks(&bc.blobs, slot)?);
                    }
                    Ok(())
                }),
            ),
            (
                "all-pages",
                "rkyv-checked-values",
                few,
                Box::new(|| {
                    for slot in &rk.slots {
                        black_box(rkyv_blocks(&rk.blobs, slot)?);
                    }
                    Ok(())
                }),
            ),
            ("encode", "postcard", few, Box::new(move || keep(compact::encode_split(&mut course_pc)?))),
            ("encode", "bincode", few, Box::new(move || keep(bincode_split(&mut course_bc)?))),
            ("encode", "rkyv", few, Box::new(move || keep(rkyv_split(&mut course_rk)?))),
            ("head-lean", "postcard", head, Box::new(|| keep(compact::decode_head(&self.postcard_lean)?))),
            ("unsplit", "postcard", few, Box::new(|| keep(compact::decode(&self.postcard_whole)?))),
            (
                "unsplit",
                "rkyv-checked",
                few,
                Box::new(|| keep(rkyv::access::<rkyv::Archived<Course>, RkyvError>(&self.rkyv_whole)?)),
            ),
            ("crc-all", "postcard", few, Box::new(|| keep(crc32fast::hash(&pc.blobs) ^ crc32fast::hash(&pc.head)))),
            ("crc-all", "rkyv", few, Box::new(|| keep(crc32fast::hash(&rk.blobs) ^ crc32fast::hash(&rk.head)))),
            // What a second launch of a `--content` course does before the terminal: list
            // the folder for the key, read and check the whole cache file, decode the head.
            (
                "cache-load",
                "postcard",
                if self.folder.is_some() { head } else { 0 },
                Box::new(|| match &self.folder {
                    Some((dir, root)) => keep(cache::load_course(dir, Some(root)).map_err(|p| format!("{p:?}"))?),
                    None => Ok(()),
                }),
            ),
        ]
    }
}

/// Keeps a result from being optimised away.
fn keep<T>(value: T) -> Result<()> {
    black_box(value);
    Ok(())
}

/// The only function callgrind counts (`--toggle-collect='*measured*'`).
#[inline(never)]
fn measured(work: &mut dyn FnMut() -> Result<()>) -> Result<()> {
    work()
}

/// How long one round took.
fn time(work: &mut dyn FnMut() -> Result<()>) -> Result<Duration> {
    let started = Instant::now();
    measured(work)?;
    Ok(started.elapsed())
}

fn builtin() -> Result<(Course, Option<(PathBuf, PathBuf)>)> {
    Ok((embedded::course()?, None))
}

/// The generated course, loaded with the program's loader (made first if missing).
fn big_course() -> Result<(Course, Option<(PathBuf, PathBuf)>)> {
    let dir = big_course::course(10_000)?;
    let problems = |p: Vec<status_tutor::content::Problem>| format!("{} problems, first: {:?}", p.len(), p.first());
    // Through the program's cache (in target/, not the user's): the TOML is parsed and
    // checked once, later runs (callgrind's too) decode the cache instead.
    let cache = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/formats-cache");
    let course = cache::load_course(&dir, Some(&cache)).map_err(problems)?.into_full()?;
    Ok((course, Some((dir, cache))))
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let bench = std::env::args().any(|a| a == "--bench");
    if let [once, op, format, rest @ ..] = args.as_slice()
        && once == "once"
    {
        let big = rest.first().is_some_and(|a| a == "big");
        let forms = Forms::new("course", if big { big_course()? } else { builtin()? })?;
        let mut ops = forms.ops(big);
        let (.., work) = ops.iter_mut().find(|(o, f, ..)| o == op && f == format).ok_or("no such OP FORMAT")?;
        return time(work.as_mut()).map(drop);
    }
    if let [dump, dir] = args.as_slice()
        && dump == "dump"
    {
        // Inputs for examples/format_size_*.rs.
        let forms = Forms::new("course", builtin()?)?;
        std::fs::write(PathBuf::from(dir).join("postcard.head"), &forms.postcard.head)?;
        return Ok(std::fs::write(PathBuf::from(dir).join("rkyv.course"), &forms.rkyv_whole)?);
    }
    let mut courses = vec![Forms::new("built-in course", builtin()?)?];
    if bench && !args.iter().any(|a| a == "builtin") {
        courses.push(Forms::new("generated 10,000-page course", big_course()?)?);
    }
    for (big, forms) in courses.iter().enumerate() {
        forms.check()?;
        forms.sizes();
        println!("  {}", forms.head_parts()?);
        if !bench {
            continue;
        }
        println!(
            "  largest page: {} ({} bytes in postcard)",
            forms.course.pages[forms.page].id, forms.postcard.slots[forms.page].len
        );
        println!("  {:10} {:22} {:>10} {:>10} {:>7}", "op", "format", "median ms", "min ms", "rounds");
        for (op, format, rounds, mut work) in forms.ops(big == 1).into_iter().filter(|op| op.2 > 0) {
            let mut samples = (0..rounds).map(|_| time(work.as_mut())).collect::<Result<Vec<_>>>()?;
            samples.sort();
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            println!("  {op:10} {format:22} {:10.4} {:10.4} {rounds:7}", ms(samples[rounds / 2]), ms(samples[0]));
        }
    }
    Ok(())
}
