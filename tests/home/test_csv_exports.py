"""No export of the hub hands a spreadsheet a formula typed by the public.

The attack of the review: an application whose city is `=cmd|' /C calc'!A0`, a registration
named `=HYPERLINK(...)`, then a moderator opens the CSV in a spreadsheet. Each cell that
starts with = + - @, a tab or a carriage return must come out prefixed with an apostrophe.
"""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from home.exports import neutralise_formula
from home.groups import EDITORS, MODERATORS
from tests.factories.catalogue import FreeAlternativeFactory
from tests.factories.directory import ProviderApplicationFactory
from tests.factories.webinars import (
    RegistrationFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.helpers import log_in

APPLICATIONS_URL = "/admin/directory/providerapplication/"
REGISTRATIONS_URL = "/admin/webinars/registration/"
ALTERNATIVES_URL = "/admin/snippets/catalogue/freealternative/"
DDE = "=cmd|' /C calc'!A0"
HYPERLINK = '=HYPERLINK("http://x","y")'
TRIGGERS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("value", TRIGGERS)
def test_a_text_that_could_start_a_formula_gets_an_apostrophe(value):
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Rennes", "a=b", "", "—", "'=déjà neutralisé", -5, Decimal("-1.5"), None, True]
)
def test_other_cells_are_left_as_they_are(value):
    assert neutralise_formula(value) == value


def test_a_date_is_left_as_it_is():
    assert neutralise_formula(date(2025, 3, 1)) == date(2025, 3, 1)


def rows_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def row_with(rows, value):
    """The one exported row holding `value`: found by its content, whatever the headings say."""
    [row] = [row for row in rows[1:] if value in row]
    return row


def test_the_applications_export_neutralises_a_dde_formula(client, db):
    ProviderApplicationFactory(structure_name="Piège", city=DDE, website="")
    ProviderApplicationFactory(structure_name="Honnête", city="Rennes", website="")
    log_in(client, MODERATORS)
    rows = rows_of(client.get(APPLICATIONS_URL, {"export": "csv", "o": "1"}))
    assert len(rows) == 3
    assert "'" + DDE in row_with(rows, "Piège")
    assert "Rennes" in row_with(rows, "Honnête")
    # Empty cells are shown as "—", so nothing but the attack is prefixed.
    prefixed = [cell for row in rows for cell in row if cell.startswith("'")]
    assert prefixed == ["'" + DDE]


def test_the_applications_xlsx_export_neutralises_it_too(client, db):
    ProviderApplicationFactory(structure_name="Piège", city=DDE)
    log_in(client, MODERATORS)
    response = client.get(APPLICATIONS_URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row}
    assert cells["'" + DDE] == "s"
    assert DDE not in cells


@pytest.mark.parametrize("value", TRIGGERS)
def test_the_registrations_export_neutralises_every_trigger(client, home_page, value):
    webinar = WebinarPageFactory(parent=WebinarIndexPageFactory(parent=home_page))
    RegistrationFactory(webinar=webinar, name=HYPERLINK, organisation=value)
    RegistrationFactory(webinar=webinar, name="Camille", organisation="Les Amis du Quartier")
    log_in(client, EDITORS)
    rows = rows_of(client.get(REGISTRATIONS_URL, {"export": "csv"}))
    assert len(rows) == 3
    assert "'" + value in row_with(rows, "'" + HYPERLINK)
    assert "Les Amis du Quartier" in row_with(rows, "Camille")


def test_the_catalogue_export_neutralises_a_formula(client, db):
    FreeAlternativeFactory(name="Tableur piégé", description=HYPERLINK, licence="@SUM(1+1)")
    FreeAlternativeFactory(name="Tableur honnête", description="Un tableur libre.")
    log_in(client, MODERATORS)
    rows = rows_of(client.get(ALTERNATIVES_URL, {"export": "csv"}))
    by_name = {row[0]: row for row in rows[1:]}
    assert "'" + HYPERLINK in by_name["Tableur piégé"]
    assert "'@SUM(1+1)" in by_name["Tableur piégé"]
    assert HYPERLINK not in by_name["Tableur piégé"]
    assert "Un tableur libre." in by_name["Tableur honnête"]
