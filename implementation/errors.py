from core.errors import DomainError


class PlanDataError(DomainError):
    """A focus area, initiative, network, meeting or actor on the Landkort that cannot be saved as given:
    the field and a Danish message."""
