//! The /progress chart: a PNG with two panels sharing one time axis.
//!
//! Top: hip internal rotation (degrees) for the left and right side, over a shaded band
//! for the normal range. Bottom: pain (0–10) during sessions and the next morning, over
//! faint "safe" (0–2) and "high" (5+) zones.
//!
//! Pure Rust: plotters draws into an in-memory RGB buffer with an embedded font (no
//! fontconfig/freetype), and `image` encodes the buffer as PNG. Every input renders or
//! returns a [`ChartError`]; nothing here panics on data.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use image::ImageEncoder;
use image::codecs::png::PngEncoder;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

/// Width of the rendered PNG in pixels.
pub const WIDTH: u32 = 800;
/// Height of the rendered PNG in pixels.
pub const HEIGHT: u32 = 600;

/// Left-side rotation series colour.
const LEFT_COLOR: RGBColor = RGBColor(31, 119, 180);
/// Right-side rotation series colour.
const RIGHT_COLOR: RGBColor = RGBColor(255, 127, 14);
/// Pain-during-session series colour.
const DURING_COLOR: RGBColor = RGBColor(214, 39, 40);
/// Pain-next-morning series colour.
const MORNING_COLOR: RGBColor = RGBColor(120, 70, 180);

const NORMAL_BAND: RGBColor = RGBColor(44, 160, 44);
const SAFE_ZONE: RGBColor = RGBColor(44, 160, 44);
const HIGH_ZONE: RGBColor = RGBColor(214, 39, 40);
const TEXT: RGBColor = RGBColor(40, 40, 40);
const AXIS: RGBColor = RGBColor(120, 120, 120);
const GRID: RGBColor = RGBColor(225, 225, 225);

/// DejaVu Sans, embedded so rendering needs no system fonts. Licence: Bitstream Vera
/// Fonts licence (DejaVu changes are public domain) — free to embed and redistribute as
/// long as the font is not sold on its own or modified under the Bitstream/Vera names.
static FONT_BYTES: &[u8] = include_bytes!("chart/DejaVuSans.ttf");
/// The family name the font is registered under; plotters' own defaults use it too.
const FONT: &str = "sans-serif";

const TITLE_SIZE: f64 = 18.0;
const LEGEND_SIZE: f64 = 14.0;
const TICK_SIZE: f64 = 13.0;

/// The smallest x span shown, so a few points on one day don't fill the whole axis.
const MIN_SPAN_DAYS: i64 = 7;
const SECS_PER_DAY: i64 = 86_400;

/// What to draw. Titles and labels arrive already translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressChart {
    /// Top panel title, e.g. "Inward rotation (°)".
    pub range_title: String,
    /// Bottom panel title, e.g. "Pain (0–10)".
    pub pain_title: String,
    pub left_label: String,
    pub right_label: String,
    pub normal_label: String,
    pub during_label: String,
    pub morning_label: String,
    /// Normal range for the person's age, in degrees (low, high).
    pub normal: (u8, u8),
    /// Left-side internal rotation, degrees.
    pub left: Vec<(DateTime<Utc>, u8)>,
    /// Right-side internal rotation, degrees.
    pub right: Vec<(DateTime<Utc>, u8)>,
    /// Pain during sessions, 0..=10.
    pub during: Vec<(DateTime<Utc>, u8)>,
    /// Pain the next morning, 0..=10.
    pub morning: Vec<(DateTime<Utc>, u8)>,
}

/// Why a chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the embedded chart font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(#[from] image::ImageError),
    #[error("the chart renderer failed unexpectedly")]
    Internal,
}

fn draw_err(e: impl std::error::Error) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Registers the embedded font with plotters, once per process.
fn ensure_font() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| register_font(FONT, FontStyle::Normal, FONT_BYTES).is_ok());
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// Renders the chart as encoded PNG bytes, [`WIDTH`]×[`HEIGHT`].
pub fn render_png(chart: &ProgressChart) -> Result<Vec<u8>, ChartError> {
    ensure_font()?;
    // Inputs are validated so drawing should not panic; this is a backstop for plotters'
    // internals, so a bad chart costs the user a picture, not the bot a task.
    let rgb = catch_unwind(AssertUnwindSafe(|| render_rgb(chart)))
        .map_err(|_| ChartError::Internal)??;
    let mut png = Vec::new();
    PngEncoder::new(Cursor::new(&mut png)).write_image(
        &rgb,
        WIDTH,
        HEIGHT,
        image::ColorType::Rgb8,
    )?;
    Ok(png)
}

fn render_rgb(chart: &ProgressChart) -> Result<Vec<u8>, ChartError> {
    let mut buf = vec![255u8; (WIDTH as usize) * (HEIGHT as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let axis = TimeAxis::new(chart);
        let (top, bottom) = root.split_vertically(HEIGHT / 2);
        draw_range_panel(&top, chart, &axis)?;
        draw_pain_panel(&bottom, chart, &axis)?;
        root.present().map_err(draw_err)?;
    }
    Ok(buf)
}

// ---------------------------------------------------------------------------------------
// Time axis

/// The shared x axis: x values are days (fractional) since `start_day`'s midnight UTC.
struct TimeAxis {
    /// Day number (days since the Unix epoch) of the axis start.
    start_day: i64,
    /// Number of whole days shown.
    span_days: i64,
    /// Tick positions (x values) and their labels.
    ticks: Vec<(f64, String)>,
}

impl TimeAxis {
    fn new(chart: &ProgressChart) -> Self {
        let days = [&chart.left, &chart.right, &chart.during, &chart.morning]
            .into_iter()
            .flatten()
            .map(|(t, _)| t.timestamp().div_euclid(SECS_PER_DAY));
        let (first, last) = days
            .fold(None, |acc: Option<(i64, i64)>, d| match acc {
                None => Some((d, d)),
                Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
            })
            .unwrap_or_else(|| {
                let today = Utc::now().timestamp().div_euclid(SECS_PER_DAY);
                (today, today)
            });
        // Show whole days, ending after the last one, at least MIN_SPAN_DAYS long, with
        // the newest data on the right.
        let end = last.saturating_add(1);
        let start = first.min(end.saturating_sub(MIN_SPAN_DAYS));
        let span_days = end.saturating_sub(start).max(1);
        let ticks = date_ticks(start, span_days);
        TimeAxis {
            start_day: start,
            span_days,
            ticks,
        }
    }

    fn x(&self, t: &DateTime<Utc>) -> f64 {
        let secs = (t.timestamp() as f64) - (self.start_day as f64) * (SECS_PER_DAY as f64);
        secs / SECS_PER_DAY as f64
    }

    fn range(&self) -> std::ops::Range<f64> {
        let span = self.span_days as f64;
        let pad = (span * 0.01).max(0.15);
        -pad..span + pad
    }

    fn coord(&self) -> Ticked {
        Ticked::new(self.range(), self.ticks.iter().map(|(x, _)| *x).collect())
    }

    fn label(&self, x: &f64) -> String {
        self.ticks
            .iter()
            .find(|(t, _)| (t - x).abs() < 1e-6)
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }
}

fn day_to_date(day: i64) -> Option<NaiveDate> {
    DateTime::from_timestamp(day.checked_mul(SECS_PER_DAY)?, 0).map(|t| t.date_naive())
}

fn date_to_day(date: NaiveDate) -> i64 {
    date.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp().div_euclid(SECS_PER_DAY))
}

/// Calendar-aligned tick marks: days, Mondays, month starts or year starts, whichever
/// gives at most about ten labels.
fn date_ticks(start: i64, span: i64) -> Vec<(f64, String)> {
    const MAX_TICKS: i64 = 10;
    let end = start.saturating_add(span);
    let mut ticks = Vec::new();
    // Month and year labels are wide: keep them off the very right edge.
    let mut push_day = |day: i64, fmt: &str| {
        let last = if fmt.contains("%b %Y") || fmt == "%Y" {
            end - 1
        } else {
            end
        };
        if (start..=last).contains(&day)
            && let Some(date) = day_to_date(day)
        {
            ticks.push(((day - start) as f64, date.format(fmt).to_string()));
        }
    };

    if span <= 2 * MAX_TICKS {
        let step = (span + MAX_TICKS - 1) / MAX_TICKS;
        let mut day = start;
        while day <= end {
            push_day(day, "%-d %b");
            day += step.max(1);
        }
        return ticks;
    }
    if span <= 10 * 7 {
        let step = if span <= MAX_TICKS * 7 { 7 } else { 14 };
        let Some(first) = day_to_date(start) else {
            return ticks;
        };
        let to_monday = (7 - first.weekday().num_days_from_monday() as i64) % 7;
        let mut day = start + to_monday;
        while day <= end {
            push_day(day, "%-d %b");
            day += step;
        }
        return ticks;
    }

    let (Some(first), Some(last)) = (day_to_date(start), day_to_date(end)) else {
        return ticks;
    };
    let months = i64::from(last.year() - first.year()) * 12 + i64::from(last.month())
        - i64::from(first.month());
    if months <= 12 * MAX_TICKS {
        let step = [1u32, 2, 3, 6, 12]
            .into_iter()
            .find(|s| months / i64::from(*s) <= MAX_TICKS)
            .unwrap_or(12);
        // First month start on or after the axis start, aligned to the step (quarters…).
        let mut date = NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
        if date.is_some_and(|d| d < first) {
            date = date.and_then(|d| d.checked_add_months(Months::new(1)));
        }
        while let Some(d) = date
            && d.month0() % step != 0
        {
            date = d.checked_add_months(Months::new(1));
        }
        let fmt = if step == 12 { "%Y" } else { "%b %Y" };
        while let Some(d) = date
            && d <= last
        {
            push_day(date_to_day(d), fmt);
            date = d.checked_add_months(Months::new(step));
        }
        return ticks;
    }

    let years = i64::from(last.year() - first.year()).max(1);
    let mut step = 1i64;
    while years / step > MAX_TICKS {
        step = match step.to_string().as_bytes().first() {
            Some(b'1') => step * 2,
            Some(b'2') => step / 2 * 5,
            _ => step * 2,
        };
    }
    let mut year = i64::from(first.year()).div_euclid(step) * step;
    while year <= i64::from(last.year()) {
        if let Some(d) = i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        {
            push_day(date_to_day(d), "%Y");
        }
        year += step;
    }
    ticks
}

// ---------------------------------------------------------------------------------------
// Panels

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

fn font(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&TEXT)
}

/// What a legend entry's swatch looks like.
#[derive(Clone, Copy)]
enum Swatch {
    Series(RGBColor),
    Band(RGBColor),
}

fn draw_range_panel(
    area: &Area<'_>,
    chart: &ProgressChart,
    axis: &TimeAxis,
) -> Result<(), ChartError> {
    let legend = [
        (Swatch::Series(LEFT_COLOR), chart.left_label.as_str()),
        (Swatch::Series(RIGHT_COLOR), chart.right_label.as_str()),
        (Swatch::Band(NORMAL_BAND), chart.normal_label.as_str()),
    ];
    let plot = draw_header(area, &chart.range_title, &legend)?;

    let (lo, hi) = if chart.normal.0 <= chart.normal.1 {
        chart.normal
    } else {
        (chart.normal.1, chart.normal.0)
    };
    let data_max = chart
        .left
        .iter()
        .chain(&chart.right)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    let top = (u32::from(data_max) + 5).max(u32::from(hi) + 10).max(60);
    let y_step = match top {
        0..=100 => 10,
        101..=200 => 20,
        _ => 50,
    };
    let y_max = top.div_ceil(y_step) * y_step;
    let y_ticks: Vec<f64> = (0..=y_max)
        .step_by(y_step as usize)
        .map(f64::from)
        .collect();
    let y_pad = f64::from(y_max) * 0.02;

    let mut ctx = plot_area(&plot, axis, f64::from(y_max), y_pad, y_ticks)?;

    // The band goes under the grid so the grid stays visible through it.
    let x = axis.range();
    ctx.draw_series(std::iter::once(Rectangle::new(
        [(x.start, f64::from(lo)), (x.end, f64::from(hi))],
        NORMAL_BAND.mix(0.18).filled(),
    )))
    .map_err(draw_err)?;
    draw_mesh(&mut ctx, axis)?;
    draw_line(&mut ctx, axis, &chart.left, LEFT_COLOR)?;
    draw_line(&mut ctx, axis, &chart.right, RIGHT_COLOR)?;
    Ok(())
}

fn draw_pain_panel(
    area: &Area<'_>,
    chart: &ProgressChart,
    axis: &TimeAxis,
) -> Result<(), ChartError> {
    let legend = [
        (Swatch::Series(DURING_COLOR), chart.during_label.as_str()),
        (Swatch::Series(MORNING_COLOR), chart.morning_label.as_str()),
    ];
    let plot = draw_header(area, &chart.pain_title, &legend)?;

    // Pain is 0..=10; anything above still shows, on a taller axis, rather than failing.
    let data_max = chart
        .during
        .iter()
        .chain(&chart.morning)
        .map(|(_, v)| *v)
        .max()
        .unwrap_or(0);
    let y_max = u32::from(data_max.max(10));
    let y_step = (y_max / 5).max(2) as usize;
    let y_ticks: Vec<f64> = (0..=y_max).step_by(y_step).map(f64::from).collect();
    let y_pad = f64::from(y_max) * 0.04;

    let mut ctx = plot_area(&plot, axis, f64::from(y_max), y_pad, y_ticks)?;

    let x = axis.range();
    let zones = [
        (0.0, 2.0, SAFE_ZONE.mix(0.10)),
        (5.0, f64::from(y_max) + y_pad, HIGH_ZONE.mix(0.07)),
    ];
    ctx.draw_series(
        zones
            .iter()
            .map(|(a, b, c)| Rectangle::new([(x.start, *a), (x.end, *b)], c.filled())),
    )
    .map_err(draw_err)?;
    draw_mesh(&mut ctx, axis)?;
    let lines = [(2.0, SAFE_ZONE.mix(0.45)), (5.0, HIGH_ZONE.mix(0.35))];
    ctx.draw_series(
        lines
            .iter()
            .map(|(y, c)| PathElement::new(vec![(x.start, *y), (x.end, *y)], *c)),
    )
    .map_err(draw_err)?;
    draw_line(&mut ctx, axis, &chart.during, DURING_COLOR)?;
    draw_line(&mut ctx, axis, &chart.morning, MORNING_COLOR)?;
    Ok(())
}

/// A linear f64 axis whose tick marks (and grid lines) are exactly the given values.
///
/// plotters' `with_key_points` would do this, but its f64 flavour loses the default
/// label formatting that `configure_mesh` needs.
#[derive(Clone)]
struct Ticked {
    range: std::ops::Range<f64>,
    ticks: Vec<f64>,
}

impl Ticked {
    fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> Self {
        let ticks = ticks.into_iter().filter(|t| range.contains(t)).collect();
        Ticked { range, ticks }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        if !(span.is_finite() && span > 0.0) {
            return (limit.0 + limit.1) / 2;
        }
        let frac = ((value - self.range.start) / span).clamp(-1.0, 2.0);
        let pixels = f64::from(limit.1) - f64::from(limit.0);
        // `as` saturates; frac is clamped and finite or NaN (→ 0).
        limit.0 + (pixels * frac).round() as i32
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // Only bold ticks: no light sub-grid.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.clone()
    }
}

type Ctx<'a, 'b> = ChartContext<'a, BitMapBackend<'b>, Cartesian2d<Ticked, Ticked>>;

/// The plotting area of a panel: time across, `0..=y_max` (padded) up, with these ticks.
fn plot_area<'a, 'b>(
    plot: &'a Area<'b>,
    axis: &TimeAxis,
    y_max: f64,
    y_pad: f64,
    y_ticks: Vec<f64>,
) -> Result<Ctx<'a, 'b>, ChartError> {
    ChartBuilder::on(plot)
        .margin_right(18)
        .margin_top(8)
        .x_label_area_size(26)
        .y_label_area_size(44)
        .build_cartesian_2d(axis.coord(), Ticked::new(-y_pad..y_max + y_pad, y_ticks))
        .map_err(draw_err)
}

fn draw_mesh(ctx: &mut Ctx<'_, '_>, axis: &TimeAxis) -> Result<(), ChartError> {
    let x_fmt = |x: &f64| axis.label(x);
    let y_fmt = |y: &f64| format!("{y:.0}");
    ctx.configure_mesh()
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .label_style(font(TICK_SIZE))
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .draw()
        .map_err(draw_err)
}

fn draw_line(
    ctx: &mut Ctx<'_, '_>,
    axis: &TimeAxis,
    data: &[(DateTime<Utc>, u8)],
    color: RGBColor,
) -> Result<(), ChartError> {
    if data.is_empty() {
        return Ok(());
    }
    let mut points: Vec<(f64, f64)> = data
        .iter()
        .map(|(t, v)| (axis.x(t), f64::from(*v)))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let radius = if points.len() > 40 { 3 } else { 4 };
    ctx.draw_series(std::iter::once(PathElement::new(
        points.clone(),
        color.stroke_width(2),
    )))
    .map_err(draw_err)?;
    ctx.draw_series(
        points
            .into_iter()
            .map(|p| Circle::new(p, radius, color.filled())),
    )
    .map_err(draw_err)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Header: title and legend

const HEADER_PAD_X: i32 = 12;
const SWATCH_W: i32 = 24;
const SWATCH_GAP: i32 = 6;
const ITEM_GAP: i32 = 18;

/// Draws the panel's title and legend at its top and returns the area left for the plot.
///
/// Title and legend share one line when they fit; otherwise the legend flows onto its own
/// lines below the title. Labels too long for a line are cut with an ellipsis.
fn draw_header<'a>(
    area: &Area<'a>,
    title: &str,
    legend: &[(Swatch, &str)],
) -> Result<Area<'a>, ChartError> {
    let (w, _) = area.dim_in_pixel();
    let width = i32::try_from(w).unwrap_or(i32::MAX);
    let avail = (width - 2 * HEADER_PAD_X).max(0);
    let title_font = font(TITLE_SIZE);
    let legend_font = font(LEGEND_SIZE);

    let title = fit(area, &clean(title), &title_font, avail)?;
    let title_w = text_width(area, &title, &title_font)?;

    // Legend items: (swatch, text, total width).
    let mut items = Vec::new();
    for (swatch, label) in legend {
        let label = clean(label);
        if label.is_empty() {
            continue;
        }
        let label = fit(
            area,
            &label,
            &legend_font,
            (avail - SWATCH_W - SWATCH_GAP).max(0),
        )?;
        let w = SWATCH_W + SWATCH_GAP + text_width(area, &label, &legend_font)?;
        items.push((*swatch, label, w));
    }
    let legend_w: i32 =
        items.iter().map(|(_, _, w)| *w).sum::<i32>() + ITEM_GAP * (items.len() as i32 - 1).max(0);

    let line_h = 26;
    let top_pad = 10;
    let mut y = top_pad;
    if !title.is_empty() {
        area.draw_text(&title, &title_font, (HEADER_PAD_X, y))
            .map_err(draw_err)?;
    }
    let same_line = title.is_empty() || title_w + 3 * ITEM_GAP + legend_w <= avail;
    let mut x = if same_line {
        width - HEADER_PAD_X - legend_w.min(avail)
    } else {
        y += line_h;
        HEADER_PAD_X
    };
    let legend_y = |y: i32| y + ((TITLE_SIZE - LEGEND_SIZE) / 2.0) as i32;
    for (swatch, label, w) in &items {
        if x > HEADER_PAD_X && x + w > width - HEADER_PAD_X {
            x = HEADER_PAD_X;
            y += line_h - 4;
        }
        draw_swatch(area, *swatch, x, legend_y(y) + (LEGEND_SIZE / 2.0) as i32)?;
        area.draw_text(
            label,
            &legend_font,
            (x + SWATCH_W + SWATCH_GAP, legend_y(y)),
        )
        .map_err(draw_err)?;
        x += w + ITEM_GAP;
    }
    let header_h = if title.is_empty() && items.is_empty() {
        top_pad
    } else {
        y + line_h
    };
    let (_, plot) = area.split_vertically(header_h);
    Ok(plot)
}

fn draw_swatch(area: &Area<'_>, swatch: Swatch, x: i32, mid_y: i32) -> Result<(), ChartError> {
    match swatch {
        Swatch::Series(color) => {
            area.draw(&PathElement::new(
                vec![(x, mid_y), (x + SWATCH_W, mid_y)],
                color.stroke_width(2),
            ))
            .map_err(draw_err)?;
            area.draw(&Circle::new((x + SWATCH_W / 2, mid_y), 4, color.filled()))
                .map_err(draw_err)?;
        }
        Swatch::Band(color) => {
            area.draw(&Rectangle::new(
                [(x, mid_y - 6), (x + SWATCH_W, mid_y + 6)],
                color.mix(0.18).filled(),
            ))
            .map_err(draw_err)?;
            area.draw(&Rectangle::new(
                [(x, mid_y - 6), (x + SWATCH_W, mid_y + 6)],
                color.mix(0.5),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

/// Single-line, bounded label text: control characters become spaces.
fn clean(s: &str) -> String {
    let s: String = s
        .chars()
        .take(200)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.trim().to_string()
}

fn text_width(area: &Area<'_>, text: &str, style: &TextStyle<'_>) -> Result<i32, ChartError> {
    if text.is_empty() {
        return Ok(0);
    }
    let (w, _) = area.estimate_text_size(text, style).map_err(draw_err)?;
    Ok(i32::try_from(w).unwrap_or(i32::MAX))
}

/// `text`, cut with "…" if needed so it is at most `max_w` pixels wide.
fn fit(
    area: &Area<'_>,
    text: &str,
    style: &TextStyle<'_>,
    max_w: i32,
) -> Result<String, ChartError> {
    if text_width(area, text, style)? <= max_w {
        return Ok(text.to_string());
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(area, &candidate, style)? <= max_w {
            return Ok(candidate);
        }
    }
    Ok(String::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn day(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid test date")
    }

    fn labels(chart: ProgressChart) -> ProgressChart {
        ProgressChart {
            range_title: "Inward rotation (°)".into(),
            pain_title: "Pain (0–10)".into(),
            left_label: "Left".into(),
            right_label: "Right".into(),
            normal_label: "Normal for your age".into(),
            during_label: "During session".into(),
            morning_label: "Next morning".into(),
            ..chart
        }
    }

    /// No data, no labels.
    fn bare() -> ProgressChart {
        ProgressChart {
            range_title: String::new(),
            pain_title: String::new(),
            left_label: String::new(),
            right_label: String::new(),
            normal_label: String::new(),
            during_label: String::new(),
            morning_label: String::new(),
            normal: (35, 45),
            left: vec![],
            right: vec![],
            during: vec![],
            morning: vec![],
        }
    }

    /// No data, with labels.
    fn empty() -> ProgressChart {
        labels(bare())
    }

    fn sample() -> ProgressChart {
        let start = day(2025, 1, 6, 19);
        let at = |i: i64| start + Duration::days(i * 4);
        ProgressChart {
            left: (0..12).map(|i| (at(i), 22 + (i as u8) * 2)).collect(),
            right: (0..12).map(|i| (at(i), 28 + (i as u8))).collect(),
            during: (0..12)
                .map(|i| (at(i), [4, 5, 3, 4, 3, 2, 3, 2, 2, 1, 2, 1][i as usize]))
                .collect(),
            morning: (0..12)
                .map(|i| {
                    (
                        at(i) + Duration::hours(13),
                        [6, 5, 5, 4, 4, 3, 3, 2, 3, 2, 1, 1][i as usize],
                    )
                })
                .collect(),
            ..empty()
        }
    }

    fn decode(png: &[u8]) -> image::RgbImage {
        image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .expect("valid PNG")
            .to_rgb8()
    }

    /// Pixels of exactly `color` in the top and bottom halves.
    fn count(img: &image::RgbImage, color: RGBColor) -> (usize, usize) {
        let mut top = 0;
        let mut bottom = 0;
        for (_, y, p) in img.enumerate_pixels() {
            if p.0 == [color.0, color.1, color.2] {
                if y < HEIGHT / 2 {
                    top += 1
                } else {
                    bottom += 1
                }
            }
        }
        (top, bottom)
    }

    #[test]
    fn renders_a_png_of_the_declared_size() {
        let img = decode(&render_png(&sample()).expect("renders"));
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
    }

    #[test]
    fn series_colours_land_in_their_panels() {
        let with = decode(&render_png(&sample()).expect("renders"));
        // The legend swatches use the colours too, so compare with the data-free chart.
        let without = decode(&render_png(&empty()).expect("renders"));
        let (left_top, left_bottom) = count(&with, LEFT_COLOR);
        let (left_top_empty, _) = count(&without, LEFT_COLOR);
        assert!(
            left_top > left_top_empty + 200,
            "left series in top panel: {left_top} vs {left_top_empty}"
        );
        assert_eq!(left_bottom, 0, "left colour leaked into the pain panel");
        let (morning_top, morning_bottom) = count(&with, MORNING_COLOR);
        let (_, morning_bottom_empty) = count(&without, MORNING_COLOR);
        assert!(
            morning_bottom > morning_bottom_empty + 200,
            "morning series in bottom panel: {morning_bottom} vs {morning_bottom_empty}"
        );
        assert_eq!(morning_top, 0, "morning colour leaked into the range panel");
    }

    #[test]
    fn empty_data_still_renders() {
        for chart in [bare(), empty()] {
            let img = decode(&render_png(&chart).expect("renders"));
            assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
        }
    }

    #[test]
    fn odd_inputs_never_error() {
        let t = day(2025, 3, 1, 8);
        let same_day: Vec<_> = (0..5).map(|i| (t + Duration::minutes(i * 7), 40)).collect();
        let hundred: Vec<_> = (0..100)
            .map(|i| (t + Duration::hours(i * 17), (i % 91) as u8))
            .collect();
        let long = "Something rather long that a translator might have written ".repeat(4);
        let cases = vec![
            ProgressChart {
                left: vec![(t, 0)],
                ..empty()
            },
            ProgressChart {
                morning: vec![(t, 10)],
                ..empty()
            },
            ProgressChart {
                left: same_day.clone(),
                right: same_day.clone(),
                during: same_day.clone(),
                ..empty()
            },
            ProgressChart {
                left: hundred.clone(),
                right: hundred.clone(),
                during: hundred.clone(),
                morning: hundred,
                ..empty()
            },
            ProgressChart {
                left: vec![(t, 0), (t, 90)],
                right: vec![(t, 90)],
                during: vec![(t, 0)],
                morning: vec![(t, 10)],
                ..empty()
            },
            ProgressChart {
                left: vec![(t, 255)],
                during: vec![(t, 255)],
                normal: (90, 0),
                ..empty()
            },
            ProgressChart {
                normal: (0, 0),
                ..empty()
            },
            ProgressChart {
                normal: (255, 255),
                ..bare()
            },
            ProgressChart {
                left: vec![(day(2023, 11, 20, 9), 30), (day(2025, 6, 2, 9), 40)],
                during: vec![(day(2024, 2, 29, 23), 3)],
                ..empty()
            },
            ProgressChart {
                left: vec![
                    (DateTime::<Utc>::MIN_UTC, 10),
                    (DateTime::<Utc>::MAX_UTC, 20),
                ],
                morning: vec![(DateTime::<Utc>::UNIX_EPOCH, 4)],
                ..empty()
            },
            ProgressChart {
                range_title: long.clone(),
                pain_title: "Line\nbreak\tand\u{0}control".into(),
                left_label: long.clone(),
                right_label: long.clone(),
                normal_label: "😀 emoji the font lacks".into(),
                during_label: long,
                ..sample()
            },
        ];
        for (i, chart) in cases.iter().enumerate() {
            let png = render_png(chart).unwrap_or_else(|e| panic!("case {i} failed: {e}"));
            let img = decode(&png);
            assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT), "case {i}");
        }
    }

    #[test]
    fn ticks_follow_the_calendar() {
        // Same day → a week of daily ticks ending after that day.
        let axis = TimeAxis::new(&ProgressChart {
            left: vec![(day(2025, 3, 5, 12), 40)],
            ..empty()
        });
        assert_eq!(axis.span_days, MIN_SPAN_DAYS);
        assert_eq!(axis.ticks.last().map(|(_, s)| s.as_str()), Some("6 Mar"));
        // Several months → month starts.
        let axis = TimeAxis::new(&ProgressChart {
            left: vec![(day(2024, 11, 20, 9), 30), (day(2025, 4, 2, 9), 40)],
            ..empty()
        });
        let names: Vec<&str> = axis.ticks.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            names,
            ["Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"]
        );
    }

    /// Writes an example to the temp dir for a person to look at.
    #[test]
    fn writes_an_example() {
        let path = std::env::temp_dir().join("hipcoach-progress-example.png");
        std::fs::write(&path, render_png(&sample()).expect("renders")).expect("write example");
    }
}
