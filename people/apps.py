from django.apps import AppConfig

from accounts import log_citizens


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Borgere"

    def ready(self):
        from . import aggregates, merge_rules, selectors

        aggregates.register_figures()
        merge_rules.register_rules()
        # The access log page finds citizens by name or CPR with the by-name list's search.
        log_citizens.register(selectors.LOG_FINDER)
