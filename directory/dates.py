"""Calendar arithmetic for retention and freshness periods counted in months."""

import calendar
import datetime

from django.utils import timezone


def months_before(day, months):
    """The same day `months` months earlier, clamped to the end of a shorter month."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def start_of(day):
    """Midnight at the start of `day`, in the current time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
