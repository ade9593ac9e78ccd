"""The by-name list's rows are written in Python (people/templatetags/people_list.py): every value is
escaped, and the markup carries what the page's users and scripts rely on."""

from html.parser import HTMLParser

from django.utils.translation import override

from people.templatetags.people_list import by_name_rows


def _row(**over):
    row = {
        "url": "/borgere/7/",
        "contact_url": "/borgere/7/kontakt/",
        "pk": 7,
        "name": "Anna Hansen",
        "protected": False,
        "age": 41,
        "situation": "Gadehjemløs",
        "since": "01.02.2026",
        "days": 120,
        "status": "Nyidentificeret",
        "needs_list": "Ja",
        "activity": "03.03.2026",
    }
    return row | over


class Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.rows[-1].append("")

    def handle_data(self, data):
        if self.rows and self.rows[-1]:
            self.rows[-1][-1] += data.strip("\n")


def _parse(html):
    p = Cells()
    p.feed(str(html))
    return p


def test_a_hostile_name_and_values_are_escaped():
    evil = "<script>alert(\"x\")</script> & 'Ole'"
    html = str(by_name_rows([_row(name=evil, situation="<b>")], True, "/borgere/%3Fside%3D2"))
    assert "<script>" not in html and "<b>" not in html
    cells = _parse(html).rows[0]
    assert cells[0] == evil
    assert cells[3] == "<b>"


def test_the_row_has_its_cells_contact_button_and_activity_marker():
    with override("da"):
        p = _parse(by_name_rows([_row()], True, "%2Fborgere%2F"))
    assert p.rows[0] == [
        "Anna Hansen",
        "Registrér kontakt med Anna Hansen",
        "41",
        "Gadehjemløs",
        "01.02.2026",
        "120",
        "Nyidentificeret",
        "Ja",
        "03.03.2026",
    ]
    links = {a["href"]: a for tag, a in p.tags if tag == "a"}
    assert "/borgere/7/" in links
    button = links["/borgere/7/kontakt/?next=%2Fborgere%2F"]
    assert button["hx-get"] == "/borgere/7/kontakt/?next=%2Fborgere%2F"
    assert "data-contact-dialog" in button and button["aria-haspopup"] == "dialog"
    assert any(a.get("data-contact-activity") == "7" for tag, a in p.tags if tag == "td")


def test_without_the_right_to_record_there_is_no_button_cell():
    p = _parse(by_name_rows([_row()], False, ""))
    assert len(p.rows[0]) == 8
    assert not any("data-contact-dialog" in a for _tag, a in p.tags)


def test_protected_badge_and_merge_links():
    with override("da"):
        p = _parse(by_name_rows([_row(protected=True, merge_urls=["/borgere/sammenlaeg/7/9/"])], False, ""))
    assert p.rows[0][0] == "Anna Hansen Beskyttet Sammenlæg Anna Hansen med mulig dublet"
    assert any(a.get("href") == "/borgere/sammenlaeg/7/9/" for tag, a in p.tags if tag == "a")


def test_no_rows_says_so_across_the_whole_table():
    with override("da"):
        p = _parse(by_name_rows([], True, ""))
    assert p.rows == [["Ingen borgere matcher søgningen."]]
    assert ("td", {"colspan": "9"}) in p.tags
    with override("en"):
        assert "Ingen borgere" not in str(by_name_rows([], False, ""))


def test_the_rows_contact_button_is_the_same_markup_as_the_shared_button(rf):
    """The list draws people/_contact_button.html's button itself (its hottest loop): the same element."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    person = SimpleNamespace(pk=7, display_name="Anna & <Hansen>")
    request = rf.get("/borgere/?side=2")
    for language in ("da", "en"):
        with override(language):
            shared = render_to_string(
                "people/_contact_button.html", {"person": person}, request=request
            ).strip()
            row = str(by_name_rows([_row(name=person.display_name)], True, "/borgere/%3Fside%3D2"))
        button = row[row.index("<a class=") : row.index("</a></td>", row.index("<a class=")) + 4]
        assert button == shared
