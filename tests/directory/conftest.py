import pytest

from tests.factories.directory import DirectoryIndexPageFactory


@pytest.fixture
def directory(home_page):
    return DirectoryIndexPageFactory(parent=home_page)
