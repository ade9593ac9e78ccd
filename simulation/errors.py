from core.errors import DomainError


class ScenarioDataError(DomainError):
    """A scenario that cannot be saved or run as given: the field and a Danish message."""
