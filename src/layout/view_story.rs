//! What each view's shape shows, in a sentence a screen reader hears after the operation's
//! story: the rates in the summary, the busiest day on the timeline, when the charges came on
//! the cumulative lines, the area with the most arrests in the areas view. Each view is a
//! different picture, so each has its own accessible description.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::View;
use crate::data::date_label::DateLabel;
use crate::derive::{Series, Stage, NO_AREA};
use crate::format::{count, plural, words};
use crate::order;

/// The operation's story followed by what `view` shows of it, and the reporter's annotations on
/// the time views.
pub fn view_description(series: &Series, view: View) -> String {
    let mut sentence = view_sentence(series, view);
    if matches!(view, View::Timeline | View::Cumulative) && !series.annotations.is_empty() {
        let notes: Vec<String> = series.annotations.iter().map(|a| format!("{} ({})", a.text, a.time.label())).collect();
        sentence.push_str(&format!(" Notes on the chart: {}.", notes.join("; ")));
    }
    if series.description.is_empty() {
        sentence
    } else {
        format!("{} {sentence}", series.description)
    }
}

/// What `view` shows, in a sentence or two.
pub fn view_sentence(series: &Series, view: View) -> String {
    match view {
        View::Summary => summary(series),
        View::Timeline => timeline(series),
        View::Cumulative => cumulative(series),
        View::Areas => areas(series),
    }
}

fn day(date: NaiveDate) -> String {
    DateLabel::FULL_DATE.format(date.and_time(NaiveTime::MIN))
}

fn summary(series: &Series) -> String {
    let totals = &series.totals;
    let with_rate = |stage: Stage, n: u64, one: &str, many: &str| match totals.rate_text(stage) {
        Some(rate) => format!("{} ({rate})", plural(n, one, many)),
        None => plural(n, one, many),
    };
    format!(
        "The summary sets the totals side by side: {}, {} and {} charged{}.",
        plural(totals.raids.shown(), "raid", "raids"),
        with_rate(Stage::Arrests, totals.arrests.shown(), "arrest", "arrests"),
        count(totals.charged.shown()),
        totals.rate_text(Stage::Charged).map(|r| format!(" ({r})")).unwrap_or_default(),
    )
}

fn timeline(series: &Series) -> String {
    let raids = &series.timeline.raids;
    if raids.is_empty() {
        return "The timeline has no itemised raids to place in time.".to_owned();
    }
    // Days in order through the core's one sort (a sort of dates would be another copy of it).
    let mut days: Vec<(f64, u32)> = raids.iter().enumerate().map(|(i, r)| (f64::from(r.time.date().num_days_from_ce()), order::index(i))).collect();
    order::by_key(&mut days);
    let mut per_day: Vec<(NaiveDate, u64)> = Vec::new();
    for d in days.iter().filter_map(|(_, i)| raids.get(*i as usize)).map(|r| r.time.date()) {
        match per_day.last_mut() {
            Some((last, n)) if *last == d => *n += 1,
            _ => per_day.push((d, 1)),
        }
    }
    let most = per_day.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let busiest: Vec<NaiveDate> = per_day.iter().filter(|(_, n)| *n == most).map(|(d, _)| *d).collect();
    let lanes = &series.timeline.lanes;
    let rows = if lanes.len() == 1 { "one row".to_owned() } else { format!("one row for each of {} areas", words(lanes.len() as u64)) };
    let when = match busiest.as_slice() {
        [only] if per_day.len() == 1 => format!("all of them on {}", day(*only)),
        [only] => format!("the busiest day was {}, with {}", day(*only), plural(most, "raid", "raids")),
        several => format!("{} days had the most, {} each, the first {}", words(several.len() as u64), plural(most, "raid", "raids"), several.first().map_or_else(String::new, |d| day(*d))),
    };
    format!("The timeline places each of the {} at its time, {rows}: {when}.", plural(raids.len() as u64, "itemised raid", "itemised raids"))
}

fn cumulative(series: &Series) -> String {
    let steps = &series.cumulative.steps;
    let Some(last) = steps.last() else {
        return "The running totals have no itemised arrests or charges to show.".to_owned();
    };
    let first_arrest = steps.iter().find(|s| s.arrests > 0).map(|s| s.time.date());
    let first_charge = steps.iter().find(|s| s.charged > 0).map(|s| s.time.date());
    let last_arrest = steps.iter().rev().find(|s| s.arrests == last.arrests && s.arrests > 0);
    let mut out = String::from("The running totals climb as people are arrested and charged");
    match (first_arrest, last_arrest) {
        (Some(_), Some(reached)) => out.push_str(&format!(": arrests reached {} on {}", count(last.arrests), day(reached.time.date()))),
        _ => out.push_str(": no arrests are itemised"),
    }
    match (first_charge, first_arrest) {
        (Some(charge), Some(arrest)) if charge > arrest => {
            let days = (charge - arrest).num_days().unsigned_abs();
            out.push_str(&format!("; the first charges came on {}, {} after the first arrests", day(charge), plural(days, "day", "days")));
        }
        (Some(charge), _) => out.push_str(&format!("; the first charges came on {}", day(charge))),
        (None, _) => out.push_str("; no charges are itemised"),
    }
    out.push('.');
    out
}

fn areas(series: &Series) -> String {
    let named: Vec<_> = series.areas.rows.iter().filter(|r| r.name != NO_AREA).collect();
    let leader = |pick: fn(&crate::derive::AreaRow) -> u64| {
        let most = named.iter().map(|r| pick(r)).max().filter(|n| *n > 0)?;
        let top: Vec<&str> = named.iter().filter(|r| pick(r) == most).map(|r| r.name.as_str()).collect();
        Some((top, most))
    };
    let say = |top: Vec<&str>, most: u64, what: &str| match top.as_slice() {
        [one] => format!("{one} had the most {what}, {}", count(most)),
        [first, rest @ ..] => format!("{first}{} had the most {what}, {} each", rest.iter().map(|n| format!(" and {n}")).collect::<String>(), count(most)),
        [] => String::new(),
    };
    match (named.len(), leader(|r| r.arrests), leader(|r| r.charged)) {
        (0, _, _) => "The areas view has no events itemised by area.".to_owned(),
        (1, _, _) => format!("All the events itemised by area were in {}.", named.first().map_or("", |r| r.name.as_str())),
        (n, arrests, charged) => {
            let findings = match (arrests, charged) {
                (Some((a, most_a)), Some((c, most_c))) if a == c && a.len() == 1 => {
                    format!("{}, and the most people charged, {}", say(a, most_a, "arrests"), count(most_c))
                }
                (arrests, charged) => {
                    match (arrests.map(|(t, m)| say(t, m, "arrests")), charged.map(|(t, m)| say(t, m, "people charged"))) {
                        (Some(a), Some(c)) => format!("{a}; {c}"),
                        (Some(one), None) | (None, Some(one)) => one,
                        (None, None) => "none has arrests or charges itemised".to_owned(),
                    }
                }
            };
            format!("The bars compare {} areas: {findings}.", words(n as u64))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::validate::load;

    fn cayman() -> Series {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/operation-cayman.json")).expect("cayman");
        let checked = load(&text).expect("valid");
        Series::from_operation(&checked.operation)
    }

    #[test]
    fn each_view_says_what_its_shape_shows() {
        let s = cayman();
        let sentences: Vec<String> = View::ALL.iter().map(|v| view_sentence(&s, *v)).collect();
        assert_eq!(sentences[0], "The summary sets the totals side by side: 17 raids, 33 arrests (1.9 per raid) and 21 charged (64% of those arrested).");
        assert!(sentences[1].starts_with("The timeline places each of the 17 itemised raids at its time, one row for each of two areas: the busiest day was Mon 16 Apr 2018, with "), "{}", sentences[1]);
        assert_eq!(sentences[2], "The running totals climb as people are arrested and charged: arrests reached 33 on Thu 19 Apr 2018; the first charges came on Wed 18 Apr 2018, 2 days after the first arrests.");
        assert_eq!(sentences[3], "The bars compare two areas: Norfolk had the most arrests, 23, and the most people charged, 14.");
        let descriptions: Vec<String> = View::ALL.iter().map(|v| view_description(&s, *v)).collect();
        for (i, d) in descriptions.iter().enumerate() {
            assert!(d.starts_with(&s.description), "the story comes first");
            assert!(descriptions.iter().enumerate().all(|(j, other)| i == j || other != d), "each view's description is its own");
        }
    }
}
