//! What `/proc` says about a running program: CPU time, context switches, peak memory.

use std::fs;

use crate::Result;

/// CPU and wakeup counters of a process, summed over its threads.
#[derive(Clone, Copy)]
pub struct Counters {
    /// `utime + stime` of `/proc/PID/stat`, all threads, in clock ticks (1/100 s on Linux).
    pub ticks: u64,
    /// Nanoseconds on a CPU: the first field of every `/proc/PID/task/*/schedstat`.
    pub sched_ns: u64,
    /// `voluntary_ctxt_switches + nonvoluntary_ctxt_switches` of every thread.
    pub switches: u64,
}

pub fn counters(pid: u32) -> Result<Counters> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The command name, in parentheses, may hold spaces: count fields after its end.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let field = |i: usize| -> Result<u64> {
        Ok(fields
            .get(i)
            .ok_or("short /proc/PID/stat")?
            .parse::<u64>()?)
    };
    // Fields 14 and 15 of proc(5); the first after ')' is field 3.
    let ticks = field(11)? + field(12)?;
    let (mut sched_ns, mut switches) = (0, 0);
    for task in fs::read_dir(format!("/proc/{pid}/task"))? {
        let task = task?.path();
        // A thread that ended since the listing has nothing more to count.
        let (Ok(schedstat), Ok(status)) = (
            fs::read_to_string(task.join("schedstat")),
            fs::read_to_string(task.join("status")),
        ) else {
            continue;
        };
        if let Some(ns) = schedstat.split_whitespace().next() {
            sched_ns += ns.parse::<u64>()?;
        }
        for key in ["voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"] {
            switches += status_value(&status, key)?;
        }
    }
    Ok(Counters {
        ticks,
        sched_ns,
        switches,
    })
}

/// A field of `/proc/PID/status`, such as `VmHWM` in KiB.
pub fn status(pid: u32, key: &str) -> Result<u64> {
    status_value(&fs::read_to_string(format!("/proc/{pid}/status"))?, key)
}

fn status_value(status: &str, key: &str) -> Result<u64> {
    let line = status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .ok_or_else(|| format!("no {key} in /proc status"))?;
    Ok(line
        .split_whitespace()
        .next()
        .ok_or_else(|| format!("empty {key}"))?
        .parse()?)
}

pub fn load_average() -> Result<String> {
    let load = fs::read_to_string("/proc/loadavg")?;
    Ok(load
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" "))
}
