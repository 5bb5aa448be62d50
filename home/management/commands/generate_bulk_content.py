"""Fill the site with bulk content for benchmarks and scale tests, on top of the demo.

Each app that can generate content has a `bulk` module (guides, directory, webinars) with an
OPTION (`--providers`), its HELP, and `generate(count, seed)`: this command finds them in the
order of PROJECT_APPS, as load_demo_content finds the demo modules, and imports none by name.
Bulk objects carry a slug prefix: a rerun with the same counts adds nothing, a larger count
tops the series up with the objects a fresh run would have made.
"""

import time
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from home.content_changes import content_changed


def bulk_modules():
    apps = [app for app in settings.PROJECT_APPS if find_spec(f"{app}.bulk")]
    return [import_module(f"{app}.bulk") for app in apps]


class Command(BaseCommand):
    help = (
        "Génère en masse des fiches, guides et webinaires (sur la démonstration) pour mesurer "
        "le site à grande échelle ; relancée, elle ne duplique rien."
    )

    def add_arguments(self, parser):
        for module in bulk_modules():
            parser.add_argument(f"--{module.OPTION}", type=int, default=0, help=module.HELP)
        parser.add_argument("--seed", type=int, default=1, help="graine du tirage (défaut : 1)")

    def handle(self, *args, seed=1, **options):
        started = time.perf_counter()
        for module in bulk_modules():
            count = options[module.OPTION]
            if count <= 0:
                continue
            step = time.perf_counter()
            added = module.generate(count, seed)
            self.stdout.write(
                f"{module.OPTION} : {added} ajoutés (objectif {count}) "
                f"en {time.perf_counter() - step:.1f} s"
            )
        # Rows written in bulk send no signal: the cached pages and site structure are retired
        # once here.
        content_changed()
        if connection.vendor == "postgresql":
            # Fresh statistics: planned on the empty tables' ones, the directory's counts
            # would take nested loops over thousands of rows.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Contenu en masse prêt en {time.perf_counter() - started:.1f} s.")
        )
