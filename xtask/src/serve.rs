//! `cargo xtask serve`: sets up, builds and serves `dist/` on 127.0.0.1,
//! the release bundles (`cargo xtask dist`) under `/release/` and the npm
//! package's files (`cargo xtask npm`) under `/npm/`.
//!
//! A deliberately tiny static server: the widget needs nothing else (no API,
//! no server state). It sends `application/wasm` for the module and
//! `Cache-Control: no-store` so a rebuilt widget is never served stale.

use crate::build::{self, Profile};
use crate::setup;
use crate::util::Result;
use std::path::{Component, Path, PathBuf};

const DEFAULT_PORT: u16 = 8080;

pub fn run(args: &[String]) -> Result {
    let port = match args.iter().position(|a| a == "--port") {
        Some(i) => args
            .get(i + 1)
            .and_then(|p| p.parse::<u16>().ok())
            .ok_or("--port needs a number, e.g. --port 8080")?,
        None => DEFAULT_PORT,
    };
    if !args.iter().any(|a| a == "--no-build") {
        setup::run()?;
        build::run(Profile::from_args(args))?;
    }
    serve(&build::dist(), port)
}

fn serve(dist: &Path, port: u16) -> Result {
    let address = format!("127.0.0.1:{port}");
    let server = tiny_http::Server::http(&address)
        .map_err(|e| format!("cannot listen on {address}: {e} (try --port <another>)"))?;
    println!("Samenwerkingsscan: http://{address}/  (default port {DEFAULT_PORT}; Ctrl+C stops)");
    for request in server.incoming_requests() {
        // One thread per request: a browser that reads one response slowly
        // (the wasm, whose body waits for its JavaScript) must never hold
        // up the others (the JavaScript, the instrument), or the page
        // waits on itself.
        let dist = dist.to_path_buf();
        std::thread::spawn(move || respond(&dist, request));
    }
    Ok(())
}

fn respond(dist: &Path, request: tiny_http::Request) {
    let url = request.url();
    let found = if let Some(rest) = url.strip_prefix("/release/") {
        resolve(&crate::dist::releases(), rest)
    } else if let Some(rest) = url.strip_prefix("/npm/") {
        resolve(&crate::npm::package(), rest)
    } else {
        resolve(dist, url)
    };
    let response = match found {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => {
                let mut response = tiny_http::Response::from_data(body)
                    .with_header(header("Content-Type", content_type(&path)))
                    .with_header(header("Cache-Control", "no-store"))
                    .with_header(header("X-Content-Type-Options", "nosniff"));
                for (name, value) in extra_headers(&path) {
                    response.add_header(header(&name, &value));
                }
                response
            }
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    // A client that hung up is not our problem; keep serving.
    let _ = request.respond(response);
}

/// Maps a request URL onto a file inside `dist`, refusing anything that
/// would escape it. Query strings and fragments are ignored.
fn resolve(dist: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = dist.join(relative);
    if full.is_dir() {
        full = full.join("index.html");
    }
    full.is_file().then_some(full)
}

/// Headers from a sidecar file `<file>.headers` ("Name: value" per line),
/// e.g. the Content-Security-Policy of the strict-CSP example host.
fn extra_headers(path: &Path) -> Vec<(String, String)> {
    let mut sidecar = path.as_os_str().to_owned();
    sidecar.push(".headers");
    std::fs::read_to_string(sidecar)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

fn not_found() -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string("not found")
        .with_status_code(404)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_dist() {
        let dist = std::env::temp_dir();
        assert_eq!(resolve(&dist, "/../etc/passwd"), None);
        assert_eq!(resolve(&dist, "/a/../../etc/passwd"), None);
    }

    #[test]
    fn serves_wasm_with_its_mime_type() {
        assert_eq!(content_type(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("a.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
