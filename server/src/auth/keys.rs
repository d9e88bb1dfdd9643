//! The server's signing key: from configuration, or generated once into the data folder
//! (mode 0600). There is no built-in key.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

use crate::secret::Secret;

/// At least 256 bits.
pub const MIN_KEY_BYTES: usize = 32;
const KEY_FILE: &str = "signing-key";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("security.signing_key must be at least {MIN_KEY_BYTES} bytes")]
    TooShort,
    #[error("could not read or create the signing key {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Returns the key bytes.
pub fn load_or_create(
    configured: Option<&Secret<String>>,
    data_dir: &Path,
) -> Result<Secret<Vec<u8>>, KeyError> {
    if let Some(key) = configured {
        let bytes = key.expose().trim().as_bytes().to_vec();
        return if bytes.len() < MIN_KEY_BYTES {
            Err(KeyError::TooShort)
        } else {
            Ok(Secret::new(bytes))
        };
    }
    let path = data_dir.join(KEY_FILE);
    let file_error = |source| KeyError::File {
        path: path.clone(),
        source,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let mode = std::fs::metadata(&path)
                .map_err(file_error)?
                .permissions()
                .mode();
            if mode & 0o077 != 0 {
                tracing::warn!(path = %path.display(), "the signing key file is readable by others; chmod 600 it");
            }
            let bytes = text.trim().as_bytes().to_vec();
            if bytes.len() < MIN_KEY_BYTES {
                return Err(KeyError::TooShort);
            }
            Ok(Secret::new(bytes))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir).map_err(file_error)?;
            let mut raw = [0u8; 48];
            rand::rng().fill_bytes(&mut raw);
            let encoded = URL_SAFE_NO_PAD.encode(raw);
            // Written whole under a name of its own, then linked into place: instances
            // starting together on one data folder all end up with the one key that won.
            let draft = data_dir.join(format!(
                "{KEY_FILE}.{}.new",
                URL_SAFE_NO_PAD.encode(&raw[..6])
            ));
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&draft)
                .and_then(|mut file| file.write_all(encoded.as_bytes()))
                .and_then(|()| std::fs::hard_link(&draft, &path));
            let _ = std::fs::remove_file(&draft);
            match written {
                Ok(()) => {
                    tracing::info!(path = %path.display(), "generated a new signing key");
                    Ok(Secret::new(encoded.into_bytes()))
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    load_or_create(None, data_dir)
                }
                Err(e) => Err(file_error(e)),
            }
        }
        Err(e) => Err(file_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_is_private_long_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(None, dir.path()).unwrap();
        let second = load_or_create(None, dir.path()).unwrap();
        assert_eq!(first.expose(), second.expose());
        assert!(first.expose().len() >= MIN_KEY_BYTES);
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn instances_starting_together_share_one_key() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let keys: Vec<Vec<u8>> = std::thread::scope(|s| {
                let starts: Vec<_> = (0..4)
                    .map(|_| {
                        s.spawn(|| load_or_create(None, dir.path()).map(|k| k.expose().clone()))
                    })
                    .collect();
                starts
                    .into_iter()
                    .map(|t| t.join().unwrap().unwrap())
                    .collect()
            });
            assert!(keys.windows(2).all(|w| w[0] == w[1]), "one key for all");
            let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
            assert_eq!(left.len(), 1, "no drafts left behind");
        }
    }

    #[test]
    fn a_short_configured_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let short = Secret::new("changeme".to_string());
        assert!(matches!(
            load_or_create(Some(&short), dir.path()),
            Err(KeyError::TooShort)
        ));
    }
}
