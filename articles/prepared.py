"""
Querysets of a fixed shape, compiled to SQL once per process and database, then run with new
values. Building and compiling the story page's panels cost several times more CPU than running
them; only the values (the story, its category, the time) change from one request to the next.
"""

import copy

from django.db import connections
from django.db.models import Expression


class Param(Expression):
    """A value given only when the prepared queryset runs: `Param("story", IntegerField())`."""

    def __init__(self, name, output_field):
        super().__init__(output_field=output_field)
        self.name = name

    def __repr__(self):
        return f"Param({self.name!r})"

    def as_sql(self, compiler, connection):
        return "%s", [self]


class PreparedQuerySet:
    """
    `build(**options)` returns a queryset whose values are `Param`s; `run(values, **options)`
    returns its objects as a list, as list(queryset) would, for each `values` {name: value}.
    The SQL is kept for each database and set of `options`, which change the query's shape.
    """

    def __init__(self, build):
        self.build = build
        self.compiled = {}

    def run(self, values, *, using="default", **options):
        key = (using, *sorted(options.items()))
        if key not in self.compiled:
            self.compiled[key] = self.compile(using, options)
        queryset, compiler, sql, params = self.compiled[key]
        connection = connections[using]
        params = [
            p.output_field.get_db_prep_value(values[p.name], connection)
            if isinstance(p, Param)
            else p
            for p in params
        ]
        runner = copy.copy(compiler)
        runner.connection = connection
        runner.as_sql = lambda *args, **kwargs: (sql, params)
        queryset = queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: runner
        return list(queryset)

    def compile(self, using, options):
        queryset = self.build(**options).using(using)
        compiler = queryset.query.chain().get_compiler(using=using)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, params
