import time

from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.schaaldata import JAREN, schaaldata_genereren


class Command(DutchCommand):
    help = (
        "Vult een (lege) database met synthetische gegevens op landelijke schaal: ~1.800 "
        "samenwerkingsverbanden, elke gemeente in 25–45, besturen, tien jaar bijdragen en "
        "jaarcijfers. Alleen voor demo's en benchmarks; laad eerst de referentiedata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="zelfde seed, zelfde gegevens")
        parser.add_argument("--jaren", type=int, default=JAREN)
        parser.add_argument("--laatste-jaar", type=int, default=None)

    def handle(self, *args, **opties):
        begin = time.perf_counter()
        try:
            verslag = schaaldata_genereren(
                seed=opties["seed"], jaren=opties["jaren"], laatste_jaar=opties["laatste_jaar"]
            )
        except ValueError as fout:
            raise CommandError(str(fout)) from None
        duur = time.perf_counter() - begin
        self.stdout.write(
            f"Synthetisch (seed {opties['seed']}): {verslag.verbanden} samenwerkingsverbanden, "
            f"{verslag.deelnames} deelnames, {verslag.personen} personen, {verslag.zetels} "
            f"zetels, {verslag.bijdragen} bijdragen, {verslag.jaarcijfers} jaarcijfers "
            f"in {duur:.0f} s."
        )
