"""Fine-tune the BiLSTM-CRF ensemble on annotated news (``ANNOTATION.md`` entity groups), seeded.

The shipped ensemble (``qawl.entities.train_neural``) learned ANERcorp: news of the 2000s and
its conventions. The project's gold files list, for each article, the surface forms of its
persons, places and organisations. Projected onto the article's tokens they are in-domain
training sentences: every occurrence of a listed form is tagged (its proclitics allowed on the
first word, لل for ال), the longest forms first, and the rest of the sentence is O.

Two kinds of listed forms are not projected as they are written:

- a place or medium head opening a form (مدينة دوما، صحيفة "ذا صن"): the name is what follows,
  as ANERcorp tags it and as the other forms of the group give it;
- a single definite word that the corpora do not use as a name (النظام، الفصائل، الحزب): the
  group's generic form, which would teach the tagger to tag the common noun everywhere. The
  sentences where it stands for the entity are left out, so that they do not teach O for it.

Each member of the ensemble then trains ``epochs`` passes over these sentences and ANERcorp
train (kept so that nothing learned there is lost), the word vectors and the language model
frozen as before. ``benchmarks/ner_finetune.py`` measures the procedure on a block of gold
articles held out of it and chose its settings; the test part of ``benchmarks/split.json``
is never read here.

    python -m qawl.entities.finetune --base DIR --gold FILE [FILE …] --split benchmarks/split.json \\
        --part dev --out src/qawl/models
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from qawl.clean import clean_article, match_form
from qawl.entities.features import gazetteer
from qawl.entities.mentions import PROCLITICS, sentence_tokens
from qawl.entities.tagger import read_as_name
from qawl.schema import Article

logger = logging.getLogger(__name__)

LABELS = ("PER", "LOC", "ORG")  # what the gold groups list (MISC is not annotated)
MAX_SENTENCE_TOKENS = 150  # longer runs are lists and tables, not sentences
# Heads that open a listed form without being part of the name (مدينة دوما، صحيفة "ذا صن").
STRIP_HEADS = frozenset(match_form(w) for w in (
    "مدينة", "المدينة", "محافظة", "ولاية", "إقليم", "عاصمة", "العاصمة", "جزيرة", "منطقة", "بلدة",
    "قرية", "حي", "شارع", "ميدان", "مخيم", "ميناء", "صحيفة", "الصحيفة", "وكالة", "الوكالة", "قناة",
    "القناة", "موقع", "مجلة", "المجلة", "جريدة", "شبكة"))
def name_words(form: str) -> list[str]:
    """The words of a listed form as the tagger reads them: tokens with a letter or digit, in
    matching form, without a place or medium head before the name."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    words = [match_form(w) for w in simple_word_tokenize(form) if any(ch.isalnum() for ch in w)]
    while len(words) > 1 and words[0] in STRIP_HEADS:
        words = words[1:]
    return words


def generic_form(words: list[str]) -> bool:
    """One definite word that neither gazetteer reads as a name (النظام، الفصائل), with or without
    its article (الهلال stays: هلال is a name in the corpora)."""
    word = words[0] if len(words) == 1 else ""
    if not word.startswith("ال") or word in gazetteer():
        return False
    return not (read_as_name(word) or read_as_name(word[2:]))


def listed_forms(entities: Mapping) -> tuple[list[tuple[list[str], str]], set[str]]:
    """(words, label) of every projectable form of a gold article's groups, longest first, and
    the generic forms left out (``generic_form``)."""
    forms, generic = [], set()
    for label in LABELS:
        for group in entities.get(label) or []:
            for form in group or []:
                words = name_words(form)
                if words and generic_form(words):
                    generic.add(words[0])
                elif words:
                    forms.append((words, label))
    return sorted(forms, key=lambda item: -len(item[0])), generic


def token_readings(form: str) -> set[str]:
    """A token's form without each proclitic it may carry (وروسيا -> روسيا; للأمم -> الامم)."""
    readings = {form}
    for clitic in PROCLITICS:
        if form.startswith(clitic) and len(form) - len(clitic) >= 2:
            readings.add(form[len(clitic):])
    for clitic in ("لل", "ولل", "فلل"):
        if form.startswith(clitic):
            readings.add("ال" + form[len(clitic):])
    return readings


def project(sentences: list[list[str]], forms: list[tuple[list[str], str]]) -> list[list[str]]:
    """IOB2 tags of ``sentences`` (token lists): each occurrence of a listed form, longest first,
    where no longer form already stands."""
    keys = [[match_form(token) for token in sentence] for sentence in sentences]
    tags = [["O"] * len(sentence) for sentence in sentences]
    for words, label in forms:
        size = len(words)
        for row, key in zip(tags, keys):
            for i in range(len(key) - size + 1):
                if words[0] not in token_readings(key[i]) or key[i + 1:i + size] != words[1:]:
                    continue
                if any(tag != "O" for tag in row[i:i + size]):
                    continue
                row[i:i + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
    return tags


def annotated_sentences(records: Iterable[Mapping]) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) of every sentence of the gold ``records`` (each with ``doc``, ``text`` and
    ``entities``), tokenised as ``extract_mentions`` tokenises them."""
    out = []
    for record in records:
        doc = clean_article(Article(record["doc"], raw_text=record["text"], origin="gold"))
        sentences = [[token.text for token in tokens] for tokens in sentence_tokens(doc)]
        forms, generic = listed_forms(record.get("entities") or {})
        for tokens, tags in zip(sentences, project(sentences, forms)):
            if 0 < len(tokens) <= MAX_SENTENCE_TOKENS and not names_generic(tokens, tags, generic):
                out.append((tokens, tags))
    return out


def names_generic(tokens: list[str], tags: list[str], generic: set[str]) -> bool:
    """An untagged token stands for an entity by a generic form (النظام for the Syrian
    government): the sentence would teach O for it, so it is left out."""
    return any(tag == "O" and token_readings(match_form(token)) & generic for token, tag in zip(tokens, tags))


def gold_records(paths: Iterable[Path], keep: set[str] | None = None) -> list[dict]:
    """The gold articles of ``paths`` that carry their text, those of ``keep`` when given."""
    records = []
    for path in paths:
        for record in json.loads(Path(path).read_text(encoding="utf-8")):
            if record.get("text") and (keep is None or record["doc"] in keep):
                records.append(record)
    return records


def finetune(base: Path, sentences: list[tuple[list[str], list[str]]], epochs: int, lr: float,
             seed: int, batch_size: int = 16):
    """The ensemble of ``base`` with each member trained ``epochs`` more passes over ``sentences``
    (seed + member for its order and dropout); returns (network, config, words, chars)."""
    import torch

    from qawl.entities.neural import LstmConfig, LstmTagger
    from qawl.entities.train_neural import gold_tags, length_batches, optimise

    tagger = LstmTagger(base)
    with gzip.open(base / "ner_lstm.json.gz", "rt", encoding="utf-8") as handle:
        vocab = json.load(handle)
    network, encoder = tagger.network, tagger.encoder
    members = list(network.members) if hasattr(network, "members") else [network]
    for number, member in enumerate(members):
        torch.manual_seed(seed + number)
        rng = random.Random(seed + number)
        params = [p for name, p in member.named_parameters()
                  if p.requires_grad and not name.startswith(("words", "lm"))]
        optimiser = torch.optim.Adam(params, lr=lr)
        member.train()
        for epoch in range(epochs):
            started, total = time.time(), 0.0
            batches = length_batches(sentences, batch_size)
            rng.shuffle(batches)
            for ids in batches:
                batch = [sentences[i] for i in ids]
                inputs = encoder.batch([tokens for tokens, _ in batch])
                total += optimise(member, inputs, gold_tags(batch, inputs[0].shape[1]), optimiser, params) * len(batch)
            logger.info("member %d epoch %d: loss %.3f (%.0f s)", number + 1, epoch + 1,
                        total / len(sentences), time.time() - started)
        member.eval()
    return network.eval(), LstmConfig(**vocab["config"]), vocab["words"], vocab["chars"]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m qawl.entities.finetune", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True,
                        help="folder of the ensemble to start from (ner_lstm.pt, ner_lstm.json.gz)")
    parser.add_argument("--gold", type=Path, nargs="+", required=True, help="gold JSON files (ANNOTATION.md)")
    parser.add_argument("--split", type=Path, help="JSON mapping doc id -> part (benchmarks/split.json)")
    parser.add_argument("--part", default="dev", help="with --split: the part trained on (default dev)")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="gold files whose articles are left out (a held-out block)")
    parser.add_argument("--shared", type=Path, default=Path("../shared"),
                        help="shared data folder with data/ner (ANERcorp train)")
    parser.add_argument("--out", type=Path, required=True, help="where to write ner_lstm.*")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=1)
    return parser.parse_args(argv)


def training_records(args) -> list[dict]:
    """The gold articles trained on: those of ``--part`` in ``--split``, minus ``--exclude``."""
    keep = None
    if args.split:
        parts = json.loads(args.split.read_text(encoding="utf-8"))["articles"]
        keep = {doc for doc, part in parts.items() if part == args.part}
    left_out = {r["doc"] for r in gold_records(args.exclude)}
    return [r for r in gold_records(args.gold, keep) if r["doc"] not in left_out]


def main(argv=None) -> int:
    import torch

    from qawl.entities.neural import save_model
    from qawl.entities.train import read_train_split

    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    torch.set_num_threads(args.threads)
    records = training_records(args)
    if not records:
        raise SystemExit("no gold article to train on: check --gold, --split and --part")
    sentences = annotated_sentences(records)
    anercorp, _ = read_train_split(args.shared)
    sentences += [(s, t) for s, t in anercorp if 0 < len(s) <= MAX_SENTENCE_TOKENS]
    logger.info("%d gold articles, %d sentences with ANERcorp train", len(records), len(sentences))
    network, config, words, chars = finetune(args.base, sentences, args.epochs, args.lr, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    save_model(network, config, words, chars, args.out)
    sys.stdout.write(f"wrote {args.out} ({len(records)} gold articles, {args.epochs} epoch(s))\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
