//! A user's file read into text, the same way for every kind (a dataset, a talk): refused
//! before it is read if it is a directory or too large, and refused if it is not UTF-8, each
//! with a one-line message that names it.

use std::io::Read;
use std::path::Path;

use crate::error::LoadError;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file's name as messages give it, and its text. `what` names the kind of file in messages
/// ("dataset", "talk").
pub fn read(path: &Path, what: &'static str) -> Result<(String, String), LoadError> {
    // A file name can hold any byte but a slash or NUL; it must not break the one-line message.
    let name = crate::text::sanitize(&path.display().to_string());
    let read = |source| LoadError::Read {
        file: name.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read)?;
    if meta.is_dir() {
        return Err(LoadError::NotAFile { file: name, what });
    }
    let too_large = |bytes| LoadError::TooLarge {
        file: name.clone(),
        what,
        bytes,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    // A pipe or device (`/dev/zero`) reports no size: stop reading past the limit.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|err| LoadError::NotUtf8 {
        file: name.clone(),
        offset: err.utf8_error().valid_up_to(),
    })?;
    Ok((name, text))
}
