"""Which files a citizen's case file accepts: the type read from the content (its first bytes), never
from the name alone, and the size. Pure: no Django, so the check is tested in microseconds.

A name that says one type while the content is another (``kontrakt.pdf`` holding a PNG, ``foto.jpg``
holding a program) is refused: either the file was misnamed or it hides what it is.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class FileType(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"


# The magic bytes each type starts with (PDF 1.7 / ISO 32000 §7.5.2; JPEG's SOI marker and the next
# marker's FF; the PNG signature, RFC 2083 §3.1).
SIGNATURES: dict[FileType, bytes] = {
    FileType.PDF: b"%PDF-",
    FileType.JPEG: b"\xff\xd8\xff",
    FileType.PNG: b"\x89PNG\r\n\x1a\n",
}
EXTENSIONS: dict[FileType, tuple[str, ...]] = {
    FileType.PDF: (".pdf",),
    FileType.JPEG: (".jpg", ".jpeg"),
    FileType.PNG: (".png",),
}
CONTENT_TYPES: dict[FileType, str] = {
    FileType.PDF: "application/pdf",
    FileType.JPEG: "image/jpeg",
    FileType.PNG: "image/png",
}
HEAD_BYTES = max(len(s) for s in SIGNATURES.values())


class Problem(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    NOT_ALLOWED = "not_allowed"  # the content is none of the allowed types
    NAME_MISMATCH = "name_mismatch"  # the name's ending says another type than the content


@dataclass(frozen=True)
class Checked:
    file_type: FileType | None
    problem: Problem | None


def sniff(head: bytes) -> FileType | None:
    """The type the content's first bytes show, or None when it is none of the known types."""
    for file_type, signature in SIGNATURES.items():
        if head.startswith(signature):
            return file_type
    return None


def type_of_name(name: str) -> FileType | None:
    lower = (name or "").strip().lower()
    for file_type, endings in EXTENSIONS.items():
        if lower.endswith(endings):
            return file_type
    return None


def check(*, name: str, size: int, head: bytes, max_bytes: int, allowed: Iterable[str]) -> Checked:
    """Whether a file may be stored: not empty, at most ``max_bytes``, content of an allowed type, and a
    name whose ending (when it has a known one) agrees with the content."""
    if size <= 0 or not head:
        return Checked(None, Problem.EMPTY)
    if size > max_bytes:
        return Checked(None, Problem.TOO_LARGE)
    allowed = {FileType(a) for a in allowed}
    found = sniff(head)
    if found is None or found not in allowed:
        return Checked(None, Problem.NOT_ALLOWED)
    named = type_of_name(name)
    if named is not None and named != found:
        return Checked(found, Problem.NAME_MISMATCH)
    return Checked(found, None)


def download_name(name: str, file_type: FileType) -> str:
    """The file name a download gets: the uploaded name, with the content's own ending when it lacks one."""
    base = (name or "").strip().replace("/", "_").replace("\\", "_") or "dokument"
    if type_of_name(base) == file_type:
        return base
    return base + EXTENSIONS[file_type][0]
