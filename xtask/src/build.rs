//! `cargo xtask build`: the widget as static files in `dist/`.
//!
//! cargo (wasm32, size-tuned release profile) → wasm-bindgen `--target web`
//! (as a library pinned in Cargo.lock) → wasm-opt `-Oz` (npm `binaryen`, never
//! Debian's older wasm-opt, which cannot parse current wasm-bindgen output) →
//! static files (`index.html`, `web/static/`) with the first screen rendered
//! into them (`web/prerender`) → our JS and CSS minified (npm `esbuild`) →
//! size report.

use crate::setup::WASM_TARGET;
use crate::sizes;
use crate::util::{exec, root, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Release,
    /// Faster builds for local iteration: debug wasm, no wasm-opt.
    Dev,
}

impl Profile {
    pub fn from_args(args: &[String]) -> Self {
        if args.iter().any(|a| a == "--dev") {
            Profile::Dev
        } else {
            Profile::Release
        }
    }
}

pub fn dist() -> PathBuf {
    root().join("dist")
}

/// A wasm bundle: its name in `dist/`, the crate and the cargo features it
/// is built from.
pub struct Bundle {
    pub name: &'static str,
    crate_name: &'static str,
    features: &'static [&'static str],
}

/// The three bundles: the scan (what participants load), the facilitator's
/// workshop mode, which the loader fetches only when a workshop starts, and
/// the survey import (`web/import`), fetched only when someone chooses a
/// survey tool's export.
pub const BUNDLES: [Bundle; 3] = [
    Bundle {
        name: "samenwerkingsscan_web",
        crate_name: "samenwerkingsscan-web",
        features: &[],
    },
    Bundle {
        name: "samenwerkingsscan_workshop",
        crate_name: "samenwerkingsscan-web",
        features: &["--features", "workshop"],
    },
    Bundle {
        name: "samenwerkingsscan_import",
        crate_name: "samenwerkingsscan-import",
        features: &[],
    },
];

/// Builds `dist/` and returns the size report of the shipped files.
pub fn run(profile: Profile) -> Result<sizes::Report> {
    let dist = dist();
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;
    // `SCAN_ONLY=1` builds the scan's bundle alone (a third of the build
    // time) while measuring size changes to it (the other figures are then
    // wrong).
    let scan_only = std::env::var_os("SCAN_ONLY").is_some_and(|v| !v.is_empty());
    for bundle in &BUNDLES {
        if scan_only && bundle.name != "samenwerkingsscan_web" {
            continue;
        }
        build_bundle(profile, bundle, &dist)?;
    }
    std::fs::copy(root().join("index.html"), dist.join("index.html"))?;
    copy_dir(&root().join("web/static"), &dist)?;
    first_screen(&dist)?;
    minify(&dist)?;
    // Example host pages for the dev server and the e2e tests; never shipped
    // (the size report skips `examples/`).
    std::fs::create_dir_all(dist.join("examples"))?;
    copy_dir(&root().join("web/examples"), &dist.join("examples"))?;

    let report = sizes::measure(&dist)?;
    report.print();
    Ok(report)
}

/// One cargo build → wasm-bindgen → wasm-opt, written as `dist/<name>*`.
fn build_bundle(profile: Profile, bundle: &Bundle, dist: &Path) -> Result {
    let name = bundle.name;
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args([
        "build",
        "--package",
        bundle.crate_name,
        "--target",
        WASM_TARGET,
    ]);
    cargo.args(bundle.features);
    if profile == Profile::Release {
        cargo.arg("--release");
    }
    exec(&mut cargo)?;
    let folder = if profile == Profile::Release {
        "release"
    } else {
        "debug"
    };
    // The scan and workshop builds write the same file: bindgen reads it
    // before the next build.
    let wasm = root()
        .join("target")
        .join(WASM_TARGET)
        .join(folder)
        .join(format!("{}.wasm", bundle.crate_name.replace('-', "_")));
    // `SCAN_KEEP_NAMES=1` keeps function names through wasm-bindgen and
    // wasm-opt, for size analysis with e.g. `twiggy top dist/*.wasm`.
    let keep_names = std::env::var_os("SCAN_KEEP_NAMES").is_some_and(|v| !v.is_empty());
    eprintln!("$ wasm-bindgen --target web {} ({name})", wasm.display());
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        // The library defaults differ from the CLI: keep `new URL(…_bg.wasm,
        // import.meta.url)` so the module finds its wasm relative to itself.
        .omit_default_module_path(false)
        .keep_debug(keep_names)
        .out_name(name)
        .generate(dist)?;
    if profile == Profile::Release {
        let bg = dist.join(format!("{name}_bg.wasm"));
        let mut wasm_opt = Command::new(root().join("node_modules/.bin/wasm-opt"));
        wasm_opt.arg("-Oz");
        if keep_names {
            // Without it wasm-opt drops the name section bindgen kept.
            wasm_opt.arg("--debuginfo");
        }
        exec(wasm_opt.arg(&bg).arg("-o").arg(&bg))?;
    }
    Ok(())
}

/// Where the first screen goes: a comment in the pages' mount element, and
/// the `firstScreens` constant of the custom element's script.
const FIRST_SCREEN_SLOT: &str = "<!-- first screen -->";
const FIRST_SCREENS_SLOT: &str = "/* first screens */ null";

/// Renders the first screen (`web/prerender`, Yew's server-side renderer
/// over the widget's own components and texts) into `dist/`: the Dutch one
/// into `index.html` and `embed.html`, both languages into
/// `samenwerkingsscan.js`, which paints them in the custom element and
/// keeps their buttons working until the wasm has mounted; and the built-in
/// instrument in each language as `instrument.<lang>.json`.
fn first_screen(dist: &Path) -> Result {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--package", "samenwerkingsscan-prerender"])
        .stderr(std::process::Stdio::inherit())
        .output()?;
    if !output.status.success() {
        return Err("the first screen could not be rendered (samenwerkingsscan-prerender)".into());
    }
    let mut screens: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    // The built-in instrument, one file per language: the widget loads the
    // visitor's only (issue 16).
    let instruments = screens
        .as_object_mut()
        .and_then(|s| s.remove("instruments"))
        .ok_or("samenwerkingsscan-prerender gave no instruments")?;
    for (lang, json) in instruments.as_object().into_iter().flatten() {
        let json = json.as_str().ok_or("an instrument that is not a string")?;
        std::fs::write(dist.join(format!("instrument.{lang}.json")), json)?;
    }
    let dutch = screens["nl"]["html"]
        .as_str()
        .ok_or("samenwerkingsscan-prerender gave no Dutch first screen")?;
    for page in ["index.html", "embed.html"] {
        fill(&dist.join(page), FIRST_SCREEN_SLOT, dutch)?;
    }
    // A JSON value is a JavaScript expression; `</` is escaped anyway, so
    // the script stays safe wherever a host inlines it.
    let constant = serde_json::to_string(&screens)?.replace("</", "<\\/");
    fill(
        &dist.join("samenwerkingsscan.js"),
        FIRST_SCREENS_SLOT,
        &constant,
    )
}

/// The JavaScript (ours and wasm-bindgen's glue) and CSS as shipped:
/// minified by esbuild (npm, pinned in package.json), in place. The sources
/// keep their comments, which say why; the visitor's phone does not need
/// them (−4 KB gzip for the loader, −2.5 KB for the glue).
fn minify(dist: &Path) -> Result {
    let esbuild = root().join("node_modules/.bin/esbuild");
    let files = |ext: &str| -> Result<Vec<PathBuf>> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dist)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
        Ok(found)
    };
    exec(
        Command::new(&esbuild)
            .args([
                "--minify",
                "--format=esm",
                "--target=es2022",
                "--allow-overwrite",
                "--log-level=warning",
            ])
            .arg(format!("--outdir={}", dist.display()))
            .args(files("js")?),
    )?;
    exec(
        Command::new(&esbuild)
            .args(["--minify", "--allow-overwrite", "--log-level=warning"])
            .arg(format!("--outdir={}", dist.display()))
            .args(files("css")?),
    )
}

/// Replaces the one `slot` in `file` with `content`.
fn fill(file: &Path, slot: &str, content: &str) -> Result {
    let text = std::fs::read_to_string(file)?;
    if text.matches(slot).count() != 1 {
        return Err(format!("{} needs exactly one `{slot}`", file.display()).into());
    }
    std::fs::write(file, text.replacen(slot, content, 1))?;
    Ok(())
}

/// Copies the folder `from` into `to` (which exists), recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
