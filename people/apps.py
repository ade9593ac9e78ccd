from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Borgere"

    def ready(self):
        from accounts.selectors import register_merged_ids

        from . import aggregates, merge, merge_rules

        aggregates.register_figures()
        merge_rules.register_rules()
        # The access log of a record includes the rows about the records merged into it.
        register_merged_ids(merge.merged_ids)
