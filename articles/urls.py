from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("category/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("source/<slug:slug>/", views.SourceView.as_view(), name="source"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="shared_preview"),
    path("<slug:slug>/", views.PublishedArticleView.as_view(), name="article"),
]
