"""Build (or bring back) the demo site; each app adds its part in its own `demo` module."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction


def project_demo_modules():
    """The `demo` module of each app in PROJECT_APPS that has one, home first."""
    for app in settings.PROJECT_APPS:
        if find_spec(f"{app}.demo"):
            yield import_module(f"{app}.demo")


class Command(BaseCommand):
    help = "Construit le site de démonstration (peut être relancée sans rien dupliquer)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in project_demo_modules():
                module.load(self.stdout)
        # Index now, so that search works before the task worker has caught up.
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
