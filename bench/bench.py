#!/usr/bin/env python3
"""The measurements of bench/run.sh (run that, not this: it installs the reference first).

Every measurement runs on copies of the project in a temporary folder, brief and the stock
typst CLI interleaved run by run, and reports medians. See BENCHMARKS.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIRS = ["data", "templates", "fonts", "schema"]
PROJECT_FILES = ["theme.yaml"]  # the stock CLI reads it: typst cannot ask whether a file exists
DOCS = ["briefing", "slides"]
ACH = "data/2022-achievements.yaml"
EDIT_FROM = "value: 14.3"  # new_market_entities.yoy: in the text of both documents

TARGETS = {
    "ratio": 0.6,  # cold build, brief / typst
    "noop_ms": 10.0,
    "warm_ms": 50.0,
    "rss_mb": 120.0,
}

watchers = []  # Popen objects, killed on exit
pids_path = None  # where run.sh finds them if this process dies first


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def now():
    return time.perf_counter()


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# ───────────────────────────── machine ─────────────────────────────


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def cpu_busy(seconds=1.0):
    """Share of all CPUs busy over `seconds` (this process sleeps meanwhile)."""

    def sample():
        with open("/proc/stat") as f:
            vals = [int(v) for v in f.readline().split()[1:]]
        idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
        return sum(vals), idle

    try:
        t0, i0 = sample()
        time.sleep(seconds)
        t1, i1 = sample()
        return 1.0 - (i1 - i0) / max(1, t1 - t0)
    except OSError:
        return float("nan")


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        return f"unknown ({e})"


# ───────────────────────────── projects ─────────────────────────────


def copy_project(repo, dst):
    os.makedirs(dst)
    for d in PROJECT_DIRS:
        src = os.path.join(repo, d)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dst, d))
    for f in PROJECT_FILES:
        if os.path.isfile(os.path.join(repo, f)):
            shutil.copy(os.path.join(repo, f), os.path.join(dst, f))
    return dst


def scaled_project(base, dst, n):
    copy_project(base, dst)
    subprocess.run(
        [sys.executable, os.path.join(HERE, "scale.py"), str(n), os.path.join(base, ACH), os.path.join(dst, ACH)],
        check=True,
    )
    return dst


# ───────────────────────────── commands ─────────────────────────────


class Tools:
    def __init__(self, brief, typst):
        self.brief = brief
        self.typst = typst

    def brief_build(self, project, *extra):
        return [self.brief, "build", "--project", project, *extra]

    def typst_compile(self, project, doc, out):
        return [
            self.typst, "compile", "--root", project,
            "--font-path", os.path.join(project, "fonts"), "--ignore-system-fonts",
            os.path.join(project, "templates", f"{doc}.typ"), out,
        ]

    def typst_watch(self, project, doc, out):
        cmd = self.typst_compile(project, doc, out)
        cmd[1] = "watch"
        return cmd


def run_timed(cmd, expect=None, rss=False, code=0):
    """Runs cmd, which must exit with `code`; returns (seconds, stderr text, rss_kb or None, cpu
    seconds or None)."""
    rss_file = None
    if rss:
        rss_file = f"/tmp/.brief-bench-time.{os.getpid()}"
        cmd = ["/usr/bin/time", "-v", "-o", rss_file] + cmd
    t0 = now()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = now() - t0
    if p.returncode != code:
        log(f"FAILED ({p.returncode}, not {code}): {' '.join(cmd)}\n{p.stdout}\n{p.stderr[-3000:]}")
        raise SystemExit(1)
    if expect and not re.search(expect, p.stderr):
        log(f"unexpected output of {' '.join(cmd)}:\n{p.stderr}")
        raise SystemExit(1)
    kb = cpu = None
    if rss_file:
        with open(rss_file) as f:
            report = f.read()
        os.unlink(rss_file)
        kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))
        cpu = user + system
    return dt, p.stderr, kb, cpu


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    with open(path, "rb") as f:
        data = f.read()
    counts = [int(c) for c in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    return max(counts) if counts else None


def brief_pages(stderr):
    pages = {d: int(n) for d, n in re.findall(r"(\w+) \((\d+) pages\)", stderr)}
    return tuple(pages.get(d) for d in DOCS)


# ───────────────────────────── 1, 2, 4: cold, no-op, memory ─────────────────────────────


def bench_cold(tools, project, tout, runs):
    log(f"cold build: {runs} interleaved runs (+1 warm-up each)")
    res = {"brief": [], "typst_briefing": [], "typst_slides": [], "typst": []}

    def brief_once():
        dt, err, _, _ = run_timed(tools.brief_build(project, "--force"), expect=r"built briefing")
        return dt, err

    def typst_once():
        d = {}
        for doc in DOCS:
            d[doc], _, _, _ = run_timed(tools.typst_compile(project, doc, os.path.join(tout, f"{doc}.pdf")))
        return d

    _, err = brief_once()
    res["pages_brief"] = brief_pages(err)
    typst_once()
    res["pages_typst"] = tuple(pdf_pages(os.path.join(tout, f"{d}.pdf")) for d in DOCS)
    for i in range(runs):
        order = [brief_once, typst_once] if i % 2 == 0 else [typst_once, brief_once]
        for f in order:
            r = f()
            if f is brief_once:
                res["brief"].append(r[0])
            else:
                res["typst_briefing"].append(r["briefing"])
                res["typst_slides"].append(r["slides"])
                res["typst"].append(r["briefing"] + r["slides"])
    return res


def bench_noop(tools, project, runs):
    log(f"no-op: {runs} runs")
    run_timed(tools.brief_build(project))  # make sure it is up to date
    times = []
    internal = []
    for _ in range(runs):
        dt, err, _, _ = run_timed(tools.brief_build(project), expect=r"up to date")
        times.append(dt)
        m = re.search(r"up to date \((\d+) ms\)", err)
        if m:
            internal.append(int(m.group(1)))
    _, _, kb, _ = run_timed(tools.brief_build(project), expect=r"up to date", rss=True)
    return {"brief": times, "internal_ms": internal, "rss_kb": kb}


def bench_memory(tools, project, tout, runs):
    log(f"peak memory: {runs} interleaved runs under /usr/bin/time -v")
    res = {"brief": [], "brief_cpu": [], "brief_wall": [], "typst_briefing": [], "typst_slides": [],
           "typst_cpu": [], "typst_wall": []}
    for i in range(runs):
        steps = ["brief", "typst"] if i % 2 == 0 else ["typst", "brief"]
        for s in steps:
            if s == "brief":
                dt, _, kb, cpu = run_timed(tools.brief_build(project, "--force"), expect=r"built briefing", rss=True)
                res["brief"].append(kb)
                res["brief_cpu"].append(cpu)
                res["brief_wall"].append(dt)
            else:
                cpu_sum = wall = 0.0
                for doc in DOCS:
                    dt, _, kb, cpu = run_timed(
                        tools.typst_compile(project, doc, os.path.join(tout, f"{doc}.pdf")), rss=True)
                    res[f"typst_{doc}"].append(kb)
                    cpu_sum += cpu
                    wall += dt
                res["typst_cpu"].append(cpu_sum)
                res["typst_wall"].append(wall)
    return res


# ───────────────────────────── 3: warm rebuild in watch mode ─────────────────────────────


def stamp(path):
    try:
        st = os.stat(path)
        return (st.st_ino, st.st_mtime_ns, st.st_size)
    except FileNotFoundError:
        return None


def complete_pdf(path):
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            if size < 16:
                return False
            f.seek(max(0, size - 1024))
            return b"%%EOF" in f.read()
    except OSError:
        return False


def start(cmd, log_path, pids_file):
    global pids_path
    pids_path = pids_file
    f = open(log_path, "w")
    p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         start_new_session=True)
    watchers.append(p)
    with open(pids_file, "a") as pf:
        pf.write(f"{p.pid}\n")
    return p


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


class Watched:
    """One watching setup: brief watch (one process, both PDFs) or typst watch (two)."""

    def __init__(self, name, project, pdfs, procs, log_paths, rebuilt_re):
        self.name = name
        self.project = project
        self.pdfs = pdfs
        self.procs = procs
        self.logs = log_paths
        self.rebuilt_re = rebuilt_re
        self.e2e = []
        self.internal = []
        self.original = read(os.path.join(project, ACH))
        if EDIT_FROM not in self.original:
            raise SystemExit(f"bench: `{EDIT_FROM}` not found in {ACH}; update EDIT_FROM in bench/bench.py")

    def alive(self):
        for p in self.procs:
            if p.poll() is not None:
                raise SystemExit(f"bench: {self.name} exited with {p.returncode}:\n" + "".join(read(l)[-3000:] for l in self.logs))

    def rebuilt_times(self):
        """Per log, the compile times (ms) the tool printed so far."""
        out = []
        for log_path in self.logs:
            times = []
            for value, unit in re.findall(self.rebuilt_re, read(log_path)):
                times.append(float(value) * {"s": 1000.0, "ms": 1.0, "µs": 0.001}.get(unit, 1.0))
            out.append(times)
        return out

    def rebuilt_count(self):
        return min(len(t) for t in self.rebuilt_times())

    def wait_ready(self, timeout=120):
        t_end = now() + timeout
        while now() < t_end:
            self.alive()
            if all(complete_pdf(p) for p in self.pdfs) and self.rebuilt_count() >= 1:
                time.sleep(0.5)
                return
            time.sleep(0.05)
        raise SystemExit(f"bench: {self.name} did not produce its first PDFs in {timeout} s")

    def edit(self, value, record=True):
        before = [stamp(p) for p in self.pdfs]
        count = self.rebuilt_count()
        text = self.original.replace(EDIT_FROM, f"value: {value}", 1)
        path = os.path.join(self.project, ACH)
        t0 = now()
        with open(path, "w", encoding="utf-8") as f:  # in place, as most editors save
            f.write(text)
        done = [False] * len(self.pdfs)
        t_end = t0 + 30
        while not all(done):
            for i, p in enumerate(self.pdfs):
                if not done[i]:
                    s = stamp(p)
                    done[i] = s is not None and s != before[i] and complete_pdf(p)
            if now() > t_end:
                self.alive()
                raise SystemExit(f"bench: {self.name} did not rewrite both PDFs within 30 s")
            time.sleep(0.001)
        dt = now() - t0
        internal = None
        t_end = now() + 10
        while self.rebuilt_count() <= count and now() < t_end:
            time.sleep(0.005)
        times = self.rebuilt_times()
        if all(len(t) > count for t in times):
            internal = max(t[-1] for t in times)  # the processes run at the same time
        # Quiet time before the next edit, so that no rebuild overlaps the next.
        time.sleep(0.4)
        self.alive()
        if record:
            self.e2e.append(dt)
            if internal is not None:
                self.internal.append(internal)

    def hwm_kb(self):
        out = []
        for p in self.procs:
            try:
                with open(f"/proc/{p.pid}/status") as f:
                    m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
                    out.append(int(m.group(1)) if m else None)
            except OSError:
                out.append(None)
        return out

    def check_value(self, value):
        """The last edit reached the PDFs (when pdftotext is there)."""
        if not shutil.which("pdftotext"):
            return None
        want = f"{value}%"
        ok = True
        for p in self.pdfs:
            txt = subprocess.run(["pdftotext", p, "-"], capture_output=True, text=True).stdout
            ok &= want in txt.replace(" ", "").replace("\n", "")
        return ok


def bench_watch(tools, work, repo, runs, pids_file):
    log(f"warm rebuild: {runs} interleaved edits (+1 warm-up each)")
    setups = []

    pb = copy_project(repo, os.path.join(work, "watch-brief"))
    lb = os.path.join(work, "watch-brief.log")
    p = start([tools.brief, "watch", "--project", pb], lb, pids_file)
    setups.append(Watched("brief watch", pb, [os.path.join(pb, "out", f"{d}.pdf") for d in DOCS], [p], [lb],
                          rebuilt_re=r"rebuilt .* in (\d+) (ms)"))

    pb0 = copy_project(repo, os.path.join(work, "watch-brief-d0"))
    lb0 = os.path.join(work, "watch-brief-d0.log")
    p = start([tools.brief, "watch", "--project", pb0, "--debounce", "0"], lb0, pids_file)
    setups.append(Watched("brief watch --debounce 0", pb0, [os.path.join(pb0, "out", f"{d}.pdf") for d in DOCS],
                          [p], [lb0], rebuilt_re=r"rebuilt .* in (\d+) (ms)"))

    pt = copy_project(repo, os.path.join(work, "watch-typst"))
    tdir = os.path.join(work, "watch-typst-out")
    os.makedirs(tdir)
    procs, logs, pdfs = [], [], []
    for d in DOCS:
        out = os.path.join(tdir, f"{d}.pdf")
        lt = os.path.join(work, f"watch-typst-{d}.log")
        procs.append(start(tools.typst_watch(pt, d, out), lt, pids_file))
        logs.append(lt)
        pdfs.append(out)
    setups.append(Watched("typst watch ×2", pt, pdfs, procs, logs,
                          rebuilt_re=r"compiled (?:successfully|with warnings) in ([\d.]+) ?(ms|s|µs)"))

    for s in setups:
        s.wait_ready()

    # Values never seen before (no memoized hit), never ending in .0 (shown as "21%", not "21.0%").
    values = (f"{20 + k // 9}.{k % 9 + 1}" for k in range(10**6))
    for i in range(-1, runs):  # i = -1: warm-up
        order = setups if i % 2 == 0 else list(reversed(setups))
        for s in order:
            s.edit(next(values), record=i >= 0)
    # One more edit each, then check that it reached the PDFs' text.
    for s in setups:
        value = next(values)
        s.edit(value, record=False)
        s.verified = s.check_value(value)
        s.hwm = s.hwm_kb()
    res = {}
    for s in setups:
        res[s.name] = {"e2e": s.e2e, "internal_ms": s.internal, "hwm_kb": s.hwm, "verified": s.verified}
    stop_watchers()
    return res


def stop_watchers():
    for p in watchers:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGINT)  # brief stops cleanly on Ctrl-C
            except ProcessLookupError:
                pass
    # SIGINT first (brief stops cleanly); a process started where SIGINT is ignored (a
    # background job of a script) gets SIGTERM, then SIGKILL.
    for sig, grace in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 2.0)):
        t_end = now() + grace
        for p in watchers:
            try:
                p.wait(max(0.05, t_end - now()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, sig)
                except ProcessLookupError:
                    pass
    for p in watchers:
        try:
            p.wait(2)
        except subprocess.TimeoutExpired:
            log(f"bench: could not stop process {p.pid}")
            return
    watchers.clear()
    if pids_path and os.path.exists(pids_path):
        os.unlink(pids_path)  # all stopped: nothing for run.sh to clean up


# ───────────────────────────── 6, 7: the .pptx, 300 bullets ─────────────────────────────


def bench_pptx(tools, project, runs):
    """The deck alone with and without its .pptx: what writing the PowerPoint adds."""
    log(f"pptx: {runs} interleaved runs of the deck with and without --pptx")
    res = {"deck": [], "pptx": []}
    plain = tools.brief_build(project, "--force", "--only", "slides")
    with_pptx = tools.brief_build(project, "--force", "--only", "slides", "--pptx")
    run_timed(with_pptx, expect=r"slides\.pptx")
    for i in range(runs):
        order = [("deck", plain), ("pptx", with_pptx)] if i % 2 == 0 else [("pptx", with_pptx), ("deck", plain)]
        for key, cmd in order:
            dt, _, _, _ = run_timed(cmd, expect=r"built slides")
            res[key].append(dt)
    return res


def bench_docx(tools, project, runs):
    """The briefing alone with and without its .docx: what writing the Word document adds."""
    log(f"docx: {runs} interleaved runs of the briefing with and without --docx")
    res = {"briefing": [], "docx": []}
    plain = tools.brief_build(project, "--force", "--only", "briefing")
    with_docx = tools.brief_build(project, "--force", "--only", "briefing", "--docx")
    run_timed(with_docx, expect=r"briefing\.docx")
    for i in range(runs):
        order = [("briefing", plain), ("docx", with_docx)] if i % 2 == 0 else [("docx", with_docx), ("briefing", plain)]
        for key, cmd in order:
            dt, _, _, _ = run_timed(cmd, expect=r"built briefing")
            res[key].append(dt)
    return res


def bullets_project(base, dst, n=300):
    """The shipped project with n more sentences in the first section: n bullets on slides."""
    copy_project(base, dst)
    path = os.path.join(dst, ACH)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    first = "      - 2022年，哈尔滨新区经济发展稳中有进。"
    per = 30  # a paragraph holds at most 2000 characters
    paras = "".join(
        "\n      - " + "".join(f"推进第{p * per + i}项重点工作，确保按期完成。" for i in range(per))
        for p in range((n + per - 1) // per)
    )
    assert first in text
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(first, first + paras, 1))
    return dst


def bench_bullets(tools, work, base, runs):
    log(f"300 bullets in one section: {runs} runs")
    p = bullets_project(base, os.path.join(work, "bullets"))
    times = []
    err = ""
    for _ in range(runs):
        dt, err, _, _ = run_timed(tools.brief_build(p, "--force"), expect=r"built briefing")
        times.append(dt)
    return {"brief": times, "pages_brief": brief_pages(err)}


def sheet_project(base, dst, rows):
    """The shipped project with its figures from data/指标.csv: a header and `rows`."""
    copy_project(base, dst)
    with open(os.path.join(dst, "data", "指标.csv"), "w", encoding="utf-8") as f:
        f.write("id,数值\n" + "".join(f"{a},{b}\n" for a, b in rows))
    meta = os.path.join(dst, "data", "meta.yaml")
    with open(meta, encoding="utf-8") as f:
        text = f.read()
    anchor = "achievements: 2022-achievements.yaml"
    assert anchor in text
    with open(meta, "w", encoding="utf-8") as f:
        f.write(text.replace(anchor, "figures: 指标.csv\n" + anchor, 1))
    return dst


def bench_sheet(tools, work, base, runs, n=20_000):
    """`brief check` of a statistics sheet of n rows, every one a problem said at its cell: ids no
    figure has, then one id in every row. Each problem finds its line and the nearest id; the check
    must stay linear (it was quadratic: 5 s and 4 s for these before the fix)."""
    log(f"figures sheet of {n} rows: {runs} runs each")
    cases = {
        "unknown": sheet_project(base, os.path.join(work, "sheet-unknown"),
                                 ((f"no_such_figure_{i}", i) for i in range(n))),
        "duplicate": sheet_project(base, os.path.join(work, "sheet-duplicate"),
                                   (("gdp_growth", i) for i in range(n))),
    }
    res = {k: [] for k in cases}
    for _ in range(runs):
        for key, p in cases.items():
            dt, _, _, _ = run_timed([tools.brief, "check", "--project", p], expect=r"指标\.csv", code=3)
            res[key].append(dt)
    return res


# ───────────────────────────── 5: scale ─────────────────────────────


def bench_scale(tools, work, base, runs, factors=(1, 2, 4)):  # 5 sections ×4 = 20, the limit
    log(f"scale: data ×{', ×'.join(map(str, factors))}, {runs} interleaved runs each (+1 warm-up)")
    res = {}
    projects = {}
    for n in factors:
        p = os.path.join(work, f"scale-x{n}")
        scaled_project(base, p, n) if n > 1 else copy_project(base, p)
        projects[n] = p
        tout = os.path.join(work, f"scale-x{n}-typst")
        os.makedirs(tout)
        res[n] = {"brief": [], "typst": [], "brief_rss": [], "typst_rss": [], "tout": tout}
    for i in range(-1, runs):
        for n in factors:
            p, r = projects[n], res[n]
            steps = ["brief", "typst"] if (i + n) % 2 == 0 else ["typst", "brief"]
            for s in steps:
                if s == "brief":
                    dt, err, kb, _ = run_timed(tools.brief_build(p, "--force"), expect=r"built briefing", rss=True)
                    if i < 0:
                        r["pages_brief"] = brief_pages(err)
                        continue
                    r["brief"].append(dt)
                    r["brief_rss"].append(kb)
                else:
                    total, peak = 0.0, 0
                    for d in DOCS:
                        dt, _, kb, _ = run_timed(tools.typst_compile(p, d, os.path.join(r["tout"], f"{d}.pdf")), rss=True)
                        total += dt
                        peak = max(peak, kb)
                    if i < 0:
                        r["pages_typst"] = tuple(pdf_pages(os.path.join(r["tout"], f"{d}.pdf")) for d in DOCS)
                        continue
                    r["typst"].append(total)
                    r["typst_rss"].append(peak)
    return res


# ───────────────────────────── report ─────────────────────────────


def ms(x):
    return f"{x * 1000:.0f} ms" if x >= 0.1 else f"{x * 1000:.1f} ms"


def spread(xs):
    return f"{ms(median(xs))} ({ms(min(xs))}–{ms(max(xs))})"


def mb(kb):  # /usr/bin/time and /proc report KiB; MB here are 10^6 bytes
    return f"{kb * 1024 / 1e6:.0f} MB"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def report(info, cold, noop, mem, watch, scale, pptx, bullets, runs, docx=None, sheet=None):
    L = []
    L.append(f"date: {info['date']}")
    L.append(f"machine: {info['nproc']} CPUs ({info['cpu']}), {info['mem']:.1f} GiB RAM, {info['os']}")
    L.append(f"load: {info['busy_before']:.0%} of the CPUs busy just before the run (other processes), "
             f"{info['busy_after']:.0%} just after, "
             f"{', '.join(f'{b:.0%}' for b in info['busy_phases'])} between the phases; load average {info['loadavg']}")
    if max([info["busy_before"], info["busy_after"], *info["busy_phases"]]) > 0.15:
        L.append("**warning: the machine was busy with other work during the run: rerun on a quiet machine**")
    L.append(f"brief: {info['brief_version']} ({info['brief']}, built {info['brief_mtime']}); "
             f"project {info['git']}")
    L.append(f"reference: {info['typst_version']} ({info['typst']})")
    L.append(f"runs: {runs} per measurement, interleaved; medians, (min–max) where shown")
    L.append("")

    b, t = median(cold["brief"]), median(cold["typst"])
    ratio = b / t
    tb, ts = median(cold["typst_briefing"]), median(cold["typst_slides"])
    noop_med = median(noop["brief"])
    wb = watch["brief watch"]
    wb0 = watch["brief watch --debounce 0"]
    wt = watch["typst watch ×2"]
    warm_internal = median(wb["internal_ms"])
    brss = median(mem["brief"])
    tbrss, tsrss = median(mem["typst_briefing"]), median(mem["typst_slides"])

    L.append("| measurement | brief | typst CLI (reference) | brief / typst | target | |")
    L.append("|---|---|---|---|---|---|")
    L.append(f"| cold build, both documents | {spread(cold['brief'])} | {spread(cold['typst'])}: "
             f"briefing {ms(tb)} + slides {ms(ts)} | {ratio:.2f} | ≤ {TARGETS['ratio']} | "
             f"{verdict(ratio <= TARGETS['ratio'])} |")
    L.append(f"| CPU time of that build (user+sys) | {median(mem['brief_cpu']) * 1000:.0f} ms "
             f"= {median(mem['brief_cpu']) / median(mem['brief_wall']):.2f} CPUs busy | "
             f"{median(mem['typst_cpu']) * 1000:.0f} ms | {median(mem['brief_cpu']) / median(mem['typst_cpu']):.2f} | | |")
    L.append(f"| no-op build (nothing changed) | {spread(noop['brief'])}; brief says "
             f"{median(noop['internal_ms']):.0f} ms | — (no up-to-date check: a full compile) | "
             f"{noop_med / t:.3f} | ≤ {TARGETS['noop_ms']:.0f} ms | {verdict(noop_med * 1000 <= TARGETS['noop_ms'])} |")
    L.append(f"| warm rebuild, one figure changed: the tool's own time (brief: \"rebuilt … in N ms\"; "
             f"typst: \"compiled … in N ms\", the slower of its two processes) | {median(wb['internal_ms']):.0f} ms "
             f"({min(wb['internal_ms']):.0f}–{max(wb['internal_ms']):.0f}) | {median(wt['internal_ms']):.0f} ms "
             f"({min(wt['internal_ms']):.0f}–{max(wt['internal_ms']):.0f}) | {warm_internal / median(wt['internal_ms']):.2f} | "
             f"≤ {TARGETS['warm_ms']:.0f} ms | {verdict(warm_internal <= TARGETS['warm_ms'])} |")
    L.append(f"| warm rebuild: write → both PDFs rewritten (brief `--debounce 100` default; typst's fixed 100 ms batching) | "
             f"{spread(wb['e2e'])} | {spread(wt['e2e'])} | {median(wb['e2e']) / median(wt['e2e']):.2f} | | |")
    L.append(f"| warm rebuild: write → both PDFs, brief `--debounce 0` | {spread(wb0['e2e'])} "
             f"(brief says {median(wb0['internal_ms']):.0f} ms) | {spread(wt['e2e'])} | "
             f"{median(wb0['e2e']) / median(wt['e2e']):.2f} | ≤ {TARGETS['warm_ms']:.0f} ms | "
             f"{verdict(median(wb0['e2e']) * 1000 <= TARGETS['warm_ms'])} |")
    L.append(f"| peak RSS, cold build | {brss * 1024 / 1e6:.1f} MB = {brss / 1024:.1f} MiB ({mb(min(mem['brief']))}–{mb(max(mem['brief']))}) | briefing {mb(tbrss)}, slides {mb(tsrss)} | "
             f"{brss / max(tbrss, tsrss):.2f} (of the larger) | ≤ {TARGETS['rss_mb']:.0f} MB | "
             f"{verdict(brss * 1024 / 1e6 <= TARGETS['rss_mb'])} |")
    L.append(f"| peak RSS, no-op build | {mb(noop['rss_kb'])} | — | | | |")
    hb = wb["hwm_kb"][0]
    ht = wt["hwm_kb"]
    if hb and all(ht):
        L.append(f"| peak RSS, watch after {runs + 2} rebuilds | {mb(hb)} | briefing {mb(ht[0])} + slides {mb(ht[1])} "
                 f"= {mb(sum(ht))} | {hb / sum(ht):.2f} | | |")
    deck, with_pptx = median(pptx["deck"]), median(pptx["pptx"])
    added = with_pptx / deck - 1
    L.append(f"| the deck alone, then with its .pptx (`--only slides` vs `--only slides --pptx`) | "
             f"{spread(pptx['deck'])} → {spread(pptx['pptx'])}: +{added:.0%} | — | | ≤ +33 % | "
             f"{verdict(added <= 0.33)} |")
    if docx:
        plain, with_docx = median(docx["briefing"]), median(docx["docx"])
        added = with_docx / plain - 1
        L.append(f"| the briefing alone, then with its .docx (`--only briefing` vs `--only briefing --docx`) | "
                 f"{spread(docx['briefing'])} → {spread(docx['docx'])}: +{added:.0%} | — | | ≤ +33 % | "
                 f"{verdict(added <= 0.33)} |")
    L.append(f"| 300 more bullets in one section, both documents ({bullets['pages_brief'][0]} + "
             f"{bullets['pages_brief'][1]} pages) | {spread(bullets['brief'])} | — | | seconds | "
             f"{verdict(median(bullets['brief']) < 10)} |")
    if sheet:
        L.append(f"| `brief check`, a figures sheet of 20,000 rows with ids no figure has (each said at its cell) | "
                 f"{spread(sheet['unknown'])} | — | | ≤ 1 s | {verdict(median(sheet['unknown']) <= 1)} |")
        L.append(f"| `brief check`, a figures sheet of 20,000 rows of one id | "
                 f"{spread(sheet['duplicate'])} | — | | ≤ 1 s | {verdict(median(sheet['duplicate']) <= 1)} |")
    L.append("")
    L.append(f"pages: brief briefing {cold['pages_brief'][0]}, slides {cold['pages_brief'][1]}; "
             f"typst briefing {cold['pages_typst'][0]}, slides {cold['pages_typst'][1]}")
    ver = {k: v["verified"] for k, v in watch.items()}
    L.append("watch: last edit found in the PDFs' text (pdftotext): "
             + ", ".join(f"{k} {'yes' if v else ('n/a' if v is None else 'NO')}" for k, v in ver.items()))
    L.append("")

    # scale
    L.append("| data | pages (briefing + slides) | brief | typst CLI | brief / typst | brief peak RSS | typst peak RSS |")
    L.append("|---|---|---|---|---|---|---|")
    fs = sorted(scale)
    for n in fs:
        r = scale[n]
        pb, pt = r["pages_brief"], r["pages_typst"]
        pages = f"{pb[0]} + {pb[1]}" + ("" if tuple(pb) == tuple(pt) else f" (typst: {pt[0]} + {pt[1]})")
        L.append(f"| ×{n} | {pages} | {spread(r['brief'])} | {spread(r['typst'])} | "
                 f"{median(r['brief']) / median(r['typst']):.2f} | {mb(median(r['brief_rss']))} | {mb(median(r['typst_rss']))} |")
    lo, mid, hi = fs[0], fs[len(fs) // 2], fs[-1]

    def pages(n):
        return sum(scale[n]["pages_brief"])

    def slope(tool, a, c):  # seconds per added copy of the achievements' sections
        return (median(scale[c][tool]) - median(scale[a][tool])) / (c - a)

    L.append("")
    linear = {}
    for tool in ("brief", "typst"):
        s1, s2 = slope(tool, lo, mid), slope(tool, mid, hi)
        growth = median(scale[hi][tool]) / median(scale[lo][tool])
        linear[tool] = s2 <= 1.25 * s1
        L.append(f"{tool}: ×{hi}/×{lo}: {growth:.1f}× the time for {pages(hi) / pages(lo):.1f}× the pages; "
                 f"each added copy of the sections costs {s1 * 1000:.0f} ms (×{lo}→×{mid}), then {s2 * 1000:.0f} ms "
                 f"(×{mid}→×{hi}), {s2 / s1:.2f}×: "
                 + ("linear (≤ 1.25×)" if linear[tool] else "faster than linear (> 1.25×)"))
    L.append(f"target: cost growing linearly with the data — {verdict(linear['brief'])}")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--brief", required=True)
    ap.add_argument("--brief-origin", help="where the measured copy of brief came from")
    ap.add_argument("--typst", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--json", help="also write the raw samples here")
    a = ap.parse_args()

    pids_file = os.path.join(a.work, "watchers.pids")
    # brief's messages are read back: English whatever the locale.
    os.environ["BRIEF_LANG"] = "en"
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        info = {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(),
            "cpu": cpu_model(),
            "mem": mem_total_gib(),
            "os": f"{platform.system()} {platform.release()}",
            "brief": a.brief_origin or a.brief,
            "brief_version": version([a.brief, "--version"]),
            "brief_mtime": datetime.datetime.fromtimestamp(os.stat(a.brief_origin or a.brief).st_mtime).strftime("%Y-%m-%d %H:%M"),
            "typst": a.typst,
            "typst_version": version([a.typst, "--version"]),
            "git": version(["git", "-C", a.repo, "describe", "--always", "--dirty"]),
            "busy_before": cpu_busy(),
        }
        if info["busy_before"] > 0.15:
            log(f"warning: {info['busy_before']:.0%} of the CPUs are busy with other work: timings will be noisy")

        base = copy_project(a.repo, os.path.join(a.work, "project"))
        tout = os.path.join(a.work, "typst-out")
        os.makedirs(tout)
        tools = Tools(a.brief, a.typst)

        busy = info["busy_phases"] = []

        def idle_check():  # other work on the machine, between the phases
            busy.append(cpu_busy(0.5))

        cold = bench_cold(tools, base, tout, a.runs)
        idle_check()
        noop = bench_noop(tools, base, a.runs * 2)
        idle_check()
        mem = bench_memory(tools, base, tout, a.runs)
        idle_check()
        watch = bench_watch(tools, a.work, a.repo, a.runs, pids_file)
        idle_check()
        scale = bench_scale(tools, a.work, base, max(3, a.runs // 2))
        idle_check()
        pptx = bench_pptx(tools, base, a.runs)
        idle_check()
        docx = bench_docx(tools, base, a.runs)
        idle_check()
        bullets = bench_bullets(tools, a.work, base, max(3, a.runs // 2))
        idle_check()
        sheet = bench_sheet(tools, a.work, base, max(3, a.runs // 2))

        info["busy_after"] = cpu_busy()
        with open("/proc/loadavg") as f:
            info["loadavg"] = " ".join(f.read().split()[:3])
        print(report(info, cold, noop, mem, watch, scale, pptx, bullets, a.runs, docx, sheet))
        if a.json:
            with open(a.json, "w") as f:
                json.dump({"info": info, "cold": cold, "noop": noop, "memory": mem, "watch": watch,
                           "scale": {str(k): v for k, v in scale.items()}, "pptx": pptx, "docx": docx, "bullets": bullets, "sheet": sheet},
                          f, indent=1, default=str)
    finally:
        stop_watchers()


if __name__ == "__main__":
    main()
