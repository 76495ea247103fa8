//! The real binary's HTTP side: `hipcoach webhook set|delete|info` against the fake Bot
//! API, `hipcoach run` taking updates by webhook, `hipcoach health`, and a clean stop on
//! SIGTERM.

use crate::support::fake_bot_api::FakeBotApi;
use crate::telegram_binary::{Hipcoach, TOKEN, hipcoach};

use std::process::Command;
use std::time::{Duration, Instant};

const SECRET: &str = "Web_hook-secret-42";
const USER: i64 = 4343;
const PATIENCE: Duration = Duration::from_secs(20);

/// `hipcoach ARGS` against `fake`, run to its end: (exit code, stdout, stderr).
async fn run_to_end(fake: &FakeBotApi, args: &[&str]) -> (i32, String, String) {
    let mut child = Hipcoach::spawn(
        hipcoach()
            .args(args)
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", fake.url())
            .env_remove("HIPCOACH_WEBHOOK_URL")
            .env_remove("HIPCOACH_WEBHOOK_SECRET")
            .env_remove("TELOXIDE_PROXY"),
    );
    let status = child.exit_status().await;
    // Let the readers take the last bytes.
    tokio::time::sleep(Duration::from_millis(50)).await;
    (status.code().unwrap_or(-1), child.stdout(), child.stderr())
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `hipcoach run` on a fresh database in `dir` with the server on `port` and `extra`
/// arguments.
fn start_run(fake: &FakeBotApi, dir: &std::path::Path, port: u16, extra: &[&str]) -> Hipcoach {
    let database = format!("sqlite://{}", dir.join("hc.db").display());
    Hipcoach::spawn(
        hipcoach()
            .arg("run")
            .arg("--listen")
            .arg(format!("127.0.0.1:{port}"))
            .args(extra)
            .current_dir(dir)
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", fake.url())
            .env("DATABASE_URL", &database)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .env_remove("HIPCOACH_WEBHOOK_URL")
            .env_remove("HIPCOACH_WEBHOOK_SECRET")
            .env_remove("TELOXIDE_PROXY"),
    )
}

/// Waits until `hipcoach health` against the bot on `port` exits 0.
async fn wait_ready(fake: &FakeBotApi, bot: &Hipcoach, port: u16) {
    let url = format!("http://127.0.0.1:{port}/readyz");
    let deadline = Instant::now() + PATIENCE;
    loop {
        let (code, _, stderr) = run_to_end(fake, &["health", "--url", &url]).await;
        if code == 0 {
            assert!(stderr.contains("200 ready"), "{stderr}");
            return;
        }
        assert_eq!(code, 1, "{stderr}");
        assert!(
            Instant::now() < deadline,
            "never ready: {stderr}\n{}",
            bot.stderr()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Sends SIGTERM and returns how long the bot took to exit, asserting it exited 0.
async fn terminate(bot: &mut Hipcoach) -> Duration {
    let asked = Instant::now();
    let sent = Command::new("kill")
        .arg("-TERM")
        .arg(bot.child.id().to_string())
        .status()
        .unwrap();
    assert!(sent.success());
    let status = bot.exit_status().await;
    let took = asked.elapsed();
    assert!(status.success(), "{status:?}\n{}", bot.stderr());
    took
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_set_info_and_delete_call_the_bot_api() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let url = "https://bot.example/telegram";
    let (code, stdout, stderr) =
        run_to_end(&fake, &["webhook", "set", "--url", url, "--secret", SECRET]).await;
    assert_eq!(code, 0, "{stdout}{stderr}");
    let set = fake
        .all_calls()
        .into_iter()
        .find(|c| c.method == "setWebhook")
        .expect("setWebhook called");
    assert_eq!(set.body["url"], url);
    assert_eq!(set.body["secret_token"], SECRET);
    assert_eq!(
        set.body["drop_pending_updates"]
            .to_string()
            .trim_matches('"'),
        "false"
    );
    let allowed = set.body["allowed_updates"].to_string().replace('\\', "");
    for kind in ["\"message\"", "\"edited_message\"", "\"callback_query\""] {
        assert!(allowed.contains(kind), "{allowed}");
    }
    assert_eq!(
        allowed.matches(',').count(),
        2,
        "only those three: {allowed}"
    );

    let (code, stdout, stderr) = run_to_end(&fake, &["webhook", "info"]).await;
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(&format!("url: {url}")), "{stdout}");
    assert!(stdout.contains("pending updates: 0"), "{stdout}");
    assert!(
        stdout.contains("last error: Connection refused"),
        "{stdout}"
    );

    let (code, _, stderr) = run_to_end(&fake, &["webhook", "delete"]).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fake.calls("deleteWebhook"), 1);
    let (_, stdout, _) = run_to_end(&fake, &["webhook", "info"]).await;
    assert!(stdout.contains("url: (none)"), "{stdout}");

    // A secret Telegram would refuse is refused before anything is called.
    let (code, _, stderr) = run_to_end(
        &fake,
        &["webhook", "set", "--url", url, "--secret", "no spaces!"],
    )
    .await;
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("A-Z, a-z, 0-9"), "{stderr}");
    assert_eq!(fake.calls("setWebhook"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_with_a_webhook_needs_a_valid_secret() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let url = "--webhook-url=https://bot.example/telegram";
    for (extra, says) in [
        (vec![url], "secret is missing"),
        (vec![url, "--webhook-secret=a/b"], "A-Z, a-z, 0-9"),
    ] {
        let mut bot = start_run(&fake, dir.path(), free_port(), &extra);
        let status = bot.exit_status().await;
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(status.code(), Some(2), "{}", bot.stderr());
        assert!(bot.stderr().contains(says), "{}", bot.stderr());
    }
    assert_eq!(fake.calls("getMe"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_takes_updates_by_webhook_and_stops_on_sigterm() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut bot = start_run(
        &fake,
        dir.path(),
        port,
        &[
            "--webhook-url=https://bot.example/hooks/telegram",
            &format!("--webhook-secret={SECRET}"),
        ],
    );
    wait_ready(&fake, &bot, port).await;

    fake.push_text(USER, "/start");
    let update = fake.take_pending().remove(0).to_string();
    let client = reqwest::Client::new();
    let post = |secret: &'static str| {
        client
            .post(format!("http://127.0.0.1:{port}/hooks/telegram"))
            .header("X-Telegram-Bot-Api-Secret-Token", secret)
            .header("content-type", "application/json")
            .body(update.clone())
            .send()
    };
    assert_eq!(post("wrong").await.unwrap().status().as_u16(), 401);
    assert_eq!(post(SECRET).await.unwrap().status().as_u16(), 200);
    let greeted = fake
        .wait_for_sent_matching(0, PATIENCE, |m| {
            m.chat_id == USER && m.text().contains("Hi, I'm hipcoach.")
        })
        .await;
    assert!(greeted.is_ok(), "{greeted:?}\n{}", bot.stderr());
    assert_eq!(fake.calls("getUpdates"), 0, "nothing polls with a webhook");
    assert_eq!(fake.calls("setWebhook") + fake.calls("deleteWebhook"), 0);

    let took = terminate(&mut bot).await;
    eprintln!("webhook run stopped {took:?} after SIGTERM");
    assert!(took < Duration::from_secs(5), "{took:?}");
    // Gone: the health check says so.
    let (code, _, stderr) = run_to_end(
        &fake,
        &[
            "health",
            "--url",
            &format!("http://127.0.0.1:{port}/readyz"),
        ],
    )
    .await;
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no answer"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_polling_run_stops_on_sigterm() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut bot = start_run(&fake, dir.path(), port, &[]);
    wait_ready(&fake, &bot, port).await;
    fake.push_text(USER, "/start");
    let greeted = fake
        .wait_for_sent_matching(0, PATIENCE, |m| {
            m.chat_id == USER && m.text().contains("Hi, I'm hipcoach.")
        })
        .await;
    assert!(greeted.is_ok(), "{greeted:?}\n{}", bot.stderr());
    let took = terminate(&mut bot).await;
    eprintln!("polling run stopped {took:?} after SIGTERM");
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert!(
        bot.stderr().contains("hipcoach stopped"),
        "{}",
        bot.stderr()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_with_a_public_url_serves_the_measuring_page() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    // Plain HTTP on the internet is refused: Telegram opens only HTTPS pages.
    let mut refused = start_run(
        &fake,
        dir.path(),
        free_port(),
        &["--public-url=http://bot.example"],
    );
    let status = refused.exit_status().await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(status.code(), Some(2), "{}", refused.stderr());
    assert!(
        refused.stderr().contains("https://"),
        "{}",
        refused.stderr()
    );

    let port = free_port();
    let mut bot = start_run(
        &fake,
        dir.path(),
        port,
        &["--public-url=https://bot.example/coach"],
    );
    wait_ready(&fake, &bot, port).await;
    let client = reqwest::Client::new();
    let get = |path: &str| client.get(format!("http://127.0.0.1:{port}{path}")).send();
    let page = get("/app/").await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("script-src 'self' https://telegram.org"),
        "{policy}"
    );
    assert!(page.text().await.unwrap().contains("telegram-web-app.js"));
    for script in ["/app/app.js", "/app/angle.js", "/app/app.css"] {
        assert_eq!(
            get(script).await.unwrap().status().as_u16(),
            200,
            "{script}"
        );
    }
    let german: serde_json::Value = get("/app/texts/de.json")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(german["app-title"], "Mit dem Handy messen");
    assert_eq!(
        get("/app/../Cargo.toml").await.unwrap().status().as_u16(),
        404
    );
    assert_eq!(
        get("/app/texts/fr.json").await.unwrap().status().as_u16(),
        404
    );
    terminate(&mut bot).await;
}
