"""Login by username and password (Django's ModelBackend), with the signed-in user read together
with their membership and account security, which every staff request reads (the role, the
organisation, the second factor and the session's generation): one query where there were three."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        user = model._default_manager.select_related("membership", "security").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
