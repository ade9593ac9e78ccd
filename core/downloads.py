"""Downloads streamed from a temporary file (core/exports.py): the response reads the file in blocks as
it is sent (a ``StreamingHttpResponse``) and closes it at the end, which deletes it."""

from django.http import FileResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def file_download(file, *, content_type: str, filename: str) -> FileResponse:
    """An attachment streamed from ``file`` (rewound to its start here), with its length."""
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
