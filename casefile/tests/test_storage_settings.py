"""Where the documents are kept comes from the environment (config/settings/base.py _documents_storage)."""

from config.settings.base import BASE_DIR, _documents_storage


def test_the_file_system_under_var_by_default_readable_by_the_owner_only():
    storage = _documents_storage({})
    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storage["OPTIONS"]["location"] == str(BASE_DIR / "var" / "documents")
    assert storage["OPTIONS"]["file_permissions_mode"] == 0o600
    assert (
        _documents_storage({"DOCUMENT_ROOT": "/srv/hf/documents"})["OPTIONS"]["location"]
        == "/srv/hf/documents"
    )


def test_an_s3_compatible_store_from_the_environment():
    storage = _documents_storage(
        {
            "DOCUMENT_STORAGE": "s3",
            "DOCUMENT_S3_BUCKET": "hf-dokumenter",
            "DOCUMENT_S3_ENDPOINT_URL": "https://s3.example.dk",
            "DOCUMENT_S3_REGION": "eu-north-1",
            "DOCUMENT_S3_ACCESS_KEY_ID": "AKIA",
            "DOCUMENT_S3_SECRET_ACCESS_KEY": "hemmelig",
        }
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "hf-dokumenter" and options["endpoint_url"] == "https://s3.example.dk"
    assert options["default_acl"] == "private" and options["file_overwrite"] is False
    assert options["location"] == "documents"


def test_the_s3_options_are_ones_django_storages_accepts():
    """django-storages (requirements.lock) builds its S3 storage from these options without a network call."""
    from storages.backends.s3 import S3Storage

    options = _documents_storage(
        {
            "DOCUMENT_STORAGE": "s3",
            "DOCUMENT_S3_BUCKET": "hf",
            "DOCUMENT_S3_ENDPOINT_URL": "http://127.0.0.1:9",
        }
    )["OPTIONS"]
    storage = S3Storage(**options)
    assert storage.bucket_name == "hf" and storage.location == "documents"
