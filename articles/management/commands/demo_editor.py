"""
Creates the demo editor account on first run and prints how to sign in.

The password is generated once and kept in the data folder, so every `make run` can show it.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from articles.roles import EDITOR

USERNAME = "editor"


class Command(BaseCommand):
    help = "Create the demo editor account if needed and print its credentials."

    def handle(self, *args, **options):
        password_file = settings.DATA_DIR / "demo-editor-password"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_superuser(USERNAME, "editor@example.com", password)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        # A superuser can do everything anyway; the group shows the editor's role in the admin.
        if editors := Group.objects.filter(name=EDITOR).first():
            user.groups.add(editors)
        if password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(changed since it was created)"
        self.stdout.write(f"Demo editor: username {USERNAME!r}, password {password!r}")
