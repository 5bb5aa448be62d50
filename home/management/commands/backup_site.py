from django.core.management.base import BaseCommand, CommandError

from home.backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers envoyés dans une archive .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--dossier", default="backups", help="où écrire l'archive")

    def handle(self, *args, **options):
        try:
            path = create_backup(options["dossier"])
        except (BackupError, OSError) as error:
            raise CommandError(f"Sauvegarde impossible : {error}") from error
        self.stdout.write(str(path))
