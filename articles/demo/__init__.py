"""
The demo publication: content files a person can read and edit, and the code that loads them.

`content/publication.toml` holds the categories, authors, sources and series;
`content/stories/<slug>.md` holds one story each, its fields in TOML front matter (the
`DemoStory` dataclass in `loader.py` lists them) and its body in Markdown.
`manage.py load_demo` puts them in the database; `images.py` draws their hero images.
"""
