"""WSGI entry point (gunicorn vusta_party.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vusta_party.settings")

application = get_wsgi_application()
