"""Laptop settings: debug on, an insecure key that never leaves the machine."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
COMPRESS_ENABLED = False
