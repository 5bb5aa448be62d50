import pytest
from django.contrib.auth.models import Group

from home.demo_tools import ensure_user


@pytest.fixture
def log_in_as(client):
    """Log the test client in as a member of one editorial group."""

    def log_in(group_name):
        user = ensure_user(
            f"membre-{group_name.lower()}",
            "motdepasse-test",
            email="membre@example.org",
            groups=[Group.objects.get(name=group_name)],
        )
        client.force_login(user)
        return user

    return log_in
