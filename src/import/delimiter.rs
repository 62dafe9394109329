//! Which separator a CSV uses: `,`, or `;` as spreadsheets write it where the comma is the
//! decimal mark. Found from the header row, without asking.

use csv::ReaderBuilder;

/// The comma.
const COMMA: u8 = b',';
/// The semicolon of European spreadsheet exports.
const SEMICOLON: u8 = b';';

/// The separator of `input`: `;` when reading the first record with it gives more fields than
/// reading it with `,`, and `,` otherwise. The header row names event fields, which contain
/// neither, so it splits on exactly one of them (a one-column file reads the same either way).
pub(crate) fn detect(input: &[u8]) -> u8 {
    if fields_in_first_record(input, SEMICOLON) > fields_in_first_record(input, COMMA) {
        SEMICOLON
    } else {
        COMMA
    }
}

/// How many fields the first record of `input` has when split on `delimiter` (the csv crate
/// reads it, so quoted separators do not count); 0 if it cannot be read.
fn fields_in_first_record(input: &[u8], delimiter: u8) -> usize {
    let mut reader = ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input);
    reader.byte_records().next().and_then(Result::ok).map_or(0, |record| record.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_row_decides() {
        assert_eq!(detect(b"type,time,count\nraid,2018-04-16,\n"), COMMA);
        assert_eq!(detect(b"type;time;count\nraid;2018-04-16;\n"), SEMICOLON);
        assert_eq!(detect(b"\xef\xbb\xbftype;time\n"), SEMICOLON);
        // A quoted separator in the header is not a separator.
        assert_eq!(detect(b"\"type;x\",time\n"), COMMA);
        assert_eq!(detect(b"time\n2018-04-16\n"), COMMA);
        assert_eq!(detect(b""), COMMA);
    }
}
