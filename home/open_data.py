"""Open data downloads (JSON and CSV) and the licences that come with them.

Data (names, lists, codes, dates, addresses) is under the Licence Ouverte 2.0 of Etalab: it
asks only to cite the source and the date, it is compatible with CC BY and ODbL, and it is
the reference licence of French public open data (data.gouv.fr), so an association, a
network or a public body can reuse the lists in any tool without share-alike obligations
that would keep a small directory out of their own databases. The texts written for the
site (presentations, descriptions) stay under CC BY-SA 4.0, like the rest of its content.

Each app describes its datasets with `Dataset` and `Column`; the column names are the
stable contract reusers rely on, and the "Données ouvertes" page lists them from here.
"""

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from wagtail.rich_text import expand_db_html

from home import page_cache
from home.exports import neutralise_formula

# A built download is kept until the content changes (the page cache's generation); a day at most.
DOWNLOAD_SECONDS = 24 * 60 * 60
DATA_LICENCE = "Licence Ouverte 2.0 (Etalab)"
DATA_LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
TEXT_LICENCE = "CC BY-SA 4.0"
TEXT_LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"
LIST_SEPARATOR = " ; "


@dataclass(frozen=True)
class Column:
    """One stable column: its name never changes once published; `text` marks free text."""

    name: str
    description: str
    value: Callable
    text: bool = False


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterable] = field(repr=False)

    def records(self):
        """Each row as {column name: value}, lists kept as lists, one at a time."""
        for row in self.rows():
            yield {column.name: column.value(row) for column in self.columns}

    def metadata(self, page_url):
        text_columns = [column.name for column in self.columns if column.text]
        return {
            "titre": self.title,
            "description": self.description,
            "source": settings.SITE_URL + "/",
            "documentation": page_url,
            "genere_le": timezone.localtime().isoformat(timespec="seconds"),
            "licence": {"nom": DATA_LICENCE, "url": DATA_LICENCE_URL},
            "licence_des_textes": {
                "nom": TEXT_LICENCE,
                "url": TEXT_LICENCE_URL,
                "colonnes": text_columns,
            },
            "attribution": f"{self.title}, Emancip'Asso, {settings.SITE_URL}/",
            "colonnes": {column.name: column.description for column in self.columns},
        }


def plain_text(rich_text):
    """A rich text field as plain text: paragraphs on their own lines, no markup."""
    html = expand_db_html(rich_text or "").replace("</p>", "</p>\n").replace("<br/>", "\n")
    lines = (line.strip() for line in normalize_newlines(strip_tags(html)).split("\n"))
    return "\n".join(line for line in lines if line)


JSON = "application/json; charset=utf-8"
CSV = "text/csv; charset=utf-8"


def download_response(request, dataset, extension, page_url):
    """The dataset as JSON or CSV, built once per version of the content and kept compressed
    in the page cache: at 10 000 providers the directory takes 13 s of CPU to write, which
    every anonymous download would otherwise cost. Without the page cache, streamed."""
    chunks = _json_chunks(dataset, page_url) if extension == "json" else _csv_lines(dataset)
    content_type = JSON if extension == "json" else CSV
    generation = page_cache.current_generation() if settings.PAGE_CACHE_SECONDS else None
    if generation is None:
        streamed = StreamingHttpResponse(chunks, content_type=content_type)
        return _with_licence(streamed, dataset, extension)
    key = f"open-data:{dataset.slug}.{extension}:{generation}"
    compressed = page_cache.read(key)
    if compressed is None:
        compressed = gzip.compress("".join(chunks).encode(), compresslevel=6)
        page_cache.keep(key, compressed, DOWNLOAD_SECONDS)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(compressed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), content_type=content_type)
    response["Vary"] = "Accept-Encoding"
    return _with_licence(response, dataset, extension)


def _json_chunks(dataset, page_url):
    def dump(value):
        return json.dumps(value, ensure_ascii=False, indent=1, default=str).replace("\n", "\n ")

    yield '{\n "metadonnees": ' + dump(dataset.metadata(page_url)) + ',\n "donnees": ['
    separator = "\n  "
    for record in dataset.records():
        yield separator + dump(record).replace("\n", "\n ")
        separator = ",\n  "
    yield "\n ]\n}"


def csv_cell(value):
    """Lists joined with " ; ", booleans as oui/non, text that could run as a formula quoted."""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, bool):
        value = "oui" if value else "non"
    elif value is None:
        value = ""
    return neutralise_formula(value)


def _csv_lines(dataset):
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")

    def line(cells):
        writer.writerow(cells)
        text = output.getvalue()
        output.seek(0)
        output.truncate()
        return text

    yield line([column.name for column in dataset.columns])
    for record in dataset.records():
        yield line([csv_cell(value) for value in record.values()])


def _with_licence(response, dataset, extension):
    """The licence travels with the file too: a `Link rel=license` header (RFC 4946)."""
    response["Link"] = f'<{DATA_LICENCE_URL}>; rel="license"'
    response["Content-Disposition"] = f'inline; filename="{dataset.slug}.{extension}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
