//! The console's clock: the time since the first beat as `m:ss`, and with a planned duration
//! the time left, which turns to a warning in the last tenth of the talk and counts on past
//! zero as time over. Whole seconds, cut (not rounded), so that the two always add up to the
//! planned duration.

use std::time::Duration;

/// `m:ss`: minutes without a limit (`75:03`), seconds cut to whole ones.
pub fn minutes(time: Duration) -> String {
    let seconds = time.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The time left of a planned duration, as the console shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// `12:34 left`, or past the end `-0:12 over`.
    pub text: String,
    /// In the last tenth of the planned time, or past it: drawn in the warning colour.
    pub warning: bool,
}

/// How much of `planned` is left after `elapsed`.
pub fn left(planned: Duration, elapsed: Duration) -> Left {
    let (planned_s, elapsed_s) = (planned.as_secs(), elapsed.as_secs());
    let text = match planned_s.checked_sub(elapsed_s) {
        Some(left) => format!("{} left", minutes(Duration::from_secs(left))),
        None => format!(
            "-{} over",
            minutes(Duration::from_secs(elapsed_s - planned_s))
        ),
    };
    // The last 10 %: elapsed ≥ 90 % of planned, in milliseconds, without rounding.
    let warning = elapsed.as_millis() * 10 >= planned.as_millis() * 9;
    Left { text, warning }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn elapsed_time_reads_as_minutes_and_seconds() {
        assert_eq!(minutes(Duration::ZERO), "0:00");
        assert_eq!(minutes(Duration::from_millis(999)), "0:00");
        assert_eq!(minutes(secs(9)), "0:09");
        assert_eq!(minutes(secs(59)), "0:59");
        assert_eq!(minutes(secs(60)), "1:00");
        assert_eq!(minutes(Duration::from_millis(125_999)), "2:05");
        assert_eq!(minutes(secs(75 * 60 + 3)), "75:03");
    }

    #[test]
    fn time_left_counts_down_to_zero_then_counts_time_over() {
        let planned = secs(15 * 60);
        assert_eq!(left(planned, Duration::ZERO).text, "15:00 left");
        assert_eq!(
            left(planned, Duration::from_millis(61_500)).text,
            "13:59 left"
        );
        assert_eq!(left(planned, planned).text, "0:00 left");
        assert_eq!(
            left(planned, planned + Duration::from_millis(999)).text,
            "0:00 left"
        );
        assert_eq!(left(planned, planned + secs(12)).text, "-0:12 over");
        assert_eq!(left(planned, planned + secs(125)).text, "-2:05 over");
    }

    #[test]
    fn the_warning_comes_with_the_last_tenth_and_stays_after_the_end() {
        let planned = secs(10 * 60);
        // 9:00 of 10:00 is the first moment of the last tenth.
        assert!(!left(planned, Duration::from_millis(539_999)).warning);
        assert!(left(planned, secs(540)).warning);
        assert!(left(planned, secs(600)).warning);
        assert!(left(planned, secs(3600)).warning);
        assert!(!left(planned, Duration::ZERO).warning);
        // Short talks too: 90 % of 10 s is 9 s.
        assert!(!left(secs(10), Duration::from_millis(8_999)).warning);
        assert!(left(secs(10), secs(9)).warning);
    }
}
