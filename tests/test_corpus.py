"""qawl.corpus: every input format, encoding and failure, on fixtures written here."""
from __future__ import annotations

import io
import json
import os
import socket
import struct
import threading
import types
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest

from qawl import corpus
from qawl.corpus import formats, inputs, read as reading, walk
from qawl.corpus import (
    decode_text,
    detect_format,
    iter_chunks,
    load_corpus,
    parse_date,
    plausible_char_ratio,
    prepend_title,
    summarize_corpus,
)
from qawl.schema import Article, Skipped

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QAWL_SHARED", ROOT.parent / "shared"))

ARABIC = "قال وزير الخارجية إن المحادثات مستمرة"
TITLE = "كيري يلتقي لافروف"


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def zip_of(path: Path, members: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def read(paths, **kwargs) -> tuple[list[Article], list[Skipped]]:
    skipped: list[Skipped] = []
    return list(load_corpus(paths, skipped=skipped, **kwargs)), skipped


def rel(origin: str, root: Path) -> str:
    """An origin without the folder the test gave (origins start with the path as given)."""
    assert origin.startswith(root.as_posix() + "/"), origin
    return origin[len(root.as_posix()) + 1:]


def snn_record(title: str, content: str, source: str = "alriyadh") -> dict:
    return {
        "source": source,
        "url": f"http://example.com/{len(content)}",
        "date_extracted": "2015-08-04 18:15:11",
        "title": title,
        "author": "الرياض - واس",
        "content": content,
    }


def ant_doc(title: str, text: str, src: str = "france24", cat: str = "sport", abstract: str = "ملخص") -> str:
    return (
        "<DOC>\n<DOCNO>FR-sport-1-20180605</DOCNO>\n<URL>http://f24.example/1</URL>\n"
        f"<SRC>{src}</SRC>\n<CAT>{cat}</CAT>\n<TITLE>{title}</TITLE>\n"
        "<TIME>Tue, 05 Jun 2018 10:11:12 +0200</TIME>\n<AUTHOR></AUTHOR>\n"
        f"<ABSTRACT>\n{abstract}\n</ABSTRACT>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n"
    )


# ------------------------------------------------------------ small steps


@pytest.mark.parametrize(
    "data, text",
    [
        (ARABIC.encode("utf-8"), ARABIC),
        (b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), ARABIC),
        (b"\xff\xfe" + ARABIC.encode("utf-16-le"), ARABIC),
        (b"\xfe\xff" + ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("utf-16-le"), ARABIC),
        (ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("cp1256"), ARABIC),
        ("سطر\r\nسطر\rسطر".encode("utf-8"), "سطر\nسطر\nسطر"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1256",
         "crlf"],
)
def test_decode_text(data, text):
    assert decode_text(data) == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"abc\x00def", "NUL bytes"),
        (bytes(range(256)) * 4, "NUL bytes and is not UTF-16"),
        (bytes(range(128, 256)) * 8, "neither UTF-8"),
        ("نص\x01\x02\x03\x04".encode("utf-8"), "control characters"),
    ],
)
def test_decode_text_rejects_binary(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode_text(data)


@pytest.mark.parametrize(
    "text, low, high",
    [(ARABIC, 0.99, 1.0), ("plain ASCII text.", 0.99, 1.0), ("\x01\x02ÿþ\x03", 0.0, 0.2), ("", 0.0, 0.0)],
)
def test_plausible_char_ratio(text, low, high):
    assert low <= plausible_char_ratio(text) <= high


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("<DOC>\n<DOCNO>x</DOCNO>", "a.txt", "trec"),
        ('<?xml version="1.0"?>\n<DOC><TEXT>x</TEXT></DOC>', "", "trec"),
        ("<!DOCTYPE html><html><body>x</body></html>", "page", "html"),
        ("<p>x</p>", "page.htm", "html"),
        ('<?xml version="1.0"?><rss/>', "feed", "xml"),
        ('[{"text": "x"}]', "data", "json"),
        ('{"text": "x"}\n{"text": "y"}\n', "data", "jsonl"),
        ('{\n  "text": "x"\n}', "data", "json"),
        ('{"text": "x"}', "data.jsonl", "jsonl"),
        ("id,text\n1,x\n", "data", "csv"),
        ("id\ttext\n1\tx\n", "data", "csv"),
        ("[عاجل] خبر", "news.txt", "text"),
        ("عنوان\n\nنص", "", "text"),
    ],
)
def test_detect_format(text, name, kind):
    assert detect_format(text, name) == kind


@pytest.mark.parametrize(
    "value, iso",
    [
        ("2015-08-04 18:15:11", "2015-08-04"),
        ("2015/8/4", "2015-08-04"),
        ("Thu, 18 Jan 2018 04:01:05 GMT", "2018-01-18"),
        ("Sat, 03 Mar 2018 23:30:00 +0300", "2018-03-03"),  # the date as published, not UTC
        ("2015-13-40", ""),
        ("yesterday", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    "title, body, raw_text",
    [
        ("عنوان", "نص الخبر", "عنوان\n\nنص الخبر"),
        ("عنوان", "  عنوان\nنص", "  عنوان\nنص"),
        ("", "نص", "نص"),
        (" عنوان ", "", "عنوان"),
    ],
)
def test_prepend_title(title, body, raw_text):
    assert prepend_title(title, body) == raw_text


@pytest.mark.parametrize(
    "items, size, chunks",
    [(range(5), 2, [[0, 1], [2, 3], [4]]), ([], 3, []), ("ab", 5, [["a", "b"]])],
)
def test_iter_chunks(items, size, chunks):
    assert list(iter_chunks(items, size)) == chunks


def test_iter_chunks_rejects_zero():
    with pytest.raises(ValueError):
        list(iter_chunks([1], 0))


# ---------------------------------------------------------------- formats


def test_txt_folder(tmp_path):
    write(tmp_path / "b.txt", f"\n{TITLE}\n\n{ARABIC}\n")
    write(tmp_path / "a.txt", f"{TITLE} 2\n{ARABIC}")
    write(tmp_path / "sub" / "c.txt", ARABIC)
    write(tmp_path / "README.md", "# about this corpus")
    write(tmp_path / "LICENSE", "CC BY")
    write(tmp_path / ".hidden.txt", "secret")
    write(tmp_path / ".git" / "x.txt", "internal")
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "b", "sub/c"]
    assert [a.title for a in articles] == [f"{TITLE} 2", TITLE, ARABIC]
    assert articles[1].raw_text == f"\n{TITLE}\n\n{ARABIC}\n"
    assert articles[0].origin == (tmp_path / "a.txt").as_posix()
    assert skipped == []


def test_single_txt_file(tmp_path):
    path = write(tmp_path / "000_3ac1dc030114536f.txt", f"{TITLE}\n\nالمصدر : الجزيرة")
    (article,) = load_corpus(str(path))
    assert article.doc_id == "000_3ac1dc030114536f"
    assert article.title == TITLE
    assert article.origin == path.as_posix()


def test_saudinewsnet_zip(tmp_path):
    records = [
        snn_record("عنوان أول", "فقرة أولى\n\nفقرة ثانية"),
        snn_record("كاريكاتير", " ", source="okaz"),  # no content: a skip, ids of the others unchanged
        snn_record("عنوان ثالث", "عنوان ثالث في بداية النص"),
    ]
    zip_of(tmp_path / "dataset" / "2015-08-04.zip", {"2015-08-04.json": json.dumps(records, ensure_ascii=False)})
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["snn/2015-08-04/0", "snn/2015-08-04/2"]
    first = articles[0]
    assert first.raw_text == "عنوان أول\n\nفقرة أولى\n\nفقرة ثانية"
    assert rel(first.origin, tmp_path) == "dataset/2015-08-04.zip:2015-08-04.json#0"
    assert (first.source, first.date, first.title, first.author) == ("alriyadh", "2015-08-04", "عنوان أول", "الرياض - واس")
    assert first.url == "http://example.com/21"
    assert articles[1].raw_text == "عنوان ثالث في بداية النص"  # title not repeated
    assert [(rel(s.origin, tmp_path), s.reason) for s in skipped] == [
        ("dataset/2015-08-04.zip:2015-08-04.json#1", "record #1: field 'content' is empty (only whitespace)")]


def test_ant_pseudo_xml_and_malformed(tmp_path):
    write(tmp_path / "France24" / "sport" / "FR-sport-1.txt", ant_doc("منتخب تونس", "أقر المدرب &quot;نبيل&quot;"))
    # Not well-formed: a bare "&", a "<" in the text, and an unclosed TITLE.
    broken = ant_doc("x", "مؤشر S&P 500 < 2%").replace("<TITLE>x</TITLE>", "<TITLE>عنوان بلا نهاية")
    write(tmp_path / "BBC" / "economy" / "BB-economy-9.txt", broken.replace("france24", "BBC").replace("sport", "economy"))
    articles, skipped = read(tmp_path)
    assert skipped == []
    bbc, france = articles
    assert france.doc_id == "ant/France24/sport/FR-sport-1.txt"
    assert france.raw_text == 'منتخب تونس\n\nأقر المدرب "نبيل"'  # entities unescaped, abstract left out
    assert (france.source, france.date, france.url) == ("France24", "2018-06-05", "http://f24.example/1")
    assert bbc.doc_id == "ant/BBC/economy/BB-economy-9.txt"
    assert bbc.title == "عنوان بلا نهاية"
    assert bbc.raw_text.endswith("مؤشر S&P 500 < 2%")


def test_ant_single_file_keeps_outlet_id(tmp_path):
    path = write(tmp_path / "ant" / "CNN" / "economy" / "CN-economy-256.txt", ant_doc("أردوغان", "نص", src="CNN", cat="economy"))
    (article,) = load_corpus(path)
    assert article.doc_id == "ant/CNN/economy/CN-economy-256.txt"
    assert article.source == "CNN"


def test_ant_abstract_used_when_text_is_empty(tmp_path):
    path = write(tmp_path / "doc.txt", ant_doc("عنوان", "", abstract="الملخص وحده"))
    (article,) = load_corpus(path)
    assert article.raw_text == "عنوان\n\nالملخص وحده"
    assert article.source == "france24"  # no outlet folder: SRC as written


def test_jsonl_with_a_malformed_line(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": ARABIC, "source": "sabq", "date": "2015-07-21"}, ensure_ascii=False),
        "",
        '{"text": "broken',
        json.dumps({"content": "نص آخر", "title": "عنوان"}, ensure_ascii=False),
        json.dumps({"title": "no text here"}),
    ]
    write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    articles, skipped = read(tmp_path)
    assert [(a.doc_id, a.raw_text) for a in articles] == [("n1", ARABIC), ("news/2", "عنوان\n\nنص آخر")]
    assert (articles[0].source, articles[0].date, rel(articles[0].origin, tmp_path)) == ("sabq", "2015-07-21", "news.jsonl:1")
    assert [rel(s.origin, tmp_path) for s in skipped] == ["news.jsonl:3", "news.jsonl:5"]
    assert "line 3: malformed JSON" in skipped[0].reason
    assert "no 'text' or 'content'" in skipped[1].reason


def test_csv(tmp_path):
    rows = 'id,title,text,date\nc1,عنوان,"سطر أول\nسطر ثان",2015-07-21\nc2,extra,field,2015,oops\n\nc3,,نص ثالث,\n'
    write(tmp_path / "news.csv", rows)
    articles, skipped = read(tmp_path)
    assert [(a.doc_id, a.raw_text, a.date) for a in articles] == [
        ("c1", "عنوان\n\nسطر أول\nسطر ثان", "2015-07-21"),
        ("c3", "نص ثالث", ""),
    ]
    assert [rel(s.origin, tmp_path) for s in skipped] == ["news.csv:4"]
    assert "expected 4 fields, found 5" in skipped[0].reason


def test_csv_without_text_column_is_skipped(tmp_path):
    write(tmp_path / "table.csv", "a,b\n1,2\n")
    articles, skipped = read(tmp_path)
    assert articles == []
    assert "no 'text' or 'content' column" in skipped[0].reason


def test_json_array_with_a_bad_record(tmp_path):
    records = [{"text": "أ"}, "not a record", {"doc_id": 7, "content": "ب", "url": "http://x"}]
    write(tmp_path / "arr.json", json.dumps(records, ensure_ascii=False))
    articles, skipped = read(tmp_path)
    assert [(a.doc_id, a.raw_text, a.url) for a in articles] == [("arr/0", "أ", ""), ("7", "ب", "http://x")]
    assert [rel(s.origin, tmp_path) for s in skipped] == ["arr.json#1"]


def test_html(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>عنوان - الموقع</title><style>p{color:red}</style>"
        "<script>var x = '<p>hidden</p>';</script></head><body><h1>عنوان الخبر</h1>"
        "<p>قال &quot;الوزير&quot; &amp; أضاف</p><p>فقرة   ثانية<br>سطر</p></body></html>"
    )
    write(tmp_path / "page.bin", page)  # the extension does not matter
    (article,) = load_corpus(tmp_path)
    assert article.raw_text == 'عنوان الخبر\nقال "الوزير" & أضاف\nفقرة ثانية\nسطر'
    assert article.title == "عنوان الخبر"
    assert article.doc_id == "page"


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
        b"\xff\xfe" + ARABIC.encode("utf-16-le"),
        b"\xfe\xff" + ARABIC.encode("utf-16-be"),
        ARABIC.encode("cp1256"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256"],
)
def test_encodings_of_files(tmp_path, data):
    (article,) = load_corpus(write(tmp_path / "doc.txt", data))
    assert article.raw_text == ARABIC


def test_cp1256_jsonl(tmp_path):
    line = json.dumps({"text": ARABIC}, ensure_ascii=False) + "\n"
    (article,) = load_corpus(write(tmp_path / "doc.jsonl", line.encode("cp1256")))
    assert article.raw_text == ARABIC


def test_zip_mixing_formats(tmp_path):
    zip_of(tmp_path / "mixed.zip", {"a.txt": ARABIC, "b.jsonl": '{"text": "ب"}\n', "__MACOSX/._a.txt": "junk"})
    articles, skipped = read(tmp_path)
    assert [(a.doc_id, rel(a.origin, tmp_path)) for a in articles] == [("mixed/a", "mixed.zip:a.txt"), ("mixed/b/0", "mixed.zip:b.jsonl:1")]
    assert skipped == []


# ------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "only whitespace"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        ("blob.txt", b"\x00\x01\x02binary\x00", "not text (binary?)"),
        ("garbage.txt", bytes(range(128, 256)) * 4, "not text (binary?)"),
        ("broken.json", b'[{"text": "x"},', "malformed JSON"),
        ("feed.xml", b'<?xml version="1.0"?><rss><item>x</item></rss>', "XML without"),
    ],
)
def test_bad_file_among_good_ones(tmp_path, caplog, name, data, reason):
    write(tmp_path / "good1.txt", ARABIC)
    write(tmp_path / name, data)
    write(tmp_path / "zz_good2.txt", ARABIC)
    with caplog.at_level("WARNING", logger="qawl.corpus"):
        articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["good1", "zz_good2"]
    assert len(skipped) == 1 and skipped[0].origin == (tmp_path / name).as_posix()
    assert reason in skipped[0].reason
    assert name in caplog.text


def test_truncated_zip_is_skipped(tmp_path):
    path = zip_of(tmp_path / "2015-07-21.zip", {"2015-07-21.json": json.dumps([snn_record("ع", "ن")] * 50)})
    path.write_bytes(path.read_bytes()[:-60])  # cut the central directory
    write(tmp_path / "good.txt", ARABIC)
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["good"]
    assert rel(skipped[0].origin, tmp_path) == "2015-07-21.zip" and "corrupt or truncated zip" in skipped[0].reason


def test_malformed_zip_member_is_skipped_by_member(tmp_path):
    good = json.dumps([snn_record("ع", "ن")], ensure_ascii=False)
    zip_of(tmp_path / "days.zip", {"2015-07-21.json": '[{"content": ', "2015-07-22.json": good})
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["snn/2015-07-22/0"]
    assert [rel(s.origin, tmp_path) for s in skipped] == ["days.zip:2015-07-21.json"]
    assert "malformed JSON" in skipped[0].reason


def test_huge_file_is_skipped_with_advice(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 100)
    write(tmp_path / "big.jsonl", '{"text": "x"}\n' * 20)
    articles, skipped = read(tmp_path)
    assert articles == []
    assert "split" in skipped[0].reason and "MAX_FILE_BYTES" in skipped[0].reason


def test_bad_files_without_a_skipped_list_do_not_raise(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "ok.txt", ARABIC)
    assert [a.doc_id for a in load_corpus(tmp_path)] == ["ok"]


# ------------------------------------------------------- usage and laziness


def test_missing_path_raises_at_call_time(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_corpus([tmp_path, tmp_path / "nope"])


@pytest.mark.parametrize("limit", [-1, 1.5, True])
def test_bad_limit_raises(tmp_path, limit):
    with pytest.raises(ValueError, match="limit"):
        load_corpus(tmp_path, limit=limit)


def test_no_paths_raises():
    with pytest.raises(ValueError):
        load_corpus([])


@pytest.mark.parametrize("limit, count", [(0, 0), (2, 2), (10, 3), (None, 3)])
def test_limit(tmp_path, limit, count):
    for name in "abc":
        write(tmp_path / f"{name}.txt", ARABIC)
    assert len(list(load_corpus(tmp_path, limit=limit))) == count


def test_is_lazy(tmp_path):
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "b.txt", b"")  # would be skipped if it were read
    skipped: list[Skipped] = []
    articles = load_corpus(tmp_path, skipped=skipped)
    assert isinstance(articles, types.GeneratorType)
    assert next(articles).doc_id == "a"
    assert skipped == []
    assert list(load_corpus(tmp_path, limit=1, skipped=skipped)) and skipped == []


def test_several_paths_in_order(tmp_path):
    second = write(tmp_path / "x" / "one.txt", "ب")
    first = write(tmp_path / "y" / "two.txt", "أ")
    assert [a.raw_text for a in load_corpus([first, second])] == ["أ", "ب"]


def test_summarize_corpus(tmp_path):
    records = [snn_record("ع", "كلمة كلمة"), snn_record("", "كلمة", source="okaz")]
    zip_of(tmp_path / "2015-08-04.zip", {"2015-08-04.json": json.dumps(records, ensure_ascii=False)})
    write(tmp_path / "x.jsonl", '{"text": "a b c", "date": "2015-07-21", "source": "okaz"}\n')
    write(tmp_path / "bad.txt", b"")
    summary = summarize_corpus(tmp_path)
    assert summary == {
        "articles": 3,
        "words": 3 + 1 + 3,
        "sources": {"okaz": 2, "alriyadh": 1},
        "date_min": "2015-07-21",
        "date_max": "2015-08-04",
        "skipped": [{"origin": (tmp_path / "bad.txt").as_posix(), "reason": "empty file"}],
        "renamed_ids": [],
    }
    assert json.loads(json.dumps(summary)) == summary
    assert summarize_corpus(tmp_path, limit=1)["articles"] == 1


def test_cli_prints_summary(tmp_path, capsys):
    write(tmp_path / "a.txt", "أ ب")
    assert corpus.main([str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["words"] == 2


# ---------------------------------------------------------- shared corpora


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} not found (set QAWL_SHARED to the shared data folder)")
    return path


def test_shared_saudinewsnet_first_articles():
    articles, skipped = read(shared("corpora/saudinewsnet"), limit=3)
    assert skipped == [] and len(articles) == 3
    assert [a.doc_id for a in articles] == ["snn/2015-07-21/0", "snn/2015-07-21/1", "snn/2015-07-21/2"]
    for article in articles:
        assert article.origin.startswith(f"{SHARED.as_posix()}/corpora/saudinewsnet/dataset/2015-07-21.zip:2015-07-21.json#")
        assert article.date == "2015-07-21" and article.source and article.url.startswith("http")


def test_shared_ant_first_articles():
    articles, skipped = read(shared("corpora/ant"), limit=3)
    assert skipped == [] and len(articles) == 3
    for article in articles:
        assert article.doc_id.startswith("ant/Alarabia/")
        assert article.source == "Alarabia" and article.title and article.date.startswith("20")
        assert article.raw_text.startswith(article.title)


def test_shared_malformed_ant_file_is_read():
    path = shared("corpora/ant/BBC/economy/BB-economy-9-20180209.txt")
    (article,) = load_corpus(path)
    assert article.doc_id == "ant/BBC/economy/BB-economy-9-20180209.txt"
    assert article.title and len(article.raw_text) > 1000


def test_shared_dev_gold_texts_match_reading_order():
    """Gold ``doc`` ids resolve, and raw texts hold the gold words in the gold order."""
    gold = json.loads(shared("eval/dev_gold.json").read_text(encoding="utf-8"))
    for entry in gold:
        doc_id = entry["doc"]
        if doc_id.startswith("snn/"):
            path = shared(f"corpora/saudinewsnet/dataset/{doc_id.split('/')[1]}.zip")
        else:
            path = shared(f"corpora/{doc_id}")
        article = next(a for a in load_corpus(path) if a.doc_id == doc_id)
        assert article.raw_text.split() == entry["text"].split(), doc_id
        assert article.source == entry["source"]


def test_sample_corpus_is_seeded_spread_and_in_order(tmp_path):
    from qawl.corpus import sample_corpus

    for index in range(30):
        (tmp_path / f"{index:02d}.txt").write_text(f"عنوان {index}\n\nنص المقال رقم {index}", encoding="utf-8")
    first = [a.doc_id for a in sample_corpus(tmp_path, 5, seed=7)]
    assert first == [a.doc_id for a in sample_corpus(tmp_path, 5, seed=7)]
    assert first != [a.doc_id for a in sample_corpus(tmp_path, 5, seed=8)]
    assert first == sorted(first) and len(set(first)) == 5
    assert first != ["00", "01", "02", "03", "04"]
    assert len(sample_corpus(tmp_path, 100)) == 30


# -------------------------------------------- hostile folders (issue 12)


def reasons(skipped, root: Path) -> dict[str, str]:
    return {rel(s.origin, root): s.reason for s in skipped}


def read_within(seconds: float, paths, **kwargs):
    """``read`` in a thread: a read that hangs (on a FIFO, say) fails the test instead of the suite."""
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(result=read(paths, **kwargs)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"reading {paths} hangs"
    return outcome["result"]


def test_symlink_loops_are_skipped_and_the_walk_goes_on(tmp_path, capsys):
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "sub" / "b.txt", ARABIC)
    (tmp_path / "sub" / "up").symlink_to("..")  # back to the corpus folder
    (tmp_path / "self").symlink_to("self")  # ELOOP when followed
    (tmp_path / "ping").symlink_to("pong")
    (tmp_path / "pong").symlink_to("ping")
    write(tmp_path / "zz.txt", ARABIC)
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "sub/b", "zz"]
    assert reasons(skipped, tmp_path) == {
        "ping": "link loop: -> pong",
        "pong": "link loop: -> ping",
        "self": "link loop: -> self",
        "sub/up": f"link loop: -> .. leads back to {tmp_path.as_posix()}",
    }
    assert corpus.main([str(tmp_path)]) == 0  # the CLI prints its JSON, every loop listed
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 3 and len(summary["skipped"]) == 4


def test_a_link_loop_given_as_the_corpus_is_a_skip(tmp_path):
    (tmp_path / "self").symlink_to("self")
    articles, skipped = read(tmp_path / "self")
    assert articles == [] and skipped == [Skipped((tmp_path / "self").as_posix(), "link loop: -> self")]


def test_files_and_folders_reached_twice_are_read_once(tmp_path):
    write(tmp_path / "a.txt", ARABIC)
    (tmp_path / "b_link.txt").symlink_to("a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "c_hard.txt")
    write(tmp_path / "sub" / "x.txt", ARABIC)
    (tmp_path / "zlink").symlink_to("sub")
    articles, skipped = read([tmp_path, tmp_path / "sub" / "x.txt"])
    assert [a.doc_id for a in articles] == ["a", "sub/x"]
    first = (tmp_path / "a.txt").as_posix()
    assert [(s.origin, s.reason) for s in skipped] == [
        ((tmp_path / "b_link.txt").as_posix(), f"same file as {first} (already read)"),
        ((tmp_path / "c_hard.txt").as_posix(), f"same file as {first} (already read)"),
        ((tmp_path / "zlink").as_posix(), f"folder already read as {(tmp_path / 'sub').as_posix()}"),
        ((tmp_path / "sub" / "x.txt").as_posix(), f"same file as {(tmp_path / 'sub' / 'x.txt').as_posix()} (already read)"),
    ]


def test_broken_links_are_skipped_with_their_target(tmp_path):
    write(tmp_path / "a.txt", ARABIC)
    (tmp_path / "gone.txt").symlink_to("deleted.txt")
    (tmp_path / "gone_folder").symlink_to(tmp_path / "nowhere" / "deeper")
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["a"]
    assert reasons(skipped, tmp_path) == {
        "gone.txt": "broken link -> deleted.txt",
        "gone_folder": f"broken link -> {(tmp_path / 'nowhere' / 'deeper').as_posix()}",
    }
    # given as the corpus, it is a skip too, not "does not exist"
    assert read(tmp_path / "gone.txt")[1] == [Skipped((tmp_path / "gone.txt").as_posix(), "broken link -> deleted.txt")]


def test_special_files_are_never_opened(tmp_path):
    write(tmp_path / "a.txt", ARABIC)
    os.mkfifo(tmp_path / "b_fifo")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "c_socket"))
        (tmp_path / "d_null").symlink_to("/dev/null")
        write(tmp_path / "e.txt", ARABIC)
        articles, skipped = read_within(20, tmp_path)
    finally:
        server.close()
    assert [a.doc_id for a in articles] == ["a", "e"]
    assert reasons(skipped, tmp_path) == {
        "b_fifo": "not a regular file (FIFO)",
        "c_socket": "not a regular file (socket)",
        "d_null": "not a regular file (character device), reached by link -> /dev/null",
    }


def test_a_fifo_given_as_the_corpus_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    articles, skipped = read_within(20, tmp_path / "pipe")
    assert articles == [] and skipped == [Skipped((tmp_path / "pipe").as_posix(), "not a regular file (FIFO)")]


def test_a_fifo_that_replaced_a_file_after_the_walk_is_not_opened(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "was_a_file.txt")
    write(tmp_path / "ok.txt", ARABIC)
    # The walk saw two regular files; by the time they are read, one is a FIFO.
    monkeypatch.setattr(walk, "_walk", lambda root, status, skipped, seen: iter(sorted(root.iterdir())))
    articles, skipped = read_within(20, tmp_path)
    assert [a.doc_id for a in articles] == ["ok"]
    assert reasons(skipped, tmp_path) == {"was_a_file.txt": "not a regular file (FIFO)"}


def test_control_characters_in_names_are_escaped_wherever_reported(tmp_path, caplog):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad\nname.txt"), "wb"):
        pass  # empty: skipped
    with open(os.path.join(folder, b"good\rname\xff\xe2\x80\xae.txt"), "wb") as handle:
        handle.write(ARABIC.encode("utf-8"))
    zip_of(tmp_path / "z.zip", {"member\nname.txt": b""})
    with caplog.at_level("WARNING", logger="qawl.corpus"):
        articles, skipped = read(tmp_path)
    (article,) = articles
    assert article.doc_id == "good\\rname\\xff\\u202e"
    assert rel(article.origin, tmp_path) == "good\\rname\\xff\\u202e.txt"
    assert [rel(s.origin, tmp_path) for s in skipped] == ["bad\\nname.txt", "z.zip:member\\nname.txt"]
    logged = [record.getMessage() for record in caplog.records]
    assert len(logged) == 2 and not any("\n" in line for line in logged)
    summary = summarize_corpus(tmp_path)
    json.dumps(summary, ensure_ascii=False).encode("utf-8")  # no lone surrogate left to choke on


def test_printable_is_idempotent_and_leaves_arabic_alone():
    assert corpus.printable("a\nb\t\x7f\u2028") == "a\\nb\\t\\x7f\\u2028"
    assert corpus.printable(corpus.printable("x\ny")) == "x\\ny"
    assert corpus.printable(ARABIC + " \u200c") == ARABIC + " \u200c"


# ------------------------------------------------------ records without text


def test_records_with_null_or_empty_text_are_skips(tmp_path):
    records = [{"text": None}, {"text": ""}, {"text": " \n "}, {"text": "أ"}, {"content": "ب", "text": None}, {"title": "ع"}]
    write(tmp_path / "a.json", json.dumps(records, ensure_ascii=False))
    write(tmp_path / "b.jsonl", '{"id": "n1", "text": null}\n{"id": "n2", "text": "ج"}\n')
    write(tmp_path / "c.csv", 'id,title,text\nc1,عنوان,\nc2,,د\nc3,عنوان,"  "\n')
    articles, skipped = read(tmp_path)
    assert [(a.doc_id, a.raw_text) for a in articles] == [("a/3", "أ"), ("a/4", "ب"), ("n2", "ج"), ("c2", "د")]
    assert reasons(skipped, tmp_path) == {
        "a.json#0": "record #0: field 'text' is null",
        "a.json#1": "record #1: field 'text' is empty",
        "a.json#2": "record #2: field 'text' is empty (only whitespace)",
        "a.json#5": "record #5: no 'text' or 'content' field",
        "b.jsonl:1": "line 1: field 'text' is null",
        "c.csv:2": "line 2: field 'text' is empty",
        "c.csv:4": "line 4: field 'text' is empty (only whitespace)",
    }


def test_trec_document_without_text_is_a_skip(tmp_path):
    empty = ant_doc("عنوان", "", abstract="")
    write(tmp_path / "docs.txt", empty + ant_doc("عنوان", ARABIC))
    articles, skipped = read(tmp_path)
    assert [a.origin.endswith("docs.txt#1") for a in articles] == [True]
    assert reasons(skipped, tmp_path) == {"docs.txt#0": "document #0: no <TEXT> or <ABSTRACT> text"}


def test_lone_surrogates_in_json_text_become_replacement_characters(tmp_path):
    write(tmp_path / "cut.jsonl", '{"id": "x\\ud800", "text": "نص \\ud83d", "title": "\\udc00ع"}\n')
    (article,) = load_corpus(tmp_path)
    assert article.raw_text == "\ufffdع\n\nنص \ufffd" and article.doc_id == "x\\ud800"
    json.dumps(asdict(article), ensure_ascii=False).encode("utf-8")


# ------------------------------------------------------------ duplicate ids


def test_duplicate_ids_across_files_are_made_unique_and_reported(tmp_path, caplog):
    write(tmp_path / "a.jsonl", '{"id": "x", "text": "أ"}\n')
    write(tmp_path / "b.jsonl", '{"id": "x", "text": "ب"}\n{"id": "x", "text": "ج"}\n{"id": "x@b.jsonl:1", "text": "د"}\n')
    renamed: list = []
    with caplog.at_level("WARNING", logger="qawl.corpus"):
        articles = list(load_corpus(tmp_path, renamed=renamed))
    assert [a.doc_id for a in articles] == ["x", "x@b.jsonl:1", "x@b.jsonl:2", "x@b.jsonl:1@b.jsonl:3"]
    assert [(rel(r.origin, tmp_path), r.original, r.doc_id) for r in renamed] == [
        ("b.jsonl:1", "x", "x@b.jsonl:1"),
        ("b.jsonl:2", "x", "x@b.jsonl:2"),
        ("b.jsonl:3", "x@b.jsonl:1", "x@b.jsonl:1@b.jsonl:3"),
    ]
    assert caplog.text.count("already taken") == 3
    summary = summarize_corpus(tmp_path)
    assert [item["doc_id"] for item in summary["renamed_ids"]] == [r.doc_id for r in renamed]
    assert summary["articles"] == 4 and summary["skipped"] == []


def test_same_file_names_in_several_roots_get_a_counter(tmp_path):
    roots = [write(tmp_path / name / "x.txt", ARABIC).parent for name in ("d1", "d2", "d3")]
    assert [a.doc_id for a in load_corpus(roots)] == ["x", "x@x.txt", "x@x.txt~2"]


def test_a_limited_read_gives_the_ids_of_a_full_read(tmp_path):
    for name in "abcd":
        write(tmp_path / f"{name}.jsonl", '{"id": "same", "text": "نص"}\n')
    full = [a.doc_id for a in load_corpus(tmp_path)]
    assert len(set(full)) == 4
    renamed: list = []
    assert [a.doc_id for a in load_corpus(tmp_path, limit=2, renamed=renamed)] == full[:2]
    assert [r.doc_id for r in renamed] == full[1:2]  # only the renames of what was read


def test_sampled_and_unsampled_reads_give_an_article_the_same_id(tmp_path):
    from qawl.corpus import sample_corpus

    for index in range(40):
        write(tmp_path / f"{index:02d}.jsonl", f'{{"id": "dup{index % 3}", "text": "نص {index}"}}\n')
    full = {a.origin: a.doc_id for a in load_corpus(tmp_path)}
    assert len(set(full.values())) == 40
    renamed: list = []
    sample = sample_corpus(tmp_path, 10, seed=3, renamed=renamed)
    assert len(sample) == 10 and all(full[a.origin] == a.doc_id for a in sample)
    sampled_renames = {a.doc_id for a in sample if "@" in a.doc_id}
    assert sampled_renames and {r.doc_id for r in renamed} == sampled_renames


# ------------------------------------------------------ other hostile inputs


def test_zip_member_declaring_a_huge_size_is_skipped_unread(tmp_path):
    path = zip_of(tmp_path / "bomb.zip", {"a.txt": ARABIC * 10, "b.txt": ARABIC})
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 0xFFFFFFF0)  # a.txt's declared size: 4 GB
    path.write_bytes(bytes(data))
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["bomb/b"]
    assert rel(skipped[0].origin, tmp_path) == "bomb.zip:a.txt"
    assert "unpacks to 4096.0 MB" in skipped[0].reason and "MAX_FILE_BYTES" in skipped[0].reason


def test_zip_member_larger_than_declared_is_skipped(tmp_path):
    path = zip_of(tmp_path / "liar.zip", {"a.txt": ARABIC * 10, "b.txt": ARABIC})
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, data.find(b"PK\x01\x02") + 24, 10)  # declares 10 bytes
    struct.pack_into("<I", data, data.find(b"PK\x03\x04") + 22, 10)
    path.write_bytes(bytes(data))
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["liar/b"]
    assert rel(skipped[0].origin, tmp_path) == "liar.zip:a.txt" and "Bad CRC-32" in skipped[0].reason


def test_zips_nested_too_deep_are_skipped(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("deep.txt", ARABIC)
    for level in range(corpus.MAX_ZIP_DEPTH):  # deep.txt ends up inside MAX_ZIP_DEPTH + 1 zips
        outer = io.BytesIO()
        with zipfile.ZipFile(outer, "w") as archive:
            archive.writestr(f"level{level}.zip", inner.getvalue())
            if level == 0:
                archive.writestr("shallow.txt", ARABIC)
        inner = outer
    write(tmp_path / "nest.zip", inner.getvalue())
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["nest/level2/level1/shallow"]  # in MAX_ZIP_DEPTH zips
    assert [rel(s.origin, tmp_path) for s in skipped] == ["nest.zip:level2.zip:level1.zip:level0.zip"]
    assert "MAX_ZIP_DEPTH" in skipped[0].reason


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_arabic_without_bom_or_spaces(tmp_path, codec):
    text = "وزيرالخارجية" * 20  # no ASCII: no NUL byte to give UTF-16 away
    (article,) = load_corpus(write(tmp_path / "doc.txt", text.encode(codec)))
    assert article.raw_text == text


def test_cp1256_arabic_with_latin_digits_and_guillemets(tmp_path):
    text = "قال الوزير: «نعم» في 2015 — OK"
    (article,) = load_corpus(write(tmp_path / "doc.txt", text.encode("cp1256")))
    assert article.raw_text == text


def test_unreadable_folder_is_skipped_and_the_walk_goes_on(tmp_path, monkeypatch):
    write(tmp_path / "a" / "x.txt", ARABIC)
    write(tmp_path / "b" / "y.txt", ARABIC)
    scandir = os.scandir

    def denied(path):
        if Path(path) == tmp_path / "a":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(walk.os, "scandir", denied)
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["b/y"]
    assert reasons(skipped, tmp_path) == {"a": "cannot list folder: Permission denied"}


def test_unreadable_file_is_skipped_and_the_walk_goes_on(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "b.txt", ARABIC)
    os_open = os.open

    def denied(path, flags, *args, **kwargs):
        if Path(path) == tmp_path / "a.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", denied)
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["b"]
    assert reasons(skipped, tmp_path) == {"a.txt": "cannot read file: Permission denied"}


def test_real_permissions(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: permissions do not block reads")
    write(tmp_path / "closed" / "x.txt", ARABIC)
    write(tmp_path / "secret.txt", ARABIC).chmod(0)
    write(tmp_path / "z.txt", ARABIC)
    (tmp_path / "closed").chmod(0)
    try:
        articles, skipped = read(tmp_path)
    finally:
        (tmp_path / "closed").chmod(0o755)
        (tmp_path / "secret.txt").chmod(0o644)
    assert [a.doc_id for a in articles] == ["z"]
    assert reasons(skipped, tmp_path) == {
        "closed": "cannot list folder: Permission denied",
        "secret.txt": "cannot read file: Permission denied",
    }


def test_an_unexpected_error_in_one_file_skips_that_file_only(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ARABIC)
    write(tmp_path / "boom.txt", ARABIC)
    write(tmp_path / "c.txt", ARABIC)
    parse_text = formats._parse_text

    def flaky(text, source, skipped):
        if source.id_path.name == "boom.txt":
            raise KeyError("surprise")
        return parse_text(text, source, skipped)

    monkeypatch.setattr(reading, "_parse_text", flaky)
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "c"]
    assert reasons(skipped, tmp_path) == {"boom.txt": "unexpected error: KeyError: 'surprise'"}


def test_a_very_deep_folder_tree(tmp_path):
    folders = [str(tmp_path)]
    for _ in range(1200):  # deeper than the recursion limit
        folders.append(folders[-1] + "/d")
        os.mkdir(folders[-1])
    Path(folders[-1], "x.txt").write_text(ARABIC, encoding="utf-8")
    try:
        (article,) = load_corpus(tmp_path)
    finally:  # bottom-up: pytest's own (recursive) clean-up would hit the recursion limit
        os.remove(Path(folders[-1], "x.txt"))
        for folder in reversed(folders[1:]):
            os.rmdir(folder)
    assert article.doc_id == "/".join(["d"] * 1200 + ["x"])


def test_every_bad_input_of_a_folder_is_listed_in_the_summary(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 2000)
    write(tmp_path / "good.txt", ARABIC)
    bad = {
        "empty.txt": b"",
        "blank.txt": b" \n",
        "binary.bin": bytes(range(256)) * 2,
        "huge.txt": ARABIC.encode("utf-8") * 100,
        "null.jsonl": b'{"text": null}\n',
        "bad.zip": b"PK\x03\x04 truncated",
        "feed.xml": b'<?xml version="1.0"?><rss/>',
    }
    for name, data in bad.items():
        write(tmp_path / name, data)
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "dangling").symlink_to("nowhere")
    os.mkfifo(tmp_path / "fifo")
    summary = summarize_corpus(tmp_path)
    listed = [rel(item["origin"], tmp_path) for item in summary["skipped"]]
    expected = {"null.jsonl:1" if name == "null.jsonl" else name for name in bad} | {"loop", "dangling", "fifo"}
    assert summary["articles"] == 1
    assert sorted(listed) == sorted(expected)  # each once
    assert all(item["reason"] for item in summary["skipped"])


def test_a_number_too_long_to_convert_skips_its_record_only(tmp_path):
    long_id = "1" * 5000  # over Python's int/str conversion limit: ValueError, not JSONDecodeError
    write(tmp_path / "a.jsonl", f'{{"id": {long_id}, "text": "أ"}}\n{{"id": "ok", "text": "ب"}}\n')
    write(tmp_path / "b.json", f'[{{"id": {long_id}, "text": "أ"}}]')
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["ok"]
    assert [rel(s.origin, tmp_path) for s in skipped] == ["a.jsonl:1", "b.json"]
    assert all("integer string conversion" in s.reason for s in skipped)


def test_zip_members_that_are_links_or_encrypted_are_skipped(tmp_path):
    path = tmp_path / "odd.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("a_link.txt")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
        archive.writestr("b_locked.txt", ARABIC)
        archive.writestr("c.txt", ARABIC)
    data = bytearray(path.read_bytes())
    locked = data.find(b"PK\x03\x04", data.find(b"PK\x03\x04") + 4)  # b_locked.txt's local header
    central = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    data[locked + 6] |= 1  # the "encrypted" flag bit, in both headers
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    articles, skipped = read(tmp_path)
    assert [a.doc_id for a in articles] == ["odd/c"]
    assert reasons(skipped, tmp_path) == {
        "odd.zip:a_link.txt": "zip member is a symbolic link",
        "odd.zip:b_locked.txt": "zip member is encrypted: unzip it with its password first",
    }
