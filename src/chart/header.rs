//! A panel's header: its title and legend, laid out to fit, with labels cut to size.

use plotters::prelude::*;

use super::{Area, ChartError, LEGEND_SIZE, TITLE_SIZE, draw_err, font};

/// What a legend entry's swatch looks like.
#[derive(Clone, Copy)]
pub(super) enum Swatch {
    Series(RGBColor),
    Band(RGBColor),
}

const HEADER_PAD_X: i32 = 12;
const SWATCH_W: i32 = 24;
const SWATCH_GAP: i32 = 6;
const ITEM_GAP: i32 = 18;

/// Draws the panel's title and legend at its top and returns the area left for the plot.
///
/// Title and legend share one line when they fit; otherwise the legend flows onto its own
/// lines below the title. Labels too long for a line are cut with an ellipsis.
pub(super) fn draw_header<'a>(
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
