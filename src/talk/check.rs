//! A talk file against the dataset it will be given with: tabs and charts that exist, years
//! the tab has data for, text that is safe for a terminal and fits the projector. Every problem
//! is found, each with its `line:column`, and a talk that passes is resolved into indices the
//! dashboard can trust.

use std::time::Duration;

use toml::Spanned;
use unicode_width::UnicodeWidthStr;

use super::format::{ChartName, File, Places, RawBeat, ViewName};
use super::{Beat, MAX_CAPTION_WIDTH, Screen, Talk};
use crate::data::{Dataset, Page, year_span};
use crate::derive::View;
use crate::error::Located;
use crate::text::{kind, sanitize};

/// The shortest and longest plan a talk may give.
const DURATIONS: std::ops::RangeInclusive<Duration> =
    Duration::from_secs(1)..=Duration::from_secs(24 * 60 * 60);

/// The talk, or every problem in file order.
pub fn check(file: &File, text: &str, data: &Dataset) -> Result<Talk, Vec<Located>> {
    let mut check = Checker {
        data,
        problems: Vec::new(),
    };
    let title = file.title.get_ref().trim().to_owned();
    if title.is_empty() {
        check.problem(&file.title, "title: is empty");
    }
    check.safe(&file.title, "title", false);
    let duration = file.duration.as_ref().and_then(|d| check.duration(d));
    if file.beats.is_empty() {
        check.at(0, "the talk has no beats: add a [[beat]] table");
    }
    // The tab the beat before showed; `None` after an unknown one, whose charts and years are
    // not checked against another tab's.
    let mut tab = Some(0);
    let mut beats = Vec::with_capacity(file.beats.len());
    let mut places = Places::new(text);
    for (index, beat) in file.beats.iter().enumerate() {
        let (line, _) = places.at(beat.span().start);
        let (resolved, shown) = check.beat(index + 1, beat.get_ref(), tab);
        tab = shown;
        beats.push(Beat { line, ..resolved });
    }
    if check.problems.is_empty() {
        Ok(Talk {
            title,
            duration,
            beats,
        })
    } else {
        // In file order, placed in one pass.
        check.problems.sort_by_key(|(offset, _)| *offset);
        let mut places = Places::new(text);
        let located = check.problems.iter();
        Err(located.map(|(at, m)| places.locate(*at, m)).collect())
    }
}

struct Checker<'a> {
    data: &'a Dataset,
    /// Each problem at its byte offset.
    problems: Vec<(usize, String)>,
}

impl Checker<'_> {
    fn at(&mut self, offset: usize, message: &str) {
        self.problems.push((offset, message.to_owned()));
    }

    fn problem<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        self.at(value.span().start, &message.into());
    }

    /// One beat, and the tab it shows; the tab before it carries over when it names none.
    /// What cannot be resolved is left at its default, with a problem recorded.
    fn beat(&mut self, n: usize, beat: &RawBeat, previous: Option<usize>) -> (Beat, Option<usize>) {
        let named = match &beat.tab {
            None => previous,
            Some(name) => self.tab(n, name),
        };
        let page = named.and_then(|tab| self.data.pages.get(tab));
        let chart = match (&beat.chart, page) {
            (Some(name), Some(page)) => self.chart(n, name, page),
            _ => None,
        };
        let year = match (&beat.year, page) {
            (Some(year), Some(page)) => self.year(n, year, page),
            _ => None,
        };
        let view = match beat.view.as_ref().map(Spanned::get_ref) {
            None | Some(ViewName::Levels) => View::Levels,
            Some(ViewName::Change) => View::Change,
            Some(ViewName::Index) => View::Index,
        };
        let caption = beat
            .caption
            .as_ref()
            .map(|caption| self.caption(n, caption))
            .unwrap_or_default();
        let notes = beat.notes.as_ref().map_or_else(String::new, |notes| {
            self.safe(notes, &format!("beat {n}, notes"), true);
            normalise(notes.get_ref()).trim().to_owned()
        });
        let range = match (&beat.range, page) {
            (Some(range), Some(page)) => self.range(n, range, page),
            _ => None,
        };
        if let (Some((_, to)), Some(year)) = (range, &beat.year)
            && *year.get_ref() != i64::from(to)
        {
            self.problem(
                year,
                format!(
                    "beat {n}, year: {} is not where the range ends ({to}); a range ends at \
                     the cursor, so leave year out or make it {to}",
                    year.get_ref()
                ),
            );
        }
        let annotations = beat
            .annotations
            .as_ref()
            .map(|ids| self.annotations(n, ids));
        let beat = Beat {
            screen: Screen {
                tab: named.unwrap_or(0),
                chart,
                year: range.map(|(_, to)| to).or(year),
                range,
                view,
                sources: beat.sources.unwrap_or(false),
            },
            caption,
            notes,
            annotations,
            line: 0,
        };
        (beat, named)
    }

    /// A tab by its id or title, in any case, as `--tab` takes it (but not by number, which
    /// changes when tabs are added).
    fn tab(&mut self, n: usize, name: &Spanned<String>) -> Option<usize> {
        let wanted = name.get_ref().trim();
        let pages = &self.data.pages;
        let found = pages.iter().position(|p| {
            p.id.eq_ignore_ascii_case(wanted) || p.title.eq_ignore_ascii_case(wanted)
        });
        if found.is_none() {
            let ids: Vec<&str> = pages.iter().map(|p| p.id.as_str()).collect();
            self.problem(
                name,
                format!(
                    "beat {n}, tab: unknown tab \"{}\"; the tabs are {}",
                    sanitize(wanted),
                    ids.join(", ")
                ),
            );
        }
        found
    }

    /// A chart of the tab: its number from 1, its title in any case, or the id of an indicator
    /// it shows (the tab's first chart that shows it).
    fn chart(&mut self, n: usize, name: &Spanned<ChartName>, page: &Page) -> Option<usize> {
        let charts = page.charts.len();
        let tab = &page.id;
        if charts == 0 {
            self.problem(
                name,
                format!("beat {n}, chart: tab \"{tab}\" has no charts to focus"),
            );
            return None;
        }
        let wanted = match name.get_ref() {
            ChartName::Number(number) => {
                let found = usize::try_from(*number)
                    .ok()
                    .filter(|k| (1..=charts).contains(k));
                if found.is_none() {
                    let which = if charts == 1 {
                        "1".to_owned()
                    } else {
                        format!("1–{charts}")
                    };
                    self.problem(
                        name,
                        format!(
                            "beat {n}, chart: tab \"{tab}\" has no chart {number}, only {which}"
                        ),
                    );
                }
                return found.map(|k| k - 1);
            }
            ChartName::Title(title) => title.trim(),
        };
        let by_title = page
            .charts
            .iter()
            .position(|c| c.title.eq_ignore_ascii_case(wanted));
        let by_indicator = || {
            page.charts.iter().position(|c| {
                c.series
                    .iter()
                    .any(|s| self.data.get(&s.indicator).id == wanted)
            })
        };
        let found = by_title.or_else(by_indicator);
        if found.is_none() {
            let wanted = sanitize(wanted);
            let message = if self.data.indicator(&wanted).is_some() {
                format!("beat {n}, chart: indicator \"{wanted}\" is on no chart of tab \"{tab}\"")
            } else if looks_like_an_id(&wanted) {
                format!(
                    "beat {n}, chart: unknown indicator \"{wanted}\", and no chart of tab \"{tab}\" \
                     has that title"
                )
            } else {
                let titles: Vec<String> = page
                    .charts
                    .iter()
                    .map(|c| format!("\"{}\"", c.title))
                    .collect();
                format!(
                    "beat {n}, chart: no chart of tab \"{tab}\" is titled \"{wanted}\"; its charts are {}",
                    titles.join(", ")
                )
            };
            self.problem(name, message);
        }
        found
    }

    /// A year the tab has data for, as the year cursor can reach it.
    fn year(&mut self, n: usize, year: &Spanned<i64>, page: &Page) -> Option<i32> {
        let span = year_span(self.data.page_indicators(page));
        let found = i32::try_from(*year.get_ref())
            .ok()
            .filter(|y| span.is_some_and(|(first, last)| (first..=last).contains(y)));
        if found.is_none() {
            let years = span.map_or_else(|| "none".to_owned(), |(a, b)| format!("{a}–{b}"));
            self.problem(
                year,
                format!(
                    "beat {n}, year: {} is outside the years of tab \"{}\" ({years})",
                    year.get_ref(),
                    page.id
                ),
            );
        }
        found
    }

    /// A year range on the tab's years, from an earlier year to a later one.
    fn range(&mut self, n: usize, range: &Spanned<[i64; 2]>, page: &Page) -> Option<(i32, i32)> {
        let [from, to] = *range.get_ref();
        let span = year_span(self.data.page_indicators(page));
        let on_tab = |year: i64| {
            i32::try_from(year)
                .ok()
                .filter(|y| span.is_some_and(|(first, last)| (first..=last).contains(y)))
        };
        let problem = match (on_tab(from), on_tab(to)) {
            (Some(a), Some(b)) if a < b => return Some((a, b)),
            (Some(_), Some(_)) => {
                format!(
                    "beat {n}, range: [{from}, {to}] must run from an earlier year to a later one"
                )
            }
            _ => {
                let years = span.map_or_else(|| "none".to_owned(), |(a, b)| format!("{a}–{b}"));
                format!(
                    "beat {n}, range: [{from}, {to}] is outside the years of tab \"{}\" ({years})",
                    page.id
                )
            }
        };
        self.problem(range, problem);
        None
    }

    /// The annotations a beat shows, by id: which of the dataset's, in its order.
    fn annotations(&mut self, n: usize, ids: &Spanned<Vec<String>>) -> Vec<bool> {
        let all = &self.data.annotations;
        let mut shown = vec![false; all.len()];
        let mut unknown = Vec::new();
        for id in ids.get_ref() {
            match all.iter().position(|a| a.id == *id) {
                Some(index) => shown[index] = true,
                None => unknown.push(sanitize(id)),
            }
        }
        if let Some(id) = unknown.first() {
            let known: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
            let known = if known.is_empty() {
                "the dataset has none".to_owned()
            } else {
                format!("the annotations are {}", known.join(", "))
            };
            let message = format!("beat {n}, annotations: unknown annotation \"{id}\"; {known}");
            self.problem(ids, message);
        }
        shown
    }

    /// One or two lines, each narrow enough for an 80-column screen.
    fn caption(&mut self, n: usize, caption: &Spanned<String>) -> Vec<String> {
        let what = format!("beat {n}, caption");
        if !self.safe(caption, &what, true) {
            return Vec::new();
        }
        let text = normalise(caption.get_ref());
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if lines.len() > 2 {
            self.problem(
                caption,
                format!("{what}: has {} lines; a caption is one or two", lines.len()),
            );
        }
        for (i, line) in lines.iter().enumerate() {
            let width = line.width();
            if width > MAX_CAPTION_WIDTH {
                self.problem(
                    caption,
                    format!(
                        "{what}: line {} is {width} columns wide; at most {MAX_CAPTION_WIDTH} \
                         fit an 80-column screen",
                        i + 1
                    ),
                );
            }
        }
        lines
    }

    /// A duration such as `20 min` or `1 h 15 min`.
    fn duration(&mut self, text: &Spanned<String>) -> Option<Duration> {
        let parsed = parse_duration(text.get_ref());
        match parsed {
            Some(d) if DURATIONS.contains(&d) => Some(d),
            Some(_) => {
                self.problem(text, "duration: a talk lasts from 1 s to 24 h");
                None
            }
            None => {
                self.problem(
                    text,
                    format!(
                        "duration: expected a length of time such as \"20 min\" or \
                         \"1 h 15 min\", found \"{}\"",
                        sanitize(text.get_ref())
                    ),
                );
                None
            }
        }
    }

    /// Whether the text is safe for a terminal; records the first character that is not.
    /// Line breaks are allowed where the text has lines (a caption, notes).
    fn safe(&mut self, text: &Spanned<String>, what: &str, lines: bool) -> bool {
        let unsafe_char = normalise(text.get_ref())
            .chars()
            .filter(|c| !(lines && *c == '\n'))
            .find_map(|c| Some((c, kind(c)?)));
        if let Some((c, kind)) = unsafe_char {
            self.problem(
                text,
                format!(
                    "{what}: contains a {kind} character (U+{:04X})",
                    u32::from(c)
                ),
            );
        }
        unsafe_char.is_none()
    }
}

/// Windows line ends as plain line breaks.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Lower-case letters, digits and `_`, as the dataset's ids are written.
fn looks_like_an_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `20 min`, `1 h 15 min`, `90 s`, `1h15m`: numbers, each with a unit.
fn parse_duration(text: &str) -> Option<Duration> {
    let mut total: u64 = 0;
    let mut rest = text.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let number: u64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let letters = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let seconds = match &rest[..letters] {
            "h" | "hr" | "hour" | "hours" => 3600,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            _ => return None,
        };
        total = total.checked_add(number.checked_mul(seconds)?)?;
        rest = rest[letters..].trim_start();
    }
    Some(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_written() {
        let minutes = |m: u64| Some(Duration::from_secs(m * 60));
        assert_eq!(parse_duration("20 min"), minutes(20));
        assert_eq!(parse_duration(" 1 h 15 min "), minutes(75));
        assert_eq!(parse_duration("1h15m"), minutes(75));
        assert_eq!(parse_duration("2 hours"), minutes(120));
        assert_eq!(parse_duration("90 s"), Some(Duration::from_secs(90)));
        assert_eq!(
            parse_duration("1 minute 30 seconds"),
            Some(Duration::from_secs(90))
        );
        assert_eq!(parse_duration("0 s"), Some(Duration::ZERO));
        for bad in [
            "",
            "  ",
            "20",
            "min",
            "20 mins 5",
            "20 days",
            "-5 min",
            "1.5 h",
            "20 min!",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
        assert_eq!(parse_duration("99999999999999999999 h"), None, "overflow");
        assert_eq!(parse_duration("9999999999999999 h"), None, "overflow");
    }

    #[test]
    fn ids_are_lower_case_words() {
        assert!(looks_like_an_id("gdp_growth"));
        assert!(looks_like_an_id("rd2"));
        assert!(!looks_like_an_id(""));
        assert!(!looks_like_an_id("Real GDP"));
        assert!(!looks_like_an_id("gdp-growth"));
    }
}
