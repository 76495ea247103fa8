// The measuring page: the screen, the sensors and the bridge to Telegram. The maths and the
// reading state machine live in angle.js (pure, tested with Node).
//
// URL: /app/?test=seated|prone_internal|prone_external&side=left|right&lang=en|de&q=N
// Texts: texts/<lang>.json beside this page, a flat object of the app-* ids in
// messages/<lang>/webapp.ftl, variables as {name}.
// Result: Telegram.WebApp.sendData with the JSON described at `payload` in angle.js.

import { Meter, SIDES, TESTS, fill, gravityFromOrientation, payload, pickLang, whole } from "./angle.js";

/** No sample this long after the sensors were asked for: they can't be read here (ours). */
const NO_SAMPLE_MS = 3000;
/** Fewer samples a second than this in that time: too slow to tell steady from moving (ours:
 *  the steady window needs MIN_SAMPLES in a second, with a little slack). */
const MIN_RATE_HZ = 9;
/** Telegram's Accelerometer: milliseconds between samples (20–1000), 50 Hz (ours). */
const TELEGRAM_REFRESH_MS = 20;
/** The browser's devicemotion is preferred over deviceorientation if it speaks this soon (ours). */
const MOTION_GRACE_MS = 500;

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
// Opened from a keyboard button (the only way sendData works), Telegram passes no initData
// and no user: the platform says whether this is Telegram at all ("unknown" in a browser).
const inTelegram = Boolean(tg && typeof tg.platform === "string" && tg.platform !== "unknown");
const user = tg && tg.initDataUnsafe && tg.initDataUnsafe.user;
// The bot's language for this person (the URL's `lang`), else the launch parameters'.
const lang = pickLang(params.get("lang"), user && user.language_code);
const test = params.get("test");
// The bot's question number, echoed in the answer: a page left open from an earlier question
// is then refused by the bot.
const asked = /^\d{1,9}$/.test(params.get("q") ?? "") ? Number(params.get("q")) : null;
const side = params.get("side");
// Telegram's own accelerometer (Bot API 8.0): no browser permission to ask for.
const telegramSensor = Boolean(
  tg && tg.Accelerometer && typeof tg.isVersionAtLeast === "function" && tg.isVersionAtLeast("8.0"),
);
const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
const degrees = (n) => `${numbers.format(Math.round(n))}°`;

let texts = {};
const t = (id, vars) => fill(texts[id] ?? id, vars);

/** Shows one line instead of everything else: outside Telegram, a bad link, a failure. */
function only(id) {
  // Nothing left to lose by closing the page.
  try {
    if (tg && tg.disableClosingConfirmation) tg.disableClosingConfirmation();
  } catch {
    // Nothing to switch off.
  }
  $("head").hidden = true;
  $("guide").hidden = true;
  $("measure").hidden = true;
  $("line").textContent = t(id);
  $("line").hidden = false;
}

async function loadTexts() {
  const response = await fetch(new URL(`texts/${lang}.json`, location.href));
  if (!response.ok) throw new Error(`texts: ${response.status}`);
  return response.json();
}

// ---- sensors ---------------------------------------------------------------------------

/**
 * Starts the first sensor that can be had, in this order: Telegram's Accelerometer (Bot API
 * 8.0), the browser's devicemotion (acceleration with gravity), deviceorientation's β and γ
 * turned into a gravity vector. Telegram's failing before its first sample (Telegram Desktop
 * answers UNSUPPORTED) hands over to the browser's. Calls onSample({t, x, y, z}) per sample
 * and onFail(textId) at most once: no sample within NO_SAMPLE_MS, samples too rare, or none
 * for NO_SAMPLE_MS once they came (the sensor stopped). Returns a function that stops
 * everything.
 */
function startSensors(onSample, onFail) {
  const stops = [];
  let failed = false;
  let got = 0;
  let began = performance.now();
  let last = began;
  let rateChecked = false;
  // Why Telegram's Accelerometer could not be used, said if the browser's sensors are silent too.
  let telegramFailure = null;
  const stopAll = () => {
    while (stops.length) {
      try {
        stops.pop()();
      } catch {
        // A sensor that cannot be stopped is no reason to hang.
      }
    }
  };
  const fail = (id) => {
    if (failed) return;
    failed = true;
    stopAll();
    onFail(id);
  };
  const sample = (x, y, z) => {
    if (failed) return;
    if (![x, y, z].every(Number.isFinite)) return;
    got += 1;
    last = performance.now();
    onSample({ t: last, x, y, z });
  };
  const watchdog = setInterval(() => {
    const now = performance.now();
    if (got === 0) {
      if (now - began >= NO_SAMPLE_MS) fail(telegramFailure ?? "app-no-sensor");
    } else if (!rateChecked && now - began >= NO_SAMPLE_MS) {
      rateChecked = true;
      if (got < (MIN_RATE_HZ * (now - began)) / 1000) fail("app-slow-sensor");
    } else if (now - last >= NO_SAMPLE_MS) {
      fail("app-sensor-stopped");
    }
  }, 250);
  stops.push(() => clearInterval(watchdog));

  const browser = () => {
    began = performance.now();
    let source = null;
    const motion = (event) => {
      const a = event.accelerationIncludingGravity;
      if (!a || a.x == null || source === "orientation") return;
      source = "motion";
      sample(a.x, a.y, a.z);
    };
    const orientation = (event) => {
      if (event.beta == null || event.gamma == null || source === "motion") return;
      if (!source && performance.now() - began < MOTION_GRACE_MS) return;
      source = "orientation";
      const [x, y, z] = gravityFromOrientation(event.beta, event.gamma);
      sample(x, y, z);
    };
    if ("DeviceMotionEvent" in window) {
      window.addEventListener("devicemotion", motion);
      stops.push(() => window.removeEventListener("devicemotion", motion));
    }
    if ("DeviceOrientationEvent" in window) {
      window.addEventListener("deviceorientation", orientation);
      stops.push(() => window.removeEventListener("deviceorientation", orientation));
    }
    if (!("DeviceMotionEvent" in window) && !("DeviceOrientationEvent" in window)) {
      fail(telegramFailure ?? "app-no-sensor");
    }
  };

  if (!telegramSensor) {
    browser();
  } else {
    const acc = tg.Accelerometer;
    let ours = false;
    const changed = () => sample(Number(acc.x), Number(acc.y), Number(acc.z));
    const off = () => {
      tg.offEvent("accelerometerChanged", changed);
      tg.offEvent("accelerometerFailed", failedEvent);
      tg.offEvent("accelerometerStopped", stopped);
      if (acc.isStarted) {
        ours = true;
        acc.stop();
      }
    };
    const giveUp = (id) => {
      if (got > 0) return fail("app-sensor-stopped");
      // Once (the failure event and start's answer may both come).
      if (telegramFailure) return;
      // Not a sample yet: the browser's own sensors may still be read.
      telegramFailure = id;
      off();
      browser();
    };
    function failedEvent(event) {
      giveUp(event && event.error === "UNSUPPORTED" ? "app-unsupported" : "app-sensor-failed");
    }
    function stopped() {
      if (!ours && !failed) fail("app-sensor-stopped");
    }
    tg.onEvent("accelerometerChanged", changed);
    tg.onEvent("accelerometerFailed", failedEvent);
    tg.onEvent("accelerometerStopped", stopped);
    stops.push(off);
    try {
      acc.start({ refresh_rate: TELEGRAM_REFRESH_MS }, (started) => {
        if (started === false) giveUp("app-sensor-failed");
      });
    } catch {
      giveUp("app-sensor-failed");
    }
  }
  return () => {
    failed = true;
    stopAll();
  };
}

/**
 * iOS asks for permission to read motion, and only from a tap: called first thing in the
 * Zero tap. Resolves to true when the sensors may be read (or no permission is needed).
 */
function askPermission() {
  const asks = [window.DeviceMotionEvent, window.DeviceOrientationEvent]
    .filter((kind) => kind && typeof kind.requestPermission === "function")
    .map((kind) => kind.requestPermission().catch(() => "denied"));
  if (asks.length === 0) return Promise.resolve(true);
  return Promise.all(asks).then((answers) => answers.some((a) => a === "granted"));
}

// ---- the screen ------------------------------------------------------------------------

const meter = new Meter();
let stopSensors = null;
let result = null;

function setStatus(id) {
  $("status").textContent = t(id);
}

/** A short buzz where the phone supports it: lying face down, the screen faces away. */
function buzz(kind) {
  try {
    if (!tg || !tg.HapticFeedback) return;
    if (kind === "done") tg.HapticFeedback.notificationOccurred("success");
    else if (kind === "refused") tg.HapticFeedback.notificationOccurred("warning");
    else tg.HapticFeedback.impactOccurred("medium");
  } catch {
    // No haptics: the screen says it all the same.
  }
}

// The last refusal's reason: held past 90° or the other way, the buzz comes once, not every
// second the person stays there.
let refusedWhy = null;

function show(events) {
  for (const event of events) {
    if (event.type === "zeroed" || event.type === "back" || event.type === "reading") buzz("step");
    if (event.type === "refused" && event.why !== refusedWhy) buzz("refused");
    if (event.type === "more") buzz("refused");
    if (event.type === "done") buzz("done");
    refusedWhy = event.type === "refused" ? event.why : null;
    if (event.type === "refused") {
      setStatus(event.why === "beyond" ? "app-status-beyond" : "app-status-other-way");
    }
    if (event.type === "zeroed") setStatus("app-status-turn");
    if (event.type === "back") setStatus("app-status-turn");
    if (event.type === "more") setStatus("app-status-more");
    if (event.type === "reading") {
      const item = document.createElement("li");
      item.textContent = t("app-reading", { n: numbers.format(event.index), degrees: degrees(event.degrees) });
      $("readings").append(item);
      setStatus("app-status-back");
      // Readings taken: closing the page by mistake asks first.
      try {
        if (tg && tg.enableClosingConfirmation) tg.enableClosingConfirmation();
      } catch {
        // An older client: nothing to ask with.
      }
    }
    if (event.type === "done") finish(event);
  }
}

function finish(done) {
  result = done;
  if (stopSensors) stopSensors();
  stopSensors = null;
  $("status").textContent = "";
  $("status").hidden = true;
  $("now").hidden = true;
  $("result-label").textContent = t("app-result");
  $("degrees").textContent = degrees(whole(done).degrees);
  $("uneven").textContent = t("app-uneven", { n: numbers.format(done.readings.length) });
  $("uneven").hidden = !done.uneven;
  $("result").hidden = false;
  $("send").hidden = false;
  // On a small screen after five readings, Send would be below the fold.
  $("send").scrollIntoView({ block: "nearest" });
}

function sensorFailed(id) {
  stopSensors = null;
  only(id);
}

function begin() {
  result = null;
  $("guide").hidden = true;
  $("measure").hidden = false;
  $("readings").replaceChildren();
  $("result").hidden = true;
  $("send").hidden = true;
  $("status").hidden = false;
  $("now").hidden = false;
  $("now").textContent = "";
  setStatus("app-status-zeroing");
  meter.zero();
  if (!stopSensors) {
    stopSensors = startSensors((sample) => {
      show(meter.push(sample));
      if (Number.isFinite(meter.angle) && meter.phase !== "done") {
        $("now").textContent = t("app-now", { degrees: degrees(meter.angle) });
      }
    }, sensorFailed);
  }
}

function zeroTapped() {
  if (telegramSensor) {
    begin();
    return;
  }
  askPermission().then((granted) => (granted ? begin() : only("app-permission")));
}

let sent = false;

function send() {
  // Telegram closes the page on sending; a second tap before it does sends nothing more.
  if (!result || sent) return;
  sent = true;
  try {
    if (tg.disableClosingConfirmation) tg.disableClosingConfirmation();
  } catch {
    // Nothing to switch off.
  }
  tg.sendData(payload(test, side, result, asked));
}

function render() {
  document.documentElement.lang = lang;
  document.title = t("app-title");
  $("title").textContent = t("app-title");
  const testId = `app-test-${test.replace("_", "-")}`;
  $("which").textContent = `${t(testId)} · ${t(`app-side-${side}`)}`;
  $("setup").textContent = t(`app-setup-${test.replace("_", "-")}`);
  $("step-zero").textContent = t("app-step-zero");
  $("step-turn").textContent = t("app-step-turn");
  $("step-back").textContent = t("app-step-back");
  $("pain").textContent = t("app-pain");
  $("pain-again").textContent = t("app-pain");
  $("zero").textContent = t("app-zero");
  $("send").textContent = t("app-send");
  $("again").textContent = t("app-again");
  $("zero").addEventListener("click", zeroTapped);
  $("again").addEventListener("click", begin);
  $("send").addEventListener("click", send);
  $("head").hidden = false;
  $("guide").hidden = false;
}

async function main() {
  if (tg) {
    try {
      tg.ready();
      tg.expand();
    } catch {
      // Not inside Telegram after all: said below.
    }
  }
  try {
    texts = await loadTexts();
  } catch {
    // Without texts there are no words to show: a sign, so the page doesn't look blank.
    $("line").textContent = "⚠";
    $("line").hidden = false;
    return;
  }
  document.documentElement.lang = lang;
  // Opened by Telegram (its launch parameters are in the URL's fragment) but its script did
  // not load: a network problem, not a page opened elsewhere.
  if (!tg && location.hash.includes("tgWebApp")) return only("app-no-bridge");
  if (!inTelegram) return only("app-outside");
  if (!TESTS.includes(test) || !SIDES.includes(side)) return only("app-bad-link");
  render();
}

main();
