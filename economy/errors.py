from core.errors import DomainError


class PriceDataError(DomainError):
    """A price that cannot be saved as given: the field and a Danish message."""
