from django.core.management.base import BaseCommand, CommandError

from home.backups.archive import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restaure une sauvegarde (backup_site) dans une base vide et le dossier des fichiers."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="le fichier .tar.gz écrit par backup_site")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(options["archive"])
        except (BackupError, OSError) as error:
            raise CommandError(f"Restauration impossible : {error}") from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Restauré : {rows} lignes dans {len(manifest['rows'])} tables, "
            f"sauvegarde du {manifest['created_at']}."
        )
