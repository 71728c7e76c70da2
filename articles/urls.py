from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import feeds, views
from articles.cache import public_page
from articles.sitemaps import NewsSitemap, month_sitemap, sitemap_index, sitemaps

app_name = "articles"

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("robots.txt", public_page(views.RobotsView.as_view()), name="robots"),
    path("llms.txt", public_page(views.LlmsTxtView.as_view()), name="llms_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("archive/", public_page(views.ArchiveView.as_view()), name="archive"),
    path(
        "archive/<int:year>/<int:month>/",
        public_page(views.MonthView.as_view()),
        name="archive_month",
    ),
    path(
        "category-colours.css",
        public_page(views.CategoryColoursView.as_view()),
        name="category_colours",
    ),
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path("opensearch.xml", public_page(views.OpenSearchView.as_view()), name="opensearch"),
    path("feed/rss/", public_page(feeds.LatestFeed()), name="feed_rss"),
    path("feed/atom/", public_page(feeds.LatestAtomFeed()), name="feed_atom"),
    path("sitemap.xml", public_page(sitemap_index), name="sitemap"),
    path(
        "sitemap-news.xml",
        public_page(sitemap),
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news_sitemap.xml"},
        name="sitemap_news",
    ),
    path(
        "sitemap-articles-<int:year>-<int:month>.xml",
        public_page(month_sitemap),
        name="sitemap_month",
    ),
    path(
        "sitemap-<slug:section>.xml",
        public_page(sitemap),
        {"sitemaps": sitemaps, "template_name": "sitemaps/sitemap.xml"},
        name="sitemap_section",
    ),
    path("category/<slug:slug>/", public_page(views.CategoryView.as_view()), name="category"),
    path(
        "category/<slug:slug>/feed/rss/",
        public_page(feeds.CategoryFeed()),
        name="category_feed_rss",
    ),
    path(
        "category/<slug:slug>/feed/atom/",
        public_page(feeds.CategoryAtomFeed()),
        name="category_feed_atom",
    ),
    # taggit keeps accented and non-Latin letters in tag slugs, which <slug:> would refuse.
    path("tag/<str:slug>/", public_page(views.TagView.as_view()), name="tag"),
    path("source/<slug:slug>/", public_page(views.SourceView.as_view()), name="source"),
    path("author/<slug:slug>/", public_page(views.AuthorView.as_view()), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/page/<int:pk>/", views.PagePreviewView.as_view(), name="page_preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared_preview"),
    path("<slug:slug>.md", public_page(views.MarkdownView.as_view()), name="markdown"),
    path("<slug:slug>/", public_page(views.PublishedArticleView.as_view()), name="article"),
]
