"""A fresh virtual environment: `pip install <repo>`, then `theory validate` from elsewhere.

Proves ontology/, graph/, the queries and the message catalogue ship inside the installed
package. The new environment borrows the dependencies of the environment running the tests
(a ``.pth`` file naming its site-packages; ``--no-deps``), so the test needs no network and
works the same whether the suite runs in the machine's Python or inside a virtual
environment (``--system-site-packages`` would reach the base interpreter instead, which may
lack them).
"""

import os
import shutil
import site
import sysconfig
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IGNORE = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", "test-output", ".venv")


@pytest.mark.slow
def test_fresh_venv_install_finds_shipped_plan(tmp_path):
    source = tmp_path / "src-copy"  # a copy, so the build leaves nothing in the working tree
    shutil.copytree(ROOT, source, ignore=IGNORE)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    inner = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    outer = dict.fromkeys([*site.getsitepackages(), sysconfig.get_paths()["purelib"]])
    (Path(inner) / "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        # --ignore-installed: the environment running the tests may hold theory itself
        # (editable); it must be neither used nor uninstalled
        [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "--ignore-installed", str(source)],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import theory, cli; print(theory.__file__); print(cli.__file__)"],
        capture_output=True, text=True, env=env, cwd=elsewhere, check=True,
    )
    for line in where.stdout.splitlines():
        assert line.startswith(str(venv)), f"imported from outside the venv: {line}"

    theory = venv / "bin" / "theory"
    validate = subprocess.run([str(theory), "validate"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "opfylder kravene: 0 overtrædelser" in validate.stdout  # the Danish catalogue shipped

    info = subprocess.run([str(theory), "info", "--format", "csv"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert info.returncode == 0, info.stderr
    assert "16 numbered" in info.stdout or "16 nummererede" in info.stdout
    coverage = subprocess.run([str(theory), "coverage", "--format", "csv"], capture_output=True, text=True, env=env,
                              cwd=elsewhere)
    assert coverage.returncode == 0, coverage.stderr
    assert "Trygt byliv,focus-area,9,1246000" in coverage.stdout  # the questions and views shipped
    build = subprocess.run([str(theory), "build", "-o", "built.ttl"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert build.returncode == 0, build.stderr
    assert "th:worksToward" in (elsewhere / "built.ttl").read_text(encoding="utf-8")  # the rules shipped
    installed = subprocess.run(
        [str(python), "-c", "from theory.sources import shapes_path, ontology_path; print(shapes_path()); print(ontology_path())"],
        capture_output=True, text=True, env=env, cwd=elsewhere, check=True,
    )
    assert all(line.startswith(str(venv)) for line in installed.stdout.splitlines())
