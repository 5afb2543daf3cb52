"""The engine: partitions, workers, a running cluster, kill -9 and resume, failed writes."""
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from qawl import engine, tables
from qawl.engine import partition
from qawl.engine import EngineConfig, partition_size_for, process_corpus
from qawl.tables import complete_partitions, read_table

from conftest import ROOT, SEED

TABLES = ("documents", "blocks", "sentences", "mentions", "entities", "quotes", "stances")
CRF = EngineConfig(backend="crf")


def both_corpora(shared):
    return [str(shared / "corpora" / "saudinewsnet"), str(shared / "corpora" / "ant")]


def assert_same_tables(left, right):
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(left, name), read_table(right, name), obj=name)


@pytest.mark.parametrize("articles, size", [(1, 10), (60, 10), (5_000, 313), (37_162, 500)])
def test_partition_size_depends_on_the_corpus_only(articles, size):
    assert partition_size_for(articles) == size


def test_seed_through_every_stage_in_process(tmp_path):
    report = process_corpus(str(SEED), tmp_path, workers=1, config=CRF, show_progress=False)
    assert (report.documents, report.partitions, report.workers) == (1, 1, 1)
    assert report.rows["quotes"] == len(read_table(tmp_path, "quotes")) > 0
    part = tmp_path / "tables" / "quotes" / "part-00000.parquet"
    assert part.exists() and (tmp_path / "tables" / "quotes.csv").exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_two_workers_give_the_tables_of_one(shared, tmp_path):
    """About 60 articles of both corpora, default tagger, six partitions."""
    corpus = both_corpora(shared)
    one = process_corpus(corpus, tmp_path / "one", limit=60, seed=1, workers=1,
                         partition_size=10, show_progress=False)
    two = process_corpus(corpus, tmp_path / "two", limit=60, seed=1, workers=2,
                         partition_size=10, show_progress=False)
    assert (one.partitions, two.partitions, two.workers) == (6, 6, 2)
    assert read_table(tmp_path / "one", "documents")["source"].nunique() > 3
    assert_same_tables(tmp_path / "one", tmp_path / "two")
    pids = {r["pid"] for r in tables.partition_records(tmp_path / "two").values()}
    assert os.getpid() not in pids  # the work ran in the worker processes


def test_a_running_cluster_through_its_scheduler_address(shared, tmp_path):
    from distributed import LocalCluster

    corpus = str(shared / "corpora" / "ant")
    process_corpus(corpus, tmp_path / "local", limit=20, workers=1, partition_size=5,
                   config=CRF, show_progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        report = process_corpus(corpus, tmp_path / "cluster", limit=20, partition_size=5,
                                scheduler=cluster.scheduler_address, config=CRF,
                                show_progress=False)
    assert report.partitions == 4
    assert_same_tables(tmp_path / "local", tmp_path / "cluster")


KILLABLE_RUN = """
import sys
from qawl.engine import EngineConfig, process_corpus
process_corpus(sys.argv[1], sys.argv[2], limit=40, workers=1, partition_size=5,
               config=EngineConfig(backend="crf"), show_progress=False)
"""


def test_kill_9_then_resume_gives_the_uninterrupted_tables(shared, tmp_path):
    corpus = str(shared / "corpora" / "saudinewsnet")
    killed = tmp_path / "killed"
    process = subprocess.Popen([sys.executable, "-c", KILLABLE_RUN, corpus, str(killed)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while len(complete_partitions(killed)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = complete_partitions(killed)
    assert 2 <= len(done) < 8, "the kill came too late to test a resume"
    report = process_corpus(corpus, killed, limit=40, workers=1, partition_size=5, config=CRF,
                            show_progress=False)
    assert report.redone == 8 - len(done) and report.partitions == 8
    process_corpus(corpus, tmp_path / "whole", limit=40, workers=1, partition_size=5,
                   config=CRF, show_progress=False)
    assert_same_tables(killed, tmp_path / "whole")


def test_a_partition_whose_write_failed_is_never_read_and_is_redone(shared, tmp_path, monkeypatch):
    corpus = str(shared / "corpora" / "ant")
    write_part = partition.write_part

    def failing_write(frame, run_dir, name, index, schema=None):
        if (name, index) == ("quotes", 1):
            raise OSError(28, "No space left on device")
        return write_part(frame, run_dir, name, index, schema)

    monkeypatch.setattr(partition, "write_part", failing_write)
    with pytest.raises(OSError, match="No space left"):
        process_corpus(corpus, tmp_path / "run", limit=15, workers=1, partition_size=5,
                       config=CRF, show_progress=False)
    run = tmp_path / "run"
    assert complete_partitions(run) == [0]
    assert (run / "tables" / "documents" / "part-00001.parquet").exists()  # written, not complete
    assert len(read_table(run, "documents")) == 5  # only the complete partition is read
    monkeypatch.setattr(partition, "write_part", write_part)
    report = process_corpus(corpus, run, limit=15, workers=1, partition_size=5, config=CRF,
                            show_progress=False)
    assert report.redone == 2 and complete_partitions(run) == [0, 1, 2]
    process_corpus(corpus, tmp_path / "whole", limit=15, workers=1, partition_size=5,
                   config=CRF, show_progress=False)
    assert_same_tables(run, tmp_path / "whole")


def test_a_folder_of_another_corpus_is_refused(tmp_path):
    process_corpus(str(SEED), tmp_path, workers=1, config=CRF, show_progress=False)
    with pytest.raises(ValueError, match="another corpus"):
        process_corpus(str(ROOT / "README.md"), tmp_path, workers=1, config=CRF,
                       show_progress=False)


def test_local_workers_run_torch_on_one_thread_with_glibc_default_trimming():
    from distributed import Client

    from qawl.engine import _local_cluster

    def worker_settings():
        import torch

        from qawl.entities.neural import use_one_thread

        use_one_thread()
        return os.environ.get("MALLOC_TRIM_THRESHOLD_"), torch.get_num_threads()

    with _local_cluster(1) as cluster, Client(cluster) as client:
        assert client.submit(worker_settings).result() == (None, 1)


def test_duplicate_doc_ids_across_files_are_made_unique_and_recorded(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = '{"id": "n1", "text": "قال الوزير سامح شكري إن المحادثات ستستمر."}\n'
    for name in ("a.jsonl", "b.jsonl"):
        (corpus / name).write_text(record, encoding="utf-8")
    run = tmp_path / "run"
    report = process_corpus(str(corpus), run, workers=1, config=CRF, show_progress=False)
    ids = read_table(run, "documents").doc_id.tolist()
    assert len(ids) == len(set(ids)) == 2 and "n1" in ids
    assert [r["original"] for r in report.renamed_ids] == ["n1"]
    assert (run / "logs" / "renamed_ids.json").exists()


def test_a_corpus_whose_every_file_is_skipped_says_there_are_no_articles(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.bin").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(engine.NoArticles, match=r"no articles in .*corpus: 2 inputs skipped"):
        process_corpus(str(corpus), tmp_path / "run", workers=1, config=CRF, show_progress=False)
