"""Command line: ``python -m qawl {corpus,analyze,run,status,ner-tag} …``."""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import signal
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

logger = logging.getLogger("qawl")

# exit codes: each means one thing (see EXIT_CODES_HELP)
EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_SIGNAL_BASE = 128  # 130 after SIGINT (Ctrl-C), 143 after SIGTERM, as shells do

EXIT_CODES_HELP = """\
exit codes:
  0    everything was analysed
  1    not everything: some inputs were skipped or some articles failed (each is
       named on stderr and, for run, in run.json), or a notebook failed
  2    bad usage: bad options or parameters, a path that does not exist, an
       unreadable lexicon, a corpus with no articles, a run folder in use
  3    an input/output failure, such as a full disk (output is never left half-written)
  130  interrupted by Ctrl-C (SIGINT); 143 stopped by SIGTERM. An interrupted run
       says so in run.json and is finished with: python -m qawl run --resume DIR
"""

NER_BACKENDS = ("auto", "crf", "lstm", "camel")  # qawl.entities.BACKENDS, without importing it
STANCE_READERS = ("model", "rules")  # qawl.stance.model.READERS, without importing it
STANCE_MIN_CONFIDENCE = 0.2  # qawl.stance.params.MIN_CONFIDENCE, without importing it

EXAMPLES = """\
examples:
  python -m qawl corpus ../shared/corpora/ant            # count articles, words, sources, dates
  python -m qawl analyze seeds/000_3ac1dc030114536f.txt  # one JSON object per article
  python -m qawl analyze corpus_dir --limit 100 > out.jsonl
  python -m qawl run --corpus seeds                      # all notebooks into outputs/<run_id>/
  python -m qawl run --corpus ../shared/corpora/saudinewsnet --limit 500 --out outputs/snn500
  python -m qawl run --corpus big_corpus --workers 8 --out outputs/big  # 8 worker processes
  python -m qawl run --resume outputs/big                # finish a run that was stopped
  python -m qawl status outputs/big                      # what a run folder holds, and how to finish it
  python -m qawl run --corpus big_corpus --scheduler tcp://10.0.0.5:8786  # a running dask cluster
  python -m qawl ner-tag tokens.txt > tagged.txt         # CoNLL-style tagging for your own scorer

Corpora may be a .txt file, a folder of .txt files, SaudiNewsNet zips of JSON,
ANT pseudo-XML files, JSON Lines, JSON arrays or CSV with a 'text' column, or a
folder mixing them. Encodings: UTF-8 (with or without BOM), UTF-16, Windows-1256.

""" + EXIT_CODES_HELP

ANALYZE_HELP = """\
Write one JSON object per article to stdout (JSON Lines) with: doc_id, source,
date, title, text (the cleaned text), blocks (title/caption/subheading/body/
source_line spans), sources (from the source line), entities ({text, label,
start, end, canonical}), quotes ({type, cue, content, speaker, confidence}) and
stances ({speaker, target, polarity, quote, evidence, evidence_kind: quote or
act, target_kind: actor or issue, target_start/end, sentence_start/end, rules,
confidence}); stances under --stance-min-confidence are left out. Every
start/end is a character offset into text. Unreadable
files are reported on stderr, one line each.
Output is written whole lines only: on a write failure (a full disk) a regular
file is cut back to its last complete line, and --out FILE is written to a
temporary file that replaces FILE only when every article is written.

Exit code: 0 when every article was analysed, 1 when some were skipped or
failed, 2 on bad usage (also a corpus with no articles), 3 on a write failure.
"""


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {value}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, got {value}") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, got {value}")
    return number


def _share(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, got {value}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {value}")
    return number


def _chars(value: str) -> int:
    number = int(value)
    if number != 0 and number < 1_000:
        raise argparse.ArgumentTypeError(f"must be 0 (never cut) or at least 1000, got {value}")
    return number


def _add_engine_options(command) -> None:
    command.add_argument("--workers", type=_positive_int, metavar="N",
                         help="worker processes, each on one core (default: all cores, "
                         f"{_cores()} here); 1 runs everything in this process")
    command.add_argument("--scheduler", metavar="ADDRESS",
                         help="use a running dask.distributed cluster (e.g. tcp://host:8786) "
                         "instead of local worker processes; the run folder must be on a "
                         "file system that its workers share")


def _cores() -> int:
    from qawl.engine import default_workers

    return default_workers()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qawl",
        description="qawl: who is quoted, saying what, about whom, in Arabic news.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress at INFO level")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    corpus = commands.add_parser("corpus", help="summarise a corpus as JSON (counts, sources, dates, skipped files)",
                                 description="Print a JSON summary of a corpus: articles, words "
                                 "(whitespace-separated), sources, date_min/date_max, and the files "
                                 "skipped with their reason.")
    corpus.add_argument("paths", nargs="+", metavar="PATH", help="corpus file(s) or folder(s)")
    corpus.add_argument("--limit", type=_positive_int, help="read only the first N articles, in corpus order")

    analyze = commands.add_parser("analyze", help="analyse articles to JSON Lines on stdout",
                                  description=ANALYZE_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="corpus file(s) or folder(s)")
    analyze.add_argument("--limit", type=_positive_int,
                         help="analyse only the first N articles, in corpus order (no sampling)")
    analyze.add_argument("--backend", choices=NER_BACKENDS, default="auto",
                         help="NER backend: auto uses camel-tools' BERT when its data is installed, "
                         "else the built-in BiLSTM-CRF; crf is the faster CRF (default: auto)")
    analyze.add_argument("--lexicon", help="optional extra stance lexicon (CSV/TSV: term,polarity)")
    analyze.add_argument("--stance-reader", choices=STANCE_READERS, default="model",
                         help="stances from the learned reader added to the rules (model: finds more, "
                         "less precise) or from the rules alone (default: model)")
    analyze.add_argument("--stance-min-confidence", type=_share, default=STANCE_MIN_CONFIDENCE, metavar="P",
                         help="leave out stances whose confidence (an estimate of the share that are right) is "
                         f"under P; 0 keeps every stance found (default: {STANCE_MIN_CONFIDENCE})")
    analyze.add_argument("--time-budget", type=_seconds, default=10.0, metavar="SECONDS",
                         help="seconds one article may take over all stages; past it the article "
                         "is reported as failed and the next one goes on (0: no limit; default 10)")
    analyze.add_argument("--max-chars", type=_chars, default=50_000, metavar="N",
                         help="analyse longer articles (page dumps) in sections of at most N "
                         "characters, each its own record <doc_id>#<k> (0: never; default 50000)")
    analyze.add_argument("-o", "--out", metavar="FILE",
                         help="write the JSON Lines to FILE (atomically) instead of stdout")
    _add_engine_options(analyze)

    run = commands.add_parser("run", help="execute the notebooks into a run folder",
                              description="Execute notebooks/NN_*.ipynb in order with papermill, "
                              "passing corpus, output_dir, limit and seed to each. The first "
                              "notebook cuts the corpus into partitions (at most 500 articles) and "
                              "sends each through every stage on the worker processes; the others "
                              "show and plot the results. Writes the executed notebooks, tables/ "
                              "(one parquet part per partition, and a CSV per table), figures/, "
                              "run.json and report.html. Progress goes to stderr. A stopped run "
                              "(Ctrl-C, kill, crash, full disk) is finished with --resume. One run "
                              "at a time holds a folder (a second one exits 2).",
                              epilog=EXIT_CODES_HELP,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--corpus", default="seeds", help="corpus path (default: seeds)")
    run.add_argument("--out", help="run folder (default: outputs/<date-time>_<corpus name>)")
    run.add_argument("--limit", type=_positive_int,
                     help="analyse a random sample of N articles drawn across the whole corpus with "
                     "--seed (the same N and seed give the same articles; -p sample=False takes the "
                     "first N instead)")
    run.add_argument("--seed", type=int, default=0,
                     help="random seed of the --limit sample, the examples and the layouts, passed to "
                     "every notebook (default: 0)")
    run.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                     help="extra notebook parameter, e.g. -p backend=crf (repeatable)")
    run.add_argument("--overwrite", action="store_true",
                     help="replace an earlier run in --out: it is moved aside to --out.old-… "
                     "and deleted when the new run completes")
    run.add_argument("--resume", metavar="DIR",
                     help="finish the run in DIR with its own parameters: complete partitions are "
                     "kept, the others redone, every notebook rerun (--workers may change)")
    _add_engine_options(run)
    run.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                     help="log progress at INFO level")

    status = commands.add_parser("status", help="what a run folder holds, and how to finish it",
                                 description="Print the truth about a run folder: its status "
                                 "(a run whose process died is shown, and recorded, as "
                                 "interrupted), complete partitions, failures, and the command "
                                 "that finishes it. Exit code 0, or 2 when DIR holds no run.")
    status.add_argument("dir", metavar="DIR", help="a run folder")

    ner = commands.add_parser("ner-tag", help="tag a token-per-line file with BIO labels",
                              description="Read a token-per-line file (first column the token, "
                              "blank line between sentences) and write each line back with the "
                              "predicted BIO tag appended as the last column (tab-separated).")
    ner.add_argument("file", help="input file ('-' for stdin)")
    ner.add_argument("--backend", choices=NER_BACKENDS, default="auto")
    return parser


def usage_error(message: str) -> int:
    print(f"qawl: error: {message}", file=sys.stderr)
    return EXIT_USAGE


class OutputFailed(OSError):
    """Writing the output failed (a full disk, …): exit code 3, one line."""


class LineOutput:
    """Text written whole lines at a time, to stdout or atomically to a file.

    On stdout each line goes out in one write; if a write fails and stdout is a
    regular file (``> out.jsonl``), the file is cut back to its last complete
    line. With a path, lines go to a temporary file beside it that replaces the
    path in ``commit`` (nothing is left behind on failure).
    """

    def __init__(self, path: Optional[str] = None):
        self.path = Path(path) if path else None
        self.name = str(path) if path else "stdout"
        self.tmp: Optional[str] = None
        if self.path is not None:
            handle, self.tmp = tempfile.mkstemp(dir=self.path.parent or ".",
                                                prefix=f".{self.path.name}.", suffix=".tmp")
            self.fd: Optional[int] = handle
        else:
            sys.stdout.flush()
            self.fd = _stdout_fd()
        self.regular = self.fd is not None and stat.S_ISREG(os.fstat(self.fd).st_mode)

    def write(self, text: str) -> None:
        if self.fd is None:  # a stdout without a descriptor (captured in tests)
            sys.stdout.write(text)
            return
        data = text.encode("utf-8")
        start = os.lseek(self.fd, 0, os.SEEK_CUR) if self.regular else None
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError:
            raise
        except OSError as error:
            if start is not None:
                os.ftruncate(self.fd, start)  # no half line left behind
            raise OutputFailed(error.errno, f"cannot write {self.name}: {error.strerror}") from None

    def commit(self) -> None:
        if self.tmp is None:
            return
        try:
            os.fsync(self.fd)
            os.close(self.fd)
            self.fd = None
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.path)
        except OSError as error:
            raise OutputFailed(error.errno, f"cannot write {self.name}: {error.strerror}") from None
        self.tmp = None

    def discard(self) -> None:
        """The temporary file of an output that did not complete."""
        if self.tmp is not None:
            if self.fd is not None:
                os.close(self.fd)
            Path(self.tmp).unlink(missing_ok=True)
            self.tmp = None


def _stdout_fd() -> Optional[int]:
    try:
        return sys.stdout.fileno()
    except (AttributeError, io.UnsupportedOperation, ValueError):
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


SKIPS_NAMED = 5  # skipped inputs named one by one on stderr; the rest are counted by reason


class SkipSummary(logging.Filter):
    """On the corpus reader's logger: lets the first ``SKIPS_NAMED`` "skipped …" warnings through
    and counts every skipped input by reason, for one summary line at the end."""

    def __init__(self):
        super().__init__()
        self.reasons: dict[str, int] = {}

    @property
    def total(self) -> int:
        return sum(self.reasons.values())

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("skipped") or len(record.args or ()) != 2:
            return True
        reason = str(record.args[1])
        self.reasons[reason] = self.reasons.get(reason, 0) + 1
        return self.total <= SKIPS_NAMED


def skip_summary(reasons: dict[str, int], where: str) -> str:
    """One line: how many inputs were skipped, the commonest reasons, and where the full list is."""
    total = sum(reasons.values())
    top = sorted(reasons.items(), key=lambda item: -item[1])[:3]
    listed = "; ".join(f"{n} × {reason}" for reason, n in top) + ("; …" if len(reasons) > 3 else "")
    named = f"the first {SKIPS_NAMED} are named above, " if total > SKIPS_NAMED else ""
    return f"qawl: {total} inputs skipped ({listed}); {named}every one is listed in {where}"


@contextlib.contextmanager
def summarised_skips(where: str):
    """Name the first few skipped inputs, then print one line counting them all by reason."""
    summary = SkipSummary()
    reader = logging.getLogger("qawl.corpus")
    reader.addFilter(summary)
    try:
        yield summary
    finally:
        reader.removeFilter(summary)
        if summary.total > SKIPS_NAMED:
            print(skip_summary(summary.reasons, where), file=sys.stderr)


def cmd_corpus(args) -> int:
    from qawl.corpus import summarize_corpus
    from qawl.engine import no_articles_message

    with summarised_skips("the JSON summary (\"skipped\")"):
        summary = summarize_corpus(args.paths, limit=args.limit)
    output = LineOutput()
    output.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    if not summary["articles"]:
        return usage_error(no_articles_message(", ".join(args.paths), summary["skipped"]))
    return EXIT_INCOMPLETE if summary["skipped"] else EXIT_OK


def cmd_analyze(args) -> int:
    from qawl.engine import EngineConfig, analyse_corpus, no_articles_message
    from qawl.run import check_lexicon

    if args.lexicon:
        try:
            check_lexicon(args.lexicon)  # a bad lexicon is a usage error before any work
        except ValueError as error:
            return usage_error(str(error))
    if args.out and not Path(args.out).resolve().parent.is_dir():
        return usage_error(f"no such folder for --out: {Path(args.out).parent}")
    config = EngineConfig(backend=args.backend, lexicon=args.lexicon, stance_reader=args.stance_reader,
                          stance_min_confidence=args.stance_min_confidence,
                          time_budget=args.time_budget or None, max_chars=args.max_chars)
    skipped, failures, renamed = [], [], []
    output = LineOutput(args.out)
    written = 0
    try:
        with summarised_skips("`python -m qawl corpus` (its \"skipped\" list)"):
            for record in analyse_corpus(args.paths, limit=args.limit, workers=args.workers,
                                         scheduler=args.scheduler, config=config, skipped=skipped,
                                         failures=failures, renamed=renamed):
                output.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        if not written and not failures:
            return usage_error(no_articles_message(", ".join(args.paths), skipped))
        output.commit()
    finally:
        output.discard()
    for failure in failures:
        print(f"qawl: {failure['origin']}: {failure['stage']}: {failure['reason']}", file=sys.stderr)
    for rename in renamed:
        print(f"qawl: {rename.origin}: duplicate doc_id {rename.original!r} written as "
              f"{rename.doc_id!r}", file=sys.stderr)
    # the first skipped files were named on stderr by qawl.corpus's warning, the rest counted by reason
    return EXIT_INCOMPLETE if (skipped or failures) else EXIT_OK


def cmd_run(args) -> int:
    from qawl.run import (NotebookFailed, RunInterrupted, RunLocked, coerce_parameter,
                          default_run_id, read_run_json, resume_command, run_notebooks)

    extra = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            return usage_error(f"-p expects NAME=VALUE, got {item!r}")
        extra[name] = coerce_parameter(value)
    extra.update({k: getattr(args, k) for k in ("workers", "scheduler") if getattr(args, k)})
    if args.resume:
        out = Path(args.resume)
    else:
        out = Path(args.out) if args.out else Path("outputs") / default_run_id(args.corpus)
    started = time.time()
    try:
        run_dir = run_notebooks(args.corpus, out, limit=args.limit, seed=args.seed, extra=extra,
                                overwrite=args.overwrite, resume=bool(args.resume), progress=True)
    except (FileNotFoundError, FileExistsError, ValueError, RunLocked) as error:
        return usage_error(str(error))
    except NotebookFailed as error:
        replaced = (read_run_json(out.resolve()) or {}).get("replaces", [])
        kept = f"; the run it replaces is kept in {replaced[0]}" if replaced else ""
        print(f"qawl: {error}; the partial run is in {out} (finish it with "
              f"{resume_command(out.resolve())}){kept}", file=sys.stderr)
        return EXIT_IO if error.io_failure else EXIT_INCOMPLETE
    except RunInterrupted as error:
        return _report_interrupt(error, out)
    print(f"run folder: {run_dir}")
    print(f"report: {run_dir / 'report.html'}")
    print(f"took {time.time() - started:.0f} s")
    failures = (read_run_json(run_dir) or {}).get("failures", [])
    if failures:
        skipped = sum(1 for f in failures if f.get("stage") == "read")
        print(f"qawl: {skipped} inputs skipped and {len(failures) - skipped} articles failed "
              f"(listed in {run_dir / 'run.json'})", file=sys.stderr)
        reasons: dict[str, int] = {}
        for failure in failures:
            reason = f"{failure.get('stage', '?')}: {failure.get('reason', '?')}"
            reasons[reason] = reasons.get(reason, 0) + 1
        for reason, n in sorted(reasons.items(), key=lambda item: -item[1])[:3]:
            print(f"qawl:   {n} × {reason}", file=sys.stderr)
        return EXIT_INCOMPLETE
    return EXIT_OK


def _report_interrupt(error, out: Path) -> int:
    """One line, whatever stopped the run."""
    from qawl.run import read_run_json, resume_command

    run_dir = error.run_dir or out.resolve()
    resume = ((read_run_json(run_dir) or {}).get("resume") or {}) if run_dir.is_dir() else {}
    kept = (f"{resume['complete']} of {resume['total']} partitions complete; "
            if resume.get("total") is not None else "")
    print(f"qawl: interrupted ({signal.Signals(error.signum).name}); {kept}finish the run with "
          f"{resume.get('command') or resume_command(run_dir)}{error.note}", file=sys.stderr)
    return EXIT_SIGNAL_BASE + error.signum


def cmd_status(args) -> int:
    from qawl.run import run_status

    record = run_status(Path(args.dir))
    if record is None:
        return usage_error(f"{args.dir} holds no run (no run.json)")
    for line in status_lines(Path(args.dir).resolve(), record):
        print(line)
    return EXIT_OK


def status_lines(run_dir: Path, record: dict) -> list[str]:
    """The truth about a run, for a terminal."""
    from qawl.run import resume_command

    status = record.get("status", "unknown")
    why = record.get("interrupted") or record.get("error") or ""
    lines = [f"status: {status}" + (f" ({why})" if why else "")]
    holder = record.get("holder")
    if status == "running" and holder:
        lines.append(f"running: pid {holder.get('pid')} on {holder.get('host')} since "
                     f"{holder.get('started')}")
    lines.append(f"started: {record.get('started')}" +
                 (f", finished {record['finished']}" if record.get("finished") else ""))
    partitions = record.get("partitions") or {}
    if partitions.get("total") is not None:
        lines.append(f"partitions: {len(partitions.get('complete', []))} of "
                     f"{partitions['total']} complete")
    failures = record.get("failures", [])
    skipped = sum(1 for f in failures if f.get("stage") == "read")
    lines.append(f"failures: {skipped} inputs skipped, {len(failures) - skipped} articles failed")
    if status != "ok" and status != "running":
        lines.append(f"resume: {resume_command(run_dir)}")
    for name in record.get("replaces", []):
        lines.append(f"replaces: {name} (deleted when this run completes)")
    return lines


def cmd_ner_tag(args) -> int:
    from qawl.entities import tag_conll

    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8-sig")
    except OSError as error:
        return usage_error(f"cannot read {args.file}: {error.strerror}")
    output = LineOutput()
    with handle:
        for line in tag_conll(handle, backend=args.backend):
            output.write(line + "\n")
    return EXIT_OK


COMMANDS = {"corpus": cmd_corpus, "analyze": cmd_analyze, "run": cmd_run, "status": cmd_status,
            "ner-tag": cmd_ner_tag}


class Terminated(KeyboardInterrupt):
    """SIGTERM, as an exception, so that cleanup code runs (``finally``) before exit."""

    signum = signal.SIGTERM


def _raise_terminated(signum, frame):
    raise Terminated()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad usage, 0 on --help
        return int(exit_.code or 0)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="qawl: %(message)s", stream=sys.stderr)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    paths = getattr(args, "paths", [])
    if "-" in paths:
        return usage_error("'-' (stdin) is not a corpus: give a file or a folder")
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        return usage_error(f"no such file or folder: {', '.join(missing)}")
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if threading_is_main() else None
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt as interrupt:
        signum = getattr(interrupt, "signum", signal.SIGINT)
        print(f"qawl: {'stopped by SIGTERM' if signum == signal.SIGTERM else 'interrupted'}",
              file=sys.stderr)
        return EXIT_SIGNAL_BASE + signum
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except OSError as error:  # the disk, not the analysis: one line
        if args.verbose:
            raise
        where = f" ({error.filename})" if error.filename else ""
        print(f"qawl: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_IO
    except Exception as error:  # a researcher gets one line, not a traceback
        if args.verbose:
            raise
        print(f"qawl: error: {type(error).__name__}: {error} (rerun with -v for the traceback)",
              file=sys.stderr)
        return EXIT_INCOMPLETE
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def threading_is_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
