"""Throughput: wrk against the app under gunicorn (2 workers) on loopback, 30 seconds per URL.

Usage: python bench/doorvoer.py BASIS_URL PAD [PAD ...]; appends to BENCH_UITVOER's JSON."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

DUUR = os.environ.get("BENCH_DUUR", "30s")
VERBINDINGEN = os.environ.get("BENCH_VERBINDINGEN", "8")


def _ms(waarde: str) -> float:
    getal, eenheid = re.fullmatch(r"([\d.]+)(us|ms|s)", waarde).groups()
    return float(getal) * {"us": 0.001, "ms": 1, "s": 1000}[eenheid]


def wrk(url: str, *opties: str) -> dict:
    """One wrk run; `opties` go to wrk as they are (e.g. "-s", "bench/belasting.lua")."""
    uit = subprocess.run(
        ["wrk", "-t1", f"-c{VERBINDINGEN}", f"-d{DUUR}", "--latency", *opties, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    verdeling = dict(re.findall(r"^\s*(50|75|90|99)%\s+([\d.]+(?:us|ms|s))\s*$", uit, re.M))
    if "99" not in verdeling:
        raise SystemExit(f"wrk gaf geen latentieverdeling voor {url}:\n{uit}")
    fouten = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", uit))
    niet_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    return {
        "url": url,
        "verzoeken_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1)),
        "p50_ms": _ms(verdeling["50"]),
        "p99_ms": _ms(verdeling["99"]),
        "verzoeken": int(re.search(r"(\d+) requests in", uit).group(1)),
        "fouten": fouten + (int(niet_2xx.group(1)) if niet_2xx else 0),
        # Only with a script that prints them (bench/belasting.lua).
        **{f"status_{k}": int(n) for k, n in re.findall(r"^status (\dxx) (\d+)$", uit, re.M)},
        "duur": DUUR,
        "verbindingen": int(VERBINDINGEN),
    }


def main() -> None:
    basis, paden = sys.argv[1], sys.argv[2:]
    uitvoer = Path(os.environ.get("BENCH_UITVOER", "bench/resultaten.json"))
    data = json.loads(uitvoer.read_text())
    data.setdefault("doorvoer", [])
    for pad in paden:
        resultaat = wrk(basis + pad) | {"soort": os.environ.get("BENCH_SOORT", "")}
        print(
            f"{pad:50s} {resultaat['verzoeken_per_s']:8.1f} verzoeken/s  "
            f"p50 {resultaat['p50_ms']:.1f} ms  p99 {resultaat['p99_ms']:.1f} ms  "
            f"fouten {resultaat['fouten']}",
            flush=True,
        )
        data["doorvoer"].append(resultaat)
    uitvoer.write_text(json.dumps(data, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
