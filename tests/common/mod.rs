//! A deterministic operation of any size, for the tests at scale.

#![allow(dead_code)]

use operation_charts::data::{Arrest, Charge, Event, EventTime, Operation, OperationInfo, Raid, Source};

/// A small deterministic generator (a 64-bit LCG), so every run sees the same operation.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn time(seconds: u64) -> EventTime {
    let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("a date");
    let t = base + chrono::TimeDelta::seconds(seconds as i64);
    EventTime::parse(&t.format("%Y-%m-%dT%H:%M:%SZ").to_string()).expect("a time")
}

/// `events` events: two fifths raids (in eight areas, each with a place), two fifths arrests
/// and one fifth charges, every arrest and charge linked to a raid; in shuffled time order.
pub fn operation(events: usize) -> Operation {
    let raids = (events * 2 / 5).max(1);
    let arrests = events * 2 / 5;
    let charges = events - raids - arrests.min(events - raids);
    let span = 90 * 86_400u64;
    let mut rng = Lcg(42);
    let raid_times: Vec<u64> = (0..raids).map(|_| rng.below(span)).collect();
    let mut out = Vec::with_capacity(events);
    for (i, t) in raid_times.iter().enumerate() {
        out.push(Event::Raid(Raid {
            id: Some(format!("r{i}").into()),
            time: time(*t),
            place: Some(format!("{} Street, Town {}", i % 5000, i % 50).into()),
            area: Some(format!("Area {}", rng.below(8)).into()),
            note: None,
        }));
    }
    for _ in 0..arrests {
        let r = rng.below(raids as u64) as usize;
        let t = raid_times.get(r).copied().unwrap_or(0) + 600 + rng.below(3600);
        out.push(Event::Arrest(Arrest {
            id: None,
            time: time(t),
            raid: Some(format!("r{r}").into()),
            count: Some(1 + rng.below(3)),
            place: None,
            area: None,
            note: None,
        }));
    }
    for _ in 0..charges {
        let r = rng.below(raids as u64) as usize;
        let t = raid_times.get(r).copied().unwrap_or(0) + 86_400 * (1 + rng.below(20));
        out.push(Event::Charge(Charge {
            id: None,
            time: time(t),
            raid: Some(format!("r{r}").into()),
            count: None,
            offence: None,
            place: None,
            area: None,
            note: None,
        }));
    }
    Operation {
        version: 1,
        title: Some("Operation Scale".to_owned()),
        subtitle: None,
        operation: OperationInfo { name: "Operation Scale".to_owned(), agency: None },
        reported: None,
        events: out,
        source: Source { name: "Test".to_owned(), url: None, note: None },
        annotations: Vec::new(),
    }
}

