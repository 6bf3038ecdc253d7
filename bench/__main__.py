"""Start gunicorn as `make run` does, drive a bounded load, print a table of figures.

Figures, not assertions: the README quotes the latest run next to the targets.
"""

from __future__ import annotations

import http.client
import io
import itertools
import json
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESUME = (Path(__file__).parent / "sample_resume.txt").read_text(encoding="utf-8")
# Numbers the generated request bodies, across all runs, so no two are the same.
counter = itertools.count()
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
CONCURRENCY = (1, 8)


@dataclass(frozen=True)
class Endpoint:
    """One request to measure, with how many times to send it per concurrency level."""

    name: str
    method: str
    path: str
    requests: int
    body: bytes | None = None
    content_type: str | None = None
    # Builds the n-th request's body instead of ``body``: a new document every time.
    make_body: Callable[[int], bytes] | None = None


JOB_POSTING = {
    "role": "account-manager",
    "company_name": "Brightline Analytics",
    "company_summary": "We build analytics software for mid-market logistics companies.",
    "industry": "technology-saas",
    "metro": "chicago",
    "work_mode": "hybrid",
    "city": "Chicago",
    "state": "IL",
}

STATIC = "static file (site.css)"
PAGES = ("home page", "role page")
ANALYSIS = "resume analysis (614 words)"

# A 30-word bullet, judged alone as it is edited in place (issue 14: p50 under 15 ms).
BULLET = "resume bullet (30 words)"
BULLET_TEXT = (
    "Grew net revenue retention to 118% across 42 enterprise accounts worth $6.5M ARR by "
    "running quarterly business reviews and renewing every contract two months before "
    "its end date each year"
)

ENDPOINTS = (
    Endpoint("baseline /healthz", "GET", "/healthz", 400),
    Endpoint("home page", "GET", "/", 400),
    Endpoint("role page", "GET", "/roles/account-manager", 400),
    # What a page's stylesheet, script and icon cost (Flask revalidates them on every view).
    Endpoint(STATIC, "GET", "/static/css/site.css", 400),
    Endpoint(
        "salary API",
        "GET",
        "/api/v1/salary/estimate?"
        + urlencode(
            {
                "level": "senior-account-manager",
                "industry": "technology-saas",
                "metro": "new-york",
                "work_mode": "hybrid",
                "portfolio_arr": "6000000",
            }
        ),
        400,
    ),
    Endpoint(
        ANALYSIS,
        "POST",
        "/api/v1/resume/analyze",
        80,
        json.dumps({"text": RESUME, "level": "senior-account-manager"}).encode(),
        "application/json",
    ),
    Endpoint(
        BULLET,
        "POST",
        "/api/v1/resume/bullet",
        400,
        json.dumps({"text": BULLET_TEXT, "level": "account-manager"}).encode(),
        "application/json",
    ),
    Endpoint(
        "job description PDF (new)",
        "POST",
        "/api/v1/job-descriptions?format=pdf",
        40,
        None,
        "application/json",
        lambda n: json.dumps({**JOB_POSTING, "company_name": f"Brightline {n}"}).encode(),
    ),
    Endpoint(
        "job description PDF (repeat)",
        "POST",
        "/api/v1/job-descriptions?format=pdf",
        40,
        json.dumps(JOB_POSTING).encode(),
        "application/json",
    ),
)
PDF_NEW = "job description PDF (new)"
PDF_REPEAT = "job description PDF (repeat)"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int) -> subprocess.Popen[bytes]:
    """gunicorn with the same config file and app factory as `make run`."""
    # MAX_REQUESTS=0: no worker is recycled mid-run, so the memory figures follow one worker.
    env = dict(
        os.environ,
        SECRET_KEY="bench-secret",
        RATELIMIT_HEAVY="100000 per minute",
        RATELIMIT_BULLET="100000 per minute",
        MAX_REQUESTS="0",
    )
    cmd = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--access-logfile",
        "/dev/null",
        "webapp:create_app()",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(
        "the server did not start: " + (proc.stderr.read().decode() if proc.stderr else "")
    )


def drive(port: int, endpoint: Endpoint, concurrency: int) -> tuple[float, list[float], int]:
    """Send the endpoint's requests from ``concurrency`` keep-alive clients."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    per_client = max(1, endpoint.requests // concurrency)

    def client() -> None:
        nonlocal failures
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": endpoint.content_type} if endpoint.content_type else {}
        for _ in range(per_client):
            body = endpoint.make_body(next(counter)) if endpoint.make_body else endpoint.body
            start = time.perf_counter()
            conn.request(endpoint.method, endpoint.path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    failures += 1
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    return len(latencies) / wall, latencies, failures


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` over ``runs`` calls, after one warm-up."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def worker_pids(master_pid: int) -> list[int]:
    """The gunicorn master's workers."""
    children_file = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(p) for p in children_file.read_text().split()] if children_file.exists() else []


def process_memory(pid: int) -> tuple[int, int]:
    """(RSS kB, PSS kB) of one process."""
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1])
        elif line.startswith("Pss:"):
            pss = int(line.split()[1])
    return rss, pss


def worker_memory(master_pid: int) -> list[tuple[int, int, int]]:
    """(pid, RSS kB, PSS kB) of each gunicorn worker; PSS splits pages shared after preload."""
    return [(pid, *process_memory(pid)) for pid in worker_pids(master_pid)]


def workers_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) the workers have used so far, from /proc/PID/stat."""
    ticks = 0
    for pid in worker_pids(master_pid):
        # Fields after the command name's closing parenthesis start at field 3 (state);
        # utime and stime are fields 14 and 15.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def static_files_per_page(port: int) -> int:
    """How many files under /static/ the home page links (each fetched or revalidated on
    a view)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/")
    page = conn.getresponse().read().decode("utf-8")
    conn.close()
    return len(set(re.findall(r"""["'](/static/[^"'?#]+)""", page)))


def resume_pdf() -> bytes:
    """The sample resume as a two-page PDF, laid out as an editor would export it."""
    from weasyprint import HTML

    parts = []
    for line in RESUME.splitlines():
        text = line.strip()
        if not text:
            continue
        if text.isupper():
            parts.append(f"<h2>{text}</h2>")
        elif text.startswith("•"):
            parts.append(f"<li>{text.lstrip('• ')}</li>")
        else:
            parts.append(f"<p>{text}</p>")
    css = (
        "@page{size:letter;margin:0.6in} body{font:10pt/1.35 sans-serif} "
        "li{margin:0.2em 0} h2{font-size:12pt;margin:0.8em 0 0.2em} p{margin:0.2em 0}"
    )
    return HTML(string=f"<style>{css}</style>{''.join(parts)}").write_pdf()


def upload_and_paste(analyzer: object) -> tuple[float, float, int]:
    """Median seconds to read and analyse the two-page PDF upload, and the same resume's
    text pasted (the text the upload path reads, so both analyse the same words)."""
    from pypdf import PdfReader

    from scoring.resume.extract import extract_pasted, extract_text
    from scoring.resume.report import ResumeAnalyzer, analyze_resume

    assert isinstance(analyzer, ResumeAnalyzer)
    pdf = resume_pdf()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    text = extract_text(pdf, "resume.pdf").text

    def run_upload() -> None:
        read = extract_text(pdf, "resume.pdf")
        analyze_resume(read.text, job_description=None, analyzer=analyzer)

    def run_paste() -> None:
        read = extract_pasted(text)
        analyze_resume(read.text, job_description=None, analyzer=analyzer)

    return median_time(run_upload, 15), median_time(run_paste, 15), pages


def in_process_ratios() -> dict[str, float]:
    """Resume analysis vs one full spaCy pass; PDF renders next to bare WeasyPrint renders."""
    from flask import render_template
    from weasyprint import HTML

    from scoring.resume.report import analyze_resume
    from webapp import create_app, get_content
    from webapp.jobdesc.builder import build_posting

    app = create_app({"TESTING": True})
    nlp = app.extensions["nlp"]
    analyzer = app.extensions["resume_analyzer"]
    full_pass = median_time(lambda: nlp(RESUME), 15)
    analysis = median_time(
        lambda: analyze_resume(
            RESUME, level="senior-account-manager", job_description=None, analyzer=analyzer
        ),
        15,
    )
    with app.test_request_context():
        posting = build_posting(JOB_POSTING, get_content(app))
        posting_html = render_template(
            "jobdesc/posting_pdf.html",
            pdf=True,
            posting=posting.description,
            role=posting.request.role,
        )
    renderer = app.extensions["pdf"]
    # 440 words in paragraphs of 60 fill one page at WeasyPrint's default size; 460 spill over.
    words = RESUME.split()[:440]
    page_of_text = "".join(f"<p>{' '.join(words[i : i + 60])}</p>" for i in range(0, 440, 60))
    assert len(HTML(string=page_of_text).render().pages) == 1, "the text page must fit one page"
    upload, pasted, pdf_pages = upload_and_paste(analyzer)
    return {
        "full_pass": full_pass,
        "analysis": analysis,
        "upload": upload,
        "pasted": pasted,
        "upload_pages": pdf_pages,
        "bare_pdf": median_time(
            lambda: HTML(string="<h1>Account Manager</h1><p>One page.</p>").write_pdf(), 15
        ),
        "bare_text_page": median_time(lambda: HTML(string=page_of_text).write_pdf(), 15),
        "posting_unstyled": median_time(lambda: HTML(string=posting_html).write_pdf(), 15),
        "posting_ours": median_time(lambda: renderer.render(posting_html), 15),
        "posting_pages": len(
            HTML(string=posting_html).render(stylesheets=[renderer.stylesheet]).pages
        ),
    }


UNIQUE_ANALYSES = int(os.environ.get("BENCH_UNIQUE_ANALYSES", "1000"))


def unique_resume(n: int) -> bytes:
    """The sample resume with ten words no other request has: new names, a new address."""
    words = " ".join(f"Zq{n}x{i}vorb" for i in range(10))
    text = RESUME.replace("Morgan Ellis", f"Morgan Zq{n}ellis") + f"\nInterests\n{words}\n"
    text = text.replace("morgan.ellis@example.com", f"m.zq{n}@example.com")
    return json.dumps({"text": text}).encode()


def memory_growth(port: int, master_pid: int) -> list[tuple[int, int, int]]:
    """Each worker's RSS (kB) after 100 and after UNIQUE_ANALYSES resume analyses whose
    words are all new: without spaCy's memory zone every new word stays in the
    vocabulary, so memory would grow with the number of resumes seen."""
    endpoint = Endpoint(
        "unique resumes",
        "POST",
        "/api/v1/resume/analyze",
        100,
        None,
        "application/json",
        unique_resume,
    )
    drive(port, endpoint, 2)
    before = {pid: rss for pid, rss, _ in worker_memory(master_pid)}
    drive(port, replace(endpoint, requests=UNIQUE_ANALYSES - 100), 2)
    after = {pid: rss for pid, rss, _ in worker_memory(master_pid)}
    return [(pid, before[pid], after[pid]) for pid in before if pid in after]


# The capacity plan's load and assumptions (README, "Capacity plan"). Each can be changed
# with the environment variable of the same name, e.g. PLAN_PAGE_VIEWS_PER_DAY=3000000.
PLAN = {
    # The stated load.
    "PLAN_ANALYSES_PER_DAY": 100_000.0,
    "PLAN_PAGE_VIEWS_PER_DAY": 1_000_000.0,
    # Busiest hour against the day's mean rate.
    "PLAN_PEAK_TO_MEAN": 5.0,
    # Share of analyses sent as an uploaded PDF rather than pasted text.
    "PLAN_UPLOAD_SHARE": 0.5,
    # CPU busy at peak we plan for: headroom keeps queues short and absorbs bursts.
    "PLAN_UTILISATION": 0.6,
    # Machines beyond the peak's need, so one can fail or be updated at peak.
    "PLAN_SPARE_MACHINES": 1.0,
}


def plan_value(name: str) -> float:
    """A plan assumption, from the environment when it is set there."""
    return float(os.environ.get(name, PLAN[name]))


def capacity_plan(
    cpu: dict[str, float],
    ratios: dict[str, float],
    statics: int,
    memory: list[tuple[int, int, int]],
    master: tuple[int, int],
) -> list[str]:
    """Machines for the stated load, from the measured CPU per request and memory.

    Workers are CPU-bound sync workers, one per core (as WORKERS=2 on this machine's two
    cores); the machines are like this one. The proxy's and Redis's CPU is not counted.
    """
    day = 24 * 3600
    peak = plan_value("PLAN_PEAK_TO_MEAN")
    upload_share = plan_value("PLAN_UPLOAD_SHARE")
    utilisation = plan_value("PLAN_UTILISATION")
    cores = os.cpu_count() or 1
    mem_total_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    lines = [
        "Capacity plan (assumptions: PLAN in bench/__main__.py, each settable in the environment)",
        f"  CPU per request (workers' CPU time / requests at concurrency {max(CONCURRENCY)}) "
        "and what one core serves:",
    ]
    for name, seconds in cpu.items():
        lines.append(
            f"    {name:32} {seconds * 1000:7.1f} ms CPU  {1 / seconds:8.1f} req/s per core"
        )
    analyses = plan_value("PLAN_ANALYSES_PER_DAY") / day * peak
    views = plan_value("PLAN_PAGE_VIEWS_PER_DAY") / day * peak
    upload_factor = ratios["upload"] / ratios["pasted"]
    analysis_cpu = cpu[ANALYSIS] * (1 - upload_share + upload_share * upload_factor)
    page_cpu = statistics.mean(cpu[name] for name in PAGES)
    view_cpu = page_cpu + statics * cpu[STATIC]
    analysis_cores, view_cores = analyses * analysis_cpu, views * view_cpu
    busy = analysis_cores + view_cores
    needed = busy / utilisation
    spare = int(plan_value("PLAN_SPARE_MACHINES"))
    machines = math.ceil(needed / cores)
    worker_pss = max(pss for _, _, pss in memory)
    worker_rss = max(rss for _, rss, _ in memory)
    per_machine_kb = master[1] + cores * worker_pss
    lines += [
        f"  Load: {plan_value('PLAN_ANALYSES_PER_DAY'):,.0f} resume analyses and "
        f"{plan_value('PLAN_PAGE_VIEWS_PER_DAY'):,.0f} page views a day, peak {peak:g}x the mean",
        f"    analyses at peak: {analyses:.1f}/s; {upload_share:.0%} are PDF uploads costing "
        f"{upload_factor:.2f}x a pasted one: {analysis_cpu * 1000:.0f} ms CPU each "
        f"-> {analysis_cores:.2f} cores",
        f"    page views at peak: {views:.1f}/s; each is a page (mean of {' and '.join(PAGES)}, "
        f"{page_cpu * 1000:.1f} ms) and the {statics} static files it links "
        f"({cpu[STATIC] * 1000:.1f} ms each): {view_cpu * 1000:.1f} ms CPU "
        f"-> {view_cores:.2f} cores",
        f"  CPU busy at peak: {busy:.2f} cores; at {utilisation:.0%} utilisation: "
        f"{needed:.2f} cores",
        f"  Machines of {cores} cores like this one: {machines} for the peak + {spare} spare "
        f"= {machines + spare}, each running {cores} workers",
        f"  Memory per machine: master PSS {master[1] / 1024:.0f} MB + {cores} workers x PSS "
        f"{worker_pss / 1024:.0f} MB = {per_machine_kb / 1024:.0f} MB of "
        f"{mem_total_kb / 1024:.0f} MB ({per_machine_kb / mem_total_kb:.1%}); "
        f"a worker's RSS, shared pages counted in full, is {worker_rss / 1024:.0f} MB",
        f"  Redis: {analyses:.1f} counter updates/s at peak (one per heavy request)",
    ]
    return lines


def main() -> int:
    """Run the benchmark and print the table."""
    print(f"Benchmark: gunicorn, {WORKERS} workers, preload_app, {os.cpu_count()} CPU(s)\n")
    ratios = in_process_ratios()
    port = free_port()
    server = start_server(port)
    results: dict[tuple[str, int], tuple[float, float, float, int, int]] = {}
    cpu: dict[str, float] = {}  # workers' CPU seconds per request, at the highest concurrency
    try:
        statics = static_files_per_page(port)
        for endpoint in ENDPOINTS:
            drive(
                port,
                Endpoint(
                    endpoint.name,
                    endpoint.method,
                    endpoint.path,
                    3,
                    endpoint.body,
                    endpoint.content_type,
                    endpoint.make_body,
                ),
                1,
            )  # warm-up
            for concurrency in CONCURRENCY:
                cpu_before = workers_cpu_seconds(server.pid)
                rps, lat, failed = drive(port, endpoint, concurrency)
                if concurrency == max(CONCURRENCY):
                    cpu[endpoint.name] = (workers_cpu_seconds(server.pid) - cpu_before) / len(lat)
                results[(endpoint.name, concurrency)] = (
                    rps,
                    percentile(lat, 50),
                    percentile(lat, 95),
                    len(lat),
                    failed,
                )
        memory = worker_memory(server.pid)
        master = process_memory(server.pid)
        growth = memory_growth(port, server.pid)
    finally:
        # On a loaded machine gunicorn's graceful stop can take a while: wait, then kill,
        # rather than lose the figures measured so far.
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)

    header = (
        f"{'endpoint':32} {'conc':>4} {'n':>5} {'req/s':>9} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'vs base':>8} {'non-200':>8}"
    )
    print(header)
    print("-" * len(header))
    for endpoint in ENDPOINTS:
        for concurrency in CONCURRENCY:
            rps, p50, p95, n, failed = results[(endpoint.name, concurrency)]
            base = results[(ENDPOINTS[0].name, concurrency)][0]
            print(
                f"{endpoint.name:32} {concurrency:>4} {n:>5} {rps:>9.1f} {p50 * 1000:>8.1f} "
                f"{p95 * 1000:>8.1f} {rps / base:>8.2f} {failed:>8}"
            )

    pdf_new = results[(PDF_NEW, 1)][1]
    pdf_repeat = results[(PDF_REPEAT, 1)][1]
    bare = ratios["bare_pdf"]
    print("\nRatios (targets in README)")
    print(
        f"  resume analysis / one full spaCy pass (in process): "
        f"{ratios['analysis'] * 1000:.1f} ms / {ratios['full_pass'] * 1000:.1f} ms = "
        f"{ratios['analysis'] / ratios['full_pass']:.2f}  (target <= 1.00)"
    )
    print(
        f"  resume upload, {ratios['upload_pages']:.0f}-page PDF / same resume pasted "
        f"(in process): "
        f"{ratios['upload'] * 1000:.1f} ms / {ratios['pasted'] * 1000:.1f} ms = "
        f"{ratios['upload'] / ratios['pasted']:.2f}  (target <= 1.50)"
    )
    print(
        f"  job description PDF, new posting, p50 (HTTP) / bare one-page render: "
        f"{pdf_new * 1000:.1f} ms / {bare * 1000:.1f} ms = {pdf_new / bare:.2f}  (target <= 3.00)"
    )
    print(
        f"  job description PDF, repeat download, p50 (HTTP) / bare one-page render: "
        f"{pdf_repeat * 1000:.1f} ms / {bare * 1000:.1f} ms = {pdf_repeat / bare:.2f}"
    )
    print(
        f"  resume bullet, p50 (HTTP) at concurrency 1 / 8: {results[(BULLET, 1)][1] * 1000:.1f} "
        f"ms / {results[(BULLET, 8)][1] * 1000:.1f} ms  (target < 15 ms)"
    )
    for name in ("home page", "role page"):
        ratio = results[(name, 8)][0] / results[(ENDPOINTS[0].name, 8)][0]
        print(f"  {name} throughput / baseline at concurrency 8: {ratio:.2f}  (target >= 0.50)")
    print("\nPDF renders in process (median), for scale")
    scale = (
        ("bare: a heading and a sentence", ratios["bare_pdf"]),
        ("bare: one full page of plain text", ratios["bare_text_page"]),
        ("bare: the posting's HTML, no stylesheet", ratios["posting_unstyled"]),
        (
            f"the posting as exported ({ratios['posting_pages']:.0f} pages)",
            ratios["posting_ours"],
        ),
    )
    for label, seconds in scale:
        print(f"  {label:44} {seconds * 1000:7.1f} ms  {seconds / ratios['bare_pdf']:5.2f}x")
    print(f"\nWorker memory across {UNIQUE_ANALYSES} analyses of resumes made of new words")
    for pid, before, after in growth:
        print(
            f"  worker {pid}: RSS {before / 1024:.0f} MB after 100, {after / 1024:.0f} MB after "
            f"{UNIQUE_ANALYSES}: {(after - before) / before * 100:+.1f}%  (target within 10%)"
        )
    print("\nWorker memory (RSS counts shared pages in full; PSS splits them)")
    for pid, rss, pss in memory:
        print(
            f"  worker {pid}: RSS {rss / 1024:.0f} MB, PSS {pss / 1024:.0f} MB  (target < 350 MB)"
        )
    print(f"  master {server.pid}: RSS {master[0] / 1024:.0f} MB, PSS {master[1] / 1024:.0f} MB")
    print()
    for line in capacity_plan(cpu, ratios, statics, memory, master):
        print(line)
    return 0


class _Tee(io.TextIOBase):
    """Print to the terminal and keep a copy, for the README."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.stream = stream
        self.kept = io.StringIO()

    def write(self, text: str) -> int:
        self.kept.write(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def run_and_record() -> int:
    """Run the benchmark; on success, put its whole output in the README's
    ``<!-- bench:output -->`` block, dated, so the figures there are never typed by hand."""
    from contextlib import redirect_stdout
    from datetime import date

    from evaluation.__main__ import write_readme_block

    load = os.getloadavg()[0]
    tee = _Tee(sys.stdout)  # type: ignore[arg-type]
    with redirect_stdout(tee):
        status = main()
    if status == 0:
        head = (
            f"Output of `make bench` on {date.today().isoformat()} ({os.cpu_count()} CPUs, load "
            f"average {load:.1f} when it started):"
        )
        if write_readme_block(
            "output", f"{head}\n\n```text\n{tee.kept.getvalue().rstrip()}\n```", kind="bench"
        ):
            print("README.md's bench output updated")
    return status


if __name__ == "__main__":
    sys.exit(run_and_record())
