"""Write docs/performance.md from the JSON that bench/meten.py and bench/doorvoer.py made."""

import json
import os
import sys
from pathlib import Path

DOELEN_DOORVOER = {"API kernvraag": 300}


def _ms(waarde: float) -> str:
    return f"{waarde:,.1f}".replace(",", " ").replace(".", ",") + " ms"


def _status(gehaald) -> str:
    return "–" if gehaald is None else ("gehaald" if gehaald else "**niet gehaald**")


def main() -> None:
    bron = (
        sys.argv[1]
        if len(sys.argv) > 1
        else os.environ.get("BENCH_UITVOER", "bench/resultaten.json")
    )
    data = json.loads(Path(bron).read_text())
    regels = [
        "# Prestaties op landelijke schaal",
        "",
        "Gemeten met `make bench` (scripts/bench.sh): een wegwerp-PostgreSQL met de echte "
        "gemeenten en synthetische gegevens op landelijke schaal (`genereer_schaaldata --seed 1`), "
        "in één run op een gedeelde machine met 2 kernen. Elk cijfer is de mediaan (en p95) van "
        "herhaalde metingen na opwarmen, in het Django-proces zelf (zonder HTTP); de doorvoer is "
        "gemeten met wrk tegen gunicorn (2 workers) op loopback.",
        "",
        f"- Machine: {data['machine']}",
        f"- Datum: {data['datum']}",
        "- Omvang: " + ", ".join(f"{n:,} {k}".replace(",", ".") for k, n in data["omvang"].items()),
        "",
        "## Reactietijden",
        "",
        "| meting | mediaan | p95 | min–max | n | doel | status |",
        "|---|---|---|---|---|---|---|",
    ]
    for m in data["metingen"]:
        doel = "–" if m["doel_ms"] is None else f"≤ {_ms(m['doel_ms'])}"
        regels.append(
            f"| {m['naam']} | {_ms(m['mediaan_ms'])} | {_ms(m['p95_ms'])} | "
            f"{_ms(m['min_ms'])} – {_ms(m['max_ms'])} | {m['metingen']} | {doel} | "
            f"{_status(m['gehaald'])} |"
        )
        if m.get("toelichting"):
            regels.append(f"| ↳ {m['toelichting']} | | | | | | |")
    if data.get("doorvoer"):
        regels += [
            "",
            "## Doorvoer (gunicorn, 2 workers, wrk op loopback)",
            "",
            "| adres | paginacache | verzoeken/s | p50 | p99 | fouten | duur, verb. | doel |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for d in data["doorvoer"]:
            doel = "≥ 300/s, 0 fouten" if "/api/" in d["url"] else "–"
            regels.append(
                f"| `{d['url'].split('//', 1)[-1].split('/', 1)[-1]}` | {d.get('soort', '')} | "
                f"{d['verzoeken_per_s']:.0f} | {_ms(d['p50_ms'])} | {_ms(d['p99_ms'])} | "
                f"{d['fouten']} | {d['duur']}, {d['verbindingen']} | {doel} |"
            )
    toelichting = Path(__file__).with_name("toelichting.md")
    if toelichting.exists():
        regels += ["", toelichting.read_text(encoding="utf-8").strip(), ""]
    sys.stdout.write("\n".join(regels))
    # The raw figures too, so that the report can be rewritten without measuring again:
    # python bench/verslag.py docs/performance.json > docs/performance.md
    if len(sys.argv) == 1:
        Path("docs/performance.json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
