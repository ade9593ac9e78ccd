from casefile import filetypes
from casefile.filetypes import FileType, Problem
from casefile.samples import pdf_bytes, png_bytes

ALLOWED = ("pdf", "jpeg", "png")
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def check(name, data, *, max_bytes=1000, allowed=ALLOWED):
    return filetypes.check(
        name=name, size=len(data), head=data[: filetypes.HEAD_BYTES], max_bytes=max_bytes, allowed=allowed
    )


def test_sniff_reads_the_type_from_the_first_bytes():
    assert filetypes.sniff(pdf_bytes("x")) == FileType.PDF
    assert filetypes.sniff(png_bytes()) == FileType.PNG
    assert filetypes.sniff(JPEG_HEAD) == FileType.JPEG
    assert filetypes.sniff(b"MZ\x90\x00") is None  # a Windows program
    assert filetypes.sniff(b"<html><script>") is None
    assert filetypes.sniff(b"") is None


def test_a_pdf_png_and_jpeg_with_matching_names_pass():
    assert check("kontrakt.PDF", pdf_bytes("x"), max_bytes=10_000) == filetypes.Checked(FileType.PDF, None)
    assert check("foto.png", png_bytes(), max_bytes=10_000).problem is None
    assert check("foto.jpeg", JPEG_HEAD).problem is None
    assert check("foto.jpg", JPEG_HEAD).problem is None


def test_the_content_decides_not_the_name():
    assert check("kontrakt.pdf", b"MZ\x90\x00program").problem == Problem.NOT_ALLOWED
    assert check("kontrakt.pdf", b"plain text").problem == Problem.NOT_ALLOWED


def test_a_name_that_says_another_type_than_the_content_is_refused():
    result = check("kontrakt.pdf", png_bytes(), max_bytes=10_000)
    assert result == filetypes.Checked(FileType.PNG, Problem.NAME_MISMATCH)


def test_a_name_without_a_known_ending_is_accepted_by_its_content():
    assert check("scan", pdf_bytes("x"), max_bytes=10_000).file_type == FileType.PDF
    assert check("scan.tmp", pdf_bytes("x"), max_bytes=10_000).problem is None


def test_empty_and_too_large_files_are_refused():
    assert check("a.pdf", b"").problem == Problem.EMPTY
    assert check("a.pdf", b"%PDF-" + b"x" * 100, max_bytes=100).problem == Problem.TOO_LARGE
    assert check("a.pdf", b"%PDF-" + b"x" * 95, max_bytes=100).problem is None


def test_a_type_left_out_of_the_allowed_list_is_refused():
    assert check("foto.png", png_bytes(), max_bytes=10_000, allowed=("pdf",)).problem == Problem.NOT_ALLOWED


def test_the_download_name_gets_the_contents_ending_when_it_lacks_one():
    assert filetypes.download_name("kontrakt.pdf", FileType.PDF) == "kontrakt.pdf"
    assert filetypes.download_name("scan", FileType.PNG) == "scan.png"
    assert filetypes.download_name("../../etc/passwd", FileType.PDF) == ".._.._etc_passwd.pdf"
    assert filetypes.download_name("", FileType.JPEG) == "dokument.jpg"
