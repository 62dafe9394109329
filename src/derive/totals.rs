//! Reported and itemised totals, reconciled once for every view.

use crate::data::{Event, Operation};
use crate::format::{count, percent, ratio};

/// A stage of the funnel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Raids carried out.
    Raids,
    /// People arrested.
    Arrests,
    /// People charged.
    Charged,
}

impl Stage {
    /// The stage's name as a reader sees it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Raids => "Raids",
            Stage::Arrests => "Arrests",
            Stage::Charged => "Charged",
        }
    }

    /// The noun for `n` of this stage: "raid"/"raids", "arrest"/"arrests", "charged".
    pub fn noun(self, n: u64) -> &'static str {
        match (self, n) {
            (Stage::Raids, 1) => "raid",
            (Stage::Raids, _) => "raids",
            (Stage::Arrests, 1) => "arrest",
            (Stage::Arrests, _) => "arrests",
            (Stage::Charged, _) => "charged",
        }
    }
}

/// One stage's figures: what the events itemise and what was reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageCount {
    /// Which stage.
    pub stage: Stage,
    /// The sum over itemised events.
    pub itemised: u64,
    /// The official figure, if given.
    pub reported: Option<u64>,
}

impl StageCount {
    /// The figure a reader sees: the reported one, unless the events itemise more.
    pub fn shown(&self) -> u64 {
        self.reported.map_or(self.itemised, |r| r.max(self.itemised))
    }

    /// How many of the shown figure the events do not itemise.
    pub fn not_itemised(&self) -> u64 {
        self.shown() - self.itemised
    }

    /// How many more the events itemise than were reported, if they do.
    pub fn above_reported(&self) -> Option<u64> {
        self.reported.filter(|r| self.itemised > *r).map(|r| self.itemised - r)
    }
}

/// How the number charged compares with the number arrested.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChargedShare {
    /// A share of those arrested, in percent (0–100), that rounds to a whole percent
    /// honestly: 0, or at least 0.5.
    Percent(f64),
    /// Some charged, but under 0.5% of those arrested: "0%" would read as none.
    UnderOnePercent,
    /// More charged than arrested: not a share, since some of those charged were not among
    /// those arrested.
    MoreThanArrested {
        /// The number arrested.
        arrests: u64,
    },
}

/// The three stages' figures, plus seizures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Raids.
    pub raids: StageCount,
    /// People arrested.
    pub arrests: StageCount,
    /// People charged.
    pub charged: StageCount,
    /// Itemised seizures.
    pub seizures: u64,
}

impl Totals {
    /// Sums the itemised events and sets them beside the reported totals.
    pub fn new(op: &Operation) -> Self {
        let mut raids = 0u64;
        let mut arrests = 0u64;
        let mut charged = 0u64;
        let mut seizures = 0u64;
        for e in &op.events {
            match e {
                Event::Raid(_) => raids = raids.saturating_add(1),
                Event::Arrest(_) => arrests = arrests.saturating_add(e.people()),
                Event::Charge(_) => charged = charged.saturating_add(e.people()),
                Event::Seizure(_) => seizures = seizures.saturating_add(1),
            }
        }
        let reported = op.reported.unwrap_or_default();
        Self {
            raids: StageCount { stage: Stage::Raids, itemised: raids, reported: reported.raids },
            arrests: StageCount { stage: Stage::Arrests, itemised: arrests, reported: reported.arrests },
            charged: StageCount { stage: Stage::Charged, itemised: charged, reported: reported.charged },
            seizures,
        }
    }

    /// The stages in funnel order.
    pub fn stages(&self) -> [StageCount; 3] {
        [self.raids, self.arrests, self.charged]
    }

    /// Arrests per raid, when there were raids.
    pub fn arrests_per_raid(&self) -> Option<f64> {
        let raids = self.raids.shown();
        (raids > 0).then(|| self.arrests.shown() as f64 / raids as f64)
    }

    /// The rate a reader sees beside a stage: "1.9 per raid" for arrests, "64% of those
    /// arrested" for charges; `None` where there is nothing to divide by.
    pub fn rate_text(&self, stage: Stage) -> Option<String> {
        match stage {
            Stage::Raids => None,
            Stage::Arrests => self.arrests_per_raid().map(|r| format!("{} per raid", ratio(r))),
            Stage::Charged => self.charged_share().map(|share| match share {
                ChargedShare::Percent(p) => format!("{} of those arrested", percent(p)),
                ChargedShare::UnderOnePercent => "under 1% of those arrested".to_owned(),
                ChargedShare::MoreThanArrested { arrests } => format!("more than the {} arrested", count(arrests)),
            }),
        }
    }

    /// How the number charged compares with the number arrested, as numbers for each text to
    /// word its own way; `None` when no one was arrested or charged.
    pub fn charged_share(&self) -> Option<ChargedShare> {
        let (charged, arrests) = (self.charged.shown(), self.arrests.shown());
        if charged > arrests {
            return Some(ChargedShare::MoreThanArrested { arrests });
        }
        self.charged_percent().map(|p| if p > 0.0 && p < 0.5 { ChargedShare::UnderOnePercent } else { ChargedShare::Percent(p) })
    }

    /// The share of those arrested who were charged, in percent, when anyone was arrested.
    pub fn charged_percent(&self) -> Option<f64> {
        let arrests = self.arrests.shown();
        (arrests > 0).then(|| self.charged.shown() as f64 * 100.0 / arrests as f64)
    }
}
