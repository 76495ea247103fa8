// The maths of the measuring page and its reading state machine. A pure module: no DOM,
// no clock, no sensors; the page feeds it samples, Node's test runner feeds it synthetic ones.
//
// THE GEOMETRY. In the seated test and in both face-down tests the knee is bent at a right
// angle and the hip turns the shin like a pendulum: the shin swings in the frontal plane about
// the long axis of the thigh, and the thigh lies horizontal (along the floor, or along the
// chair's seat). Take any body fixed to the shin, such as a phone held or strapped to it. When
// the shin turns by an angle θ about a horizontal axis, every direction fixed in that body
// turns by θ about the same axis. Gravity is vertical, so it is perpendicular to that axis,
// and a vector perpendicular to the axis of a rotation turns by exactly the rotation's angle.
// Seen from the phone, the gravity vector therefore turns by exactly θ, whatever the phone's
// position on the shin: flat or a little tilted, long edge along the shin or askew. So the
// hip's rotation is the angle between the gravity vector measured at the start ("Zero", shin
// upright) and the one measured at the end:
//
//     θ = atan2(|g0 × g|, g0 · g)
//
// (atan2 rather than acos of the dot product: it stays accurate for small angles). A turn of
// the whole body about the vertical, such as the chair swivelling, changes nothing, since
// gravity does not change under it. If the thigh is not quite horizontal but tilted by φ, the
// angle read is a little smaller than θ (about θ·cos φ for small angles): a 10° tilt costs 1.5%.
// Euler angles (the browser's β and γ) are not used for the angle, because they break down
// when the phone stands upright, which is exactly how it stands on an upright shin.
//
// The accelerometer measures gravity plus the phone's own acceleration. The phone is read only
// while it is steady: over about one second every sample's magnitude is within ±0.4 m/s² of
// gravity's (as the phone reads it: see steadyMean), every sample's direction within 3° and
// the lightly smoothed direction (see SMOOTH) within 1° of the window's mean;
// the reading is the angle of the window's MEAN gravity vector against the zero vector.
// A reading counts only once the person has moved more than 5° away from the start, and the
// next one only after they came back to within 5° of the start and held still there.
// Three readings; the median is kept; if they differ by more than 5° (max − min), one more,
// at most five in all. With four or five, the readings agree when some three of them lie within
// 5° of each other (the max − min of all of them could never shrink by adding one); the median
// of all is kept either way, and five that never agree are marked uneven.

/** Standard gravity in m/s². */
export const G = 9.81;
/** Every sample's |a| within this of gravity's for the window to be steady, in m/s² at G;
 *  scaled with the magnitude the phone reads for gravity (ours). */
export const MAGNITUDE_TOLERANCE = 0.4;
/** Every smoothed sample's direction within this of the window's mean direction, in degrees (ours). */
export const DIRECTION_TOLERANCE = 1;
/** The mean directions of the window's first and last quarter within this, in degrees (ours):
 *  a leg still creeping at more than about 0.7° a second is not yet still. The two means'
 *  noise differs by about 0.1–0.25°. */
export const DRIFT_DEGREES = 0.5;
/** Every single sample's direction within this of the window's mean, in degrees (ours: the
 *  sensor's noise, σ 0.05–0.1 m/s² per axis, tilts a sample by 0.3–0.6°). */
export const SAMPLE_DIRECTION_TOLERANCE = 3;
/** The steady window, in ms: "about a second" (issue 14). */
export const WINDOW_MS = 1000;
/** Fewest samples in a window: a sensor slower than 10 Hz cannot tell steady from moving (ours). */
export const MIN_SAMPLES = 10;
/** Samples averaged for the direction check: about 100 ms at 50 Hz, which takes the sensor's
 *  noise out but no movement lasting longer (ours). */
export const SMOOTH = 5;
/** A gap between samples longer than this starts the window afresh, in ms (ours). */
export const MAX_GAP_MS = 250;
/** A reading counts only beyond this angle from the zero, in degrees (ours). */
export const AWAY_DEGREES = 5;
/** "Back at the start": steady within this angle of the zero, in degrees (ours). */
export const START_DEGREES = 5;
/** Readings kept at first (issue 14: three times per side). */
export const READINGS = 3;
/** Readings differing by more than this (max − min) ask for one more, in degrees (issue 14). */
export const SPREAD_DEGREES = 5;
/** A reading beyond this is no hip's rotation (the phone slipped): not taken, in degrees (the
 *  bot's own limit, `Degrees::MAX`). */
export const MAX_DEGREES = 90;
/** Every reading turns about the first one's axis, within this, in degrees (ours): the same
 *  direction, the same movement; the other way, or a knee straightening, is not taken. */
export const AXIS_DEGREES = 25;
/** At most this many readings in all (ours). */
export const MAX_READINGS = 5;

const RAD = 180 / Math.PI;

export function dot(a, b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a, b) {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a) {
  return Math.hypot(a[0], a[1], a[2]);
}

/** The angle between two vectors in degrees, 0 to 180: atan2(|a × b|, a · b). */
export function angleBetween(a, b) {
  return Math.atan2(norm(cross(a, b)), dot(a, b)) * RAD;
}

/** The mean of a list of vectors. */
export function mean(vectors) {
  const sum = [0, 0, 0];
  for (const v of vectors) {
    sum[0] += v[0];
    sum[1] += v[1];
    sum[2] += v[2];
  }
  const n = Math.max(vectors.length, 1);
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** max − min of a list of numbers. */
export function spread(values) {
  return values.length ? Math.max(...values) - Math.min(...values) : 0;
}

/** The smallest max − min of any `count` of the values (Infinity with fewer values). */
export function closestSpread(values, count = READINGS) {
  const sorted = [...values].sort((a, b) => a - b);
  let best = Infinity;
  for (let i = 0; i + count <= sorted.length; i++) {
    best = Math.min(best, sorted[i + count - 1] - sorted[i]);
  }
  return best;
}

/**
 * The browser's deviceorientation angles β (about x) and γ (about y), in degrees, as the
 * gravity vector in the phone's frame: (−cos β · sin γ, sin β, cos β · cos γ) · 9.81.
 * The last resort when no accelerometer can be read. Its weakness: with the phone upright
 * (β near ±90°) cos β goes to zero, γ becomes ill-defined (gimbal lock) and browsers let it
 * jump, so the vector is well defined but its turn in the screen's plane is read poorly,
 * and an upright shin is exactly that case. The accelerometer has no such weakness.
 */
export function gravityFromOrientation(beta, gamma) {
  const b = beta / RAD;
  const c = gamma / RAD;
  return [-Math.cos(b) * Math.sin(c) * G, Math.sin(b) * G, Math.cos(b) * Math.cos(c) * G];
}

/**
 * Whether a window of samples ([x, y, z], with gravity) is steady: every sample's magnitude
 * near gravity's and the smoothed direction stable. Returns the window's mean vector when
 * steady, else null.
 *
 * Gravity's magnitude is `reference`: the one read at the zero, once there is one; before
 * that, the window's own median magnitude. Not 9.81 itself: a phone's accelerometer may read
 * a few per cent off, and a client could report in g rather than m/s²; the angle does not
 * care about the scale, and the tolerance scales with it (MAGNITUDE_TOLERANCE at G).
 */
export function steadyMean(vectors, reference = null) {
  if (vectors.length < MIN_SAMPLES) return null;
  const gravity = reference ?? median(vectors.map(norm));
  if (!(gravity > 0)) return null;
  const tolerance = (MAGNITUDE_TOLERANCE / G) * gravity;
  for (const v of vectors) {
    if (Math.abs(norm(v) - gravity) > tolerance) return null;
  }
  const m = mean(vectors);
  // Every single sample too, more loosely: the first samples of a movement at the window's
  // end are diluted by the smoothing, but each one is off by more than this (a jolt of
  // 1 m/s² either tilts a sample by 3° or changes its magnitude by more than the tolerance).
  for (const v of vectors) {
    if (angleBetween(v, m) > SAMPLE_DIRECTION_TOLERANCE) return null;
  }
  const k = Math.min(SMOOTH, vectors.length);
  const run = [0, 0, 0];
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i];
    run[0] += v[0];
    run[1] += v[1];
    run[2] += v[2];
    if (i >= k) {
      const old = vectors[i - k];
      run[0] -= old[0];
      run[1] -= old[1];
      run[2] -= old[2];
    }
    if (i >= k - 1 && angleBetween(run, m) > DIRECTION_TOLERANCE) return null;
  }
  // A slow, steady turn stays within the bounds above around its own mean: the window's two
  // ends tell it from stillness.
  const quarter = Math.max(1, vectors.length >> 2);
  const first = mean(vectors.slice(0, quarter));
  const last = mean(vectors.slice(-quarter));
  if (angleBetween(first, last) > DRIFT_DEGREES) return null;
  return m;
}

/**
 * The reading state machine. Feed it samples `{t, x, y, z}` (t in ms, any origin; x, y, z in
 * m/s² with gravity) with `push`; it returns the events the sample caused, in order:
 *
 * - `{type: "zeroed"}`: the start was taken (after `zero()`, at the first steady window);
 * - `{type: "reading", degrees, index, from, to}`: a reading (index from 1; from/to are the
 *   window's first and last sample times);
 * - `{type: "refused", why}`: a steady position away from the start that is not taken: "beyond"
 *   MAX_DEGREES, or turned "other-way" than the first reading (about another axis, or back);
 * - `{type: "back"}`: back at the start, ready for the next reading;
 * - `{type: "more"}`: no three readings lie within SPREAD_DEGREES of each other: one more;
 * - `{type: "done", degrees, readings, uneven}`: degrees is the median of all readings.
 *
 * `phase` is "idle" (before zero()), "zeroing", "away" (waiting for a steady reading away
 * from the start), "back" (waiting to be steady at the start) or "done". `angle` is the
 * current angle from the zero (smoothed over the last SMOOTH samples), or null.
 */
export class Meter {
  constructor() {
    this.zero();
    this.phase = "idle";
  }

  /** Start (again): forget every reading and take a new zero at the next steady window. */
  zero() {
    this.phase = "zeroing";
    this.zeroVector = null;
    this.readings = [];
    this.axis = null;
    this.window = [];
    this.angle = null;
    this.result = null;
  }

  push(sample) {
    const { t } = sample;
    const v = [sample.x, sample.y, sample.z];
    if (![t, ...v].every(Number.isFinite)) return [];
    const last = this.window[this.window.length - 1];
    if (last && (t - last.t > MAX_GAP_MS || t < last.t)) this.window = [];
    this.window.push({ t, v });
    // Keep exactly one sample at or before t − WINDOW_MS, so the window spans a full second.
    while (this.window.length > 1 && this.window[1].t <= t - WINDOW_MS) this.window.shift();
    if (this.zeroVector) {
      const recent = this.window.slice(-SMOOTH).map((s) => s.v);
      this.angle = angleBetween(this.zeroVector, mean(recent));
    }
    if (this.phase === "idle" || this.phase === "done") return [];
    if (this.window[0].t > t - WINDOW_MS) return [];
    const vectors = this.window.map((s) => s.v);
    const m = steadyMean(vectors, this.zeroVector && norm(this.zeroVector));
    if (!m) return [];
    const from = this.window[0].t;
    const events = [];
    if (this.phase === "zeroing") {
      this.zeroVector = m;
      this.angle = 0;
      this.phase = "away";
      this.window = [];
      events.push({ type: "zeroed" });
      return events;
    }
    const degrees = angleBetween(this.zeroVector, m);
    if (this.phase === "away" && degrees > AWAY_DEGREES) {
      const turn = cross(this.zeroVector, m);
      const axis = turn.map((c) => c / norm(turn));
      const why =
        degrees > MAX_DEGREES
          ? "beyond"
          : this.axis && angleBetween(axis, this.axis) > AXIS_DEGREES
            ? "other-way"
            : null;
      if (why) {
        this.window = [];
        events.push({ type: "refused", why, degrees });
        return events;
      }
      this.axis ??= axis;
      this.readings.push(degrees);
      this.window = [];
      events.push({ type: "reading", degrees, index: this.readings.length, from, to: t });
      const n = this.readings.length;
      const uneven = closestSpread(this.readings) > SPREAD_DEGREES;
      if (n >= READINGS && (!uneven || n >= MAX_READINGS)) {
        this.phase = "done";
        this.result = { degrees: median(this.readings), readings: [...this.readings], uneven };
        events.push({ type: "done", ...this.result });
      } else {
        this.phase = "back";
        if (n >= READINGS) events.push({ type: "more" });
      }
    } else if (this.phase === "back" && degrees <= START_DEGREES) {
      this.phase = "away";
      this.window = [];
      events.push({ type: "back" });
    }
    return events;
  }
}

/**
 * The result in whole degrees, as shown and as sent: each reading rounded, and the median of
 * those (the mean of the two middle ones rounded half up). The bot checks exactly this, so the
 * rounded median of the raw readings (which can differ by one) is not used.
 */
export function whole(result) {
  const readings = result.readings.map((r) => Math.round(r));
  return { degrees: Math.round(median(readings)), readings };
}

/**
 * The JSON the page hands to Telegram.WebApp.sendData. A STABLE INTERFACE (the bot reads it
 * as a web_app_data message, and scripted people send it through the console):
 *
 *     {"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}
 *
 * v is 1; test is "seated", "prone_internal" or "prone_external"; side "left" or "right";
 * readings are each reading rounded to an integer, in the order taken (3 to 5 of them);
 * degrees is their median as an integer (see `whole`); method is "phone". When the page's URL
 * carried the bot's question number (`q`), the answer carries it back as "q", after the rest:
 * the bot then takes it only while that question is open.
 */
export function payload(test, side, result, q = null) {
  const { degrees, readings } = whole(result);
  const answer = { v: 1, test, side, degrees, readings, method: "phone" };
  if (Number.isSafeInteger(q) && q >= 0) answer.q = q;
  return JSON.stringify(answer);
}

export const TESTS = ["seated", "prone_internal", "prone_external"];
export const SIDES = ["left", "right"];

/** The page's language: the bot's for this person (the `lang` query parameter) first, then
 *  the launch parameters' user language (absent when opened from a keyboard button). */
export function pickLang(queryLang, telegramCode) {
  const asked = typeof queryLang === "string" ? queryLang.toLowerCase() : null;
  if (asked === "de" || asked === "en") return asked;
  if (typeof telegramCode === "string" && telegramCode) {
    return telegramCode.toLowerCase().startsWith("de") ? "de" : "en";
  }
  return "en";
}

/** A text with its `{name}` placeholders filled in. */
export function fill(text, vars = {}) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) =>
    name in vars ? String(vars[name]) : whole,
  );
}
