#!/usr/bin/env python3
"""Terminal benchmark: shenzhen-dash against the minimal ratatui baseline, in a real pty.

Python 3 standard library only; Linux only (/proc, pidfd). Normally run through
benches/terminal.sh, which builds both release binaries first. Not part of `cargo test`.

Each program runs on a pseudo-terminal of a fixed size owned by this script, alternately
(A B, B A, A B, ...), after one unrecorded warm-up run of each. Every read() of the pty
master is timestamped as it happens; the bytes are fed, during silences only (so parsing
never delays a timestamp), into a small VT/xterm screen model (cursor moves, SGR, erase,
alternate screen, autowrap, wide characters). Per run:

  first frame   launch (just before fork) -> last byte of the first output burst whose
                screen shows the marker text; a burst ends at --quiet-ms of silence.
                Also launch -> first byte, and the bytes of that frame.
  idle          --idle seconds after the first frame: CPU time (utime+stime from
                /proc/PID/stat, 10 ms ticks, and the nanosecond sum of
                /proc/PID/task/*/schedstat), wakeups/s (voluntary + nonvoluntary context
                switches of every thread, /proc/PID/task/*/status) and bytes written.
  key           `→` (ESC [ C) -> last byte of the redraw burst, --keys times per run. Bytes
                of each redraw, split into printed text, cursor moves and SGR (colours,
                attributes), against the cells that changed on the emulated screen.
  peak memory   VmHWM of /proc/PID/status just before quitting.
  quit          `q` -> process exit (pidfd), and whether the terminal was restored: the
                output after `q` leaves the alternate screen (ESC[?1049l) and shows the
                cursor (ESC[?25h), the emulated screen is back on the main screen with a
                visible cursor, and the tty is back in canonical mode with echo.

Medians over runs, and the ratio shenzhen-dash / baseline of the medians. The machine is
shared: single samples vary; quote medians and ratios.
"""

import argparse
import codecs
import fcntl
import json
import os
import platform
import re
import select
import statistics
import struct
import sys
import termios
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RIGHT = b"\x1b[C"
QUIT = b"q"
LEAVE_ALT = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def now_ns():
    return time.monotonic_ns()


# --------------------------------------------------------------------------------------------
# Screen model


CSI_RE = re.compile(r"\x1b\[([0-?]*)([ -/]*)([@-~])")
OSC_RE = re.compile(r"\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)")
ESC2_RE = re.compile(r"\x1b[()*+][0-~]")
ESC1_RE = re.compile(r"\x1b[0-~]")
TEXT_RE = re.compile(r"[^\x00-\x1f\x7f\x1b]+")

ATTR_ON = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16, 7: 32, 8: 64, 9: 128}
ATTR_OFF = {22: 1 | 2, 23: 4, 24: 8, 25: 16, 27: 32, 28: 64, 29: 128}
DEFAULT_STYLE = (None, None, 0)


def char_width(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    """Enough of an xterm to follow what ratatui and crossterm write."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.main = self._blank()
        self.alt = self._blank()
        self.alt_active = False
        self.x = self.y = 0
        self.pending_wrap = False
        self.cursor_visible = True
        self.saved = (0, 0)
        self.style = DEFAULT_STYLE
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.rest = ""
        self.unknown = {}
        self.bytes = {"text": 0, "move": 0, "sgr": 0, "other": 0}

    def _blank(self):
        return [[(" ", DEFAULT_STYLE)] * self.cols for _ in range(self.rows)]

    @property
    def grid(self):
        return self.alt if self.alt_active else self.main

    def snapshot(self):
        return [list(row) for row in self.grid]

    def text(self):
        return "\n".join("".join(c[0] for c in row) for row in self.grid)

    def contains(self, marker):
        return any(marker in "".join(c[0] for c in row) for row in self.grid)

    def feed(self, data):
        """Interprets bytes; returns whether anything visible changed."""
        before = (self.text_and_styles(), self.alt_active)
        s = self.rest + self.decoder.decode(data)
        self.rest = ""
        i, n = 0, len(s)
        while i < n:
            ch = s[i]
            if ch == "\x1b":
                m = CSI_RE.match(s, i)
                if m:
                    self._csi(m.group(1), m.group(2), m.group(3), len(m.group(0).encode()))
                    i = m.end()
                    continue
                m = OSC_RE.match(s, i) or ESC2_RE.match(s, i)
                if m is None and i + 1 < n and s[i + 1] not in "[]()*+":
                    m = ESC1_RE.match(s, i)
                if m:
                    self._esc(m.group(0))
                    self.bytes["other"] += len(m.group(0).encode())
                    i = m.end()
                    continue
                if self._incomplete(s[i:]):
                    self.rest = s[i:]
                    break
                self.unknown[repr(s[i : i + 2])] = self.unknown.get(repr(s[i : i + 2]), 0) + 1
                self.bytes["other"] += 1
                i += 1
                continue
            m = TEXT_RE.match(s, i)
            if m:
                for c in m.group(0):
                    self._print(c)
                self.bytes["text"] += len(m.group(0).encode())
                i = m.end()
                continue
            self._control(ch)
            self.bytes["other"] += 1
            i += 1
        return (self.text_and_styles(), self.alt_active) != before

    def text_and_styles(self):
        return tuple(tuple(row) for row in self.grid)

    @staticmethod
    def _incomplete(tail):
        if len(tail) == 1:
            return True
        if tail[1] == "[":
            return re.fullmatch(r"\x1b\[[0-?]*[ -/]*", tail) is not None
        if tail[1] == "]":
            return "\x07" not in tail and "\x1b\\" not in tail
        return tail[1] in "()*+" and len(tail) == 2

    def _print(self, c):
        w = char_width(c)
        grid = self.grid
        if w == 0:
            px = max(self.x - 1, 0)
            sym, st = grid[self.y][px]
            grid[self.y][px] = (sym + c, st)
            return
        if self.pending_wrap:
            self.x = 0
            self._linefeed()
            self.pending_wrap = False
        if self.x + w > self.cols:
            self.x = 0
            self._linefeed()
        grid[self.y][self.x] = (c, self.style)
        if w == 2 and self.x + 1 < self.cols:
            grid[self.y][self.x + 1] = ("", self.style)
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.pending_wrap = True
        else:
            self.x += w

    def _linefeed(self):
        if self.y == self.rows - 1:
            grid = self.grid
            del grid[0]
            grid.append([(" ", DEFAULT_STYLE)] * self.cols)
        else:
            self.y += 1

    def _control(self, ch):
        if ch == "\r":
            self.x, self.pending_wrap = 0, False
        elif ch == "\n":
            self._linefeed()
            self.pending_wrap = False
        elif ch == "\b":
            self.x, self.pending_wrap = max(self.x - 1, 0), False
        elif ch == "\t":
            self.x = min((self.x // 8 + 1) * 8, self.cols - 1)

    def _esc(self, seq):
        if seq == "\x1b7":
            self.saved = (self.x, self.y)
        elif seq == "\x1b8":
            self.x, self.y = self.saved

    def _params(self, params, default):
        out = []
        for p in params.split(";") if params else []:
            p = p.split(":")[0]
            out.append(int(p) if p.isdigit() else default)
        return out

    def _csi(self, params, inter, final, nbytes):
        if final == "m" and not inter:
            self.bytes["sgr"] += nbytes
            self._sgr(params)
            return
        if final in "HfABCDGd" and not inter:
            self.bytes["move"] += nbytes
        else:
            self.bytes["other"] += nbytes
        private = params.startswith("?")
        if private or params.startswith(">"):
            nums = self._params(params[1:], 0)
        else:
            nums = self._params(params, 0)
        first = nums[0] if nums else 0
        one = first or 1
        self.pending_wrap = self.pending_wrap and final in "mhl"
        if final in "Hf":
            row = nums[0] if len(nums) > 0 and nums[0] else 1
            col = nums[1] if len(nums) > 1 and nums[1] else 1
            self.y = min(row, self.rows) - 1
            self.x = min(col, self.cols) - 1
        elif final == "A":
            self.y = max(self.y - one, 0)
        elif final == "B":
            self.y = min(self.y + one, self.rows - 1)
        elif final == "C":
            self.x = min(self.x + one, self.cols - 1)
        elif final == "D":
            self.x = max(self.x - one, 0)
        elif final == "G":
            self.x = min(one, self.cols) - 1
        elif final == "d":
            self.y = min(one, self.rows) - 1
        elif final == "J":
            self._erase_display(first)
        elif final == "K":
            self._erase_line(first)
        elif final == "X":
            row = self.grid[self.y]
            for x in range(self.x, min(self.x + one, self.cols)):
                row[x] = (" ", self._erase_style())
        elif final in "hl" and private:
            on = final == "h"
            for mode in nums:
                if mode in (1049, 1047, 47):
                    if on and not self.alt_active:
                        self.saved = (self.x, self.y)
                        self.alt = self._blank()
                        self.alt_active = True
                    elif not on and self.alt_active:
                        self.alt_active = False
                        self.x, self.y = self.saved
                elif mode == 25:
                    self.cursor_visible = on
        elif final == "s":
            self.saved = (self.x, self.y)
        elif final == "u":
            self.x, self.y = self.saved
        elif final in "hlnctrq":
            pass  # modes (mouse, sync update, bracketed paste), reports, DECSTBM: no cells
        else:
            key = "CSI " + params + inter + final
            self.unknown[key] = self.unknown.get(key, 0) + 1

    def _erase_style(self):
        return (None, self.style[1], 0)

    def _erase_line(self, mode):
        row = self.grid[self.y]
        rng = {0: range(self.x, self.cols), 1: range(0, self.x + 1), 2: range(self.cols)}
        for x in rng.get(mode, ()):
            row[x] = (" ", self._erase_style())

    def _erase_display(self, mode):
        if mode in (2, 3):
            rows = range(self.rows)
        elif mode == 1:
            rows = range(self.y)
            self._erase_line(1)
        else:
            rows = range(self.y + 1, self.rows)
            self._erase_line(0)
        for y in rows:
            self.grid[y] = [(" ", self._erase_style())] * self.cols

    def _sgr(self, params):
        fg, bg, attrs = self.style
        nums = [int(p) if p.isdigit() else 0 for p in re.split("[;:]", params)] if params else [0]
        i = 0
        while i < len(nums):
            p = nums[i]
            if p == 0:
                fg, bg, attrs = DEFAULT_STYLE
            elif p in ATTR_ON:
                attrs |= ATTR_ON[p]
            elif p in ATTR_OFF:
                attrs &= ~ATTR_OFF[p]
            elif 30 <= p <= 37 or 90 <= p <= 97:
                fg = str(p)
            elif 40 <= p <= 47 or 100 <= p <= 107:
                bg = str(p)
            elif p == 39:
                fg = None
            elif p == 49:
                bg = None
            elif p in (38, 48, 58):
                if i + 1 < len(nums) and nums[i + 1] == 5:
                    value, i = "5;%d" % nums[i + 2], i + 2
                elif i + 1 < len(nums) and nums[i + 1] == 2:
                    value, i = "2;%d;%d;%d" % tuple(nums[i + 2 : i + 5]), i + 4
                else:
                    value = None
                if p == 38:
                    fg = value
                elif p == 48:
                    bg = value
            i += 1
        self.style = (fg, bg, attrs)


# Attributes a blank cell shows: reverse, underline, blink, crossed out. Its colour and weight
# do not show, since a space has no ink.
SHOWN_ON_BLANK = 32 | 8 | 16 | 128


def look(cell):
    """What a cell looks like: a blank keeps only its background and the attributes it shows."""
    symbol, (fg, bg, attrs) = cell
    if symbol in (" ", None) and not attrs & SHOWN_ON_BLANK:
        return (" ", (None, bg, 0))
    return cell


def diff_cells(before, after):
    """Cells whose look changed, the UTF-8 bytes of their new symbols, and the runs they form."""
    cells = text_bytes = runs = 0
    for row_b, row_a in zip(before, after):
        in_run = False
        for cb, ca in zip(row_b, row_a):
            if look(cb) != look(ca):
                cells += 1
                text_bytes += len(ca[0].encode()) if ca[0] else 0
                if not in_run:
                    runs += 1
                in_run = True
            else:
                in_run = False
    return cells, text_bytes, runs


def move_bytes_for_runs(before, after):
    """Bytes of the shortest absolute cursor move (ESC[row;colH) to the start of each run."""
    total = 0
    for y, (row_b, row_a) in enumerate(zip(before, after)):
        prev_changed = False
        for x, (cb, ca) in enumerate(zip(row_b, row_a)):
            changed = look(cb) != look(ca)
            if changed and not prev_changed:
                total += len("\x1b[%d;%dH" % (y + 1, x + 1))
            prev_changed = changed
    return total


# --------------------------------------------------------------------------------------------
# /proc readers


def proc_cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, all threads


def proc_tasks(pid):
    try:
        return os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return []


def proc_sched_ns(pid):
    total = 0
    for tid in proc_tasks(pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def proc_status(path):
    out = {}
    try:
        with open(path) as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
    except (FileNotFoundError, ProcessLookupError):
        pass
    return out


def proc_switches(pid):
    total = 0
    for tid in proc_tasks(pid):
        st = proc_status("/proc/%d/task/%s/status" % (pid, tid))
        total += int(st.get("voluntary_ctxt_switches", 0))
        total += int(st.get("nonvoluntary_ctxt_switches", 0))
    return total


def proc_kib(pid, key):
    value = proc_status("/proc/%d/status" % pid).get(key, "0 kB")
    return int(value.split()[0])


# --------------------------------------------------------------------------------------------
# One program on one pty


class Session:
    def __init__(self, argv, cols, rows, env):
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen = Screen(cols, rows)
        self.chunks = []  # (t_ns, bytes) read but not yet fed to the screen
        self.log = []  # (t_ns, bytes, changed) of every read, once fed
        self.exited_at = None
        # posix_spawn (vfork + exec, no copy of this process's memory): a new session, then
        # opening the pty makes it the child's controlling terminal, as a terminal emulator does.
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.ttyname(self.slave), os.O_RDWR, 0),
            (os.POSIX_SPAWN_DUP2, 0, 1),
            (os.POSIX_SPAWN_DUP2, 0, 2),
        ]
        self.t0 = now_ns()
        pid = os.posix_spawn(argv[0], argv, env, file_actions=actions, setsid=True)
        self.pid = pid
        self.pidfd = os.pidfd_open(pid)

    def _read_available(self):
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            return False
        if data:
            self.chunks.append((now_ns(), data))
            self._answer_queries(data)
        return bool(data)

    def _answer_queries(self, data):
        # Neither program asks, but a terminal would answer: cursor position, device attributes.
        if b"\x1b[6n" in data:
            os.write(self.master, b"\x1b[%d;%dR" % (self.screen.y + 1, self.screen.x + 1))
        if b"\x1b[c" in data or b"\x1b[0c" in data:
            os.write(self.master, b"\x1b[?62;22c")

    def pump(self, timeout_s):
        """Waits up to timeout_s for output or exit; returns whether anything happened."""
        fds = [self.master] + ([self.pidfd] if self.exited_at is None else [])
        ready, _, _ = select.select(fds, [], [], timeout_s)
        if self.pidfd in ready and self.exited_at is None:
            self.exited_at = now_ns()
        if self.master in ready:
            return self._read_available() or True
        return bool(ready)

    def settle(self):
        """Feeds what was read to the screen model; returns the fed (t, bytes, changed)."""
        fed = []
        for t, data in self.chunks:
            fed.append((t, data, self.screen.feed(data)))
        self.chunks = []
        self.log.extend(fed)
        return fed

    def burst(self, since_ns, quiet_ms, timeout_s, done):
        """Reads until quiet_ms of silence with done(screen, fed) true; returns the burst."""
        deadline = time.monotonic() + timeout_s
        fed = []
        while time.monotonic() < deadline:
            if self.pump(quiet_ms / 1000.0):
                continue
            fed += self.settle()
            if fed and done(self.screen, fed):
                break
            if self.exited_at is not None:
                break
        else:
            fed += self.settle()
            return None
        if not fed:
            return None
        changed = [t for t, _, c in fed if c]
        return {
            "first_byte_ms": (fed[0][0] - since_ns) / 1e6,
            "last_byte_ms": (fed[-1][0] - since_ns) / 1e6,
            "last_change_ms": ((changed[-1] if changed else fed[-1][0]) - since_ns) / 1e6,
            "bytes": sum(len(d) for _, d, _ in fed),
        }

    def idle(self, seconds):
        t_start = now_ns()
        ticks0, ns0, sw0 = proc_cpu_ticks(self.pid), proc_sched_ns(self.pid), proc_switches(self.pid)
        end = time.monotonic() + seconds
        idle_bytes = 0
        while (left := end - time.monotonic()) > 0:
            if self.pump(left):
                idle_bytes += sum(len(d) for _, d in self.chunks)
                self.settle()
        ticks1, ns1, sw1 = proc_cpu_ticks(self.pid), proc_sched_ns(self.pid), proc_switches(self.pid)
        elapsed = (now_ns() - t_start) / 1e9
        return {
            "idle_cpu_ms_ticks": (ticks1 - ticks0) * 1000.0 / CLK_TCK,
            "idle_cpu_ms": (ns1 - ns0) / 1e6,
            "idle_cpu_pct": (ns1 - ns0) / 1e9 / elapsed * 100,
            "idle_wakeups_per_s": (sw1 - sw0) / elapsed,
            "idle_bytes": idle_bytes,
        }

    def tty_cooked(self):
        lflag = termios.tcgetattr(self.slave)[3]
        return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)

    def close(self):
        if self.exited_at is None:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
        try:
            _, status, usage = os.wait4(self.pid, 0)
        except ChildProcessError:
            status, usage = 0, None
        for fd in (self.master, self.slave, self.pidfd):
            os.close(fd)
        return status, usage


def dump(args, prog, cols, rows, label, screen):
    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        path = os.path.join(args.dump, "%s-%dx%d-%s.txt" % (prog["name"], cols, rows, label))
        with open(path, "w") as f:
            f.write("\n".join(line.rstrip() for line in screen.text().split("\n")) + "\n")


def measure(prog, cols, rows, args, env):
    """One run of one program; returns a dict of metrics (or raises RuntimeError)."""
    s = Session(prog["argv"], cols, rows, env)
    r = {}
    try:
        first = s.burst(s.t0, args.quiet_ms, args.timeout, lambda scr, fed: scr.contains(prog["marker"]))
        if first is None or not s.screen.contains(prog["marker"]):
            raise RuntimeError("%s: marker %r not seen at %dx%d:\n%s" % (prog["name"], prog["marker"], cols, rows, s.screen.text()))
        r["launch_first_byte_ms"] = first["first_byte_ms"]
        r["first_frame_ms"] = first["last_byte_ms"]
        r["first_frame_change_ms"] = first["last_change_ms"]
        r["first_frame_bytes"] = first["bytes"]
        r["first_frame_cpu_ms"] = proc_sched_ns(s.pid) / 1e6
        r["raw_mode"] = not s.tty_cooked()
        dump(args, prog, cols, rows, "frame0", s.screen)
        if args.idle > 0:
            r.update(s.idle(args.idle))
        r["keys"] = []
        for _ in range(args.keys):
            before = s.screen.snapshot()
            counts0 = dict(s.screen.bytes)
            cpu0 = proc_sched_ns(s.pid)
            t_key = now_ns()
            os.write(s.master, RIGHT)
            k = s.burst(t_key, args.quiet_ms, args.key_timeout, lambda scr, fed: any(c for _, _, c in fed))
            if k is None:
                raise RuntimeError("%s: no redraw after → at %dx%d" % (prog["name"], cols, rows))
            after = s.screen.snapshot()
            dump(args, prog, cols, rows, "frame%d" % (len(r["keys"]) + 1), s.screen)
            cells, cell_bytes, runs = diff_cells(before, after)
            k.update(
                cpu_ms=(proc_sched_ns(s.pid) - cpu0) / 1e6,
                cells_changed=cells,
                changed_text_bytes=cell_bytes,
                changed_runs=runs,
                min_bytes=cell_bytes + move_bytes_for_runs(before, after),
                **{"%s_bytes" % c: s.screen.bytes[c] - counts0[c] for c in counts0},
            )
            r["keys"].append(k)
        r["peak_rss_kib"] = proc_kib(s.pid, "VmHWM")
        r["rss_kib"] = proc_kib(s.pid, "VmRSS")
        s.settle()
        log_mark = len(s.log)
        t_q = now_ns()
        os.write(s.master, QUIT)
        deadline = time.monotonic() + args.timeout
        while s.exited_at is None and time.monotonic() < deadline:
            s.pump(1.0)
        if s.exited_at is None:
            raise RuntimeError("%s: still running %ss after q" % (prog["name"], args.timeout))
        r["quit_ms"] = (s.exited_at - t_q) / 1e6
        while s.pump(0.05):  # what was written just before exiting
            pass
        s.settle()
        after_q = b"".join(d for _, d, _ in s.log[log_mark:])
        r["restored"] = {
            "left_alt_screen": LEAVE_ALT in after_q,
            "showed_cursor": SHOW_CURSOR in after_q,
            "screen_main_cursor_visible": (not s.screen.alt_active) and s.screen.cursor_visible,
            "tty_cooked": s.tty_cooked(),
        }
        r["unknown_sequences"] = dict(s.screen.unknown)
    finally:
        status, usage = s.close()
    r["exit_status"] = os.waitstatus_to_exitcode(status) if status else 0
    if usage is not None:
        r["total_cpu_ms"] = (usage.ru_utime + usage.ru_stime) * 1000
    return r


def floor_run(cols, rows, args, env):
    """The harness's own launch cost: spawn of /bin/echo to its first byte, and its CPU."""
    s = Session(["/bin/echo", "floor"], cols, rows, env)
    try:
        b = s.burst(s.t0, args.quiet_ms, args.timeout, lambda scr, fed: scr.contains("floor"))
    finally:
        s.close()
    return b["first_byte_ms"] if b else float("nan")


# --------------------------------------------------------------------------------------------
# Report


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


SCALARS = [
    ("launch_first_byte_ms", "launch → first byte (ms)"),
    ("first_frame_ms", "launch → first frame complete (ms)"),
    ("first_frame_bytes", "first frame bytes"),
    ("first_frame_cpu_ms", "CPU from launch to first frame (ms, schedstat)"),
    ("idle_cpu_ms", "idle CPU over window (ms, schedstat)"),
    ("idle_cpu_ms_ticks", "idle CPU over window (ms, stat ticks)"),
    ("idle_wakeups_per_s", "idle wakeups/s"),
    ("idle_bytes", "idle bytes written"),
    ("peak_rss_kib", "peak RSS VmHWM (KiB)"),
    ("quit_ms", "q → exit (ms)"),
    ("total_cpu_ms", "CPU of the whole run (ms, rusage)"),
]
KEYS = [
    ("last_byte_ms", "→ → redraw complete (ms)"),
    ("first_byte_ms", "→ → first byte (ms)"),
    ("cpu_ms", "CPU per redraw (ms, schedstat)"),
    ("bytes", "bytes per redraw"),
    ("cells_changed", "cells changed on screen"),
    ("min_bytes", "minimum bytes (changed text + one move per run)"),
    ("text_bytes", "  of which printed text bytes"),
    ("changed_text_bytes", "  text bytes of the changed cells"),
    ("move_bytes", "  cursor-move bytes"),
    ("sgr_bytes", "  SGR (colour/attribute) bytes"),
    ("other_bytes", "  other bytes (modes, sync)"),
]


def paired(results, names, get):
    """Median of the per-run ratios A/B (runs were interleaved, so neighbours share the load)."""
    a, b = names
    ratios = []
    for ra, rb in zip(results[a], results[b]):
        va, vb = get(ra), get(rb)
        if va is not None and vb:
            ratios.append(va / vb)
    return med(ratios)


def summarize(results, names):
    """{metric: {name: median}} for one size."""
    out = {}
    for key, _ in SCALARS:
        out[key] = {n: med([r.get(key) for r in results[n]]) for n in names}
    for key, _ in KEYS:
        out["key." + key] = {n: med([k[key] for r in results[n] for k in r["keys"]]) for n in names}
    return out


def fmt(v):
    if isinstance(v, float) and v != v:
        return "n/a"
    if isinstance(v, float) and abs(v) < 100 and v != int(v):
        return "%.2f" % v
    return "%d" % round(v)


def report(size, results, names, floor):
    a, b = names
    summary = summarize(results, names)
    lines = ["", "## %s — %d runs each, medians" % (size, len(results[a])), ""]
    lines.append("| metric | %s | %s | ratio of medians | median of paired ratios |" % (a, b))
    lines.append("|---|---:|---:|---:|---:|")
    summary["paired"] = {}
    for key, label in SCALARS + [("key." + k, l) for k, l in KEYS]:
        va, vb = summary[key][a], summary[key][b]
        ratio = "%.2f×" % (va / vb) if vb and vb == vb and va == va else "–"
        if key.startswith("key."):
            get = lambda r, k=key[4:]: med([x[k] for x in r["keys"]])  # noqa: E731
        else:
            get = lambda r, k=key: r.get(k)  # noqa: E731
        pr = paired(results, names, get)
        summary["paired"][key] = pr
        lines.append("| %s | %s | %s | %s | %s |" % (
            label, fmt(va), fmt(vb), ratio, "%.2f×" % pr if pr == pr else "–"))
    lines.append("| harness floor: spawn → first byte of /bin/echo (ms) | %s | | | |" % fmt(med(floor)))
    for n in names:
        restored = all(all(r["restored"].values()) and r["exit_status"] == 0 for r in results[n])
        unknown = {}
        for r in results[n]:
            for k, v in r["unknown_sequences"].items():
                unknown[k] = unknown.get(k, 0) + v
        lines.append("")
        lines.append("%s: terminal restored and exit 0 in every run: %s%s" % (
            n, "yes" if restored else "NO " + json.dumps([r["restored"] for r in results[n]]),
            "; sequences the screen model skipped: %s" % unknown if unknown else ""))
        per_key = {}
        for r in results[n]:
            for i, k in enumerate(r["keys"]):
                per_key.setdefault(i, []).append(k)
        lines.append("%s per → press (median over runs):\n  %s" % (n, "\n  ".join(
            "#%d %s ms, CPU %s ms, %s B, %s cells" % (
                i + 1, fmt(med([k["last_byte_ms"] for k in ks])), fmt(med([k["cpu_ms"] for k in ks])),
                fmt(med([k["bytes"] for k in ks])), fmt(med([k["cells_changed"] for k in ks])))
            for i, ks in sorted(per_key.items()))))
    return "\n".join(lines), summary


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dash", default=os.path.join(ROOT, "target/release/shenzhen-dash"))
    p.add_argument("--baseline", default=os.path.join(ROOT, "target/release/examples/baseline"))
    p.add_argument("--dash-marker", default="q quit", help="text on the last row of shenzhen-dash's first frame")
    p.add_argument("--baseline-marker", default="per year", help="text in the baseline's first frame")
    p.add_argument("--sizes", default="80x24,120x40")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--keys", type=int, default=9,
                   help="→ presses per run (9 with 6 tabs: 5 first visits, then 4 revisits)")
    p.add_argument("--idle", type=float, default=5.0, help="idle window in seconds (0: skip)")
    p.add_argument("--quiet-ms", type=float, default=200.0, help="silence that ends a burst of output")
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--key-timeout", type=float, default=3.0)
    p.add_argument("--json", help="write every run's raw figures to this file")
    p.add_argument("--dump", help="write the emulated screen after each frame to this folder")
    args = p.parse_args()

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    progs = [
        {"name": "shenzhen-dash", "argv": [args.dash], "marker": args.dash_marker},
        {"name": "baseline", "argv": [args.baseline], "marker": args.baseline_marker},
    ]
    for prog in progs:
        if not os.access(prog["argv"][0], os.X_OK):
            sys.exit("terminal.py: %s not found; run benches/terminal.sh (it builds it)" % prog["argv"][0])
    names = [prog["name"] for prog in progs]
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    header = "# Terminal benchmark — %s, %s, %d cores, load %s, %s" % (
        time.strftime("%Y-%m-%d %H:%M"), platform.platform(), os.cpu_count(), " ".join(load),
        "runs %d, %d → per run, idle %g s, quiet %g ms" % (args.runs, args.keys, args.idle, args.quiet_ms))
    print(header, flush=True)
    everything = {"args": vars(args), "sizes": {}}
    for size in args.sizes.split(","):
        cols, rows = (int(v) for v in size.split("x"))
        results = {n: [] for n in names}
        floor = []
        for _ in range(args.warmup):
            for prog in progs:
                measure(prog, cols, rows, argparse.Namespace(**{**vars(args), "idle": 0}), env)
        for run in range(args.runs):
            order = progs if run % 2 == 0 else progs[::-1]
            for prog in order:
                results[prog["name"]].append(measure(prog, cols, rows, args, env))
                print(".", end="", file=sys.stderr, flush=True)
            floor.append(floor_run(cols, rows, args, env))
        print(file=sys.stderr)
        text, summary = report(size, results, names, floor)
        with open("/proc/loadavg") as f:
            text += "\nload average after %s: %s" % (size, " ".join(f.read().split()[:3]))
        print(text, flush=True)
        everything["sizes"][size] = {"runs": results, "floor_ms": floor, "medians": summary}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(everything, f, indent=1)


if __name__ == "__main__":
    main()
