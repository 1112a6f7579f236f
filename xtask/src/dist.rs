//! `cargo xtask dist`: the release bundle a webmaster copies to a CMS or a
//! CDN. In `target/release-bundle/`:
//!
//! - `samenwerkingsscan-<version>/`: the widget (scan, workshop mode, the
//!   example pages) with the loader's own fetches (the wasm, the
//!   questionnaire files) pinned to their sha384 hashes, `EMBED.html` (the
//!   snippet with `integrity` and `crossorigin` for the module scripts) and
//!   `SHA256SUMS` (every file, as `sha256sum -c` reads it);
//! - `samenwerkingsscan-<version>.zip`: the same folder, zipped.
//!
//! Why both hashes: SRI (sha384, base64) is what browsers check on every
//! load; SHA256SUMS is what a security officer checks on the download.

use crate::build::{self, Profile};
use crate::util::{exec, root, Result};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The version of the release: the workspace's.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where releases are written (the e2e server serves it under `/release/`).
pub fn releases() -> PathBuf {
    root().join("target").join("release-bundle")
}

/// The files the loader fetches itself, pinned by hash in a release.
const FETCHED: [&str; 5] = [
    "samenwerkingsscan_web_bg.wasm",
    "samenwerkingsscan_workshop_bg.wasm",
    "samenwerkingsscan_import_bg.wasm",
    "instrument.nl.json",
    "instrument.en.json",
];

/// `cargo xtask dist [--no-build]`: builds the widget (release), then
/// writes the release bundle. `--no-build` packs the `dist/` there is.
pub fn run(args: &[String]) -> Result {
    if !args.iter().any(|a| a == "--no-build") {
        build::run(Profile::Release)?;
    }
    let folder = make()?;
    println!(
        "release {VERSION}: {}\n  {}.zip\n  the snippet for pages: {}",
        folder.display(),
        folder.display(),
        folder.join("EMBED.html").display()
    );
    Ok(())
}

/// Writes the release from `dist/` and returns its folder.
pub fn make() -> Result<PathBuf> {
    let dist = build::dist();
    for file in FETCHED {
        if !dist.join(file).is_file() {
            return Err(format!("dist/{file} is missing: run `cargo xtask build` first").into());
        }
    }
    let name = format!("samenwerkingsscan-{VERSION}");
    let folder = releases().join(&name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    build::copy_dir(&dist, &folder)?;

    // The loader (as built: minified, first screens in) with the hashes of
    // what it fetches compiled in by esbuild's `--define` (see
    // `SAMENWERKINGSSCAN_SRI` in web/static/samenwerkingsscan.js: a global
    // name, which minifying keeps).
    let mut pins = serde_json::Map::new();
    for file in FETCHED {
        pins.insert(file.into(), sri(&std::fs::read(folder.join(file))?).into());
    }
    let define = format!(
        "--define:SAMENWERKINGSSCAN_SRI={}",
        serde_json::Value::Object(pins)
    );
    exec(
        Command::new(root().join("node_modules/.bin/esbuild"))
            .arg(folder.join("samenwerkingsscan.js"))
            .args([
                "--minify",
                "--format=esm",
                "--target=es2022",
                "--log-level=warning",
                &define,
            ])
            .arg(format!(
                "--outfile={}",
                folder.join("samenwerkingsscan.js").display()
            ))
            .arg("--allow-overwrite"),
    )?;

    std::fs::write(folder.join("EMBED.html"), embed(&folder)?)?;
    std::fs::write(folder.join("SHA256SUMS"), sums(&folder)?)?;
    zip(&folder, &releases().join(format!("{name}.zip")))?;
    Ok(folder)
}

/// `sha384-<base64>`, as `integrity` attributes and `fetch` take it.
fn sri(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The snippet for a host page: an import map with the integrity of the
/// three bundles' glue (it applies to every load of those modules, also the
/// loader's dynamic `import()`; a `modulepreload` would not: when its check
/// fails, the later import fetches again unchecked) and the loader as a
/// module script with its own `integrity`; `crossorigin` for the check from
/// another host.
fn embed(folder: &Path) -> Result<String> {
    let hash = |file: &str| -> Result<String> { Ok(sri(&std::fs::read(folder.join(file))?)) };
    Ok(format!(
        r#"<!-- Samenwerkingsscan {VERSION}: put the files of this folder on your server and
     replace https://example.nl/scan/ with their address (in all five places). The browser
     checks every file against these hashes; a changed or damaged file is refused and the
     scan says so. Under a Content-Security-Policy the import map needs its hash in
     script-src. -->
<script type="importmap">
{{ "integrity": {{
  "https://example.nl/scan/samenwerkingsscan_web.js": "{scan}",
  "https://example.nl/scan/samenwerkingsscan_workshop.js": "{workshop}",
  "https://example.nl/scan/samenwerkingsscan_import.js": "{import}"
}} }}
</script>
<script type="module" src="https://example.nl/scan/samenwerkingsscan.js"
        integrity="{loader}" crossorigin="anonymous"></script>
<samenwerkings-scan lang="nl"></samenwerkings-scan>
"#,
        loader = hash("samenwerkingsscan.js")?,
        scan = hash("samenwerkingsscan_web.js")?,
        workshop = hash("samenwerkingsscan_workshop.js")?,
        import = hash("samenwerkingsscan_import.js")?,
    ))
}

/// `SHA256SUMS` of every file in `folder` (sorted paths, `/` separated).
fn sums(folder: &Path) -> Result<String> {
    let mut out = String::new();
    for path in files(folder)? {
        let relative = relative(folder, &path);
        if relative == "SHA256SUMS" {
            continue;
        }
        let digest = Sha256::digest(std::fs::read(&path)?);
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        out.push_str(&format!("{hex}  {relative}\n"));
    }
    Ok(out)
}

/// `folder` as a zip whose entries start with the folder's name.
fn zip(folder: &Path, target: &Path) -> Result {
    let name = folder
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("the release folder has no name")?;
    let mut writer = zip::ZipWriter::new(std::fs::File::create(target)?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for path in files(folder)? {
        writer.start_file(format!("{name}/{}", relative(folder, &path)), options)?;
        writer.write_all(&std::fs::read(&path)?)?;
    }
    writer.finish()?;
    Ok(())
}

/// Every file under `folder`, sorted.
fn files(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn relative(folder: &Path, path: &Path) -> String {
    path.strip_prefix(folder)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_is_sha384_in_base64() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
