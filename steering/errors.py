from core.errors import DomainError


class GoalDataError(DomainError):
    """A goal that cannot be saved as given: the field and a Danish message."""
