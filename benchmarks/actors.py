"""Actors across a corpus (issue 16): alias merge precision/recall, role and affiliation accuracy.

    .venv/bin/python benchmarks/actors.py                  # both gold sets, dev and test
    .venv/bin/python benchmarks/actors.py --errors         # also the dev errors (never the test ones)
    .venv/bin/python benchmarks/actors.py --run DIR        # another run folder of the same 500 articles
    .venv/bin/python benchmarks/actors.py --set dev2       # the second, fresh role set (dev only, all of it)
    .venv/bin/python benchmarks/actors.py --set dev2 --errors
    .venv/bin/python benchmarks/actors.py --set dev3       # the third fresh set
    .venv/bin/python benchmarks/actors.py --set dev3 --disable R-AGE   # what one rule adds (results file untouched)

The gold (``benchmarks/actors/``, rules in ``ALIASES.md`` and ``ROLES.md``) was
labelled from a run over 500 ANT articles; the system's alias table is built with
``qawl.actors.build_aliases`` over that run's quotes, stances and mentions
(``qawl.actors.run_occurrences``). When the run folder is missing it is made first:

    .venv/bin/python -m qawl run --corpus ../shared/corpora/ant --limit 500 --out /tmp/actors_ant500 --workers 2

Gold alias keys (and role and affiliation items, by form) are split into dev and test
halves by a seeded hash; the test half is reported, never looked at for errors. Writes
``benchmarks/actors_results.json``.

``--set dev2``: 200 more speaker forms (``roles_dev2.tsv``, ``affiliations_dev2.tsv``),
labelled blind from a run over 500 other ANT articles (``dev2_articles.txt``; run folder
``/tmp/roles_ant2``, remade when missing from a temporary folder of links to those
articles). All of it is development data: no split, errors printed with ``--errors``.
Its numbers are written under ``dev2`` in the results file; the first set's are kept.
``--set dev3``: 200 more, labelled the same way from 500 further ANT articles
(``dev3_articles.txt``, run ``/tmp/roles_ant3``), labelled after the dev2 rules were written
and used to check the next rules on data they were not chosen on. ``--set dev4``: 200 more from
500 further ANT articles (``dev4_articles.txt``, run ``/tmp/roles_ant4``), labelled while the
rules of round 3 (chosen on dev3) were written, so that they are scored on data no rule saw.
``--set dev5``: 200 more from 500 further ANT articles (``dev5_articles.txt``, run ``/tmp/roles_ant5``;
drawn with ``actors/pick_roles_corpus.py --name dev5 --seed 22`` and ``actors/role_items.py --seed 23``),
labelled blind while the rules of round 4 (chosen on dev4) were written. ``--set dev6``: the same from
``dev6_articles.txt`` (seeds 24 and 25, run ``/tmp/roles_ant6``), labelled while round 5 (chosen on
dev5) was written. ``--set dev7``: the same from ``dev7_articles.txt`` (seeds 26 and 27, run
``/tmp/roles_ant7``), labelled blind while the learned role reader (``benchmarks/role_model.py``) was
built, and used only to judge it. ``--set dev8``: the same from ``dev8_articles.txt`` (seeds 28 and 29, run
``/tmp/roles_ant8``), labelled blind while session 19's actor rules were chosen, and used only to judge them.
``--set dev9``: the same from ``dev9_articles.txt`` (seeds 30 and 31, run ``/tmp/roles_ant9``), labelled blind
while session 20's speaker and role changes were made, and used only to judge them.
``--set dev10``: the same from ``dev10_articles.txt`` (seeds 32 and 33, run ``/tmp/roles_ant10``), labelled
blind while session 21's changes were made, and used only to judge them.
``--set dev11``: the same from ``dev11_articles.txt`` (seeds 34 and 35, run ``/tmp/roles_ant11``), labelled
blind while session 22's changes were made, and used only to judge them.
``--set dev12``: the same from ``dev12_articles.txt`` (the 401 ANT articles left in the pool, seeds 36 and 37,
run ``/tmp/roles_ant12_s42``), labelled blind by two annotators in session 42 and used to judge its role changes.
``--set dev13``: the first set from SaudiNewsNet, the ANT pool being used up: 200 speakers of a run over 400 SaudiNewsNet
articles that no gold file holds (``dev13_articles.txt``, ``pick_roles_corpus.py --corpus snn --seed 43 --size 400``,
run ``/tmp/roles_snn13``), labelled blind by two annotators in session 43.
``--set dev14``: the same from ``dev14_articles.txt`` (``pick_roles_corpus.py --corpus snn --seed 44 --size 400``, run
``/tmp/roles_snn14``), labelled blind by two annotators in session 44 and first used to judge its role changes.
``--set dev15``: the same from ``dev15_articles.txt`` (``pick_roles_corpus.py --corpus snn --seed 45 --size 400``, run
``/tmp/roles_snn15``, items ``role_items.py --seed 45``), labelled blind by two annotators in session 45 and used to
judge its role changes.
``--set dev16``: the same from ``dev16_articles.txt`` (``pick_roles_corpus.py --corpus snn --seed 46 --size 400``, run
``/tmp/roles_snn16``, items ``role_items.py --seed 46``), labelled blind by two annotators in session 46 and used to
judge its role changes.

Affiliations are read from the gold of the main checkout (``AFFILIATIONS_GOLD``, or
``--affiliations``): one per row of ``roles_gold.tsv``, the country or organisation the
article says the speaker speaks for (``-`` for none). The system's is the ``affiliation``
of the form's actor in the alias table. A match (``accuracy``): both none, or the same
name once normalised (``qawl.actors.name_key`` and the spelling variants of
``data/actors``), or one name's words inside the other's (شركة أوبر ~ أوبر; الجيش
الإسرائيلي ~ الجيش الإسرائيلي). ``exact``: the same normalised name only. ``or_country``:
a match with the gold affiliation or with its gold country (إسرائيل for الجيش الإسرائيلي).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from qawl import actors  # noqa: E402
from qawl.clean import match_form  # noqa: E402

GOLD = ROOT / "benchmarks" / "actors"
RESULTS = ROOT / "benchmarks" / "actors_results.json"
SPLIT_SALT = "qawl-actors-16"
DEFAULT_RUN = Path("/tmp/actors_ant500")
EXTRA_RUNS = {"dev2": Path("/tmp/roles_ant2"), "dev3": Path("/tmp/roles_ant3"), "dev4": Path("/tmp/roles_ant4"),
              "dev5": Path("/tmp/roles_ant5"), "dev6": Path("/tmp/roles_ant6"),
              "dev7": Path("/tmp/roles_ant7"), "dev8": Path("/tmp/roles_ant8"),
              "dev9": Path("/tmp/roles_ant9"), "dev10": Path("/tmp/roles_ant10"),
              "dev11": Path("/tmp/roles_ant11"), "dev12": Path("/tmp/roles_ant12"),
              "dev13": Path("/tmp/roles_snn13"), "dev14": Path("/tmp/roles_snn14"),
              "dev15": Path("/tmp/roles_snn15"),
              "dev16": Path("/tmp/roles_snn16")}  # --set NAME: its run folder
SCALE_RUN = Path("/tmp/full_run")  # --set scale: a run over both whole corpora
AFFILIATIONS_GOLD = Path("/work/main/benchmarks/actors/affiliations_gold.tsv")
GENERIC = "-"


def shared_dir() -> Path:
    return Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))


def part_of(value: str) -> str:
    """dev or test, from a seeded hash of a gold key (or form)."""
    digest = hashlib.sha256(f"{SPLIT_SALT}\0{value}".encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def ensure_run(run_dir: Path) -> None:
    if (run_dir / "tables").is_dir():
        return
    corpus = shared_dir() / "corpora" / "ant"
    command = [sys.executable, "-m", "qawl", "run", "--corpus", str(corpus), "--limit", "500",
               "--out", str(run_dir), "--workers", "2"]
    print("making the run:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, cwd=ROOT)


def ensure_set_run(name: str, run_dir: Path) -> None:
    """Make the run of an extra set when missing, from the articles of <name>_articles.txt: a
    temporary folder of links to ANT files, or of one JSONL of SaudiNewsNet records (their
    articles sit inside daily archives), whose "id" keeps the corpus's doc id."""
    if (run_dir / "tables").is_dir():
        return
    corpus = shared_dir() / "corpora"
    doc_ids = (GOLD / f"{name}_articles.txt").read_text(encoding="utf-8").split()
    links = Path(tempfile.mkdtemp(prefix=f"qawl_{name}_")) / "roles_corpus"
    links.mkdir()
    if all(doc_id.startswith("snn/") for doc_id in doc_ids):
        write_snn_records(set(doc_ids), corpus / "saudinewsnet", links / "articles.jsonl")
    else:
        link_ant_files(doc_ids, corpus, links)
    command = [sys.executable, "-m", "qawl", "run", "--corpus", str(links), "--out", str(run_dir),
               "--workers", "2"]
    print(f"making the {name} run:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, cwd=ROOT)


def link_ant_files(doc_ids: list[str], corpus: Path, links: Path) -> None:
    for doc_id in doc_ids:
        relative = Path(doc_id)  # ant/<source>/<section>/<file>
        target = corpus / relative
        if not target.exists():
            raise FileNotFoundError(f"article missing from the corpus: {target}")
        link = links / relative.relative_to(relative.parts[0])
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)


def write_snn_records(doc_ids: set[str], corpus: Path, path: Path) -> None:
    from qawl.corpus import load_corpus
    articles = [article for article in load_corpus(corpus) if article.doc_id in doc_ids]
    if len(articles) != len(doc_ids):
        raise FileNotFoundError(f"{len(doc_ids) - len(articles)} SaudiNewsNet articles missing from {corpus}")
    write_records(articles, path)


def write_records(articles: list, path: Path) -> None:
    """One JSON record per article, read back by ``python -m qawl run``: its "id" keeps the corpus's doc id."""
    with open(path, "w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": article.doc_id, "text": article.raw_text, "source": article.source, "date": article.date}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def pair_scores(rows: list[dict], predicted: dict) -> dict:
    """Pairwise precision/recall over the named gold forms of ``rows``."""
    named = [r for r in rows if r["key"] != GENERIC]
    tp = fp = fn = 0
    for a, b in itertools.combinations(named, 2):
        gold = a["key"] == b["key"]
        pred = predicted[a["form"]] == predicted[b["form"]]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    generic = [r for r in rows if r["key"] == GENERIC]
    return {
        "forms": len(rows), "named_forms": len(named), "actors": len({r["key"] for r in named}),
        "gold_pairs": tp + fn, "predicted_pairs": tp + fp, "true_pairs": tp,
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
        "generic_forms": len(generic),
        "generic_found": round(sum(predicted[r["form"]].startswith(actors.GENERIC_PREFIX) for r in generic)
                               / len(generic), 3) if generic else None,
        "named_called_generic": sum(predicted[r["form"]].startswith(actors.GENERIC_PREFIX) for r in named),
    }


def alias_part(gold: list[dict], part: str) -> list[dict]:
    """The gold alias rows of one half: named forms by their actor key, the others by form."""
    return [r for r in gold if part_of(r["key"] if r["key"] != GENERIC else r["form"]) == part]


def alias_text(a: dict) -> str:
    return (f"aliases: {a['named_forms']} named forms, {a['actors']} actors, {a['gold_pairs']} gold pairs"
            f"  precision {a['precision']:.3f}  recall {a['recall']:.3f}  F1 {a['f1']:.3f}"
            f"  | generic found {a['generic_found']} of {a['generic_forms']}")


def alias_errors(rows: list[dict], predicted: dict) -> list[str]:
    named = [r for r in rows if r["key"] != GENERIC]
    lines = []
    for a, b in itertools.combinations(named, 2):
        gold = a["key"] == b["key"]
        pred = predicted[a["form"]] == predicted[b["form"]]
        if gold and not pred:
            lines.append(f"split   {a['form']} | {b['form']}  ({predicted[a['form']]} / {predicted[b['form']]})")
        elif pred and not gold:
            lines.append(f"merged  {a['form']} | {b['form']}  (gold {a['key']} / {b['key']})")
    for r in rows:
        if r["key"] == GENERIC and not predicted[r["form"]].startswith(actors.GENERIC_PREFIX):
            lines.append(f"named   {r['form']}  -> {predicted[r['form']]}")
    return sorted(lines)


def marked_surface(context: str) -> str:
    """The speaker as the article writes it: the words a gold context marks with [[ ]]."""
    start, end = context.find("[["), context.find("]]")
    return context[start + 2:end].strip() if 0 <= start < end else ""


def current_forms(items: list[dict], occurrences, known: set, contexts: dict | None = None) -> list[str]:
    """Each gold item's form in this run's alias table. A gold row is keyed by the speaker's form
    when it was labelled; where a later speaker rule changed that form (شركة جونز لانج لاسال → شركة
    جونز لانج لاسال للاستشارات), the item is found again by its occurrence: the run's quote speaker
    of the same article written as the context marks it (the same words, else one holding the other)."""
    quotes = occurrences[occurrences["source"] == "quote"]
    by_doc = {doc: list(zip(rows["surface"], rows["form"])) for doc, rows in quotes.groupby("doc_id")}
    forms = []
    for i in items:
        context = i.get("context") or (contexts or {}).get((i["form"], i["doc_id"], i["quote"]), "")
        surface = match_form(marked_surface(context))
        if i["form"] in known or not surface:
            forms.append(i["form"])
            continue
        found = by_doc.get(i["doc_id"], [])
        same = [form for s, form in found if match_form(s) == surface]
        near = [form for s, form in found if s and (match_form(s) in surface or surface in match_form(s))]
        forms.append((same or near or [i["form"]])[0])
    return forms


# A gold form that no row of the run has (not even found by its occurrence) is no speaker of the
# run: the system gives it no role, which is right exactly when the gold says it names nobody.
ABSENT_ROLE = "none"


def role_scores(items: list[dict], roles: dict, forms: list[str] | None = None) -> dict:
    forms = forms or [i["form"] for i in items]
    right = sum(roles.get(form, ABSENT_ROLE) == i["role"] for form, i in zip(forms, items))
    return {"speakers": len(items), "correct": right, "rekeyed": sum(form != i["form"] for form, i in zip(forms, items)),
            "accuracy": round(right / len(items), 3) if items else None}


def affiliation_key(name: str) -> str:
    """A name's key for comparing affiliations: name_key, then the spelling variant it is listed as."""
    if name in ("", GENERIC):
        return ""
    key = actors.name_key(name)
    variants = actors.lexicons().variants
    key = actors.name_key(variants[key]) if key in variants else key
    return actors.name_key(actors.lexicons().capitals[key]) if key in actors.lexicons().capitals else key


def same_affiliation(system: str, gold: str, exact: bool = False) -> bool:
    a, b = affiliation_key(system), affiliation_key(gold)
    if not a or not b:
        return a == b
    if a == b or exact:
        return a == b
    short, long = sorted((tuple(a.split()), tuple(b.split())), key=len)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def affiliation_scores(items: list[dict], affiliations: dict, forms: list[str] | None = None) -> dict:
    def share(hits):
        return {"correct": hits, "accuracy": round(hits / len(items), 3) if items else None}
    system = [affiliations.get(form, "") for form in forms or [i["form"] for i in items]]
    named = [i for i in items if i["affiliation"] != GENERIC]
    return {"speakers": len(items), "gold_named": len(named),
            **share(sum(same_affiliation(s, i["affiliation"]) for s, i in zip(system, items))),
            "exact": share(sum(same_affiliation(s, i["affiliation"], exact=True) for s, i in zip(system, items))),
            "or_country": share(sum(same_affiliation(s, i["affiliation"]) or
                                    (i["country"] != GENERIC and same_affiliation(s, i["country"]))
                                    for s, i in zip(system, items))),
            "system_named": sum(bool(s) for s in system)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("first", *EXTRA_RUNS, "scale"), default="first",
                        help="first: roles_gold.tsv (dev and test halves); dev2 … dev12: roles_<set>.tsv")
    parser.add_argument("--run", type=Path, default=None,
                        help=f"the run folder ({DEFAULT_RUN}; for an extra set: {', '.join(map(str, EXTRA_RUNS.values()))})")
    parser.add_argument("--errors", action="store_true", help="print the dev errors")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off (repeatable) to measure what it adds; the results file is left alone")
    parser.add_argument("--affiliations", type=Path, default=AFFILIATIONS_GOLD,
                        help="the gold affiliations of the first set (read, never copied)")
    args = parser.parse_args(argv)
    if args.set == "scale":
        return main_scale(args.run or SCALE_RUN, args.errors, frozenset(args.disable))
    if args.set in EXTRA_RUNS:
        return main_set(args.set, args.run or EXTRA_RUNS[args.set], args.errors, frozenset(args.disable))
    args.run = args.run or DEFAULT_RUN
    ensure_run(args.run)
    started = time.time()
    occurrences = actors.run_occurrences(args.run)
    table = actors.build_aliases(occurrences, disabled=args.disable)
    seconds = time.time() - started
    keys = dict(zip(table["form"], table["key"]))
    roles = dict(zip(table["form"], table["role"]))
    affiliations = dict(zip(table["form"], table["affiliation"]))
    affiliation_items = read_tsv(args.affiliations) if args.affiliations.exists() else []
    gold = read_tsv(GOLD / "aliases_gold.tsv")
    predicted = {r["form"]: keys.get(r["form"], "missing:" + r["form"]) for r in gold}
    missing = [r["form"] for r in gold if r["form"] not in keys]
    items = read_tsv(GOLD / "roles_gold.tsv")
    known = set(table["form"])
    contexts = {(i["form"], i["doc_id"], i["quote"]): i["context"] for i in items}
    results = {"run": str(args.run), "forms_in_table": len(table), "actors": int(table["key"].nunique()),
               "seconds": round(seconds, 1), "gold_forms_missing": missing, "aliases": {}, "roles": {},
               "affiliations": {}}
    for part in ("dev", "test"):
        rows = alias_part(gold, part)
        results["aliases"][part] = pair_scores(rows, predicted)
        part_items = [i for i in items if part_of(i["form"]) == part]
        results["roles"][part] = role_scores(part_items, roles, current_forms(part_items, occurrences, known))
        if affiliation_items:
            part_affiliations = [i for i in affiliation_items if part_of(i["form"]) == part]
            results["affiliations"][part] = affiliation_scores(
                part_affiliations, affiliations, current_forms(part_affiliations, occurrences, known, contexts))
    for part in ("dev", "test"):
        a, r = results["aliases"][part], results["roles"][part]
        print(f"{part:4}  {alias_text(a)}"
              f"  | roles: {r['correct']}/{r['speakers']} = {r['accuracy']:.3f} ({r['rekeyed']} found by occurrence)")
        f = results["affiliations"].get(part)
        if f:
            print(f"{part:4}  affiliations: {f['correct']}/{f['speakers']} = {f['accuracy']:.3f}"
                  f"  exact {f['exact']['accuracy']:.3f}  or country {f['or_country']['accuracy']:.3f}"
                  f"  | gold named {f['gold_named']}, system named {f['system_named']}")
    print(f"alias table: {len(table)} forms, {results['actors']} actors, built in {seconds:.1f} s;"
          f" {len(missing)} gold forms not in the run's tables")
    if args.errors:
        rows = alias_part(gold, "dev")
        print("\n".join(alias_errors(rows, predicted)))
        dev_items = [i for i in items if part_of(i["form"]) == "dev"]
        print_role_errors(dev_items, roles, current_forms(dev_items, occurrences, known))
        dev_affiliations = [i for i in affiliation_items if part_of(i["form"]) == "dev"]
        for i, form in zip(dev_affiliations, current_forms(dev_affiliations, occurrences, known, contexts)):
            if not same_affiliation(affiliations.get(form, ""), i["affiliation"]):
                print(f"affiliation  {i['form']}: gold {i['affiliation']} ({i['country']}; {i['evidence']}),"
                      f" system {affiliations.get(form, '') or '-'}")
    if args.disable:
        return 0
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for name, kept in previous.items():
        results.setdefault(name, kept)  # the other sets' results (dev2 …, scale) stay
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def print_role_errors(items: list[dict], roles: dict, forms: list[str] | None = None) -> None:
    confusion = Counter()
    for i, form in zip(items, forms or [i["form"] for i in items]):
        system = roles.get(form, ABSENT_ROLE)
        if system != i["role"]:
            confusion[(i["role"], system)] += 1
            print(f"role  {i['form']}: gold {i['role']}, system {system}  [{i['doc_id']} #{i['quote']}]")
    print(confusion.most_common())


def ensure_scale_run(run_dir: Path) -> None:
    """Make the run over both whole corpora when missing (about 20 minutes on two cores)."""
    if (run_dir / "tables").is_dir():
        return
    corpus = Path(tempfile.mkdtemp(prefix="qawl_scale_")) / "corpus"
    corpus.mkdir()
    for name in ("ant", "saudinewsnet"):
        (corpus / name).symlink_to(shared_dir() / "corpora" / name)
    command = [sys.executable, "-m", "qawl", "run", "--corpus", str(corpus), "--out", str(run_dir), "--workers", "2"]
    print("making the run over both corpora:", " ".join(command), file=sys.stderr)
    subprocess.run(command, check=True, cwd=ROOT)


def main_scale(run: Path, errors: bool, disabled: frozenset = frozenset()) -> int:
    """Alias merge precision and recall at corpus scale (``aliases_scale.tsv``), dev and test halves."""
    ensure_scale_run(run)
    started = time.time()
    table = actors.build_aliases(actors.run_occurrences(run), disabled=disabled)
    seconds = time.time() - started
    keys = dict(zip(table["form"], table["key"]))
    gold = read_tsv(GOLD / "aliases_scale.tsv")
    predicted = {r["form"]: keys.get(r["form"], "missing:" + r["form"]) for r in gold}
    results = {"run": str(run), "forms_in_table": len(table), "actors": int(table["key"].nunique()),
               "seconds": round(seconds, 1), "gold_forms_missing": [r["form"] for r in gold if r["form"] not in keys],
               "aliases": {}}
    for part in ("dev", "test"):
        rows = alias_part(gold, part)
        a = results["aliases"][part] = pair_scores(rows, predicted)
        print(f"scale {part:4}  {alias_text(a)}")
    print(f"alias table: {len(table)} forms, {results['actors']} actors, built in {seconds:.1f} s;"
          f" {len(results['gold_forms_missing'])} gold forms not in the run's tables")
    if errors:
        rows = alias_part(gold, "dev")
        print("\n".join(alias_errors(rows, predicted)))
    if disabled:
        return 0
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    previous["scale"] = results
    RESULTS.write_text(json.dumps(previous, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def main_set(name: str, run: Path, errors: bool, disabled: frozenset = frozenset()) -> int:
    """Roles and affiliations of roles_<name>.tsv / affiliations_<name>.tsv over that set's run (all development)."""
    ensure_set_run(name, run)
    started = time.time()
    occurrences = actors.run_occurrences(run)
    table = actors.build_aliases(occurrences, disabled=disabled)
    seconds = time.time() - started
    roles = dict(zip(table["form"], table["role"]))
    affiliations = dict(zip(table["form"], table["affiliation"]))
    items = read_tsv(GOLD / f"roles_{name}.tsv")
    affiliation_items = read_tsv(GOLD / f"affiliations_{name}.tsv")
    known = set(table["form"])
    contexts = {(i["form"], i["doc_id"], i["quote"]): i.get("context", "") for i in items}
    missing = sorted({i["form"] for i in items} - known)
    forms, affiliation_forms = current_forms(items, occurrences, known), current_forms(affiliation_items, occurrences, known, contexts)
    r = role_scores(items, roles, forms)
    f = affiliation_scores(affiliation_items, affiliations, affiliation_forms)
    print(f"{name}  roles: {r['correct']}/{r['speakers']} = {r['accuracy']:.3f} ({r['rekeyed']} found by occurrence)")
    print(f"{name}  affiliations: {f['correct']}/{f['speakers']} = {f['accuracy']:.3f}"
          f"  exact {f['exact']['accuracy']:.3f}  or country {f['or_country']['accuracy']:.3f}"
          f"  | gold named {f['gold_named']}, system named {f['system_named']}")
    print(f"alias table: {len(table)} forms, {int(table['key'].nunique())} actors, built in {seconds:.1f} s;"
          f" {len(missing)} {name} forms not in the run's tables")
    if errors:
        print_role_errors(items, roles, forms)
        for i, form in zip(affiliation_items, affiliation_forms):
            if not same_affiliation(affiliations.get(form, ""), i["affiliation"]):
                print(f"affiliation  {i['form']}: gold {i['affiliation']} ({i['country']}; {i['evidence']}),"
                      f" system {affiliations.get(form, '') or '-'}")
    if disabled:
        return 0
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[name] = {"run": str(run), "forms_in_table": len(table), "seconds": round(seconds, 1),
                       "gold_forms_missing": missing, "roles": r, "affiliations": f}
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
