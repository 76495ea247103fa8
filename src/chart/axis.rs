//! The shared time axis: whole days, at least a week, with calendar-aligned ticks (days,
//! Mondays, month starts or year starts, whichever gives at most about ten labels).

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use super::{AxisDate, MIN_SPAN_DAYS, SECS_PER_DAY, Ticked};
use crate::core::say::reply::Chart;

/// The shared x axis: x values are days (fractional) since `start_day`'s midnight UTC.
pub(super) struct TimeAxis {
    /// Day number (days since the Unix epoch) of the axis start.
    start_day: i64,
    /// Number of whole days shown.
    pub(super) span_days: i64,
    /// Tick positions (x values) and the dates they stand for.
    pub(super) ticks: Vec<(f64, AxisDate)>,
    /// The ticks' labels, in the person's language.
    pub(super) labels: Vec<String>,
}

impl TimeAxis {
    /// The axis for `chart`'s data, its dates named by `name`.
    pub(super) fn new(chart: &Chart, name: &dyn Fn(AxisDate) -> String) -> Self {
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
        let labels = ticks.iter().map(|(_, date)| name(*date)).collect();
        TimeAxis {
            start_day: start,
            span_days,
            ticks,
            labels,
        }
    }

    pub(super) fn x(&self, t: &DateTime<Utc>) -> f64 {
        let secs = (t.timestamp() as f64) - (self.start_day as f64) * (SECS_PER_DAY as f64);
        secs / SECS_PER_DAY as f64
    }

    pub(super) fn range(&self) -> std::ops::Range<f64> {
        let span = self.span_days as f64;
        let pad = (span * 0.01).max(0.15);
        -pad..span + pad
    }

    pub(super) fn coord(&self) -> Ticked {
        Ticked::new(self.range(), self.ticks.iter().map(|(x, _)| *x).collect())
    }

    pub(super) fn label(&self, x: &f64) -> String {
        self.ticks
            .iter()
            .zip(&self.labels)
            .find(|((t, _), _)| (t - x).abs() < 1e-6)
            .map(|(_, label)| label.clone())
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

/// How a tick names its date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    Year,
}

/// Calendar-aligned tick marks: days, Mondays, month starts or year starts, whichever
/// gives at most about ten labels.
fn date_ticks(start: i64, span: i64) -> Vec<(f64, AxisDate)> {
    const MAX_TICKS: i64 = 10;
    let end = start.saturating_add(span);
    let mut ticks = Vec::new();
    // Month and year labels are wide: keep them off the very right edge.
    let mut push_day = |day: i64, unit: Unit| {
        let last = if unit == Unit::Day { end } else { end - 1 };
        if (start..=last).contains(&day)
            && let Some(date) = day_to_date(day)
        {
            let named = match unit {
                Unit::Day => AxisDate::Day {
                    day: date.day(),
                    month: date.month(),
                },
                Unit::Month => AxisDate::Month {
                    month: date.month(),
                    year: date.year(),
                },
                Unit::Year => AxisDate::Year(date.year()),
            };
            ticks.push(((day - start) as f64, named));
        }
    };

    if span <= 2 * MAX_TICKS {
        let step = (span + MAX_TICKS - 1) / MAX_TICKS;
        let mut day = start;
        while day <= end {
            push_day(day, Unit::Day);
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
            push_day(day, Unit::Day);
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
        let unit = if step == 12 { Unit::Year } else { Unit::Month };
        while let Some(d) = date
            && d <= last
        {
            push_day(date_to_day(d), unit);
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
            push_day(date_to_day(d), Unit::Year);
        }
        year += step;
    }
    ticks
}
