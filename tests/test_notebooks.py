"""Notebook lint, without a kernel: the .ipynb files are the source, so their rules are checked here.

Every stage notebook has a markdown header first, exactly one cell tagged
``parameters`` that defines corpus, output_dir, limit and seed with a comment
each, no ``def`` or ``class``, no committed outputs or execution counts, stable
unique cell ids, code that parses (IPython magics aside) and imports only from
qawl, the standard library, pandas, IPython, matplotlib and ipywidgets. Each
rule is shown to fail on a copy of a real notebook broken on purpose.
"""
import ast
import copy
import importlib.util
import io
import json
import re
import sys
import tokenize
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
                   if not p.name.endswith(".nbval.ipynb"))
REQUIRED_PARAMETERS = ("corpus", "output_dir", "limit", "seed")
ALLOWED_IMPORTS = {"qawl", "pandas", "IPython", "matplotlib", "ipywidgets"} | set(sys.stdlib_module_names)
CELL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")  # nbformat 4.5's pattern
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


# ------------------------------------------------------------------ the lint ---

def source_of(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def python_of(source: str) -> str:
    """The cell as the kernel runs it: magics become get_ipython() calls."""
    return TransformerManager().transform_cell(source)


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c.get("cell_type") == "code"]


def header_problems(nb: dict) -> list[str]:
    cells = nb["cells"]
    if not cells or cells[0].get("cell_type") != "markdown":
        return ["the first cell is not a markdown header"]
    if not source_of(cells[0]).startswith("# "):
        return ["the first cell does not start with a '# ' heading"]
    return []


def commented_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def parameter_problems(nb: dict) -> list[str]:
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        return [f"{len(tagged)} cells tagged parameters (expected exactly one)"]
    cell = tagged[0]
    if cell.get("cell_type") != "code":
        return ["the cell tagged parameters is not a code cell"]
    source = source_of(cell)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        return [f"the parameters cell does not parse: {error.msg}"]
    comments, defined, problems = commented_lines(source), set(), []
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            problems.append(f"parameters cell line {node.lineno} is not an assignment")
            continue
        names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        defined.update(names)
        if not comments & set(range(node.lineno, node.end_lineno + 1)):
            problems.append(f"parameter {', '.join(names)} has no comment")
    problems += [f"the parameters cell does not define {name}" for name in REQUIRED_PARAMETERS
                 if name not in defined]
    return problems


def output_problems(nb: dict) -> list[str]:
    problems = []
    for cell in code_cells(nb):
        if cell.get("outputs"):
            problems.append(f"cell {cell.get('id')} has committed outputs (run `make strip`)")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {cell.get('id')} has a committed execution count (run `make strip`)")
    if "widgets" in nb.get("metadata", {}):
        problems.append("the notebook metadata holds widget state (run `make strip`)")
    return problems


def id_problems(nb: dict) -> list[str]:
    # before nbformat 4.5, ids are not stored and every reader invents new ones
    if (nb.get("nbformat"), nb.get("nbformat_minor", 0)) < (4, 5):
        return ["nbformat older than 4.5 stores no cell ids"]
    ids = [cell.get("id") for cell in nb["cells"]]
    problems = [f"cell {i} has no id" for i, cell_id in enumerate(ids) if cell_id is None]
    problems += [f"cell id {cell_id!r} is not a valid id" for cell_id in ids
                 if cell_id is not None and not CELL_ID.match(cell_id)]
    problems += [f"cell id {cell_id!r} is used {ids.count(cell_id)} times"
                 for cell_id in sorted({i for i in ids if i is not None and ids.count(i) > 1})]
    return problems


def imported_modules(tree: ast.AST) -> list[str]:
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules.append("." * node.level + (node.module or ""))
    return modules


def code_problems(nb: dict) -> list[str]:
    problems = []
    for cell in code_cells(nb):
        where = f"cell {cell.get('id')}"
        try:
            tree = ast.parse(python_of(source_of(cell)))
        except SyntaxError as error:
            problems.append(f"{where} does not parse: {error.msg} (line {error.lineno})")
            continue
        problems += [f"{where} defines {type(node).__name__} {node.name}: move it into qawl"
                     for node in ast.walk(tree) if isinstance(node, DEFINITIONS)]
        problems += [f"{where} imports {module}, which notebooks may not import"
                     for module in imported_modules(tree) if module.split(".")[0] not in ALLOWED_IMPORTS]
    return problems


def notebook_problems(path: Path) -> list[str]:
    """Every broken rule of the notebook file at ``path``, read as committed (raw JSON)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return (header_problems(nb) + parameter_problems(nb) + output_problems(nb)
            + id_problems(nb) + code_problems(nb))


# ------------------------------------------------------- the real notebooks ---

def test_the_stage_notebooks_are_found():
    assert [p.name for p in NOTEBOOKS] == ["01_clean.ipynb", "02_entities.ipynb", "03_quotes.ipynb",
                                           "04_stance.ipynb", "05_visualise.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_keeps_the_rules(path):
    assert notebook_problems(path) == []


def test_no_generator_overwrites_the_notebooks():
    assert not (ROOT / "tools" / "make_notebooks.py").exists()


# ------------------------------------------------- each rule fails when broken ---

BASE = ROOT / "notebooks" / "03_quotes.ipynb"  # magics-free, with widgets and a claim


def parameters_of(nb):
    return next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))


def drop_line(nb, start):
    cell = parameters_of(nb)
    cell["source"] = [line for line in cell["source"] if not line.startswith(start)]


def replace_in_parameters(nb, old, new):
    cell = parameters_of(nb)
    cell["source"] = [line.replace(old, new) for line in cell["source"]]


def add_code(nb, source):
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "added-cell",
                        "metadata": {}, "outputs": [], "source": source})


def first_code(nb):
    return code_cells(nb)[1]


BREAKAGES = {
    "header not first": (lambda nb: nb["cells"].append(nb["cells"].pop(0)),
                         "first cell is not a markdown header"),
    "header without heading": (lambda nb: nb["cells"][0].update(source="Quotes, without a heading"),
                               "does not start with a '# ' heading"),
    "no parameters tag": (lambda nb: parameters_of(nb)["metadata"].update(tags=[]),
                          "0 cells tagged parameters"),
    "two parameters cells": (lambda nb: first_code(nb)["metadata"].update(tags=["parameters"]),
                             "2 cells tagged parameters"),
    "seed missing": (lambda nb: drop_line(nb, "seed ="), "does not define seed"),
    "corpus missing": (lambda nb: drop_line(nb, "corpus ="), "does not define corpus"),
    "limit without comment": (lambda nb: replace_in_parameters(
        nb, "limit = None  # analyse this many articles, a random sample across the corpus drawn with `seed` (None: every article)",
        "limit = None"), "parameter limit has no comment"),
    "call in parameters": (lambda nb: parameters_of(nb)["source"].append("\nprint(corpus)  # shown"),
                           "is not an assignment"),
    "def": (lambda nb: add_code(nb, "def helper(frame):\n    return frame.head()\n"),
            "defines FunctionDef helper"),
    "nested def": (lambda nb: add_code(nb, "for i in range(2):\n    def inner():\n        pass\n"),
                   "defines FunctionDef inner"),
    "class": (lambda nb: add_code(nb, "class Holder:\n    pass\n"), "defines ClassDef Holder"),
    "outputs": (lambda nb: first_code(nb).update(outputs=[{"name": "stdout", "output_type": "stream",
                                                          "text": ["3 quotes\n"]}]),
                "has committed outputs"),
    "execution count": (lambda nb: first_code(nb).update(execution_count=4),
                        "has a committed execution count"),
    "widget state": (lambda nb: nb["metadata"].update(widgets={"state": {}}), "holds widget state"),
    "old nbformat": (lambda nb: nb.update(nbformat_minor=4), "stores no cell ids"),
    "missing id": (lambda nb: first_code(nb).pop("id"), "has no id"),
    "duplicate id": (lambda nb: first_code(nb).update(id=nb["cells"][0]["id"]), "is used 2 times"),
    "invalid id": (lambda nb: first_code(nb).update(id="not a valid id!"), "is not a valid id"),
    "syntax error": (lambda nb: add_code(nb, "shares = aggregates.share_of_voice(output_dir\n"),
                     "does not parse"),
    "third-party import": (lambda nb: add_code(nb, "import requests\n"), "imports requests"),
    "from-import": (lambda nb: add_code(nb, "from sklearn.linear_model import LogisticRegression\n"),
                    "imports sklearn.linear_model"),
    "relative import": (lambda nb: add_code(nb, "from . import helpers\n"), "imports ."),
    "import inside a block": (lambda nb: add_code(nb, "if True:\n    import numpy as np\n"),
                              "imports numpy"),
}


def write_copy(tmp_path, nb) -> Path:
    path = tmp_path / BASE.name
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_a_broken_copy_fails_the_lint(tmp_path, name):
    breakage, expected = BREAKAGES[name]
    nb = json.loads(BASE.read_text(encoding="utf-8"))
    breakage(nb)
    problems = notebook_problems(write_copy(tmp_path, nb))
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize("source", [
    "%matplotlib inline\nimport json\nfrom matplotlib import pyplot\n",
    "%%time\nfrom qawl import aggregates\n",
    "!ls ../seeds\nfrom IPython.display import display\nimport ipywidgets as widgets\nimport os.path\n",
    "top = [name for name in sorted(set('abc'))]\nkey = lambda row: row[0]\n",
])
def test_magics_and_allowed_code_pass(tmp_path, source):
    nb = json.loads(BASE.read_text(encoding="utf-8"))
    add_code(nb, source)
    assert notebook_problems(write_copy(tmp_path, nb)) == []


# ------------------------------------------ stripping keeps what was written ---

def load_tool():
    spec = importlib.util.spec_from_file_location("strip_notebooks", ROOT / "tools" / "strip_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_saved_by_jupyterlab(path: Path) -> dict:
    """The notebook after a run and a save: outputs, counts, timings, kernel details, widget state."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(code_cells(nb), start=1):
        cell["execution_count"] = number
        cell["outputs"] = [{"name": "stdout", "output_type": "stream", "text": [f"cell {number}\n"]}]
        cell["metadata"].update(execution={"iopub.status.busy": "2026-12-03T10:00:00.000Z"},
                                trusted=True, scrolled=True)
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.7", "mimetype": "text/x-python",
                                       "file_extension": ".py", "pygments_lexer": "ipython3"}
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_strip_is_a_no_op_on_the_committed_notebooks(tmp_path, path):
    copy_path = tmp_path / path.name
    copy_path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_tool().strip_file(copy_path) is False


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_strip_returns_a_saved_notebook_to_the_committed_text(tmp_path, path):
    copy_path = tmp_path / path.name
    copy_path.write_text(json.dumps(as_saved_by_jupyterlab(path), indent=2), encoding="utf-8")
    assert load_tool().strip_file(copy_path) is True
    assert copy_path.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_strip_keeps_a_researchers_edits_and_new_cell_ids(tmp_path):
    nb = as_saved_by_jupyterlab(BASE)
    nb["cells"][0]["source"] = "# 03 · Quotes, my edited header\n\nWith a note."
    add_code(nb, "shares.head(3)  # my own look")
    nb["cells"][-1]["id"] = "4f1c0a9e-2b7d-4c1e-9a55-0e1b7c3d2f10"  # as JupyterLab names a new cell
    path = write_copy(tmp_path, nb)
    load_tool().strip_file(path)
    stripped = json.loads(path.read_text(encoding="utf-8"))
    assert [c["id"] for c in stripped["cells"]] == [c["id"] for c in nb["cells"]]
    assert [source_of(c) for c in stripped["cells"]] == [source_of(c) for c in nb["cells"]]
    assert notebook_problems(path) == []


# ------------------------------------------ nbval copies write a run of their own ---

def test_apply_points_the_copies_at_a_fresh_run_folder(tmp_path):
    tool = load_tool()
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for path in NOTEBOOKS:
        (notebooks / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    sources = {p.name: p.read_text(encoding="utf-8") for p in notebooks.iterdir()}
    run = tmp_path / "outputs" / "nbval-test"
    assert tool.apply(sorted(notebooks.iterdir()), run) == run.resolve()
    assert run.is_dir() and not any(run.iterdir())
    assert {name: (notebooks / name).read_text(encoding="utf-8") for name in sources} == sources
    assert len(list(notebooks.glob("*.nbval.ipynb"))) == len(NOTEBOOKS)
    claims = json.loads(tool.CLAIMS.read_text(encoding="utf-8"))
    for path in NOTEBOOKS:
        nb = nbformat.read(notebooks / path.with_suffix(".nbval.ipynb").name, as_version=4)
        namespace = {}
        exec(tool.parameters_cell(nb).source, namespace)
        assert namespace["output_dir"] == str(run.resolve())
        assert namespace["corpus"] == "../seeds"  # the other parameters stay as written
        checked = [c.outputs for c in tool.claim_cells(nb)]
        assert len(checked) == len(claims[path.name]) and all(checked)
    with pytest.raises(SystemExit, match="exists"):  # never into an earlier run's folder
        tool.apply(sorted(notebooks.glob("0*_[a-z]*[a-z].ipynb")), run)  # the copies too: skipped
    assert not list(notebooks.glob("*.nbval.nbval.ipynb"))


def test_set_parameter_keeps_the_comment_after_arabic_text():
    source = 'speaker = "لافروف"  # part of a name\noutput_dir = "../outputs/notebooks"  # run folder'
    result = load_tool().set_parameter(source, "speaker", "كيري")
    assert result.split("\n")[0] == "speaker = 'كيري'  # part of a name"
    assert result.split("\n")[1] == source.split("\n")[1]
    with pytest.raises(ValueError, match="no seed"):
        load_tool().set_parameter(source, "seed", 1)
