from django.apps import AppConfig

from steering import municipal_plan


class ImplementationConfig(AppConfig):
    name = "implementation"
    verbose_name = "Implementeringsplan"

    def ready(self):
        # Steering's pages (the leaders' front page, the rent-subsidy figures) link to the plan and name its
        # focus areas through this reader; steering sits below this app and imports nothing from it.
        from . import selectors

        municipal_plan.register(selectors.plan_summary)
