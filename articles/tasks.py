"""Background work of the articles app, on whichever django.tasks backend settings.TASKS names."""

from django.tasks import task

from articles import retractions


@task
def retraction_watch_tick():
    """
    Asks Crossref about every cited study, then queues itself for tomorrow: the clock of the
    retraction watch. `manage.py schedule_retraction_watch` (run by `make run`) starts it.
    """
    retractions.retraction_watch_schedule()  # first, so that a failure never stops the clock
    return [notice.pk for notice in retractions.studies_check_notices()]
