import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
application = get_wsgi_application()

# Refuse to serve when the database holds personal data under a data key we were not given.
from mizan.complaints.keys import refuse_to_start_without_keys  # noqa: E402

refuse_to_start_without_keys()
