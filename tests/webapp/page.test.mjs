// The measuring page end to end in headless Chromium, driven by playwright-core, against the
// bot's own server. Telegram's script is replaced by an emulated bridge defined here, and
// sensor events are streamed into it as a person would produce them.
//
// HIPCOACH_APP_URL   the page's address, e.g. http://127.0.0.1:PORT/app/ (required)
// HIPCOACH_CHROMIUM  the browser (default /usr/bin/chromium)
// HIPCOACH_SCREENSHOTS  where the screenshots go (default target/webapp-screens)
// HIPCOACH_REQUIRE_BROWSER=1  fail instead of skipping when something is missing
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const APP_URL = process.env.HIPCOACH_APP_URL;
const CHROMIUM = process.env.HIPCOACH_CHROMIUM || "/usr/bin/chromium";
const SCREENS = process.env.HIPCOACH_SCREENSHOTS || "target/webapp-screens";
const REQUIRE = process.env.HIPCOACH_REQUIRE_BROWSER === "1";
const BRIDGE_URL = "https://telegram.org/js/telegram-web-app.js";

let chromium = null;
let missing = null;
if (!APP_URL) missing = "HIPCOACH_APP_URL is not set (the page's address, e.g. http://127.0.0.1:PORT/app/)";
if (!missing) {
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    missing = "playwright-core is not installed (npm install --prefix tests/webapp)";
  }
}
if (!missing && !fs.existsSync(CHROMIUM)) missing = `no Chromium at ${CHROMIUM} (set HIPCOACH_CHROMIUM)`;
if (missing && REQUIRE) throw new Error(`HIPCOACH_REQUIRE_BROWSER=1 but ${missing}`);
const skip = missing ? `skipped: ${missing}` : false;
if (missing) console.log(`page tests ${skip}`);

let browser;
let texts;

before(async () => {
  if (missing) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  texts = {};
  for (const lang of ["en", "de"]) {
    const response = await fetch(new URL(`texts/${lang}.json`, APP_URL));
    assert.equal(response.status, 200, `texts/${lang}.json`);
    texts[lang] = await response.json();
  }
  fs.mkdirSync(SCREENS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
});

const LIGHT = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
};
const DARK = {
  bg_color: "#17212b",
  text_color: "#f5f5f5",
  hint_color: "#708499",
  button_color: "#5288c1",
  button_text_color: "#ffffff",
  secondary_bg_color: "#232e3c",
};

// The emulated Telegram.WebApp, as a script served in place of Telegram's. `config`:
// {initData, lang, theme, version, platform, accelerometer: "ok" | "unsupported"}.
function bridge(config) {
  return `(() => {
  const config = ${JSON.stringify(config)};
  const handlers = {};
  const calls = [];
  const sent = [];
  const emit = (name, params) => (handlers[name] || []).slice().forEach((f) => f.call(WebApp, params));
  const WebApp = {
    initData: config.initData,
    initDataUnsafe: config.lang ? { user: { id: 1, first_name: "Ada", language_code: config.lang } } : {},
    version: config.version,
    platform: config.platform || "android",
    themeParams: config.theme,
    colorScheme: config.theme.bg_color === "#ffffff" ? "light" : "dark",
    isVersionAtLeast: (v) => {
      const [a, b] = [v, config.version].map((x) => x.split(".").map(Number));
      return a[0] < b[0] || (a[0] === b[0] && (a[1] || 0) <= (b[1] || 0));
    },
    ready: () => calls.push("ready"),
    expand: () => calls.push("expand"),
    onEvent: (name, f) => (handlers[name] = handlers[name] || []).push(f),
    offEvent: (name, f) => (handlers[name] = (handlers[name] || []).filter((g) => g !== f)),
    sendData: (data) => sent.push(data),
    close: () => calls.push("close"),
    Accelerometer: {
      isStarted: false,
      x: null, y: null, z: null,
      start(params, callback) {
        calls.push("start " + JSON.stringify(params));
        if (config.accelerometer === "unsupported") {
          setTimeout(() => { emit("accelerometerFailed", { error: "UNSUPPORTED" }); if (callback) callback(false); }, 30);
          return this;
        }
        this.isStarted = true;
        setTimeout(() => { emit("accelerometerStarted"); if (callback) callback(true); }, 0);
        return this;
      },
      stop(callback) {
        calls.push("stop");
        this.isStarted = false;
        if (callback) setTimeout(() => callback(true), 0);
        return this;
      },
    },
  };
  for (const [key, value] of Object.entries(config.theme)) {
    document.documentElement.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), value);
  }
  window.Telegram = { WebApp };
  window.__bridge = { calls, sent, emit, handlers };
})();`;
}

async function open({ query, bridgeConfig, init, width = 390, height = 844 }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route(BRIDGE_URL, (route) =>
    bridgeConfig
      ? route.fulfill({ status: 200, contentType: "text/javascript", body: bridge(bridgeConfig) })
      : route.fulfill({ status: 404, contentType: "text/plain", body: "" }),
  );
  await page.goto(new URL(query, APP_URL).href);
  return { context, page, errors };
}

// Opened from a keyboard button, as the bot offers the page: Telegram passes no initData
// (and no user, unless `lang` is given, to test the launch parameters' language).
const telegram = (lang, extra = {}) => ({
  initData: "",
  lang,
  theme: LIGHT,
  accelerometer: "ok",
  version: "8.0",
  ...extra,
});

async function screenshot(page, name) {
  const file = path.join(SCREENS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// A screenshot with something on it: far bigger than one of an empty page of the same size,
// and with many distinct byte values (an empty PNG compresses to a few repeated bytes).
async function assertNotBlank(file) {
  const bytes = fs.readFileSync(file);
  const blankFile = path.join(SCREENS, ".blank.png");
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const blank = await context.newPage();
  await blank.setContent("<html><body style='background:#fff'></body></html>");
  await blank.screenshot({ path: blankFile });
  await context.close();
  const blankSize = fs.statSync(blankFile).size;
  fs.rmSync(blankFile);
  assert.ok(bytes.length > 4 * blankSize, `${file}: ${bytes.length} bytes, an empty page has ${blankSize}`);
  assert.ok(new Set(bytes).size > 200, `${file}: only ${new Set(bytes).size} distinct bytes`);
}

async function assertNoOverflow(page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(scroll <= inner, `scrollWidth ${scroll} > innerWidth ${inner}`);
}

const visibleText = (page, selector) => page.locator(selector).innerText();

// A person doing the protocol, streamed into the page at 50 Hz in real time: shin upright
// and still, turn to each target, hold, back to the start, hold; a little seeded noise.
// `via`: "telegram" (the bridge's Accelerometer, the phone upright in its own plane, as on a
// shin), "motion" (the browser's devicemotion, likewise) or "orientation" (the browser's
// deviceorientation, β tilting from 80° down by the angle).
async function stream(page, targets, via = "telegram") {
  await page.evaluate(
    ({ targets, via }) => {
      let seed = 42; // mulberry32: the same noise every run
      const noise = () => {
        seed = (seed + 0x6d2b79f5) >>> 0;
        let t = seed;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5) * 0.1;
      };
      const plan = [[0, 0, 1500]];
      for (const a of targets) plan.push([0, a, 500], [a, a, 2200], [a, 0, 500], [0, 0, 1600]);
      const steps = [];
      for (const [from, to, ms] of plan) {
        for (let t = 0; t < ms; t += 20) {
          const f = t / ms;
          steps.push(from + ((to - from) * (1 - Math.cos(Math.PI * f))) / 2);
        }
      }
      let i = 0;
      const timer = setInterval(() => {
        if (i >= steps.length) return clearInterval(timer);
        const degrees = steps[i++];
        const a = (degrees * Math.PI) / 180;
        const [x, y, z] = [9.81 * Math.sin(a) + noise(), 9.81 * Math.cos(a) + noise(), noise()];
        if (via === "telegram") {
          const acc = window.Telegram.WebApp.Accelerometer;
          [acc.x, acc.y, acc.z] = [x, y, z];
          window.__bridge.emit("accelerometerChanged");
        } else if (via === "motion") {
          window.dispatchEvent(
            new DeviceMotionEvent("devicemotion", { accelerationIncludingGravity: { x, y, z }, interval: 20 }),
          );
        } else {
          window.dispatchEvent(
            new DeviceOrientationEvent("deviceorientation", { alpha: 0, beta: 80 - degrees + noise(), gamma: noise() }),
          );
        }
      }, 20);
    },
    { targets, via },
  );
}

// Waits for the result screen and returns the readings shown.
async function waitForResult(page) {
  await page.locator("#send").waitFor({ state: "visible", timeout: 40000 }).catch(async (e) => {
    const shown = await page.evaluate(() => document.body.innerText);
    throw new Error(`no result: ${shown}`, { cause: e });
  });
  return page.locator("#readings li").allInnerTexts();
}

function assertPayload(json, { test, side, targets, q }) {
  const data = JSON.parse(json);
  const keys = ["v", "test", "side", "degrees", "readings", "method"];
  assert.deepEqual(Object.keys(data), q === undefined ? keys : [...keys, "q"]);
  assert.equal(data.q, q);
  assert.equal(data.v, 1);
  assert.equal(data.test, test);
  assert.equal(data.side, side);
  assert.equal(data.method, "phone");
  assert.equal(data.readings.length, targets.length);
  data.readings.forEach((r, i) => {
    assert.ok(Number.isInteger(r), `${r}`);
    assert.ok(Math.abs(r - targets[i]) <= 1, `reading ${i + 1}: ${r}, truth ${targets[i]}`);
  });
  const truth = [...targets].sort((a, b) => a - b)[targets.length >> 1];
  assert.ok(Number.isInteger(data.degrees));
  const sorted = [...data.readings].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : Math.ceil((sorted[mid - 1] + sorted[mid]) / 2);
  assert.equal(data.degrees, median, "degrees is the median of the whole readings, as the bot checks");
  assert.ok(Math.abs(data.degrees - truth) <= 1, `degrees ${data.degrees}, truth ${truth}`);
  assert.equal(json, JSON.stringify(data));
  return data;
}

test("a seated measurement in English ends in the payload, within 1° of the truth", { skip, timeout: 60000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=seated&side=left&lang=en&q=7",
    bridgeConfig: telegram(null),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  assert.equal(await visibleText(page, "#title"), texts.en["app-title"]);
  assert.equal(await visibleText(page, "#zero"), texts.en["app-zero"]);
  assert.match(await visibleText(page, "#which"), new RegExp(texts.en["app-side-left"]));
  const calls = await page.evaluate(() => window.__bridge.calls);
  assert.ok(calls.includes("ready") && calls.includes("expand"), `${calls}`);
  await assertNoOverflow(page);
  await assertNotBlank(await screenshot(page, "en-guide"));

  await page.click("#zero");
  assert.equal(await visibleText(page, "#status"), texts.en["app-status-zeroing"]);
  const targets = [32, 35, 33];
  await stream(page, targets);
  const shownReadings = await waitForResult(page);
  assert.equal(shownReadings.length, 3, `${shownReadings}`);
  assert.match(shownReadings[0], /^Reading 1: \d+°$/);
  assert.match(await visibleText(page, "#degrees"), /^\d+°$/);
  assert.equal(await visibleText(page, "#result-label"), texts.en["app-result"]);
  await assertNoOverflow(page);
  await assertNotBlank(await screenshot(page, "en-result"));
  await page.click("#send");
  const sent = await page.evaluate(() => window.__bridge.sent);
  assert.equal(sent.length, 1);
  const data = assertPayload(sent[0], { test: "seated", side: "left", targets, q: 7 });
  assert.equal(await visibleText(page, "#degrees"), `${data.degrees}°`);

  // Start again: the readings are gone, a new zero is taken, the sensor runs again.
  await page.click("#again");
  assert.equal(await visibleText(page, "#status"), texts.en["app-status-zeroing"]);
  assert.equal(await page.locator("#readings li").count(), 0);
  assert.equal(await page.locator("#send").isVisible(), false);
  const starts = (await page.evaluate(() => window.__bridge.calls)).filter((c) => c.startsWith("start "));
  // Telegram's refresh_rate is the time between samples in milliseconds: 20 ms, 50 Hz.
  assert.deepEqual(starts, ['start {"refresh_rate":20}', 'start {"refresh_rate":20}']);
  await context.close();
  assert.deepEqual(errors, []);
});

test("the UNSUPPORTED accelerometer, and no browser sensor either: the typing line, nothing hangs", { skip, timeout: 30000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=prone_internal&side=right",
    bridgeConfig: telegram("en", { accelerometer: "unsupported" }),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  // The browser's own sensors get their 3 s first.
  await page.locator("#line").waitFor({ state: "visible", timeout: 6000 });
  assert.equal(await visibleText(page, "#line"), texts.en["app-unsupported"]);
  assert.match(texts.en["app-unsupported"], /type the number/i);
  assert.equal(await page.locator("#zero").isVisible(), false);
  assert.equal(await page.locator("#measure").isVisible(), false);
  await context.close();
  assert.deepEqual(errors, []);
});

test("outside Telegram (no bridge script) the page says so in one line", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({ query: "?test=seated&side=left&lang=en", bridgeConfig: null });
  await page.locator("#line").waitFor({ state: "visible" });
  assert.equal(await visibleText(page, "#line"), texts.en["app-outside"]);
  assert.equal((await page.locator("body").innerText()).trim(), texts.en["app-outside"]);
  await context.close();
});

test("Telegram's script in a plain browser (platform unknown) counts as outside Telegram, in the lang parameter's language", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=left&lang=de",
    bridgeConfig: telegram(null, { platform: "unknown" }),
  });
  await page.locator("#line").waitFor({ state: "visible" });
  assert.equal(await visibleText(page, "#line"), texts.de["app-outside"]);
  await context.close();
});

test("without the bot's lang parameter, the launch parameters' language", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({ query: "?test=seated&side=left", bridgeConfig: telegram("de-AT") });
  await page.locator("#zero").waitFor({ state: "visible" });
  assert.equal(await visibleText(page, "#title"), texts.de["app-title"]);
  await context.close();
});

test("an unknown test or side says so in one line", { skip, timeout: 30000 }, async () => {
  for (const query of ["?test=standing&side=left", "?test=seated&side=middle", "?"]) {
    const { context, page } = await open({ query, bridgeConfig: telegram("en") });
    await page.locator("#line").waitFor({ state: "visible" });
    assert.equal(await visibleText(page, "#line"), texts.en["app-bad-link"], query);
    assert.equal(await page.locator("#zero").isVisible(), false);
    await context.close();
  }
});

test("German from the bot's lang parameter, screenshots in German, nothing overflows at 360 px", { skip, timeout: 30000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=prone_external&side=right&lang=de",
    bridgeConfig: telegram("en"),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  assert.notEqual(texts.de["app-title"], texts.en["app-title"]);
  assert.equal(await visibleText(page, "#title"), texts.de["app-title"]);
  assert.equal(await visibleText(page, "#setup"), texts.de["app-setup-prone-external"]);
  assert.equal(await visibleText(page, "#zero"), texts.de["app-zero"]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  await assertNoOverflow(page);
  await assertNotBlank(await screenshot(page, "de-guide"));
  await page.setViewportSize({ width: 360, height: 740 });
  await assertNoOverflow(page);
  await context.close();
  assert.deepEqual(errors, []);
});

test("Telegram's dark theme applies", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=right",
    bridgeConfig: telegram("en", { theme: DARK }),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  const colours = await page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    button: getComputedStyle(document.getElementById("zero")).backgroundColor,
  }));
  assert.deepEqual(colours, {
    background: "rgb(23, 33, 43)",
    text: "rgb(245, 245, 245)",
    button: "rgb(82, 136, 193)",
  });
  await assertNoOverflow(page);
  await assertNotBlank(await screenshot(page, "dark-guide"));
  await context.close();
});

test("Telegram's accelerometer UNSUPPORTED but the browser's devicemotion speaks: it measures", { skip, timeout: 60000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=seated&side=left",
    bridgeConfig: telegram("en", { accelerometer: "unsupported" }),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  const targets = [28, 30, 29];
  await stream(page, targets, "motion");
  await waitForResult(page);
  await page.click("#send");
  await page.click("#send").catch(() => {});
  const sent = await page.evaluate(() => window.__bridge.sent);
  assert.equal(sent.length, 1, "a second tap on Send sends nothing more");
  assertPayload(sent[0], { test: "seated", side: "left", targets });
  await context.close();
  assert.deepEqual(errors, []);
});

test("a sensor that stops after the first reading: the typing line, not a frozen page", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({ query: "?test=seated&side=left", bridgeConfig: telegram("en") });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  await stream(page, [30]);
  await page.locator("#readings li").first().waitFor({ state: "visible", timeout: 15000 });
  await page.locator("#line").waitFor({ state: "visible", timeout: 8000 });
  assert.equal(await visibleText(page, "#line"), texts.en["app-sensor-stopped"]);
  await context.close();
});

test("opened by Telegram but its script did not load: a connection line, not 'outside Telegram'", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=left&lang=en#tgWebAppPlatform=android&tgWebAppVersion=8.0",
    bridgeConfig: null,
  });
  await page.locator("#line").waitFor({ state: "visible" });
  assert.equal(await visibleText(page, "#line"), texts.en["app-no-bridge"]);
  await context.close();
});

test("without Telegram's accelerometer (before Bot API 8.0) the browser's devicemotion measures", { skip, timeout: 60000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=prone_internal&side=right",
    bridgeConfig: telegram("en", { version: "7.10" }),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  const targets = [41, 44, 40];
  await stream(page, targets, "motion");
  await waitForResult(page);
  await page.click("#send");
  const sent = await page.evaluate(() => window.__bridge.sent);
  assertPayload(sent[0], { test: "prone_internal", side: "right", targets });
  const calls = await page.evaluate(() => window.__bridge.calls);
  assert.ok(!calls.some((c) => c.startsWith("start ")), `${calls}`);
  await context.close();
  assert.deepEqual(errors, []);
});

test("with neither accelerometer, deviceorientation measures, in German", { skip, timeout: 60000 }, async () => {
  const { context, page, errors } = await open({
    query: "?test=prone_external&side=left",
    bridgeConfig: telegram("de", { version: "7.10" }),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  assert.equal(await visibleText(page, "#status"), texts.de["app-status-zeroing"]);
  const targets = [25, 27, 24];
  await stream(page, targets, "orientation");
  const shown = await waitForResult(page);
  assert.match(shown[0], /^Messung 1: \d+°$/);
  assert.equal(await visibleText(page, "#send"), texts.de["app-send"]);
  await assertNoOverflow(page);
  await assertNotBlank(await screenshot(page, "de-result"));
  await page.click("#send");
  const sent = await page.evaluate(() => window.__bridge.sent);
  assertPayload(sent[0], { test: "prone_external", side: "left", targets });
  await context.close();
  assert.deepEqual(errors, []);
});

test("an accelerometer that never speaks: after 3 s the typing line", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=right",
    bridgeConfig: telegram("en"),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  const began = Date.now();
  await page.click("#zero");
  await page.locator("#line").waitFor({ state: "visible", timeout: 6000 });
  assert.ok(Date.now() - began >= 2500);
  assert.equal(await visibleText(page, "#line"), texts.en["app-no-sensor"]);
  const calls = await page.evaluate(() => window.__bridge.calls);
  assert.ok(calls.includes("stop"), `${calls}`);
  await context.close();
});

test("an accelerometer that speaks too rarely (2 Hz): after 3 s the typing line, not an endless wait", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=right",
    bridgeConfig: telegram("en"),
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  await page.evaluate(() => {
    const acc = window.Telegram.WebApp.Accelerometer;
    const timer = setInterval(() => {
      [acc.x, acc.y, acc.z] = [0, 9.81, 0];
      window.__bridge.emit("accelerometerChanged");
    }, 500);
    setTimeout(() => clearInterval(timer), 8000);
  });
  await page.locator("#line").waitFor({ state: "visible", timeout: 6000 });
  assert.equal(await visibleText(page, "#line"), texts.en["app-slow-sensor"]);
  await context.close();
});

test("motion access refused (iOS asks) shows the permission line", { skip, timeout: 30000 }, async () => {
  const { context, page } = await open({
    query: "?test=seated&side=left",
    bridgeConfig: telegram("en", { version: "7.10" }),
    init: () => {
      DeviceMotionEvent.requestPermission = () => Promise.resolve("denied");
      DeviceOrientationEvent.requestPermission = () => Promise.resolve("denied");
    },
  });
  await page.locator("#zero").waitFor({ state: "visible" });
  await page.click("#zero");
  await page.locator("#line").waitFor({ state: "visible", timeout: 2000 });
  assert.equal(await visibleText(page, "#line"), texts.en["app-permission"]);
  await context.close();
});
