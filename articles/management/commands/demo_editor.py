"""
Creates the demo accounts on first run and prints how to sign in.

"editor" is a superuser in the Editor group; "writer" is a Writer, to try the workflow from the
other side; each has an author profile, so their stories carry a byline. Each password is
generated once and kept in the data folder, so every `make run` can show it.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from articles.models import Author
from articles.roles import EDITOR, WRITER

USERNAME = "editor"
WRITER_USERNAME = "writer"


class Command(BaseCommand):
    help = "Create the demo editor and writer accounts if needed and print their credentials."

    def handle(self, *args, **options):
        with transaction.atomic():
            editor = self.account(USERNAME, group=EDITOR, superuser=True)
            writer = self.account(WRITER_USERNAME, group=WRITER, superuser=False)
            # Every account gets a byline, named after the account: no real person is implied.
            for user, name in [(editor, "Demo Editor"), (writer, "Demo Writer")]:
                Author.objects.get_or_create(
                    user=user, defaults={"name": name, "slug": slugify(name)}
                )

    def account(self, username, *, group, superuser):
        password_file = settings.DATA_DIR / f"demo-{username}-password"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(username, f"{username}@example.com", password, is_staff=True)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        if role := Group.objects.filter(name=group).first():
            user.groups.add(role)
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(changed since it was created)"
        self.stdout.write(f"Demo {group.lower()}: username {username!r}, password {password!r}")
        return user
