"""Issue 16 (eenvoud): no Python module outside the migrations is longer than 600 lines; a
module that grows past that is split by concern (docs/architecture.md)."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GRENS = 600
NIET_VAN_ONS = {".venv", "node_modules", "migrations", "staticfiles", "build"}


def test_no_module_outside_the_migrations_is_over_600_lines():
    te_lang = {
        str(pad.relative_to(PROJECT)): regels
        for pad in PROJECT.rglob("*.py")
        if not NIET_VAN_ONS.intersection(pad.relative_to(PROJECT).parts)
        and not any(deel.startswith(".") for deel in pad.relative_to(PROJECT).parts)
        and (regels := len(pad.read_text(encoding="utf-8").splitlines())) > GRENS
    }
    assert te_lang == {}
