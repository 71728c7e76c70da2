from django.db import migrations

from articles.roles import roles_sync


def create_roles(apps, schema_editor):
    # On a new database the permissions do not exist yet: post_migrate adds them to the groups.
    roles_sync(
        group_model=apps.get_model("auth", "Group"),
        permission_model=apps.get_model("auth", "Permission"),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
