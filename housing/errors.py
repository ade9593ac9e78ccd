"""What a user is told about bad input on homes: landlords, units, agreements, tenancies, affordability."""

from core.errors import DomainError


class HousingDataError(DomainError):
    """Bad input about a home, its landlord or its tenancy; names the field and says what is wrong."""
