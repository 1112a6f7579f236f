//! `cargo xtask npm`: the JavaScript API (`js/`) as an npm package, packed
//! by `npm pack` into `target/npm/samenwerkingsscan-<version>.tgz`.
//!
//! The package holds two builds of the same wasm, chosen by the `exports`
//! map: `web/` (wasm-bindgen `--target web`: browsers and bundlers that
//! resolve `new URL(…, import.meta.url)`, such as Vite and webpack 5) and
//! `node/` (the ES-module Node target: ready when imported). Both export the
//! same functions and a default `init()`, so code written for the browser
//! (`await init()`) runs unchanged in Node.
//!
//! The TypeScript declarations come from the Rust types: the core's
//! `typescript` feature derives them with `tsify` from the same serde
//! attributes that shape the JSON, and the JS API's functions name those
//! types (`unchecked_param_type`, `unchecked_return_type`). Written by
//! hand: the options objects (`js/src/lib.rs`), the few types whose serde
//! impls are hand-written (next to each impl), and here the manifest and
//! Node's two-line entry.
//!
//! `cargo xtask test` installs the packed tarball into a fresh project
//! (`target/npm/consumer/`), type-checks `tests/js/example.ts` against it
//! twice (`tsc --noEmit` with Node's and a bundler's module resolution),
//! runs the example (compiled by `tsc`) and `tests/js/api.test.mjs` there,
//! importing the package by its name.

use crate::setup::WASM_TARGET;
use crate::util::{exec, root, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The package's name on npm.
pub const NAME: &str = "samenwerkingsscan";
/// The package's version: the workspace's.
const VERSION: &str = env!("CARGO_PKG_VERSION");
/// What the wasm-bindgen output files are called inside `web/` and `node/`.
const STEM: &str = "samenwerkingsscan";

/// Where the package is assembled and packed.
fn folder() -> PathBuf {
    root().join("target").join("npm")
}

/// The package's files as packed (the e2e server serves them under `/npm/`).
pub fn package() -> PathBuf {
    folder().join("package")
}

/// `cargo xtask npm`: builds, packs and checks the package (as the test
/// command does), then says where it is.
pub fn run() -> Result {
    // wasm-opt and tsc come from the project's npm packages.
    crate::setup::run()?;
    let tarball = make()?;
    check(&tarball)?;
    println!("npm package {NAME} {VERSION}: {}", tarball.display());
    println!("  install it with: npm install {}", tarball.display());
    Ok(())
}

/// Builds the JS API (release, wasm-opt), assembles the package and packs
/// it; returns the tarball.
pub fn make() -> Result<PathBuf> {
    exec(Command::new(env!("CARGO")).args([
        "build",
        "--release",
        "--package",
        "samenwerkingsscan-js",
        "--target",
        WASM_TARGET,
    ]))?;
    let wasm = root()
        .join("target")
        .join(WASM_TARGET)
        .join("release")
        .join("samenwerkingsscan_js.wasm");
    let package = package();
    if package.exists() {
        std::fs::remove_dir_all(&package)?;
    }
    for (target, dir) in [(Target::Web, "web"), (Target::Node, "node")] {
        let out = package.join(dir);
        std::fs::create_dir_all(&out)?;
        bindgen(&wasm, target, &out)?;
        declared_once(&out.join(format!("{STEM}.d.ts")))?;
        let bg = out.join(format!("{STEM}_bg.wasm"));
        exec(
            Command::new(root().join("node_modules/.bin/wasm-opt"))
                .arg("-Oz")
                .arg(&bg)
                .arg("-o")
                .arg(&bg),
        )?;
    }
    node_entry(&package.join("node"))?;
    std::fs::write(package.join("package.json"), package_json())?;
    std::fs::copy(root().join("js/README.md"), package.join("README.md"))?;

    // `npm pack` writes `<name>-<version>.tgz` into the working directory.
    let tarball = folder().join(format!("{NAME}-{VERSION}.tgz"));
    if tarball.exists() {
        std::fs::remove_file(&tarball)?;
    }
    exec(
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(folder())
            .arg(&package),
    )?;
    if !tarball.is_file() {
        return Err(format!("npm pack did not write {}", tarball.display()).into());
    }
    Ok(tarball)
}

#[derive(Clone, Copy)]
enum Target {
    Web,
    Node,
}

fn bindgen(wasm: &Path, target: Target, out: &Path) -> Result {
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen.input_path(wasm);
    match target {
        Target::Web => {
            eprintln!("$ wasm-bindgen --target web {}", wasm.display());
            // Keep `new URL(…_bg.wasm, import.meta.url)` as the default
            // place of the wasm: what bundlers rewrite.
            bindgen.web(true)?.omit_default_module_path(false);
        }
        Target::Node => {
            eprintln!(
                "$ wasm-bindgen --target experimental-nodejs-module {}",
                wasm.display()
            );
            bindgen.nodejs_module(true)?;
        }
    }
    bindgen
        .typescript(true)
        .out_name(STEM)
        .generate(out)
        .map_err(|e| format!("wasm-bindgen: {e}").into())
}

/// Fails when a name is declared twice in `d_ts`: two Rust types of one
/// name in different modules would become one TypeScript interface
/// (declarations merge silently), wrong for both.
fn declared_once(d_ts: &Path) -> Result {
    let text = std::fs::read_to_string(d_ts)?;
    let mut seen = std::collections::BTreeSet::new();
    for line in text.lines() {
        let Some(rest) = ["export interface ", "export type ", "export function "]
            .iter()
            .find_map(|start| line.strip_prefix(start))
        else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !seen.insert(name.clone()) {
            return Err(format!(
                "{} declares `{name}` twice: rename one of the Rust types \
                 (or give it `#[tsify(type = …)]`)",
                d_ts.display()
            )
            .into());
        }
    }
    Ok(())
}

/// Node's entry: the generated module plus a default `init()` that does
/// nothing (the module is ready when imported), so that browser code runs
/// unchanged.
fn node_entry(node: &Path) -> Result {
    std::fs::write(
        node.join("index.js"),
        format!(
            "// Node entry of the {NAME} package: the API, ready when imported.\n\
             export * from './{STEM}.js';\n\
             /** Nothing to wait for in Node; kept so that browser code (`await init()`) runs here unchanged. */\n\
             export default async function init(_module_or_path) {{}}\n\
             /** Nothing to do in Node, as `init`. */\n\
             export function initSync(_module) {{}}\n"
        ),
    )?;
    std::fs::write(
        node.join("index.d.ts"),
        format!(
            "export * from './{STEM}.js';\n\
             /** Nothing to wait for in Node; kept so that browser code (`await init()`) runs here unchanged. */\n\
             export default function init(module_or_path?: unknown): Promise<void>;\n\
             /** Nothing to do in Node, as `init`. */\n\
             export function initSync(module?: unknown): void;\n"
        ),
    )?;
    Ok(())
}

/// The package's manifest: an ES module package whose `exports` send Node
/// to `node/` and everything else (browsers, bundlers) to `web/`, each with
/// its declarations first. Written as text: conditions are tried in the
/// order they are written, and `serde_json` (without `preserve_order`)
/// would sort them.
fn package_json() -> String {
    let description = "The Samenwerkingsscan's rules (Van de Laar 2010) as a typed \
        JavaScript API over WebAssembly: evaluate a partnership readiness scan, \
        aggregate a group, compare measurements, share codes, survey-tool imports.";
    format!(
        r#"{{
  "name": "{NAME}",
  "version": "{VERSION}",
  "description": "{description}",
  "license": "EUPL-1.2",
  "type": "module",
  "keywords": ["samenwerking", "gemeenten", "readiness", "webassembly", "typescript"],
  "exports": {{
    ".": {{
      "node": {{
        "types": "./node/index.d.ts",
        "default": "./node/index.js"
      }},
      "types": "./web/{STEM}.d.ts",
      "default": "./web/{STEM}.js"
    }},
    "./package.json": "./package.json"
  }},
  "types": "./web/{STEM}.d.ts",
  "main": "./node/index.js",
  "files": ["web/", "node/", "README.md"],
  "sideEffects": ["./web/{STEM}.js", "./node/{STEM}.js"],
  "engines": {{ "node": ">=20" }}
}}
"#
    )
}

/// Installs `tarball` into a fresh project and checks it as a user would:
/// `tsc --noEmit` on the TypeScript example (Node's and a bundler's module
/// resolution), then the API tests importing the package by name.
pub fn check(tarball: &Path) -> Result {
    let consumer = folder().join("consumer");
    if consumer.exists() {
        std::fs::remove_dir_all(&consumer)?;
    }
    std::fs::create_dir_all(&consumer)?;
    std::fs::write(
        consumer.join("package.json"),
        "{ \"name\": \"consumer\", \"private\": true, \"type\": \"module\" }\n",
    )?;
    // A local tarball without dependencies: npm needs no registry for it.
    exec(
        Command::new("npm")
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--prefix",
            ])
            .arg(&consumer)
            .arg(tarball),
    )?;
    for file in ["example.ts", "api.test.mjs"] {
        std::fs::copy(root().join("tests/js").join(file), consumer.join(file))?;
    }
    // Node's resolution takes the `node` condition (node/), a bundler's
    // does not (web/): both sets of declarations are checked.
    let tsc = root().join("node_modules/.bin/tsc");
    for (resolution, module) in [("nodenext", "nodenext"), ("bundler", "esnext")] {
        let config = consumer.join(format!("tsconfig.{resolution}.json"));
        let options = serde_json::json!({
            "compilerOptions": {
                "strict": true,
                "noEmit": true,
                "skipLibCheck": false,
                "target": "es2022",
                "module": module,
                "moduleResolution": resolution,
                "lib": ["es2022", "dom"],
                "types": []
            },
            "files": ["example.ts"]
        });
        std::fs::write(&config, serde_json::to_string_pretty(&options)?)?;
        exec(Command::new(&tsc).arg("--project").arg(&config))?;
    }
    // The example also runs: what type-checks must work.
    exec(
        Command::new(&tsc)
            .arg("--project")
            .arg(consumer.join("tsconfig.nodenext.json"))
            .args(["--noEmit", "false", "--outDir"])
            .arg(consumer.join("out")),
    )?;
    exec(Command::new("node").arg(consumer.join("out").join("example.js")))?;
    exec(
        Command::new("node")
            .arg("--test")
            .arg(consumer.join("api.test.mjs")),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_manifest_is_json_with_node_first() {
        let text = super::package_json();
        let manifest: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(manifest["name"], super::NAME);
        let node = text.find("\"node\": {").expect("a node condition");
        let default = text
            .find("\"default\": \"./web/")
            .expect("a default condition");
        assert!(node < default, "Node must meet its own condition first");
    }
}
