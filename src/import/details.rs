//! What a document says besides its events, which a CSV of events has no place for: the
//! operation's name and agency, a title, the credit line and the reported totals.

use serde_json::{Map, Value};

use super::located::{Located, Location};
use super::messages;
use crate::data::Reported;

/// The details given beside the CSV (on the command line, or in a form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    /// `operation.name`, e.g. "Operation Cayman".
    pub name: String,
    /// `operation.agency`, e.g. "Norfolk Constabulary"; also the credit line when there is no
    /// `source`.
    pub agency: Option<String>,
    /// `title`; without it the chart derives one from the name.
    pub title: Option<String>,
    /// `source.name`, the credit line.
    pub source: Option<String>,
    /// `reported`, the headline totals as officially reported (left out when none is given).
    pub reported: Reported,
}

/// One of the [`Details`], for saying where a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detail {
    /// [`Details::name`].
    Name,
    /// [`Details::agency`].
    Agency,
    /// [`Details::title`].
    Title,
    /// [`Details::source`].
    Source,
    /// The reported number of raids.
    ReportedRaids,
    /// The reported number of people arrested.
    ReportedArrests,
    /// The reported number of people charged.
    ReportedCharged,
}

impl Detail {
    /// The command-line option that gives it, e.g. `--name`.
    pub fn option(self) -> &'static str {
        match self {
            Detail::Name => "--name",
            Detail::Agency => "--agency",
            Detail::Title => "--title",
            Detail::Source => "--source",
            Detail::ReportedRaids => "--reported-raids",
            Detail::ReportedArrests => "--reported-arrests",
            Detail::ReportedCharged => "--reported-charged",
        }
    }

    /// The detail that the document's `path` comes from, if it comes from one. `source.name`
    /// comes from the agency when no source is given.
    pub(crate) fn at_path(path: &str, details: &Details) -> Option<Self> {
        Some(match path {
            "title" => Detail::Title,
            "operation.name" => Detail::Name,
            "operation.agency" => Detail::Agency,
            "source.name" if details.source.is_none() && details.agency.is_some() => Detail::Agency,
            "source" | "source.name" => Detail::Source,
            "reported.raids" => Detail::ReportedRaids,
            "reported.arrests" => Detail::ReportedArrests,
            "reported.charged" => Detail::ReportedCharged,
            _ => return None,
        })
    }
}

impl Details {
    /// The credit line: the source, or else the agency.
    fn credit(&self) -> Option<&str> {
        self.source.as_deref().or(self.agency.as_deref())
    }

    /// What the person importing should know about the details alone: that the credit line
    /// is the agency, when no source is given.
    pub(crate) fn warnings(&self) -> Vec<Located> {
        match (&self.source, &self.agency) {
            (None, Some(agency)) => {
                vec![Located::new(Location::Detail(Detail::Source), messages::credit_is_the_agency(agency))]
            }
            _ => Vec::new(),
        }
    }

    /// The document, as a JSON value, with these details and `events`. Nothing is checked
    /// here: validation does that on the result.
    pub(crate) fn document(&self, events: Vec<Value>) -> Value {
        let mut document = Map::new();
        document.insert("version".to_owned(), Value::from(1));
        if let Some(title) = &self.title {
            document.insert("title".to_owned(), Value::from(title.as_str()));
        }
        let mut operation = Map::new();
        operation.insert("name".to_owned(), Value::from(self.name.as_str()));
        if let Some(agency) = &self.agency {
            operation.insert("agency".to_owned(), Value::from(agency.as_str()));
        }
        document.insert("operation".to_owned(), Value::Object(operation));
        let mut reported = Map::new();
        for (name, total) in
            [("raids", self.reported.raids), ("arrests", self.reported.arrests), ("charged", self.reported.charged)]
        {
            if let Some(total) = total {
                reported.insert(name.to_owned(), Value::from(total));
            }
        }
        if !reported.is_empty() {
            document.insert("reported".to_owned(), Value::Object(reported));
        }
        document.insert("events".to_owned(), Value::Array(events));
        let mut source = Map::new();
        if let Some(credit) = self.credit() {
            source.insert("name".to_owned(), Value::from(credit));
        }
        document.insert("source".to_owned(), Value::Object(source));
        Value::Object(document)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_credit_line_falls_back_to_the_agency_with_a_warning() {
        let details = Details { name: "Operation X".into(), agency: Some("Y Police".into()), ..Details::default() };
        assert_eq!(
            details.document(Vec::new()),
            json!({ "version": 1, "operation": { "name": "Operation X", "agency": "Y Police" },
                    "events": [], "source": { "name": "Y Police" } })
        );
        assert_eq!(details.warnings().len(), 1);
        assert_eq!(Detail::at_path("source.name", &details), Some(Detail::Agency));

        let sourced = Details { source: Some("EDP".into()), ..details };
        assert!(sourced.warnings().is_empty());
        assert_eq!(Detail::at_path("source.name", &sourced), Some(Detail::Source));
        assert_eq!(Detail::at_path("events[0].time", &sourced), None);
    }
}
