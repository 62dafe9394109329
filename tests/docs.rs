//! The repository's own documents: every link in them stays inside the repository (or goes to a
//! public `https:` address), and every JSON example in them is a valid document.
//!
//! Checked: `*.md` at the top, `docs/**/*.md` and `www/*.html`. A relative link must name a file
//! or folder that a clean clone has (not one under an ignored folder such as `dist/`), and a
//! `#fragment` must name a heading (Markdown) or an `id` (HTML) of the file it points into.
//! Links inside code (fenced blocks and `inline code`) are examples, not links, and are left
//! alone. In `www/`, a path from the site root is read as the demo server serves it: `/dist/…`
//! is the build's output (it must be a file `scripts/build.sh` writes), anything else is
//! `www/…`.
//!
//! `SHOW_LINKS=1 cargo test --test docs -- --nocapture` lists every link read.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The documents checked, as paths relative to the repository root.
fn documents() -> Vec<PathBuf> {
    let root = root();
    let mut found = Vec::new();
    let listed = |dir: &Path| -> Vec<PathBuf> {
        let mut entries: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .map(|rd| rd.filter_map(Result::ok).map(|e| dir.join(e.file_name())).collect())
            .unwrap_or_default();
        entries.sort();
        entries
    };
    let has_ext = |p: &Path, ext: &str| p.extension().is_some_and(|e| e == ext);
    found.extend(listed(Path::new("")).into_iter().filter(|p| has_ext(p, "md")));
    let mut dirs = vec![PathBuf::from("docs")];
    while let Some(dir) = dirs.pop() {
        for p in listed(&dir) {
            if root.join(&p).is_dir() {
                dirs.push(p);
            } else if has_ext(&p, "md") {
                found.push(p);
            }
        }
    }
    found.extend(listed(Path::new("www")).into_iter().filter(|p| has_ext(p, "html")));
    found
}

// ----- reading links ------------------------------------------------------------------------

/// A Markdown file's text with fenced code blocks blanked (line breaks kept).
fn without_fences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed.chars().take_while(|c| *c == '`' || *c == '~').collect();
        let is_marker = marker.len() >= 3 && marker.chars().all(|c| c == marker.chars().next().unwrap_or('`'));
        match &fence {
            Some(open) => {
                if is_marker && marker.starts_with(open.as_str()) && trimmed[marker.len()..].trim().is_empty() {
                    fence = None;
                }
                out.push('\n');
            }
            None if is_marker => {
                fence = Some(marker);
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
}

/// `text` with inline code spans (a run of backticks to the next run of the same length)
/// replaced by spaces.
fn without_code_spans(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|c| **c == '`').count();
        let mut j = i + run;
        let mut close = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let other = chars[j..].iter().take_while(|c| **c == '`').count();
                if other == run {
                    close = Some(j + other);
                    break;
                }
                j += other;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => {
                out.extend(chars[i..end].iter().map(|c| if *c == '\n' { '\n' } else { ' ' }));
                i = end;
            }
            None => {
                out.extend(&chars[i..i + run]);
                i += run;
            }
        }
    }
    out
}

/// The value of every `href="…"` and `src="…"` attribute (either quote) in `text`.
fn html_attribute_links(text: &str) -> Vec<String> {
    let mut links = Vec::new();
    for name in ["href", "src"] {
        let mut rest = text;
        while let Some(at) = rest.find(name) {
            let before = rest[..at].chars().next_back();
            let after = rest[at + name.len()..].trim_start();
            rest = &rest[at + name.len()..];
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let Some(value) = after.strip_prefix('=').map(str::trim_start) else {
                continue;
            };
            let Some(quote) = value.chars().next().filter(|q| *q == '"' || *q == '\'') else {
                continue;
            };
            if let Some(end) = value[1..].find(quote) {
                links.push(value[1..1 + end].replace("&amp;", "&"));
            }
        }
    }
    links
}

/// Every link target in a Markdown file: inline links and images, reference definitions,
/// autolinks, and `href`/`src` in raw HTML; none from code.
fn markdown_links(text: &str) -> Vec<String> {
    let prose = without_code_spans(&without_fences(text));
    let mut links = Vec::new();
    // [text](target "title") and ![alt](target)
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let target = if let Some(angled) = rest.strip_prefix('<') {
            angled.split('>').next().unwrap_or("").to_owned()
        } else {
            let mut depth = 0usize;
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' if depth == 0 => {
                        end = i;
                        break;
                    }
                    ')' => depth -= 1,
                    c if c.is_whitespace() => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            rest[..end].to_owned()
        };
        links.push(target);
    }
    for line in prose.lines() {
        // [label]: target
        let t = line.trim_start();
        if line.len() - t.len() <= 3 && t.starts_with('[') && !t.starts_with("[^") {
            if let Some((_, after)) = t.split_once("]:") {
                if let Some(target) = after.split_whitespace().next() {
                    links.push(target.trim_matches(['<', '>']).to_owned());
                }
            }
        }
        // <https://…>
        let mut rest = line;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let candidate = rest.split('>').next().unwrap_or("");
            if candidate.contains("://") && !candidate.contains(char::is_whitespace) {
                links.push(candidate.to_owned());
            }
        }
    }
    links.extend(html_attribute_links(&prose));
    links
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    let plain = without_link_syntax(heading).replace('`', "");
    plain
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// `[text](target)` → `text`.
fn without_link_syntax(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|c| mid + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The anchors a file offers: its headings' slugs (Markdown, numbered as GitHub numbers
/// repeats) or its `id`s (HTML).
fn anchors(path: &Path, text: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    if path.extension().is_some_and(|e| e == "md") {
        for line in without_fences(text).lines() {
            let t = line.trim_start();
            let hashes = t.chars().take_while(|c| *c == '#').count();
            if !(1..=6).contains(&hashes) || !t[hashes..].starts_with(' ') {
                continue;
            }
            let base = slug(t[hashes..].trim().trim_end_matches('#'));
            let mut name = base.clone();
            let mut n = 0;
            while found.contains(&name) {
                n += 1;
                name = format!("{base}-{n}");
            }
            found.insert(name);
        }
    } else {
        for attr in [" id=\"", " id='"] {
            let mut rest = text;
            while let Some(at) = rest.find(attr) {
                rest = &rest[at + attr.len()..];
                let quote = attr.chars().last().unwrap_or('"');
                if let Some(end) = rest.find(quote) {
                    found.insert(rest[..end].to_owned());
                }
            }
        }
    }
    found
}

// ----- judging links ------------------------------------------------------------------------

/// Whether an `https:` URL names a public host (not this machine or a private network).
fn is_public_https(url: &str) -> bool {
    let Some(rest) = url.get(..8).filter(|s| s.eq_ignore_ascii_case("https://")).map(|_| &url[8..]) else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().unwrap_or("").trim_start_matches('[').to_lowercase()
    } else {
        host_port.split(':').next().unwrap_or("").to_lowercase()
    };
    if host.is_empty() || !host.contains('.') && !host.contains(':') {
        return false;
    }
    if host == "localhost" || host.ends_with(".localhost") || host.ends_with(".local") || host.ends_with(".internal") {
        return false;
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(v4) => !(v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified()),
            std::net::IpAddr::V6(v6) => !(v6.is_loopback() || v6.is_unspecified()),
        };
    }
    true
}

/// Percent-decodes the few escapes a path link may use.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = path.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `base.join(relative)`, with `.` and `..` resolved; `None` if it climbs out of the root.
fn normalise(base: &Path, relative: &str) -> Option<PathBuf> {
    let mut parts: Vec<String> = base.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    for component in Path::new(relative).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// The folders a clean clone does not have: the simple names `.gitignore` ignores.
fn ignored_folders() -> Vec<String> {
    fs::read_to_string(root().join(".gitignore"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().trim_matches('/'))
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains(['*', '/', '!']))
        .map(str::to_owned)
        .collect()
}

/// What is wrong with `link` in the document at `doc` (relative to the root), if anything.
fn problem(doc: &Path, link: &str, build_script: &str, ignored: &[String]) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return Some("empty link".to_owned());
    }
    if let Some(colon) = link.find(':') {
        let scheme = &link[..colon];
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) && !scheme.contains('/') {
            return (!is_public_https(link))
                .then(|| "points outside the repository: only public https:// addresses are allowed".to_owned());
        }
    }
    if link.starts_with("//") {
        return Some("a scheme-relative address: write https:// in full".to_owned());
    }
    let (path_part, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (link, None),
    };
    let path_part = decode(path_part.split('?').next().unwrap_or(""));
    let is_html = doc.extension().is_some_and(|e| e == "html");
    let here = doc.parent().unwrap_or(Path::new(""));
    // docs/ is read on its own too (a docs site, a package browser): it names the files around
    // it in words, and links only within itself.
    if here.starts_with("docs") && !is_html && path_part.starts_with("../") {
        return Some("climbs out of docs/: name the file in words, or link within docs/".to_owned());
    }
    let target = if path_part.is_empty() {
        doc.to_path_buf()
    } else if let Some(site) = path_part.strip_prefix('/') {
        if !is_html {
            return Some("a path from the root: write it relative to this file, so it works in a clone and on GitHub".to_owned());
        }
        // As the demo server serves the site: dist/ at /dist/, www/ at /.
        if let Some(built) = site.strip_prefix("dist/") {
            let named = Path::new(built).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            return (named.is_empty() || !build_script.contains(&named))
                .then(|| format!("/dist/{built} is not a file scripts/build.sh writes"));
        }
        match normalise(Path::new("www"), site) {
            Some(t) => t,
            None => return Some("climbs out of the site".to_owned()),
        }
    } else {
        match normalise(here, &path_part) {
            Some(t) => t,
            None => return Some("climbs out of the repository".to_owned()),
        }
    };
    // The demo server also serves the gallery's documents and goldens straight from tests/.
    let target = [("www/gallery/fixtures", "tests/fixtures"), ("www/gallery/goldens", "tests/goldens")]
        .iter()
        .find_map(|(served, from)| target.strip_prefix(served).ok().map(|rest| Path::new(from).join(rest)))
        .unwrap_or(target);
    if target.as_os_str().is_empty() {
        return None; // the repository's root folder
    }
    let first = target.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    if ignored.contains(&first) {
        return Some(format!("{} is under {first}/, which a clean clone does not have", target.display()));
    }
    let full = root().join(&target);
    if !full.exists() {
        return Some(format!("{} does not exist", target.display()));
    }
    if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
        if full.is_file() && target.extension().is_some_and(|e| e == "md" || e == "html") {
            let text = fs::read_to_string(&full).unwrap_or_default();
            if !anchors(&target, &text).contains(&decode(fragment)) {
                return Some(format!("{} has no heading or id for #{fragment}", target.display()));
            }
        }
    }
    None
}

// ----- the tests ----------------------------------------------------------------------------

#[test]
fn no_link_points_outside_the_repository() {
    let build_script = fs::read_to_string(root().join("scripts/build.sh")).expect("scripts/build.sh");
    let ignored = ignored_folders();
    let docs = documents();
    for expected in ["README.md", "docs/data-format.md", "docs/embedding.md", "www/index.html", "www/embed.html"] {
        assert!(docs.iter().any(|d| d == Path::new(expected)), "{expected} is among the documents checked: {docs:?}");
    }
    let mut problems = Vec::new();
    let mut checked = 0;
    for doc in &docs {
        let text = fs::read_to_string(root().join(doc)).expect("readable");
        let links = if doc.extension().is_some_and(|e| e == "md") { markdown_links(&text) } else { html_attribute_links(&text) };
        for link in links {
            if std::env::var_os("SHOW_LINKS").is_some() {
                eprintln!("{}: {link}", doc.display());
            }
            checked += 1;
            if let Some(p) = problem(doc, &link, &build_script, &ignored) {
                problems.push(format!("{}: ({link}) {p}", doc.display()));
            }
        }
    }
    assert!(checked > 20, "only {checked} links found: is the reader working?");
    assert!(problems.is_empty(), "links that point outside the repository or to nothing:\n{}", problems.join("\n"));
}

#[test]
fn the_link_check_refuses_what_it_must() {
    let build = "operation-charts.js operation-charts-core_bg.wasm";
    let ignored = vec!["dist".to_owned(), "target".to_owned()];
    let readme = Path::new("README.md");
    let doc = Path::new("docs/data-format.md");
    let page = Path::new("www/index.html");
    let refused = |d: &Path, l: &str| problem(d, l, build, &ignored).is_some();
    // Outside the repository.
    assert!(refused(readme, "../shared/docs/data-format.md"));
    assert!(refused(doc, "../../shared/docs/data-format.md"));
    assert!(refused(readme, "/work/shared/docs/data-format.md"));
    assert!(refused(readme, "file:///work/shared/docs/data-format.md"));
    assert!(refused(readme, "http://example.org/"));
    assert!(refused(readme, "https://localhost:8080/"));
    assert!(refused(readme, "https://127.0.0.1/"));
    assert!(refused(readme, "//example.org/x"));
    // Inside, but missing, generated, or a heading that is not there.
    assert!(refused(readme, "docs/no-such-file.md"));
    assert!(refused(readme, "dist/operation-charts.js"));
    assert!(refused(readme, "docs/data-format.md#no-such-heading"));
    assert!(refused(page, "/dist/no-such-file.js"));
    // Fine.
    assert!(!refused(readme, "https://www.edp24.co.uk/"));
    assert!(!refused(readme, "docs/data-format.md#limits"));
    assert!(refused(doc, "../schema/operation.schema.json"), "docs/ links only within itself");
    assert!(!refused(doc, "embedding.md#the-iframe"));
    assert!(!refused(doc, "#errors"));
    assert!(!refused(page, "/dist/operation-charts.js"));
    assert!(!refused(page, "embed.html?src=data/operation-cayman.json&view=timeline"));
    // Links in code are examples, not links.
    assert_eq!(markdown_links("Write `[x](../a.md)` and\n\n```html\n<a href=\"../b\">b</a>\n```\n[y](c.md)"), vec!["c.md"]);
    assert_eq!(slug("`charthover`'s item"), "charthovers-item");
    assert_eq!(slug("With pym.js"), "with-pymjs");
}

#[test]
fn every_json_example_in_the_docs_is_a_valid_document() {
    let mut checked = 0;
    for doc in documents().iter().filter(|d| d.extension().is_some_and(|e| e == "md")) {
        let text = fs::read_to_string(root().join(doc)).expect("readable");
        let mut block: Option<(usize, String)> = None;
        for (n, line) in text.lines().enumerate() {
            match &mut block {
                None if line.trim_start().starts_with("```json") => block = Some((n + 1, String::new())),
                None => {}
                Some((start, body)) if line.trim_start().starts_with("```") => {
                    match operation_charts::data::load(body) {
                        Ok(checked_doc) => assert!(
                            checked_doc.warnings.is_empty(),
                            "{}:{start}: the example draws warnings: {:?}",
                            doc.display(),
                            checked_doc.warnings
                        ),
                        Err(report) => panic!("{}:{start}: the example is not valid: {:?}", doc.display(), report.errors),
                    }
                    checked += 1;
                    block = None;
                }
                Some((_, body)) => {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    assert!(checked >= 3, "only {checked} JSON examples found");
}

/// The docs a package user gets (README.md and docs/, both in package.json's `files`) link only
/// to files the package holds too: a link into src/ or www/ works in a clone but not from
/// node_modules.
#[test]
fn packaged_docs_link_only_to_packaged_files() {
    let package: serde_json::Value = serde_json::from_str(&fs::read_to_string(root().join("package.json")).expect("package.json")).expect("JSON");
    let files: Vec<String> = package["files"].as_array().expect("files").iter().filter_map(|f| f.as_str().map(str::to_owned)).collect();
    let packaged = |p: &Path| {
        let p = p.to_string_lossy();
        files.iter().any(|f| if f.ends_with('/') { p.starts_with(f.as_str()) } else { p == f.as_str() })
    };
    let mut bad = Vec::new();
    for doc in documents().into_iter().filter(|d| d.extension().is_some_and(|e| e == "md")) {
        assert!(packaged(&doc), "{} is linked from the README but not in the package", doc.display());
        let text = fs::read_to_string(root().join(&doc)).unwrap_or_default();
        for link in markdown_links(&text) {
            let path = decode(link.split(['#', '?']).next().unwrap_or(""));
            if path.is_empty() || link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            match normalise(doc.parent().unwrap_or(Path::new("")), &path) {
                Some(target) if packaged(&target) => {}
                _ => bad.push(format!("{}: ({link})", doc.display())),
            }
        }
    }
    assert!(bad.is_empty(), "links a package user cannot follow:\n{}", bad.join("\n"));
}
