"""Pipeline speed and memory, measured as users run it (issue 11). A benchmark, not a test.

    .venv/bin/python benchmarks/speed.py stages [--limit 1000]
        words per CPU second of each stage and of the whole pipeline, one worker,
        default settings, on the first N SaudiNewsNet articles (the engine's own
        task code: qawl.engine.analyse_articles).
    .venv/bin/python benchmarks/speed.py run [--limit N] [--workers W] [--tag NAME]
        `python -m qawl run` on SaudiNewsNet and ANT together (all 37,162 articles
        without --limit): wall time, words/s, peak memory of all its processes
        together and of the largest single process, sampled every 0.5 s.
    .venv/bin/python benchmarks/speed.py plot
        benchmarks/speed.png from the results recorded so far.

Results are appended to benchmarks/speed_results.json (one record per measurement).
Needs the shared data (env QAWL_SHARED, default <project root>/../shared).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # this checkout's qawl, not the editable install's (a worktree of an older commit)
SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))
CORPORA = ("saudinewsnet", "ant")
RESULTS = ROOT / "benchmarks" / "speed_results.json"


def record(result: dict) -> dict:
    result = {**result, "when": time.strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count(),
              "machine": platform.machine(), "git": _git_sha()}
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    results.append(result)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return result


def _git_sha() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                         text=True)
    return out.stdout.strip()


# --- words per CPU second, stage by stage ------------------------------------------


def stages(limit: int) -> dict:
    from qawl.corpus import load_corpus
    from qawl.engine import EngineConfig, analyse_articles

    articles = list(load_corpus(SHARED / "corpora" / "saudinewsnet", limit=limit))
    analyse_articles(articles[:5], EngineConfig())  # load the models outside the clock
    cpu = {}
    last = [time.process_time()]

    def clock(stage: str, _articles: int, _words: int) -> None:
        now = time.process_time()
        cpu[stage] = now - last[0]
        last[0] = now

    results, failures = analyse_articles(articles, EngineConfig(), clock)
    words = sum(len(r.doc.text.split()) for r in results)
    total = sum(cpu.values())
    return record({
        "measure": "stages", "articles": len(articles), "words": words,
        "cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "words_per_cpu_second": {**{k: round(words / v) for k, v in cpu.items()},
                                 "pipeline": round(words / total)},
        "failures": len(failures),
    })


# --- a whole run, with its memory -----------------------------------------------------


class MemorySampler(threading.Thread):
    """Peak RSS of a process tree: all processes together, and the largest one."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_total = self.peak_single = 0
        self.peaks: dict[int, tuple[int, str]] = {}  # pid -> (peak RSS, what the process is)
        self.stopping = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stopping.wait(self.interval):
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            sizes = []
            for process in processes:
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            for process, size in zip(processes, sizes):
                if size > self.peaks.get(process.pid, (0, ""))[0]:
                    self.peaks[process.pid] = (size, _role(process))


def _role(process) -> str:
    try:
        line = " ".join(process.cmdline())
    except Exception:  # gone, or not ours to read
        return "?"
    for marker, role in (("ipykernel", "notebook kernel"), ("multiprocessing", "dask worker"),
                         ("-m qawl run", "qawl run")):
        if marker in line:
            return role
    return line[:40]


def both_corpora_folder() -> Path:
    """One folder holding both corpora (links), as a researcher would point a run at it."""
    folder = Path(tempfile.mkdtemp(prefix="qawl_both_"))
    for name in CORPORA:
        (folder / name).symlink_to(SHARED / "corpora" / name, target_is_directory=True)
    return folder


def run(limit: int | None, workers: int | None, tag: str) -> dict:
    corpus = both_corpora_folder()
    out = Path(tempfile.mkdtemp(prefix="qawl_speed_")) / "run"
    command = [sys.executable, "-m", "qawl", "run", "--corpus", str(corpus), "--out", str(out)]
    command += ["--limit", str(limit)] if limit else []
    command += ["--workers", str(workers)] if workers else []
    started = time.time()
    process = subprocess.Popen(command, cwd=ROOT)
    sampler = MemorySampler(process.pid)
    sampler.start()
    code = process.wait()
    wall = time.time() - started
    sampler.stopping.set()
    sampler.join()
    run_json = json.loads((out / "run.json").read_text())
    progress = [json.loads(line) for line in (out / "logs" / "progress.jsonl").read_text().splitlines()]
    done = next(e for e in reversed(progress) if e["event"] == "done")
    return record({
        "measure": "run", "tag": tag, "command": " ".join(command[1:]), "exit": code,
        "articles": done["articles"], "words": done["words"], "workers": done["workers"],
        "partitions": done["partitions"], "engine_seconds": done["seconds"],
        "wall_seconds": round(wall, 1), "words_per_second": round(done["words"] / wall),
        "engine_words_per_second": round(done["words"] / done["seconds"]),
        "peak_rss_all_mb": round(sampler.peak_total / 2**20),
        "peak_rss_largest_process_mb": round(sampler.peak_single / 2**20),
        "peak_rss_by_role_mb": _peaks_by_role(sampler.peaks),
        "peak_rss_worker_markers_mb": max((r.get("peak_rss_mb") or 0 for r in _markers(out)), default=None),
        "status": run_json["status"], "run_dir": str(out),
    })


def _peaks_by_role(peaks: dict) -> dict:
    roles: dict[str, int] = {}
    for size, role in peaks.values():
        roles[role] = max(roles.get(role, 0), round(size / 2**20))
    return roles


def _markers(run_dir: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in (run_dir / "tables" / "_partitions").glob("part-*.json")]


# --- plot -------------------------------------------------------------------------------


def plot() -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = json.loads(RESULTS.read_text())
    runs = [r for r in results if r["measure"] == "run" and r["exit"] == 0]
    stage = [r for r in results if r["measure"] == "stages"][-1:]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    if stage:
        rates = stage[0]["words_per_cpu_second"]
        axes[0].barh(list(rates), list(rates.values()), color="#4c72b0")
        axes[0].axvline(10_000, color="#c44e52", ls="--", label="goal: 10,000 words/s")
        axes[0].set_title(f"Words per CPU second, one worker\n({stage[0]['articles']} SaudiNewsNet articles)")
        axes[0].legend(loc="lower right")
    by_size = _per_size([r for r in runs if r["workers"] == 2])
    axes[1].plot([r["articles"] for r in by_size], [r["wall_seconds"] / 60 for r in by_size], "o-",
                 label="2 workers (fastest run of each size)")
    single = [r for r in runs if r["workers"] == 1]
    axes[1].plot([r["articles"] for r in single], [r["wall_seconds"] / 60 for r in single], "s",
                 label="1 worker")
    axes[1].axhline(20, color="#c44e52", ls="--", label="goal: 20 min for 37,162 articles")
    axes[1].set(xlabel="articles", ylabel="minutes (whole qawl run)", title="Wall time of qawl run")
    axes[1].legend(loc="upper left")
    axes[2].plot([r["articles"] for r in by_size], [r["peak_worker_mb"] for r in by_size],
                 "o-", label="largest worker")
    axes[2].plot([r["articles"] for r in by_size], [r["peak_rss_all_mb"] for r in by_size], "s-",
                 label="all processes")
    axes[2].axhline(6 * 1024, color="#c44e52", ls="--", label="limit: 6 GB")
    axes[2].set(xlabel="articles", ylabel="peak RSS (MB)", title="Peak memory")
    axes[2].legend(loc="upper left")
    fig.tight_layout()
    path = ROOT / "benchmarks" / "speed.png"
    fig.savefig(path, dpi=110)
    return path


def _per_size(runs: list[dict]) -> list[dict]:
    """One point per corpus size: the fastest wall time, the highest memory seen."""
    sizes: dict[int, dict] = {}
    for r in runs:
        worker = (r.get("peak_rss_by_role_mb") or {}).get("dask worker") or r["peak_rss_largest_process_mb"]
        point = sizes.setdefault(r["articles"], {"articles": r["articles"], "wall_seconds": r["wall_seconds"],
                                                 "peak_worker_mb": 0, "peak_rss_all_mb": 0})
        point["wall_seconds"] = min(point["wall_seconds"], r["wall_seconds"])
        point["peak_worker_mb"] = max(point["peak_worker_mb"], worker)
        point["peak_rss_all_mb"] = max(point["peak_rss_all_mb"], r["peak_rss_all_mb"])
    return [sizes[k] for k in sorted(sizes)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    stages_parser = sub.add_parser("stages")
    stages_parser.add_argument("--limit", type=int, default=1000)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--limit", type=int)
    run_parser.add_argument("--workers", type=int)
    run_parser.add_argument("--tag", default="")
    sub.add_parser("plot")
    args = parser.parse_args()
    if args.what == "stages":
        stages(args.limit)
    elif args.what == "run":
        run(args.limit, args.workers, args.tag)
    else:
        print(plot())


if __name__ == "__main__":
    main()
