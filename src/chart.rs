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

use chrono::{DateTime, Utc};
use image::ImageEncoder;
use image::codecs::png::PngEncoder;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use crate::core::say::reply::Chart;

use axis::TimeAxis;
use header::{Swatch, draw_header};

mod axis;
mod header;
#[cfg(test)]
mod tests;

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
#[derive(Debug, Clone, PartialEq)]
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
    /// What to draw: the core's description of the chart (the normal range for the
    /// person's age, each side's internal rotation in degrees, pain during sessions and
    /// the next morning, 0..=10).
    pub data: Chart,
}

/// A date on the time axis, for the caller to name in the person's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisDate {
    /// A day of a month (the axis shows days or weeks): "6 Mar".
    Day { day: u32, month: u32 },
    /// The start of a month (the axis shows months): "Mar 2025".
    Month { month: u32, year: i32 },
    /// The start of a year (the axis shows years): "2025".
    Year(i32),
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

/// Renders the chart as encoded PNG bytes, [`WIDTH`]×[`HEIGHT`], with the dates on its
/// time axis named by `name`.
pub fn render_png(
    chart: &ProgressChart,
    name: &dyn Fn(AxisDate) -> String,
) -> Result<Vec<u8>, ChartError> {
    ensure_font()?;
    // Inputs are validated so drawing should not panic; this is a backstop for plotters'
    // internals, so a bad chart costs the user a picture, not the bot a task.
    let rgb = catch_unwind(AssertUnwindSafe(|| render_rgb(chart, name)))
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

/// The labels of the time axis, left to right, as [`render_png`] draws them.
pub fn axis_labels(chart: &ProgressChart, name: &dyn Fn(AxisDate) -> String) -> Vec<String> {
    TimeAxis::new(&chart.data, name).labels
}

fn render_rgb(
    chart: &ProgressChart,
    name: &dyn Fn(AxisDate) -> String,
) -> Result<Vec<u8>, ChartError> {
    let mut buf = vec![255u8; (WIDTH as usize) * (HEIGHT as usize) * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let axis = TimeAxis::new(&chart.data, name);
        let (top, bottom) = root.split_vertically(HEIGHT / 2);
        let legend = [
            (Swatch::Series(LEFT_COLOR), chart.left_label.as_str()),
            (Swatch::Series(RIGHT_COLOR), chart.right_label.as_str()),
            (Swatch::Band(NORMAL_BAND), chart.normal_label.as_str()),
        ];
        let plot = draw_header(&top, &chart.range_title, &legend)?;
        draw_range_panel(&plot, &chart.data, &axis)?;
        let legend = [
            (Swatch::Series(DURING_COLOR), chart.during_label.as_str()),
            (Swatch::Series(MORNING_COLOR), chart.morning_label.as_str()),
        ];
        let plot = draw_header(&bottom, &chart.pain_title, &legend)?;
        draw_pain_panel(&plot, &chart.data, &axis)?;
        root.present().map_err(draw_err)?;
    }
    Ok(buf)
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

fn font(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&TEXT)
}

/// The top panel, below its header: the rotation of each side over the normal band.
fn draw_range_panel(plot: &Area<'_>, data: &Chart, axis: &TimeAxis) -> Result<(), ChartError> {
    let (lo, hi) = if data.normal.0 <= data.normal.1 {
        data.normal
    } else {
        (data.normal.1, data.normal.0)
    };
    let top = (u32::from(highest(&data.left, &data.right)) + 5)
        .max(u32::from(hi) + 10)
        .max(60);
    let y_step = match top {
        0..=100 => 10,
        101..=200 => 20,
        _ => 50,
    };
    let y_max = top.div_ceil(y_step) * y_step;
    let y_pad = f64::from(y_max) * 0.02;

    let mut ctx = plot_area(plot, axis, y_max, y_step, y_pad)?;

    // The band goes under the grid so the grid stays visible through it.
    let x = axis.range();
    ctx.draw_series(std::iter::once(Rectangle::new(
        [(x.start, f64::from(lo)), (x.end, f64::from(hi))],
        NORMAL_BAND.mix(0.18).filled(),
    )))
    .map_err(draw_err)?;
    draw_mesh(&mut ctx, axis)?;
    draw_line(&mut ctx, axis, &data.left, LEFT_COLOR)?;
    draw_line(&mut ctx, axis, &data.right, RIGHT_COLOR)?;
    Ok(())
}

/// The bottom panel, below its header: pain during sessions and the next morning, over
/// the safe and the high zone.
fn draw_pain_panel(plot: &Area<'_>, data: &Chart, axis: &TimeAxis) -> Result<(), ChartError> {
    // Pain is 0..=10; anything above still shows, on a taller axis, rather than failing.
    let y_max = u32::from(highest(&data.during, &data.morning).max(10));
    let y_step = (y_max / 5).max(2);
    let y_pad = f64::from(y_max) * 0.04;

    let mut ctx = plot_area(plot, axis, y_max, y_step, y_pad)?;

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
    draw_line(&mut ctx, axis, &data.during, DURING_COLOR)?;
    draw_line(&mut ctx, axis, &data.morning, MORNING_COLOR)?;
    Ok(())
}

/// The highest value in two series (0 when both are empty).
fn highest(a: &[(DateTime<Utc>, u8)], b: &[(DateTime<Utc>, u8)]) -> u8 {
    a.iter().chain(b).map(|(_, v)| *v).max().unwrap_or(0)
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

/// The plotting area of a panel: time across, `0..=y_max` (padded by `y_pad`) up, with a
/// tick every `y_step`.
fn plot_area<'a, 'b>(
    plot: &'a Area<'b>,
    axis: &TimeAxis,
    y_max: u32,
    y_step: u32,
    y_pad: f64,
) -> Result<Ctx<'a, 'b>, ChartError> {
    let y_ticks: Vec<f64> = (0..=y_max)
        .step_by(y_step.max(1) as usize)
        .map(f64::from)
        .collect();
    let y_max = f64::from(y_max);
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
