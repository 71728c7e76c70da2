from django.contrib import admin

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Category,
    Citation,
    Correction,
    Series,
    Source,
    TaggedArticle,
)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "emoji", "colour", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "user"]
    search_fields = ["name", "credentials"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["name", "url"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class CitationInline(admin.TabularInline):
    model = Citation
    autocomplete_fields = ["source"]
    extra = 0
    verbose_name_plural = "sources cited (in order)"


class TagInline(admin.TabularInline):
    model = TaggedArticle
    autocomplete_fields = ["tag"]
    extra = 0
    verbose_name = "tag"
    verbose_name_plural = "tags"


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    verbose_name_plural = "corrections and updates"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "status", "published_at", "featured", "evidence_stage"]
    list_filter = ["status", "category", "featured", "evidence_stage"]
    search_fields = ["title", "standfirst", "citations__source__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["reviewed_by", "related_articles", "series"]
    list_select_related = ["category"]
    inlines = [ArticleAuthorInline, CitationInline, TagInline, CorrectionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "category", "body"]}),
        (
            "Hero image",
            {"fields": ["hero_image", "hero_image_alt", "hero_image_caption", "hero_image_credit"]},
        ),
        ("Publishing", {"fields": ["status", "published_at", "updated_at", "featured"]}),
        ("Evidence and review", {"fields": ["evidence_stage", "reviewed_by", "last_reviewed"]}),
        (
            "Related and search",
            {"fields": ["series", "related_articles", "seo_title", "seo_description"]},
        ),
    ]
