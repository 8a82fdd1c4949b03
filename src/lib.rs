//! shenzhen-dash: a terminal dashboard of a city's economic indicators.
//!
//! - Data: [`data`] (model, embedded asset, validation) and [`error`] (what users are told).
//! - Interaction: [`action`] (keys → actions), [`app`] (state and its update), [`tui`] (the
//!   terminal and the event loop).
//! - Drawing: [`ui`] (layout, tabs, charts) and [`theme`] (every colour).

pub mod data;
pub mod error;
