"""Backups of the whole site: the database and the uploaded files, in one archive.

An archive is a .tar.gz holding `manifest.json` (when, which database engine, how many rows
each table had), `database.dump` (pg_dump's custom format on PostgreSQL, a copy made with
SQLite's online backup on SQLite) and `media/` (the uploaded files on the local disk; with S3
storage, the bucket is backed up by its own means). A restore goes into an empty database
only, so that it can never mix two sites.
"""
