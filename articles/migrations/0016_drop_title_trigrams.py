"""Headlines' trigram index goes: "did you mean" matches the HeadlineWord list instead (0015)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_headline_words")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_title_trigrams"),
    ]
