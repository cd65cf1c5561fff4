"""A fresh virtual environment: `pip install <repo>`, then `theory validate` from elsewhere.

Proves ontology/ and graph/ ship inside the installed package. Dependencies come from the
system site-packages (--system-site-packages, --no-deps) so the test needs no network.
"""

import os
import shutil
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
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "-q", str(source)],
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
    assert "conforms: 0 violations" in validate.stdout

    info = subprocess.run([str(theory), "info", "--format", "csv"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert info.returncode == 0, info.stderr
    assert "16 numbered" in info.stdout
    build = subprocess.run([str(theory), "build", "-o", "built.ttl"], capture_output=True, text=True, env=env, cwd=elsewhere)
    assert build.returncode == 0, build.stderr
    assert "th:worksToward" in (elsewhere / "built.ttl").read_text(encoding="utf-8")  # the rules shipped
    installed = subprocess.run(
        [str(python), "-c", "from theory.load import shapes_path, ontology_path; print(shapes_path()); print(ontology_path())"],
        capture_output=True, text=True, env=env, cwd=elsewhere, check=True,
    )
    assert all(line.startswith(str(venv)) for line in installed.stdout.splitlines())
