"""One base for the errors users see (issue 10 item 1): a message in the user's language and the field
it concerns, so every form and page shows a refusal the same way (`core.forms.apply_error`)."""


class DomainError(ValueError):
    """Bad input or a refused step: ``message`` says what and where in the user's language; ``field`` names
    the form field it concerns, or None for the whole form."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field
        self.message = message
