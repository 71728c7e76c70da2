"""The newsletter's role: composing and sending editions, and looking after the list."""

NEWSLETTER_MANAGER = "Newsletter manager"

ROLES = {
    NEWSLETTER_MANAGER: [
        "newsletter.*",
        # Editions are made of published stories, picked by title and category.
        "articles.view_article",
        "articles.view_category",
    ],
}
