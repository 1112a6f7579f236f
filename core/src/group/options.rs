//! The options of a group report (anonymity minimum, gap threshold),
//! checked here for every front end.

use serde::{Deserialize, Serialize};

/// How [`aggregate`] treats a group: the anonymity minimum and the gap
/// threshold. In JSON either field may be left out (defaults 3 and 25).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroupOptions {
    /// Fewer respondents than this: no distribution or subgroup figures (anonymity).
    pub min_group_size: usize,
    /// A difference in mean favourability between subgroups from which it is a risk signal.
    pub gap_threshold: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            min_group_size: 3,
            gap_threshold: 25.0,
        }
    }
}

impl GroupOptions {
    /// Options from values people give (a CLI flag, a JS option): `None`
    /// keeps the default (3 respondents; 25 points on the 0–100 index).
    ///
    /// # Errors
    ///
    /// [`OptionError::MinGroupSize`] unless the minimum is a whole number
    /// from 1 (to 10⁹); [`OptionError::GapThreshold`] unless the threshold
    /// is a number from 0 to 100.
    pub fn checked(
        min_group_size: Option<f64>,
        gap_threshold: Option<f64>,
    ) -> Result<GroupOptions, OptionError> {
        let mut options = GroupOptions::default();
        if let Some(n) = min_group_size {
            if !(n >= 1.0 && n.fract() == 0.0 && n <= 1e9) {
                return Err(OptionError::MinGroupSize);
            }
            options.min_group_size = n as usize;
        }
        if let Some(x) = gap_threshold {
            if !(0.0..=100.0).contains(&x) {
                return Err(OptionError::GapThreshold);
            }
            options.gap_threshold = x;
        }
        Ok(options)
    }
}

/// A group option out of its range (see [`GroupOptions::checked`]). Its
/// `Display` says what is expected, in English, without the option's name
/// (each front end names it as its users write it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// The anonymity minimum is not a whole number of at least 1.
    MinGroupSize,
    /// The gap threshold is not a number from 0 to 100.
    GapThreshold,
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OptionError::MinGroupSize => "must be a whole number of at least 1",
            OptionError::GapThreshold => "must be a number from 0 to 100",
        })
    }
}

impl std::error::Error for OptionError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_people_give_are_checked_here_for_every_front_end() {
        assert_eq!(
            GroupOptions::checked(None, None),
            Ok(GroupOptions::default())
        );
        let options = GroupOptions::checked(Some(5.0), Some(0.0)).unwrap();
        assert_eq!((options.min_group_size, options.gap_threshold), (5, 0.0));
        for bad in [0.0, -1.0, 2.5, f64::NAN, f64::INFINITY, 1e10] {
            assert_eq!(
                GroupOptions::checked(Some(bad), None),
                Err(OptionError::MinGroupSize),
                "{bad}"
            );
        }
        for bad in [-0.1, 100.5, f64::NAN] {
            assert_eq!(
                GroupOptions::checked(None, Some(bad)),
                Err(OptionError::GapThreshold),
                "{bad}"
            );
        }
        assert_eq!(
            OptionError::GapThreshold.to_string(),
            "must be a number from 0 to 100"
        );
    }
}
