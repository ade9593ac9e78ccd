import pytest


@pytest.fixture(autouse=True)
def documents_in_tmp(settings, tmp_path):
    """Every case-file test stores its (sealed) documents in its own temporary folder."""
    root = tmp_path / "documents"
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root), "base_url": None},
        },
    }
    return root
