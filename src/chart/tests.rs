//! The chart's tests: it renders, its colours land in their panels, odd data never
//! errors, and the ticks follow the calendar.

use super::*;
use crate::core::say::reply::Chart;
use chrono::{Duration, TimeZone};

/// Names the axis's dates by numbers alone: the words are i18n's (see its tests).
fn numbers(date: AxisDate) -> String {
    match date {
        AxisDate::Day { day, month } => format!("{day}/{month}"),
        AxisDate::Month { month, year } => format!("{month}/{year}"),
        AxisDate::Year(year) => year.to_string(),
    }
}

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
        data: adult(),
    }
}

/// No data yet, and the normal range of an adult.
fn adult() -> Chart {
    Chart {
        normal: (35, 45),
        ..Chart::default()
    }
}

/// `data` drawn with labels.
fn with(data: Chart) -> ProgressChart {
    ProgressChart { data, ..empty() }
}

/// No data, with labels.
fn empty() -> ProgressChart {
    labels(bare())
}

fn sample() -> ProgressChart {
    let start = day(2025, 1, 6, 19);
    let at = |i: i64| start + Duration::days(i * 4);
    with(Chart {
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
        ..adult()
    })
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
    let img = decode(&render_png(&sample(), &numbers).expect("renders"));
    assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
}

#[test]
fn series_colours_land_in_their_panels() {
    let with = decode(&render_png(&sample(), &numbers).expect("renders"));
    // The legend swatches use the colours too, so compare with the data-free chart.
    let without = decode(&render_png(&empty(), &numbers).expect("renders"));
    // The left side belongs in the top panel, the next morning's pain in the bottom one.
    for (series, color, in_top) in [
        ("left", LEFT_COLOR, true),
        ("morning", MORNING_COLOR, false),
    ] {
        let (top, bottom) = count(&with, color);
        let (top_empty, bottom_empty) = count(&without, color);
        let (inside, inside_empty, outside) = if in_top {
            (top, top_empty, bottom)
        } else {
            (bottom, bottom_empty, top)
        };
        assert!(
            inside > inside_empty + 200,
            "{series} series in its panel: {inside} vs {inside_empty}"
        );
        assert_eq!(outside, 0, "{series} colour leaked into the other panel");
    }
}

#[test]
fn empty_data_still_renders() {
    for chart in [bare(), empty()] {
        let img = decode(&render_png(&chart, &numbers).expect("renders"));
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
        with(Chart {
            left: vec![(t, 0)],
            ..adult()
        }),
        with(Chart {
            morning: vec![(t, 10)],
            ..adult()
        }),
        with(Chart {
            left: same_day.clone(),
            right: same_day.clone(),
            during: same_day.clone(),
            ..adult()
        }),
        with(Chart {
            left: hundred.clone(),
            right: hundred.clone(),
            during: hundred.clone(),
            morning: hundred,
            ..adult()
        }),
        with(Chart {
            left: vec![(t, 0), (t, 90)],
            right: vec![(t, 90)],
            during: vec![(t, 0)],
            morning: vec![(t, 10)],
            ..adult()
        }),
        with(Chart {
            left: vec![(t, 255)],
            during: vec![(t, 255)],
            normal: (90, 0),
            ..adult()
        }),
        with(Chart {
            normal: (0, 0),
            ..adult()
        }),
        ProgressChart {
            data: Chart {
                normal: (255, 255),
                ..adult()
            },
            ..bare()
        },
        with(Chart {
            left: vec![(day(2023, 11, 20, 9), 30), (day(2025, 6, 2, 9), 40)],
            during: vec![(day(2024, 2, 29, 23), 3)],
            ..adult()
        }),
        with(Chart {
            left: vec![
                (DateTime::<Utc>::MIN_UTC, 10),
                (DateTime::<Utc>::MAX_UTC, 20),
            ],
            morning: vec![(DateTime::<Utc>::UNIX_EPOCH, 4)],
            ..adult()
        }),
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
        let png = render_png(chart, &numbers).unwrap_or_else(|e| panic!("case {i} failed: {e}"));
        let img = decode(&png);
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT), "case {i}");
    }
}

#[test]
fn ticks_follow_the_calendar() {
    // Same day → a week of daily ticks ending after that day.
    let chart = with(Chart {
        left: vec![(day(2025, 3, 5, 12), 40)],
        ..adult()
    });
    let axis = TimeAxis::new(&chart.data, &numbers);
    assert_eq!(axis.span_days, MIN_SPAN_DAYS);
    assert_eq!(
        axis.ticks.last().map(|(_, date)| *date),
        Some(AxisDate::Day { day: 6, month: 3 })
    );
    assert_eq!(
        axis_labels(&chart, &numbers).last().map(String::as_str),
        Some("6/3")
    );
    // Several months → month starts.
    let months = Chart {
        left: vec![(day(2024, 11, 20, 9), 30), (day(2025, 4, 2, 9), 40)],
        ..adult()
    };
    let axis = TimeAxis::new(&months, &numbers);
    let months: Vec<(u32, i32)> = axis
        .ticks
        .iter()
        .map(|(_, date)| match date {
            AxisDate::Month { month, year } => (*month, *year),
            other => panic!("a month start, not {other:?}"),
        })
        .collect();
    assert_eq!(
        months,
        [(12, 2024), (1, 2025), (2, 2025), (3, 2025), (4, 2025)]
    );
}

/// Writes an example to the temp dir for a person to look at.
#[test]
fn writes_an_example() {
    let path = std::env::temp_dir().join("hipcoach-progress-example.png");
    std::fs::write(&path, render_png(&sample(), &numbers).expect("renders"))
        .expect("write example");
}
