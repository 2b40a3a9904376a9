//! Days, times and dates as readers see them: a contact's opening hours and
//! the date an item applies from. Pure: the caller passes the words of its
//! language and today's date, so all of it is tested natively.

use super::types::{Opening, Weekday};

/// The days of one opening line in words: runs of three or more days in a row
/// as a range ("Mandag–fredag"), other days one by one ("Lørdag og søndag",
/// "Mandag, onsdag og fredag"). `names`: the seven day names from Monday, as
/// written inside a sentence, then the seven as they start a line (the
/// language's table says both, so no Unicode case tables are needed);
/// `and`: the word before the last item.
pub fn day_runs(days: &[Weekday], names: &[&str], and: &str) -> String {
    let mut idx: Vec<usize> = days.iter().map(|d| *d as usize).collect();
    idx.sort_unstable();
    idx.dedup();
    let name = |i: usize| names.get(i).copied().unwrap_or("");
    // The first day named starts the line.
    let first = |i: usize| names.get(i + 7).copied().unwrap_or_else(|| name(i));
    let mut items: Vec<String> = Vec::new();
    let mut start = 0;
    while start < idx.len() {
        let mut end = start;
        while end + 1 < idx.len() && idx[end + 1] == idx[end] + 1 {
            end += 1;
        }
        if end - start >= 2 {
            items.push(format!("{}–{}", name(idx[start]), name(idx[end])));
        } else {
            for &i in idx.iter().take(end + 1).skip(start) {
                items.push(name(i).to_string());
            }
        }
        start = end + 1;
    }
    if let (Some(item), Some(&i)) = (items.first_mut(), idx.first()) {
        // Only the start changes: "mandag–fredag" becomes "Mandag–fredag".
        if let Some(rest) = item.strip_prefix(name(i)) {
            *item = format!("{}{rest}", first(i));
        }
    }
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// One opening line: the days in words and the times as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpeningLine {
    /// "Mandag–fredag".
    pub days: String,
    pub opens: String,
    pub closes: String,
}

impl OpeningLine {
    pub fn new(o: &Opening, names: &[&str], and: &str) -> OpeningLine {
        OpeningLine {
            days: day_runs(&o.days, names, and),
            opens: o.opens.clone(),
            closes: o.closes.clone(),
        }
    }
}

/// `t` when it is a time of day `HH:MM` (00:00–23:59), fit for
/// `<time datetime>`; "24:00" (midnight at the end of the day) is not.
pub fn clock(t: &str) -> Option<&str> {
    let (h, m) = t.split_once(':')?;
    let two = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    (two(h)? < 24 && two(m)? < 60).then_some(t)
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`; `None` for anything that is not a real calendar
    /// date by the rule the checker uses ([`is_date`](super::links::is_date)).
    pub fn parse(s: &str) -> Option<Date> {
        if !super::links::is_date(s) {
            return None;
        }
        Some(Date {
            year: s[0..4].parse().ok()?,
            month: s[5..7].parse().ok()?,
            day: s[8..10].parse().ok()?,
        })
    }

    /// The date `days` days after 1970-01-01 (the civil calendar, as clocks count).
    pub fn from_unix_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "1. januar 2027": `pattern` fills `{0}` with the day, `{1}` with the
    /// month's name (from `months`, January first) and `{2}` with the year.
    pub fn long(self, months: &[&str], pattern: &str) -> String {
        let month = months
            .get(usize::from(self.month) - 1)
            .copied()
            .unwrap_or("");
        crate::i18n::fill(
            pattern,
            &[&self.day.to_string(), month, &self.year.to_string()],
        )
    }
}

/// The date an item applies from, when that is still ahead of `today`:
/// only then does the reader need to be told. A date that does not parse
/// (which bti-check reports) says nothing.
pub fn upcoming(valid_from: Option<&str>, today: Date) -> Option<Date> {
    valid_from.and_then(Date::parse).filter(|d| *d > today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    const NAMES: [&str; 14] = [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "Mandag",
        "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
    ];

    #[test]
    fn five_days_in_a_row_read_as_a_range() {
        let days = [Mandag, Tirsdag, Onsdag, Torsdag, Fredag];
        assert_eq!(day_runs(&days, &NAMES, "og"), "Mandag–fredag");
    }

    #[test]
    fn two_days_in_a_row_are_named_both() {
        assert_eq!(
            day_runs(&[Lordag, Sondag], &NAMES, "og"),
            "Lørdag og søndag"
        );
        assert_eq!(day_runs(&[Torsdag], &NAMES, "og"), "Torsdag");
    }

    #[test]
    fn days_apart_are_listed_and_runs_mixed_with_single_days() {
        assert_eq!(
            day_runs(&[Mandag, Onsdag, Fredag], &NAMES, "og"),
            "Mandag, onsdag og fredag"
        );
        assert_eq!(
            day_runs(&[Fredag, Mandag, Tirsdag, Onsdag, Sondag], &NAMES, "og"),
            "Mandag–onsdag, fredag og søndag"
        );
    }

    #[test]
    fn days_out_of_order_or_twice_are_sorted_and_counted_once() {
        assert_eq!(
            day_runs(&[Onsdag, Mandag, Tirsdag, Mandag], &NAMES, "og"),
            "Mandag–onsdag"
        );
        assert_eq!(day_runs(&[], &NAMES, "og"), "");
    }

    #[test]
    fn an_opening_line_keeps_its_times() {
        let o = Opening {
            days: vec![Mandag, Tirsdag, Onsdag, Torsdag, Fredag],
            opens: "08:00".into(),
            closes: "15:30".into(),
        };
        let line = OpeningLine::new(&o, &NAMES, "og");
        assert_eq!(
            format!("{} {}–{}", line.days, line.opens, line.closes),
            "Mandag–fredag 08:00–15:30"
        );
    }

    #[test]
    fn only_real_times_of_day_get_a_datetime() {
        assert_eq!(clock("08:00"), Some("08:00"));
        assert_eq!(clock("23:59"), Some("23:59"));
        assert_eq!(clock("24:00"), None);
        assert_eq!(clock("8:00"), None);
        assert_eq!(clock("08.00"), None);
    }

    #[test]
    fn dates_parse_and_read_in_words() {
        let d = Date::parse("2027-01-01").unwrap();
        assert_eq!(d.iso(), "2027-01-01");
        let months = [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ];
        assert_eq!(d.long(&months, "{0}. {1} {2}"), "1. januar 2027");
        assert_eq!(Date::parse("1. januar"), None);
        assert_eq!(Date::parse("2027-13-01"), None);
    }

    #[test]
    fn a_date_is_upcoming_only_while_it_is_after_today() {
        let today = Date::parse("2026-11-30").unwrap();
        assert_eq!(
            upcoming(Some("2027-01-01"), today),
            Date::parse("2027-01-01")
        );
        assert_eq!(
            upcoming(Some("2026-11-30"), today),
            None,
            "today applies already"
        );
        assert_eq!(upcoming(Some("2025-01-01"), today), None);
        assert_eq!(upcoming(Some("snart"), today), None);
        assert_eq!(upcoming(None, today), None);
    }

    #[test]
    fn days_since_1970_give_the_calendar_date() {
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_787).iso(), "2026-11-30");
        assert_eq!(Date::from_unix_days(11_016).iso(), "2000-02-29");
    }
}
