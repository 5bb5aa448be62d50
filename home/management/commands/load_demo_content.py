"""Build (or bring back) the demo site, app by app in the order of PROJECT_APPS."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from home import demo_loader


def load_app_demo(app, stdout):
    """An app's demo: its `demo` module where something is computed (it reads its data file
    itself), otherwise its data file `demo/<app>.json` alone, if it has one."""
    if find_spec(f"{app}.demo"):
        import_module(f"{app}.demo").load(stdout)
    elif demo_loader.data_file(app).exists():
        demo_loader.load(app)


class Command(BaseCommand):
    help = "Construit le site de démonstration (peut être relancée sans rien dupliquer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ne charge rien si le site a déjà des pages sous l'accueil (rien n'est défait).",
        )

    def handle(self, *args, if_empty=False, **options):
        # A fresh install has its empty home page (home/migrations/0008): content is below it.
        if if_empty and Page.objects.filter(depth__gt=2).exists():
            self.stdout.write(
                "Le site a déjà du contenu : rien n'est rechargé (make demo pour le rafraîchir)."
            )
            return
        with transaction.atomic():
            for app in settings.PROJECT_APPS:
                load_app_demo(app, self.stdout)
        # Index now, so that search works before the task worker has caught up.
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
