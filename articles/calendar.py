"""The content calendar: the scheduled and published stories of a week or a month, by day."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from articles.models import Article
from articles.services import articles_visible_to

WEEK, MONTH = "week", "month"


@dataclass
class Day:
    date: date
    in_period: bool
    is_today: bool
    stories: list = field(default_factory=list)


@dataclass
class Calendar:
    view: str
    start: date  # the first day of the week or month shown
    weeks: list  # lists of seven Days
    previous: date
    next: date

    @property
    def days(self):
        return [day for week in self.weeks for day in week]

    @property
    def has_stories(self):
        return any(day.stories for day in self.days if day.in_period)


def _parse(value, today):
    try:
        return date.fromisoformat(value) if value else today
    except ValueError:
        return today


def stories_calendar(*, user, view=MONTH, on=None):
    """The calendar around `on` (an ISO date, today if missing or unreadable), in local time."""
    today = timezone.localdate()
    view = WEEK if view == WEEK else MONTH
    day = _parse(on, today)
    if view == WEEK:
        start = day - timedelta(days=day.weekday())
        first, last = start, start + timedelta(days=6)
        previous, following = start - timedelta(days=7), start + timedelta(days=7)
    else:
        start = day.replace(day=1)
        last = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        first = start - timedelta(days=start.weekday())
        previous = (start - timedelta(days=1)).replace(day=1)
        following = last + timedelta(days=1)
    end = last + timedelta(days=6 - last.weekday())
    days = {}
    current = first
    while current <= end:
        in_period = view == WEEK or current.month == start.month
        days[current] = Day(current, in_period, current == today)
        current += timedelta(days=1)
    stories = (
        articles_visible_to(user)
        .filter(
            status=Article.Status.PUBLISHED,
            published_at__gte=_local_midnight(first),
            published_at__lt=_local_midnight(end + timedelta(days=1)),
        )
        .select_related("category")
        .only("title", "status", "published_at", "category__name", "category__emoji")
        .order_by("published_at", "pk")
    )
    for story in stories:
        days[timezone.localtime(story.published_at).date()].stories.append(story)
    ordered = list(days.values())
    weeks = [ordered[index : index + 7] for index in range(0, len(ordered), 7)]
    return Calendar(view, start, weeks, previous, following)


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))
