//! The measuring page's own tests, in JavaScript (`tests/webapp/`): the angle maths under
//! Node's test runner, and the page end to end in headless Chromium (playwright-core),
//! both against the page as the real server serves it (`webapp::routes`, with its texts
//! from `messages/`). Run here so that the one test command runs them too.
//!
//! Without Node, the page's tests are skipped with a note; with `HIPCOACH_REQUIRE_BROWSER=1`
//! (CI) a missing Node, playwright-core or Chromium fails instead.

use std::process::Command;

fn required() -> bool {
    std::env::var("HIPCOACH_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_javascript_tests_pass_against_the_served_page() {
    let node = Command::new("node").arg("--version").output();
    if !node.as_ref().is_ok_and(|o| o.status.success()) {
        assert!(!required(), "Node.js is required for the page's tests");
        eprintln!("skipped: the measuring page's tests need Node.js (node) on PATH");
        return;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server =
        tokio::spawn(async move { axum::serve(listener, hipcoach::webapp::routes::<()>()).await });
    let root = env!("CARGO_MANIFEST_DIR");
    let screens = format!("{}/webapp-screens", env!("CARGO_TARGET_TMPDIR"));
    let run = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .args(["--test", "--test-reporter=spec", "tests/webapp/"])
            .current_dir(root)
            .env("HIPCOACH_APP_URL", format!("http://{address}/app/"))
            .env("HIPCOACH_SCREENSHOTS", &screens)
            .output()
    })
    .await
    .unwrap()
    .expect("node runs");
    server.abort();
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    eprintln!("{out}{err}");
    assert!(
        run.status.success(),
        "the page's tests failed:\n{out}\n{err}"
    );
    // Each test file ran (a skipped browser test is allowed only outside CI, see above).
    assert!(
        out.contains("angle") || err.contains("angle"),
        "the angle tests did not run"
    );
}
