"""Data from other projects is never part of the repository: the national register's export
and schema and the OpenGR files are read from a path (REGIOREG_BRONNEN) or downloaded."""

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
VREEMD = (
    "exportOO",  # the national register's export, in any of its files
    "oo-export.xsd",
    "opengr_provincies.csv",
    "dsta_gemeenschappelijke_regelingen.csv",
)


def test_no_copy_of_another_projects_data_is_in_the_repository():
    if shutil.which("git") is None:
        pytest.skip(
            "git is niet geïnstalleerd: de lijst van bestanden in de repository is niet op "
            "te vragen."
        )
    uit = subprocess.run(
        ["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    bestanden = uit.stdout.splitlines()
    assert "fixtures/gemeenten.csv" in bestanden  # our own compiled tables stay
    assert [b for b in bestanden if any(naam in Path(b).name for naam in VREEMD)] == []
    # Nor a test file cut out of the real export: the tests write their own (roo_bestanden.py).
    assert [b for b in bestanden if b.endswith((".xml", ".xsd"))] == []
