//! The measuring page (a Telegram Mini App): its files, compiled into the binary and
//! served by the bot's own HTTP server under `/app/` on the same origin, and its texts,
//! which live with every other text in `messages/<lang>/webapp.ftl` and reach the page as
//! `/app/texts/<lang>.json`. The page itself is plain HTML, CSS and JavaScript in
//! `src/webapp/`, with no build step (ARCHITECTURE.md, "The measuring page").

use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::core::Lang;
use crate::core::say::reply::Measure;

/// Where the page is served, below the server's root.
pub const PATH: &str = "/app/";

/// The page's files: name, content type, bytes.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_bytes!("webapp/index.html"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("webapp/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("webapp/app.js"),
    ),
    (
        "angle.js",
        "text/javascript; charset=utf-8",
        include_bytes!("webapp/angle.js"),
    ),
];

/// Every text the page shows, with the names of its variables. A variable reaches the page
/// as `{name}`, which the page fills in itself.
pub const TEXTS: &[(&str, &[&str])] = &[
    ("app-title", &[]),
    ("app-test-seated", &[]),
    ("app-test-prone-internal", &[]),
    ("app-test-prone-external", &[]),
    ("app-side-left", &[]),
    ("app-side-right", &[]),
    ("app-setup-seated", &[]),
    ("app-setup-prone-internal", &[]),
    ("app-setup-prone-external", &[]),
    ("app-step-zero", &[]),
    ("app-step-turn", &[]),
    ("app-step-back", &[]),
    ("app-pain", &[]),
    ("app-zero", &[]),
    ("app-status-zeroing", &[]),
    ("app-status-turn", &[]),
    ("app-status-back", &[]),
    ("app-status-beyond", &[]),
    ("app-status-other-way", &[]),
    ("app-status-more", &[]),
    ("app-now", &["degrees"]),
    ("app-reading", &["n", "degrees"]),
    ("app-result", &[]),
    ("app-uneven", &["n"]),
    ("app-send", &[]),
    ("app-again", &[]),
    ("app-outside", &[]),
    ("app-bad-link", &[]),
    ("app-no-sensor", &[]),
    ("app-slow-sensor", &[]),
    ("app-sensor-stopped", &[]),
    ("app-no-bridge", &[]),
    ("app-unsupported", &[]),
    ("app-sensor-failed", &[]),
    ("app-permission", &[]),
];

/// Only Telegram's own script may run besides the page's (the rule, and a guard
/// against anything injected); everything else comes from the same origin.
const POLICY: &str = "default-src 'self'; script-src 'self' https://telegram.org; \
                      style-src 'self'; img-src 'self' data:; connect-src 'self'; \
                      object-src 'none'; base-uri 'none'; form-action 'none'";

/// The page's routes, to merge into the server's router.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route(PATH, get(|| async { file("index.html") }))
        .route("/app", get(|| async { file("index.html") }))
        .route("/app/texts/{file}", get(texts))
        .route(
            "/app/{file}",
            get(|Path(name): Path<String>| async move { file(&name) }),
        )
}

/// The page's URL under the operator's public address (`--public-url`): checked to be
/// HTTPS (Telegram opens only HTTPS pages; plain HTTP is let through for a loopback
/// address, for tests), without a query or fragment.
pub fn page_url(public: &reqwest::Url) -> Result<reqwest::Url, String> {
    let host = public.host_str().unwrap_or_default();
    let loopback = host == "localhost"
        || host
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match public.scheme() {
        "https" => {}
        "http" if loopback => {}
        _ => {
            return Err(format!(
                "the public URL must be https:// (Telegram opens only HTTPS pages): {public}"
            ));
        }
    }
    if public.query().is_some() || public.fragment().is_some() {
        return Err("the public URL may not have a query or a fragment".into());
    }
    let mut base = public.clone();
    if !base.path().ends_with('/') {
        base.set_path(&format!("{}/", base.path()));
    }
    base.join("app/")
        .map_err(|e| format!("the public URL: {e}"))
}

/// The page opened for one test and side, in the person's language, for their question
/// number `q` (which the page sends back): the page reads all four from its query.
pub fn page_for(page: &reqwest::Url, measure: &Measure) -> reqwest::Url {
    let mut url = page.clone();
    url.query_pairs_mut()
        .append_pair("test", measure.test.into())
        .append_pair("side", measure.side.into())
        .append_pair("lang", measure.lang.code())
        .append_pair("q", &measure.asked.to_string());
    url
}

fn file(name: &str) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, bytes)) => served(kind, Body::from(*bytes)),
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

async fn texts(Path(name): Path<String>) -> Response {
    let lang = match name.as_str() {
        "en.json" => Lang::En,
        "de.json" => Lang::De,
        _ => return (StatusCode::NOT_FOUND, "not found\n").into_response(),
    };
    match crate::i18n::page_texts(lang, TEXTS) {
        Ok(texts) => served(
            "application/json; charset=utf-8",
            Body::from(serde_json::to_vec(&texts).unwrap_or_default()),
        ),
        Err(error) => {
            tracing::error!(%error, "a text of the measuring page is missing");
            (StatusCode::INTERNAL_SERVER_ERROR, "texts missing\n").into_response()
        }
    }
}

fn served(kind: &'static str, body: Body) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // A new release's page is fetched again (the files are small).
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_url_is_https_under_the_public_address() {
        let url = |s: &str| page_url(&s.parse().unwrap());
        assert_eq!(
            url("https://coach.example.org").unwrap().as_str(),
            "https://coach.example.org/app/"
        );
        assert_eq!(
            url("https://example.org/hip").unwrap().as_str(),
            "https://example.org/hip/app/"
        );
        assert_eq!(
            url("https://example.org/hip/").unwrap().as_str(),
            "https://example.org/hip/app/"
        );
        assert_eq!(
            url("http://127.0.0.1:8080").unwrap().as_str(),
            "http://127.0.0.1:8080/app/"
        );
        assert!(
            url("http://coach.example.org").is_err(),
            "plain HTTP on the internet"
        );
        assert!(url("https://example.org/?a=1").is_err());
        assert!(url("ftp://example.org/").is_err());
        let page = url("https://coach.example.org").unwrap();
        let measure = Measure {
            test: crate::core::values::measures::PhoneTest::ProneInternal,
            side: crate::core::values::measures::Side::Left,
            lang: Lang::De,
            asked: 12,
        };
        assert_eq!(
            page_for(&page, &measure).as_str(),
            "https://coach.example.org/app/?test=prone_internal&side=left&lang=de&q=12"
        );
    }

    #[test]
    fn every_text_of_the_page_renders_in_every_language() {
        for lang in [Lang::En, Lang::De] {
            let texts = crate::i18n::page_texts(lang, TEXTS).unwrap();
            assert_eq!(texts.len(), TEXTS.len());
            for (id, vars) in TEXTS {
                let text = texts[*id].as_str().unwrap();
                assert!(!text.trim().is_empty(), "{id} is empty in {lang:?}");
                for var in *vars {
                    assert!(
                        text.contains(&format!("{{{var}}}")),
                        "{id} lacks {{{var}}} in {lang:?}"
                    );
                }
            }
        }
    }
}
