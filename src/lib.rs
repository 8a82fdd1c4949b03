//! shenzhen-dash: a terminal dashboard of a city's economic indicators.
//!
//! - Data: [`data`] (model, embedded asset, validation), [`file`] (reading a user's file) and
//!   [`error`] (what users are told).
//! - Talks: [`talk`] (a file of beats checked against the dataset, and where a talk is).
//! - Interaction: [`action`] (keys → actions), [`app`] (state and its update), [`tui`] (the
//!   terminal and the event loop), [`record`] (a session as an asciicast file).
//! - The command line: [`cli`] (clap's flags, mapped onto the library's own enums) and
//!   [`commands`] (each mode); no other module imports them.
//! - Drawing: [`ui`] (layout, tabs, charts) and [`theme`] (every colour).
//! - Before a talk: [`preflight`] (the test card: size, colours, glyphs, keys).

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod data;
pub mod derive;
pub mod error;
pub mod export;
pub mod file;
pub mod headless;
pub mod preflight;
pub mod presenter;
pub mod record;
pub mod talk;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
