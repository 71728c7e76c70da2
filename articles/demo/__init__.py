"""
The demo publication: content files a person can read and edit, and the code that loads them.

`content/publication.toml` holds the categories, authors, sources and series;
`content/stories/<slug>.md` holds one story each. `manage.py load_demo` puts them in the database.
"""
