//! The Python checker, compiled into the binary. The workspace code writes these files into
//! `<workspace>/.status-tutor/checker/` and rewrites them when `CHECKER_VERSION` changes.

macro_rules! checker_files {
    ($($name:literal),* $(,)?) => {
        /// (path under the checker folder, text), one entry per file of the package.
        pub static CHECKER_FILES: &[(&str, &str)] = &[
            $((concat!("status_tutor_checker/", $name), include_str!(concat!("checker/status_tutor_checker/", $name))),)*
        ];
    };
}

checker_files!(
    "__init__.py",
    "__main__.py",
    "apps.py",
    "effects.py",
    "exchange.py",
    "headers.py",
    "learner.py",
    "models.py",
    "project.py",
    "run.py",
);

/// FNV-1a over every path and text, so any change to any file changes the version.
const fn fnv1a(files: &[(&str, &str)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut f = 0;
    while f < files.len() {
        let (a, b) = (files[f].0.as_bytes(), files[f].1.as_bytes());
        let mut i = 0;
        while i < a.len() + 1 + b.len() {
            // a 0 byte between path and text keeps ("ab", "c") apart from ("a", "bc")
            let byte = if i < a.len() {
                a[i]
            } else if i == a.len() {
                0
            } else {
                b[i - a.len() - 1]
            };
            hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        f += 1;
    }
    hash
}

const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");
const VERSION_LEN: usize = CRATE_VERSION.len() + 1 + 16;

const fn version_bytes() -> [u8; VERSION_LEN] {
    // "<crate version>-<16 hex digits of the hash>"
    let mut out = [0u8; VERSION_LEN];
    let head = CRATE_VERSION.as_bytes();
    let mut i = 0;
    while i < head.len() {
        out[i] = head[i];
        i += 1;
    }
    out[i] = b'-';
    let hash = fnv1a(CHECKER_FILES);
    let mut d = 0;
    while d < 16 {
        let nibble = ((hash >> (60 - 4 * d)) & 0xf) as u8;
        out[i + 1 + d] = if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 };
        d += 1;
    }
    out
}

const VERSION_BYTES: [u8; VERSION_LEN] = version_bytes();

/// Changes whenever the crate version or any checker file changes.
pub const CHECKER_VERSION: &str = match std::str::from_utf8(&VERSION_BYTES) {
    Ok(version) => version,
    Err(_) => panic!("the checker version is ASCII"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_python_file_of_the_package_is_shipped() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/practice/checker/status_tutor_checker");
        let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("checker folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".py"))
            .map(|name| format!("status_tutor_checker/{name}"))
            .collect();
        let shipped: BTreeSet<String> = CHECKER_FILES.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(on_disk, shipped, "list every checker file in checker_files!()");
        assert!(shipped.contains("status_tutor_checker/__main__.py"));
    }

    #[test]
    fn the_version_names_the_crate_and_a_hash_of_the_files() {
        let (crate_version, hash) = CHECKER_VERSION.rsplit_once('-').expect("crate-hash");
        assert_eq!(crate_version, env!("CARGO_PKG_VERSION"));
        assert_eq!(hash.len(), 16);
        assert_eq!(u64::from_str_radix(hash, 16).ok(), Some(fnv1a(CHECKER_FILES)));
        let edited = [("status_tutor_checker/run.py", "x = 1\n")];
        let other = [("status_tutor_checker/run.py", "x = 2\n")];
        assert_ne!(fnv1a(&edited), fnv1a(&other));
        assert_ne!(fnv1a(&[("ab", "c")]), fnv1a(&[("a", "bc")]));
    }
}
