"""Reading and writing ChatonsInfos "properties" files.

Files in the wild vary: keys in any case, older names (`organization.logo.url`,
`startDate`), a byte order mark, CRLF line ends, Java escapes (`\\u00e9`). The reader accepts
all of them and gives keys in lower case; the writer produces the current format.
"""

import re
from datetime import datetime

from django.utils import timezone

PROTOCOL = "ChatonsInfos-0.5"
GENERATOR = "Emancip'Asso"
LIST_SEPARATOR = ";"

# Older or variant key names, read as the current ones (keys are compared in lower case).
KEY_ALIASES = {
    "organization.logo.url": "organization.logo",
    "organization.url": "organization.website",
    "service.logo.url": "service.logo",
    "service.url": "service.website",
    "software.licence.name": "software.license.name",
}
JAVA_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


class Properties(dict):
    """Key → value, keys in lower case; `subs()` lists the files this one points to."""

    def text(self, key):
        return self.get(key.lower(), "").strip()

    def values_of(self, key):
        """A `;`-separated list, empty items dropped."""
        return [item.strip() for item in self.text(key).split(LIST_SEPARATOR) if item.strip()]

    def with_prefix(self, prefix):
        """{rest of the key: value} for every non-empty key starting with `prefix`."""
        return {
            key[len(prefix) :]: value
            for key, value in self.items()
            if key.startswith(prefix) and value.strip()
        }

    def subs(self):
        return list(self.with_prefix("subs.").items())


def decode(data):
    """UTF-8 (with or without BOM) as the format asks; Latin-1 for older Java-made files."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse(text):
    properties = Properties()
    for raw_line in text.splitlines():
        line = raw_line.strip().lstrip("\ufeff")
        if not line or line.startswith(("#", "!")) or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().lower()
        value = JAVA_UNICODE_ESCAPE.sub(lambda match: chr(int(match[1], 16)), value.strip())
        properties[KEY_ALIASES.get(key, key)] = value
    return properties


def single_line(value):
    """A property value on one line: line breaks become spaces."""
    return " ".join(str(value).split())


def write(file_class, sections, now=None):
    """A properties file: the `file.` header, then each (title, [(key, value)]) section.

    Empty values are left out; lists are joined with `;`.
    """
    now = now or timezone.localtime()
    header = [
        ("file.class", file_class),
        ("file.protocol", PROTOCOL),
        (
            "file.datetime",
            now.replace(microsecond=0).isoformat() if isinstance(now, datetime) else now,
        ),
        ("file.generator", GENERATOR),
    ]
    lines = [f"# {file_class}.properties, généré par {GENERATOR}", ""]
    for title, pairs in [("File", header), *sections]:
        kept = [(key, value) for key, value in pairs if value not in ("", None, [])]
        if not kept:
            continue
        lines.append(f"# [{title}]")
        for key, value in kept:
            if isinstance(value, list | tuple):
                value = LIST_SEPARATOR.join(single_line(item) for item in value)
            lines.append(f"{key} = {single_line(value)}")
        lines.append("")
    return "\n".join(lines)
