"""Command line: ``python -m qawl {corpus,analyze,run,ner-tag} …``."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

logger = logging.getLogger("qawl")

NER_BACKENDS = ("auto", "crf", "lstm", "camel")  # qawl.entities.BACKENDS, without importing it

EXAMPLES = """\
examples:
  python -m qawl corpus ../shared/corpora/ant            # count articles, words, sources, dates
  python -m qawl analyze seeds/000_3ac1dc030114536f.txt  # one JSON object per article
  python -m qawl analyze corpus_dir --limit 100 > out.jsonl
  python -m qawl run --corpus seeds                      # all notebooks into outputs/<run_id>/
  python -m qawl run --corpus ../shared/corpora/saudinewsnet --limit 500 --out outputs/snn500
  python -m qawl run --corpus big_corpus --workers 8 --out outputs/big  # 8 worker processes
  python -m qawl run --resume outputs/big                # finish a run that was stopped
  python -m qawl run --corpus big_corpus --scheduler tcp://10.0.0.5:8786  # a running dask cluster
  python -m qawl ner-tag tokens.txt > tagged.txt         # CoNLL-style tagging for your own scorer

Corpora may be a .txt file, a folder of .txt files, SaudiNewsNet zips of JSON,
ANT pseudo-XML files, JSON Lines, JSON arrays or CSV with a 'text' column, or a
folder mixing them. Encodings: UTF-8 (with or without BOM), UTF-16, Windows-1256.
"""

ANALYZE_HELP = """\
Write one JSON object per article to stdout (JSON Lines) with: doc_id, source,
date, title, text (the cleaned text), blocks (title/caption/subheading/body/
source_line spans), sources (from the source line), entities ({text, label,
start, end, canonical}), quotes ({type, cue, content, speaker, confidence}) and
stances ({speaker, target, polarity, quote}). Every start/end is a character
offset into text. Unreadable files are reported on stderr, one line each.
Exit code: 0 when every article was analysed, 1 when some were skipped, 2 on
bad usage.
"""


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {value}")
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
    corpus.add_argument("--limit", type=_positive_int, help="stop after N articles")

    analyze = commands.add_parser("analyze", help="analyse articles to JSON Lines on stdout",
                                  description=ANALYZE_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="corpus file(s) or folder(s)")
    analyze.add_argument("--limit", type=_positive_int, help="stop after N articles")
    analyze.add_argument("--backend", choices=NER_BACKENDS, default="auto",
                         help="NER backend: auto uses camel-tools' BERT when its data is installed, "
                         "else the built-in BiLSTM-CRF; crf is the faster CRF (default: auto)")
    analyze.add_argument("--lexicon", help="optional extra stance lexicon (CSV/TSV: term,polarity)")
    _add_engine_options(analyze)

    run = commands.add_parser("run", help="execute the notebooks into a run folder",
                              description="Execute notebooks/NN_*.ipynb in order with papermill, "
                              "passing corpus, output_dir, limit and seed to each. The first "
                              "notebook cuts the corpus into partitions (at most 500 articles) and "
                              "sends each through every stage on the worker processes; the others "
                              "show and plot the results. Writes the executed notebooks, tables/ "
                              "(one parquet part per partition, and a CSV per table), figures/, "
                              "run.json and report.html. Progress goes to stderr. A stopped run "
                              "(Ctrl-C, kill, crash, full disk) is finished with --resume.")
    run.add_argument("--corpus", default="seeds", help="corpus path (default: seeds)")
    run.add_argument("--out", help="run folder (default: outputs/<date-time>_<corpus name>)")
    run.add_argument("--limit", type=_positive_int, help="stop after N articles")
    run.add_argument("--seed", type=int, default=0, help="random seed passed to every notebook")
    run.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                     help="extra notebook parameter, e.g. -p backend=crf (repeatable)")
    run.add_argument("--overwrite", action="store_true", help="delete an earlier run in --out and start again")
    run.add_argument("--resume", metavar="DIR",
                     help="finish the run in DIR with its own parameters: complete partitions are "
                     "kept, the others redone, every notebook rerun (--workers may change)")
    _add_engine_options(run)
    run.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                     help="log progress at INFO level")

    ner = commands.add_parser("ner-tag", help="tag a token-per-line file with BIO labels",
                              description="Read a token-per-line file (first column the token, "
                              "blank line between sentences) and write each line back with the "
                              "predicted BIO tag appended as the last column (tab-separated).")
    ner.add_argument("file", help="input file ('-' for stdin)")
    ner.add_argument("--backend", choices=NER_BACKENDS, default="auto")
    return parser


def usage_error(message: str) -> int:
    print(f"qawl: error: {message}", file=sys.stderr)
    return 2


def cmd_corpus(args) -> int:
    from qawl.corpus import summarize_corpus

    summary = summarize_corpus(args.paths, limit=args.limit)
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 1 if summary["skipped"] else 0


def cmd_analyze(args) -> int:
    from qawl.engine import EngineConfig, analyse_corpus
    from qawl.stance import load_lexicon

    load_lexicon(args.lexicon)  # a bad lexicon is a usage error before any work
    config = EngineConfig(backend=args.backend, lexicon=args.lexicon)
    skipped, failures = [], []
    for record in analyse_corpus(args.paths, limit=args.limit, workers=args.workers,
                                 scheduler=args.scheduler, config=config, skipped=skipped,
                                 failures=failures):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    for failure in failures:
        print(f"qawl: {failure['origin']}: {failure['stage']}: {failure['reason']}", file=sys.stderr)
    # each skipped file was already reported on stderr by qawl.corpus's warning
    return 1 if (skipped or failures) else 0


def cmd_run(args) -> int:
    from qawl.run import NotebookFailed, coerce_parameter, default_run_id, run_notebooks

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
    except (FileNotFoundError, FileExistsError, ValueError) as error:
        return usage_error(str(error))
    except NotebookFailed as error:
        print(f"qawl: {error}; the partial run is in {out} (finish it with "
              f"python -m qawl run --resume {out})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"qawl: interrupted; finish the run with python -m qawl run --resume {out}",
              file=sys.stderr)
        return 130
    print(f"run folder: {run_dir}")
    print(f"report: {run_dir / 'report.html'}")
    print(f"took {time.time() - started:.0f} s")
    return 0


def cmd_ner_tag(args) -> int:
    from qawl.entities import tag_conll

    try:
        handle = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8-sig")
    except OSError as error:
        return usage_error(f"cannot read {args.file}: {error.strerror}")
    with handle:
        for line in tag_conll(handle, backend=args.backend):
            sys.stdout.write(line + "\n")
    return 0


COMMANDS = {"corpus": cmd_corpus, "analyze": cmd_analyze, "run": cmd_run, "ner-tag": cmd_ner_tag}


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
        return 2
    paths = getattr(args, "paths", [])
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        return usage_error(f"no such file or folder: {', '.join(missing)}")
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except Exception as error:  # a researcher gets one line, not a traceback
        if args.verbose:
            raise
        print(f"qawl: error: {type(error).__name__}: {error} (rerun with -v for the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
