//! A small static file server for the demo, the test pages and the benchmark.
//!
//! Every HTML page is served with the strict Content-Security-Policy a careful clinic would use,
//! so the demo itself proves the widget needs no inline script or style. Only the folders a
//! visitor's browser should see are served; the rest of the repository is not.

use crate::util::{project_root, step, Result};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// URL prefixes and the folders they map to, relative to the project root.
const SERVED: [(&str, &str); 6] = [
    ("/dist/", "dist"),
    ("/dist-rtl/", "target/dist-rtl"),
    ("/demo/", "demo"),
    ("/styles/", "styles"),
    ("/tests/pages/", "tests/pages"),
    ("/bench-pages/", "target/bench-pages"),
];
/// The URL prefixes of the widget's own files: the shipped build, and the test build with the
/// right-to-left pseudo-locale. Served as a CDN serves them, and compressed before the first
/// request.
const WIDGET_FILES: [&str; 2] = ["/dist/", "/dist-rtl/"];
const SERVED_FILES: [(&str, &str); 3] = [
    ("/", "index.html"),
    ("/index.html", "index.html"),
    ("/builder.html", "builder.html"),
];

pub fn run(args: &[String]) -> Result {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => {
            value.parse().map_err(|_| format!("bad port `{value}`"))?
        }
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    crate::dist::build_dist()?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
    step(&format!(
        "serving the demo on http://127.0.0.1:{port}/ (Ctrl-C stops)"
    ));
    serve_forever(listener, true);
    Ok(())
}

/// Starts the server on a free port in a background thread (for tests and the benchmark), once
/// per run: the e2e, Firefox and WebKit suites share it rather than each brotli-compressing
/// dist/ again for a server of its own.
pub fn start_background() -> Result<SocketAddr> {
    static STARTED: std::sync::OnceLock<SocketAddr> = std::sync::OnceLock::new();
    if let Some(address) = STARTED.get() {
        return Ok(*address);
    }
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|error| format!("cannot listen: {error}"))?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    std::thread::spawn(move || serve_forever(listener, false));
    Ok(*STARTED.get_or_init(|| address))
}

fn serve_forever(listener: TcpListener, log: bool) {
    let compressed = Arc::new(Mutex::new(HashMap::new()));
    // Brotli at quality 11 takes a second or two for the wasm: do it once, before the first
    // visitor, not inside a page load (that would also skew the benchmark).
    // Every folder of the widget's files, the test build's too: its first page load must not
    // wait for its wasm to be compressed (seen to take over 5 s on a busy two-core machine).
    let folders = SERVED
        .iter()
        .filter(|(prefix, _)| WIDGET_FILES.contains(prefix))
        .map(|(_, folder)| project_root().join(folder));
    for entries in folders.filter_map(|folder| std::fs::read_dir(folder).ok()) {
        for file in entries.flatten().map(|entry| entry.path()) {
            if let Ok(body) = std::fs::read(&file) {
                brotli_cached(&compressed, &file, &body);
            }
        }
    }
    for stream in listener.incoming().flatten() {
        let compressed = Arc::clone(&compressed);
        std::thread::spawn(move || {
            // A client hanging up mid-response is not the server's problem.
            let _ = handle(stream, log, &compressed);
        });
    }
}

type BrotliCache = Mutex<HashMap<PathBuf, (std::time::SystemTime, Arc<Vec<u8>>)>>;

fn handle(mut stream: TcpStream, log: bool, cache: &BrotliCache) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_brotli = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("br") {
            accepts_brotli = true;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let response = match (method, resolve(path)) {
        ("GET" | "HEAD", Some(file)) if file.is_file() => {
            let body = std::fs::read(&file)?;
            let mut headers = vec![("Content-Type", content_type(&file).to_string())];
            let name = file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            // `*.nocsp.html` test pages stand for a page without a policy: there an injected
            // script *would* run, which is what the XSS test needs to prove it does not.
            if name.ends_with(".html") && !name.ends_with(".nocsp.html") {
                headers.push(("Content-Security-Policy", STRICT_CSP.to_string()));
            }
            // The widget's files are served like a CDN serves them: readable cross-origin, which
            // Subresource Integrity requires.
            if WIDGET_FILES.iter().any(|prefix| path.starts_with(prefix)) {
                headers.push(("Access-Control-Allow-Origin", "*".to_string()));
            }
            let body = if accepts_brotli && body.len() > 512 && is_compressible(&file) {
                headers.push(("Content-Encoding", "br".to_string()));
                headers.push(("Vary", "Accept-Encoding".to_string()));
                brotli_cached(cache, &file, &body)
            } else {
                Arc::new(body)
            };
            (200, headers, body)
        }
        ("GET" | "HEAD", _) => (
            404,
            vec![("Content-Type", "text/plain".into())],
            Arc::new(b"not found\n".to_vec()),
        ),
        _ => (
            405,
            vec![("Content-Type", "text/plain".into())],
            Arc::new(b"method not allowed\n".to_vec()),
        ),
    };
    let (status, headers, body) = response;
    if log {
        println!("    {method} {target} {status}");
    }
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\n",
        body.len()
    );
    head.push_str(
        "Cache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n",
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()?;
    // Drain anything left so the close is clean.
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(10)));
    let _ = stream.read(&mut [0; 64]);
    Ok(())
}

/// Maps a URL path to a file, refusing anything outside the served folders.
fn resolve(path: &str) -> Option<PathBuf> {
    let root = project_root();
    if path == "/favicon.ico" {
        return Some(root.join("demo/favicon.svg"));
    }
    if let Some((_, file)) = SERVED_FILES.iter().find(|(url, _)| *url == path) {
        return Some(root.join(file));
    }
    let (prefix, folder) = SERVED.iter().find(|(prefix, _)| path.starts_with(prefix))?;
    let relative = percent_decode(&path[prefix.len()..])?;
    if relative
        .split('/')
        .any(|segment| segment == ".." || segment.starts_with('.'))
    {
        return None;
    }
    let mut file = root.join(folder).join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    Some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = std::str::from_utf8(bytes.get(index + 1..index + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn is_compressible(file: &Path) -> bool {
    !matches!(file.extension().and_then(|ext| ext.to_str()), Some("png"))
}

fn brotli_cached(cache: &BrotliCache, file: &Path, body: &[u8]) -> Arc<Vec<u8>> {
    let modified = std::fs::metadata(file)
        .and_then(|meta| meta.modified())
        .ok();
    if let (Ok(cache), Some(modified)) = (cache.lock(), modified) {
        if let Some((stamp, bytes)) = cache.get(file) {
            if *stamp == modified {
                return Arc::clone(bytes);
            }
        }
    }
    let bytes = Arc::new(crate::dist::brotli(body));
    if let (Ok(mut cache), Some(modified)) = (cache.lock(), modified) {
        cache.insert(file.to_path_buf(), (modified, Arc::clone(&bytes)));
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_served_folders_are_refused() {
        assert_eq!(resolve("/Cargo.toml"), None);
        assert_eq!(resolve("/dist/../Cargo.toml"), None);
        assert_eq!(resolve("/dist/%2e%2e/Cargo.toml"), None);
        assert_eq!(resolve("/demo/.git/config"), None);
    }

    #[test]
    fn the_root_is_the_demo_page_and_dist_is_served() {
        let root = project_root();
        assert_eq!(resolve("/"), Some(root.join("index.html")));
        assert_eq!(
            resolve("/dist/selfcheck.js"),
            Some(root.join("dist/selfcheck.js"))
        );
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(
            content_type(Path::new("x/selfcheck_bg.wasm")),
            "application/wasm"
        );
    }
}
