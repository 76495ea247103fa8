//! The chart's tests: it renders, its colours land in their panels, odd data never
//! errors, and the ticks follow the calendar.

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
