"""`load_demo_content --if-empty` (what `make run` does) loads the demo into an empty site.

Apart from test_demo_content.py, whose module has the demo loaded: this test needs an empty one.
"""

import io

import pytest
from django.core.management import call_command

from home.models import HomePage, StandardPage


@pytest.mark.django_db
def test_if_empty_loads_an_empty_site():
    assert not HomePage.objects.exists()
    out = io.StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "admin / emancipasso-admin" in out.getvalue()
    assert StandardPage.objects.get(slug="a-propos").live
