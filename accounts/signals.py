from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def purge_old_logs_on_login(sender, request, user, **kwargs):
    """Retention runs without a scheduler: at most once a day, on someone's login."""
    from audit.services import purge_expired_logs_if_due

    purge_expired_logs_if_due()
