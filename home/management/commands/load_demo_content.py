"""Build (or bring back) the demo site; each app adds its part in its own `demo` module."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from home.models import HomePage


def project_demo_modules():
    """The `demo` module of each app in PROJECT_APPS that has one, home first."""
    for app in settings.PROJECT_APPS:
        if find_spec(f"{app}.demo"):
            yield import_module(f"{app}.demo")


class Command(BaseCommand):
    help = "Construit le site de démonstration (peut être relancée sans rien dupliquer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ne charge rien si le site a déjà une page d'accueil (rien n'est défait).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write(
                "Le site a déjà du contenu : rien n'est rechargé (make demo pour le rafraîchir)."
            )
            return
        with transaction.atomic():
            for module in project_demo_modules():
                module.load(self.stdout)
        # Index now, so that search works before the task worker has caught up.
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
