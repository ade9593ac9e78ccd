from django.apps import AppConfig


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = "Kommuner"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import rls, roles

        post_migrate.connect(rls.enable_row_level_security, dispatch_uid="tenants_rls")
        post_migrate.connect(roles.grant_after_migrate, dispatch_uid="tenants_grants")
