"""What one article may cost: sections for long articles, a time budget for slow ones."""
import threading
import time

import pytest

from qawl.budget import (
    ArticleClock,
    ArticleTimeout,
    article_of,
    cut_sections,
    section_ends,
    time_limit,
)
from qawl.engine import EngineConfig, analyse_articles
from qawl.schema import Article

from adversarial import SENTENCE, adversarial_texts
from conftest import SEED

CRF = EngineConfig(backend="crf")


def busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


# --- time_limit ------------------------------------------------------------------


def test_a_block_past_its_limit_is_stopped():
    started = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            busy(5)
    assert time.monotonic() - started < 1.5


def test_a_block_within_its_limit_runs_to_its_end():
    with time_limit(1.0):
        busy(0.05)
    busy(0.3)  # nothing fires later, outside the block


def test_the_stages_except_exception_does_not_swallow_the_timeout():
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            for _ in range(10_000_000):
                try:
                    busy(0.01)
                except Exception:  # what the stages' fallbacks do
                    pass


def test_limits_in_two_threads_stop_only_the_slow_one():
    outcome = {}

    def work(name, seconds):
        try:
            with time_limit(0.3):
                busy(seconds)
            outcome[name] = "done"
        except ArticleTimeout:
            outcome[name] = "stopped"

    threads = [threading.Thread(target=work, args=("fast", 0.05)),
               threading.Thread(target=work, args=("slow", 5))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert outcome == {"fast": "done", "slow": "stopped"}


def test_an_articles_clock_is_shared_by_its_stages():
    clock = ArticleClock(0.3)
    with clock.limit("a"):
        busy(0.2)
    with pytest.raises(ArticleTimeout):
        with clock.limit("a"):
            busy(5)
    with clock.limit("b"):  # another article has its own budget
        busy(0.05)
    assert clock.left("a") <= 0 < clock.left("b")


def test_no_budget_means_no_limit():
    clock = ArticleClock(None)
    with clock.limit("a"):
        busy(0.05)
    assert clock.left("a") is None


# --- sections ---------------------------------------------------------------------


def test_sections_cover_the_text_and_cut_at_paragraphs():
    text = "\n".join([SENTENCE] * 200)
    ends = section_ends(text, 2_000)
    starts = [0] + ends[:-1]
    assert ends[-1] == len(text)
    assert all(0 < e - s <= 2_000 for s, e in zip(starts, ends))
    assert all(text[e - 1] == "\n" for e in ends[:-1])


def test_a_text_without_breaks_is_cut_at_sentences_then_words_then_anywhere():
    one_line = " ".join([SENTENCE] * 200)
    assert all(one_line[e - 2] == "." for e in section_ends(one_line, 2_000)[:-1])
    words = " ".join(["كلمة"] * 2_000)
    assert all(words[e - 1] == " " for e in section_ends(words, 1_000)[:-1])
    assert section_ends("ا" * 2_500, 1_000) == [1_000, 2_000, 2_500]


def test_a_long_article_becomes_numbered_sections_of_the_same_article():
    article = Article("x", "\n".join([SENTENCE] * 100), "f.txt", title="عنوان", source="s")
    sections = cut_sections(article, 1_000)
    assert len(sections) > 1
    assert "".join(s.raw_text for s in sections) == article.raw_text
    assert [s.doc_id for s in sections[:2]] == ["x#1", "x#2"]
    assert sections[0].title == "عنوان" and sections[1].title == ""
    assert {s.source for s in sections} == {"s"}
    assert {article_of(s.doc_id, s.origin) for s in sections} == {"f.txt"}
    assert cut_sections(article, 0) == [article] == cut_sections(article, 10**6)


def test_the_engine_analyses_a_long_article_section_by_section():
    article = Article("x", "\n".join([SENTENCE] * 60), "f.txt")
    results, failures = analyse_articles([article], EngineConfig(backend="crf", max_chars=1_000))
    assert len(results) > 1 and failures == []
    assert all(r.doc.doc_id.startswith("x#") for r in results)
    assert all(q.speaker for r in results for q in r.quotes)
    assert all(r.quotes for r in results)  # repeated paragraphs are deduplicated per section


# --- the budget in the engine -----------------------------------------------------


def test_an_article_over_its_budget_is_recorded_and_the_next_goes_on():
    slow = Article("slow", "\n".join(f"{SENTENCE} {i}" for i in range(6_000)), "slow.txt")
    seed = Article("seed", SEED.read_text(encoding="utf-8"), str(SEED))
    config = EngineConfig(backend="crf", time_budget=1.5, max_chars=0)
    results, failures = analyse_articles([slow, seed], config)
    assert [f["origin"] for f in failures] == ["slow.txt"]
    assert "time budget of 1.5 s" in failures[0]["reason"]
    by_id = {r.doc.doc_id: r for r in results}
    assert by_id["seed"].quotes  # the article after it is analysed in full


@pytest.mark.parametrize("name, text", sorted(adversarial_texts().items()))
def test_each_adversarial_text_is_analysed_or_stopped_within_its_budget(name, text):
    config = EngineConfig(backend="crf", time_budget=2.0)
    analyse_articles([Article("warm", SENTENCE, "warm.txt")], config)
    started = time.monotonic()
    results, failures = analyse_articles([Article("x", text, "x.txt")], config)
    seconds = time.monotonic() - started
    assert seconds < 2.0 + 3.0, f"{name}: {seconds:.1f} s"  # the budget, and slack for C calls
    assert all("time budget" in f["reason"] for f in failures), failures
