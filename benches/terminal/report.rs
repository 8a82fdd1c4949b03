//! Medians, ratios to the baseline, and the budgets of issue 10, as a Markdown table.

use std::collections::BTreeMap;
use std::fmt;

use crate::session::{Idle, Key, Options, Program, Run};

/// First frame and key-to-redraw: at most this times the baseline's median.
const TIME_RATIO: f64 = 1.5;
const PEAK_MIB: f64 = 15.0;

pub struct Table {
    names: [&'static str; 2],
    rows: Vec<[String; 5]>,
    notes: Vec<String>,
    all_met: bool,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.retain(|v| !v.is_nan());
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        f64::midpoint(values[mid - 1], values[mid])
    }
}

fn ms(value: f64) -> String {
    if value.is_nan() {
        "–".into()
    } else {
        format!("{value:.2}")
    }
}

fn whole(value: f64) -> String {
    if value.is_nan() {
        "–".into()
    } else {
        format!("{value:.0}")
    }
}

fn ratio(a: f64, b: f64) -> String {
    if a.is_nan() || b.is_nan() || b == 0.0 {
        String::new()
    } else {
        format!("{:.2}×", a / b)
    }
}

/// One figure of each run.
fn per_run(runs: &[Run], get: impl Fn(&Run) -> f64) -> Vec<f64> {
    runs.iter().map(get).collect()
}

/// One figure of each `→` press of each run.
fn per_key(runs: &[Run], get: impl Fn(&Key) -> f64) -> Vec<f64> {
    runs.iter()
        .flat_map(|run| run.keys.iter().map(&get))
        .collect()
}

fn verdict(met: bool) -> &'static str {
    if met { "yes" } else { "**NO**" }
}

impl Table {
    pub fn new(
        programs: &[Program; 2],
        runs: &[Vec<Run>; 2],
        floor: &[f64],
        options: &Options,
    ) -> Self {
        let mut table = Self {
            names: [programs[0].name, programs[1].name],
            rows: Vec::new(),
            notes: Vec::new(),
            all_met: true,
        };
        let [dash, baseline] = runs;

        table.time(
            "launch → first byte (ms)",
            &per_run(dash, |r| r.first_byte_ms),
            &per_run(baseline, |r| r.first_byte_ms),
            None,
        );
        table.time(
            "launch → first frame (ms)",
            &per_run(dash, |r| r.first_frame_ms),
            &per_run(baseline, |r| r.first_frame_ms),
            Some(TIME_RATIO),
        );
        table.counts(
            "first frame, bytes",
            &per_run(dash, |r| r.first_frame_bytes as f64),
            &per_run(baseline, |r| r.first_frame_bytes as f64),
            String::new(),
        );
        if options.keys > 0 {
            table.keys(runs);
        }
        if !options.idle.is_zero() {
            table.idle(runs);
        }

        let peak = |runs: &[Run]| per_run(runs, |r| r.peak_kib as f64 / 1024.0);
        let worst_peak = peak(dash).into_iter().fold(0.0, f64::max);
        let met = worst_peak < PEAK_MIB;
        table.all_met &= met;
        table.row(
            "peak memory, VmHWM (MiB)",
            format!("{:.1}", median(peak(dash))),
            format!("{:.1}", median(peak(baseline))),
            ratio(median(peak(dash)), median(peak(baseline))),
            format!("< {PEAK_MIB} MiB in every run: {}", verdict(met)),
        );

        table.time(
            "`q` → exit (ms)",
            &per_run(dash, |r| r.exit.ms),
            &per_run(baseline, |r| r.exit.ms),
            None,
        );
        let clean = |runs: &[Run]| runs.iter().filter(|r| r.exit.clean()).count();
        let met = clean(dash) == dash.len();
        table.all_met &= met;
        table.row(
            "clean exit: status 0, alternate screen left, cursor shown, tty cooked",
            format!("{}/{}", clean(dash), dash.len()),
            format!("{}/{}", clean(baseline), baseline.len()),
            String::new(),
            format!("every run: {}", verdict(met)),
        );
        table.row(
            "harness floor: launch → first byte of /bin/echo (ms)",
            ms(median(floor.to_vec())),
            String::new(),
            String::new(),
            String::new(),
        );

        for (program, runs) in programs.iter().zip(runs) {
            table.explain(program.name, runs);
        }
        table
    }

    pub fn all_met(&self) -> bool {
        self.all_met
    }

    fn row(&mut self, label: &str, a: String, b: String, ratio: String, budget: String) {
        self.rows.push([label.into(), a, b, ratio, budget]);
    }

    /// A time: medians, the ratio of the medians (the budget's), and in brackets the median
    /// of the paired ratios (run i of one program against run i of the other, which ran next
    /// to it and saw about the same load).
    fn time_row(&mut self, label: &str, a: f64, b: f64, paired: f64, budget: Option<f64>) {
        let mut ratio = ratio(a, b);
        if !ratio.is_empty() && !paired.is_nan() {
            ratio = format!("{ratio} ({paired:.2}×)");
        }
        let budget = budget.map_or_else(String::new, |limit| {
            let met = a / b <= limit;
            self.all_met &= met;
            format!("≤ {limit}×: {}", verdict(met))
        });
        self.row(label, ms(a), ms(b), ratio, budget);
    }

    fn time(&mut self, label: &str, a: &[f64], b: &[f64], budget: Option<f64>) {
        let paired = median(a.iter().zip(b).map(|(a, b)| a / b).collect());
        self.time_row(
            label,
            median(a.to_vec()),
            median(b.to_vec()),
            paired,
            budget,
        );
    }

    fn counts(&mut self, label: &str, a: &[f64], b: &[f64], budget: String) {
        let (a, b) = (median(a.to_vec()), median(b.to_vec()));
        let ratio = ratio(a, b);
        self.row(label, whole(a), whole(b), ratio, budget);
    }

    fn keys(&mut self, runs: &[Vec<Run>; 2]) {
        let [dash, baseline] = runs;
        // Every press of every run for the medians; each run's median for the pairs.
        let run_median = |r: &Run| median(r.keys.iter().map(|k| k.ms).collect());
        let paired = median(
            per_run(dash, run_median)
                .iter()
                .zip(per_run(baseline, run_median))
                .map(|(a, b)| a / b)
                .collect(),
        );
        self.time_row(
            "`→` → next tab drawn (ms)",
            median(per_key(dash, |k| k.ms)),
            median(per_key(baseline, |k| k.ms)),
            paired,
            Some(TIME_RATIO),
        );

        // Bytes are compared switch by switch, without the synchronized-update markers: issue
        // 10 asks for them, and ratatui's Terminal leaves them to the application.
        let switches: Vec<_> = dash.iter().flat_map(|r| &r.keys).collect();
        let within = switches
            .iter()
            .filter(|k| k.bytes - k.sync_bytes <= k.reference.bytes)
            .count();
        let met = within == switches.len();
        self.all_met &= met;
        self.counts(
            "bytes per tab switch",
            &per_key(dash, |k| k.bytes as f64),
            &per_key(baseline, |k| k.bytes as f64),
            format!(
                "≤ CrosstermBackend's (markers aside), {within}/{} switches: {}",
                switches.len(),
                verdict(met)
            ),
        );
        self.counts(
            "· of which synchronized-update markers",
            &per_key(dash, |k| k.sync_bytes as f64),
            &per_key(baseline, |k| k.sync_bytes as f64),
            String::new(),
        );
        self.counts(
            "· ratatui `Terminal` + `CrosstermBackend`, same change",
            &per_key(dash, |k| k.reference.bytes as f64),
            &per_key(baseline, |k| k.reference.bytes as f64),
            String::new(),
        );
        self.counts(
            "cells changed per tab switch (ratatui's diff)",
            &per_key(dash, |k| k.reference.cells as f64),
            &per_key(baseline, |k| k.reference.cells as f64),
            String::new(),
        );
    }

    fn idle(&mut self, runs: &[Vec<Run>; 2]) {
        let worst = |runs: &[Run], get: &dyn Fn(&Idle) -> u64| {
            runs.iter()
                .filter_map(|r| r.idle.as_ref())
                .map(get)
                .max()
                .unwrap_or(0)
        };
        let seconds = median(
            runs[0]
                .iter()
                .filter_map(|r| r.idle.as_ref().map(|idle| idle.seconds))
                .collect(),
        );
        let [dash, baseline] = runs;
        let cpu = |runs: &[Run]| {
            format!(
                "{} ns, {} ticks",
                worst(runs, &|i| i.sched_ns),
                worst(runs, &|i| i.ticks)
            )
        };
        let met = worst(dash, &|i| i.sched_ns) == 0 && worst(dash, &|i| i.ticks) == 0;
        self.all_met &= met;
        self.row(
            &format!("idle CPU over {seconds:.1} s (worst run)"),
            cpu(dash),
            cpu(baseline),
            String::new(),
            format!("zero: {}", verdict(met)),
        );
        let met = worst(dash, &|i| i.switches) == 0;
        self.all_met &= met;
        self.row(
            "idle wakeups (context switches, worst run)",
            worst(dash, &|i| i.switches).to_string(),
            worst(baseline, &|i| i.switches).to_string(),
            String::new(),
            format!("zero: {}", verdict(met)),
        );
        self.row(
            "idle bytes written (worst run)",
            worst(dash, &|i| i.bytes as u64).to_string(),
            worst(baseline, &|i| i.bytes as u64).to_string(),
            String::new(),
            String::new(),
        );
    }

    /// Notes on what the table cannot show: failed exit checks, skipped sequences.
    fn explain(&mut self, name: &str, runs: &[Run]) {
        for (i, run) in runs.iter().enumerate() {
            let exit = &run.exit;
            if !exit.clean() {
                self.notes.push(format!(
                    "{name}, run {}: exit code {:?}, alternate screen left {}, cursor shown {}, \
                     emulated screen restored {}, tty cooked {}",
                    i + 1,
                    exit.code,
                    exit.left_alternate_screen,
                    exit.showed_cursor,
                    exit.screen_restored,
                    exit.cooked
                ));
            }
        }
        let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
        for run in runs {
            for (sequence, n) in &run.skipped {
                *skipped.entry(sequence).or_default() += n;
            }
        }
        if !skipped.is_empty() {
            let list: Vec<String> = skipped
                .iter()
                .map(|(sequence, n)| format!("`{sequence}` ×{n}"))
                .collect();
            self.notes.push(format!(
                "{name}: sequences the vt100 parser skipped, over all runs: {}",
                list.join(", ")
            ));
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b] = self.names;
        writeln!(f, "| metric | {a} | {b} | ratio (paired) | budget |")?;
        writeln!(f, "|---|---:|---:|---:|---|")?;
        for [label, a, b, ratio, budget] in &self.rows {
            writeln!(f, "| {label} | {a} | {b} | {ratio} | {budget} |")?;
        }
        for note in &self.notes {
            writeln!(f, "\n{note}")?;
        }
        Ok(())
    }
}
