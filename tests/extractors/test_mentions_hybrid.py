"""People and organizations from the rules and the statistical mention tagger together (issue #15):
classes of text the rules alone missed. Sentences written for these tests."""

from __future__ import annotations

import pytest

from vnnews.extractors import organizations

PEOPLE = [
    ("foreign-name-after-role", "Trong trận đấu tối qua, thủ thành Hugo Lloris đã có ba pha cứu thua xuất sắc.", {"Hugo Lloris"}),
    ("foreign-minister", "Bộ trưởng Tài chính Đức Christian Lindner cho biết ngân sách sẽ được cắt giảm.", {"Christian Lindner"}),
    ("hyphenated-foreign-names", "Ông Kim Jong-hyun và ông Jean-Luc Moreau đã tới thăm Hà Nội.", {"Kim Jong-hyun", "Jean-Luc Moreau"}),
    ("surname-alone-again", "Tổng thống Donald Trump phát biểu tại Nhà Trắng. Sau đó, Trump tiếp tục chuyến công du.", {"Donald Trump"}),
    ("given-name-again", "TS Đặng Đức Anh trình bày báo cáo. Ông Đức Anh cho biết kết quả rất khả quan.", {"Đặng Đức Anh"}),
    ("place-visited-named-like-a-person", "Đoàn công tác đã về thăm Hoàng Mai trong hai ngày cuối tuần.", set()),
    ("line-up-of-surnames", "Đội hình xuất phát có Lukaku, Mbappé, Kovačić và thủ môn Alisson.", {"Lukaku", "Mbappé", "Kovačić", "Alisson"}),
    ("body-before-a-foreign-name", "Phát biểu tại hội nghị, Tổng Thư ký Liên Hiệp Quốc Kofi Annan kêu gọi hòa bình.", {"Kofi Annan"}),
    ("sentence-opening-tu-before-a-city", "Từ Đà Nẵng, đoàn xe tiếp tục vào Quảng Ngãi.", set()),
    ("foreign-names-by-their-given-name", "Ở vòng hai, Maria Sharapova thắng Simona Halep sau ba set.", {"Maria Sharapova", "Simona Halep"}),
    ("district-in-a-list-of-places", "Lũ lụt gây thiệt hại nặng ở các huyện Can Lộc, Đức Thọ và Hương Sơn.", set()),
    ("stage-name-before-a-vietnamese-name", "Đêm nhạc có sự góp mặt của ca sĩ Soobin Hoàng Sơn và Noo Phước Thịnh.",
     {"Soobin Hoàng Sơn", "Noo Phước Thịnh"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in PEOPLE], ids=[c[0] for c in PEOPLE])
def test_people_of_every_kind_of_name(run, text: str, names: set[str]) -> None:
    """Foreign names, names given again in short, and places that look like names."""
    assert {p.name for p in run(text).people} == names


BACK_REFERENCES = [
    ("given-name-alone", "Bị cáo Lò Thị Nhung bị truy tố. Theo cáo trạng, Nhung đã nhận 2 tỷ đồng.", ["Lò Thị Nhung", "Nhung"]),
    ("foreign-surname-alone", "Thủ tướng Olaf Scholz tới Hà Nội. Scholz gặp các doanh nghiệp Đức.", ["Olaf Scholz", "Scholz"]),
    ("not-inside-a-longer-word", "Anh Vũ Văn Thanh đến sớm. Thanh niên trong xóm cùng dọn đường.", ["Vũ Văn Thanh"]),
    ("not-inside-a-place", "Chị Hà Thị Hòa quê ở Thanh Hóa. Hòa Bình là tỉnh giáp Hà Nội.", ["Hà Thị Hòa"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "mentions"), [c[1:] for c in BACK_REFERENCES], ids=[c[0] for c in BACK_REFERENCES]
)
def test_a_bare_short_form_is_a_mention(run, text: str, mentions: list[str]) -> None:
    """The given name or a foreign surname alone, after the full name, is one more mention."""
    (person,) = run(text).people
    assert [m.text for m in person.mentions] == mentions


def test_a_short_mention_joins_the_person_named_in_full(run) -> None:
    """`Ông Đức Anh` after `TS Đặng Đức Anh` is one more mention of the same person."""
    (person,) = run("TS Đặng Đức Anh trình bày báo cáo. Ông Đức Anh cho biết kết quả rất khả quan.").people
    assert [m.text for m in person.mentions] == ["Đặng Đức Anh", "Đức Anh"]


ORGANIZATIONS = [
    pytest.param(
        "Bà Merkel giành lại quyền kiểm soát chính phủ từ đảng Dân chủ Xã hội (SPD) vào năm 2005.",
        {"Đảng Dân chủ Xã hội", "SPD"}, id="foreign-party-with-a-lowercase-head",
    ),
    pytest.param(
        "Ông Lý, giảng viên thuộc đại học Sư phạm Hồ Bắc, cho rằng hình phạt như vậy là quá nặng.",
        {"Đại học Sư phạm Hồ Bắc"}, id="university-with-a-lowercase-head",
    ),
    pytest.param(
        "Ông Tanaka, giáo sư đại học Quốc tế Osaka, nhận định thị trường sẽ phục hồi.",
        {"Đại học Quốc tế Osaka"}, id="lowercase-head-left-out-by-the-tagger",
    ),
    pytest.param("Cháu bé được đưa vào bệnh viện Xanh Pôn cấp cứu.", {"Bệnh viện Xanh Pôn"}, id="hospital-with-a-lowercase-head"),
    pytest.param("Theo hãng Reuters, công ty Ethio Telecom đã ký hợp đồng mới.", {"Reuters", "Ethio Telecom"}, id="news-agency-and-company"),
    pytest.param(
        "Hơn 200 công nhân của công ty Hoàng Long đã nghỉ việc.", {"Công ty Hoàng Long", "Hoàng Long"},
        id="company-with-a-lower-case-head-keeps-it",
    ),
    pytest.param("Đảng Dân chủ Tự do của Nhật Bản thắng cử.", {"Đảng Dân chủ Tự do"}, id="party-name-ending-in-a-lower-syllable"),
    pytest.param("Ngân hàng Vietcombank và Tập đoàn Viettel đã ký thỏa thuận hợp tác.", {"Ngân hàng Vietcombank", "Tập đoàn Viettel"}, id="bank-and-group"),
    pytest.param(
        "Đội tuyển U20 Việt Nam đã thắng U20 Indonesia với tỷ số 2-0.", {"U20 Việt Nam", "U20 Indonesia"},
        id="youth-teams",
    ),
    pytest.param(
        "Trận đấu giữa U19 Hà Nội và U19 Nghệ An diễn ra chiều qua.", {"U19 Hà Nội", "U19 Nghệ An"},
        id="provincial-youth-teams",
    ),
]  # fmt: skip


TAGGED_BODY_EDGES = [
    ("title-before-a-company", "TGĐ Sacombank cho biết lợi nhuận quý III tăng mạnh.", {"Sacombank"}, {"TGĐ Sacombank"}),
    ("verb-after-a-club", "Hải Phòng FC thua trên sân nhà.", {"Hải Phòng FC"}, {"Hải Phòng FC thua"}),
    ("score-between-two-clubs", "Kết quả vòng 10: Everton 2-1 Southampton, Leeds United 0-0 Burnley.",
     {"Everton", "Southampton", "Leeds United", "Burnley"}, {"Everton 2-1 Southampton", "Leeds United 0-0 Burnley"}),
    ("company-name-with-lowercase-words", "Sáng nay, Công ty TNHH MTV Xây lắp điện Sông Đà cho biết sẽ tuyển 50 công nhân.",
     {"Công ty TNHH MTV Xây lắp điện Sông Đà"}, {"Công ty TNHH MTV Xây lắp"}),
    ("field-ending-in-lowercase-words", "Ông Lê Văn Hòa, Giám đốc Công ty Khai thác Khoáng sản miền núi, cho biết.",
     {"Công ty Khai thác Khoáng sản miền núi"}, {"Công ty Khai thác Khoáng sản"}),
    ("factory-with-its-field-in-lowercase", "Theo kế hoạch, Nhà máy chế biến thủy sản Cà Mau sẽ hoạt động từ tháng 6.",
     {"Nhà máy chế biến thủy sản Cà Mau"}, set()),
    ("firm-with-its-field-in-lowercase", "Hợp đồng được ký với Công ty luật Ánh Dương từ tháng trước.",
     {"Công ty luật Ánh Dương"}, set()),
    ("state-body-with-its-field-in-lowercase", "Sáng nay, Sở tài chính Đà Nẵng đã công bố giá đất mới.",
     {"Sở tài chính Đà Nẵng"}, set()),
    ("two-fields-joined-by-a-dash", "Đại diện Trung tâm Xúc tiến Đầu tư - Thương mại Miền Trung phát biểu tại hội nghị.",
     {"Trung tâm Xúc tiến Đầu tư - Thương mại Miền Trung"}, {"Trung tâm Xúc tiến Đầu tư"}),
    ("verb-after-a-team-s-place", "Sau hiệp một, U23 Thái Lan phạm lỗi nhiều hơn.", {"U23 Thái Lan"}, {"U23 Thái Lan phạm"}),
]  # fmt: skip


ENDS_IN_FIELD = [
    ("Tổng công ty Vận tải thủy", True),
    ("Trung tâm Đào tạo Quản lý tiên tiến", True),
    ("U20 Việt Nam phạm", False),  # a country, then the sentence's verb
    ("Trung tâm Điều dưỡng Thuận Thành nhân", False),  # a district, then a verb
]


LOWER_CASE_FIELD_NAMES = [
    ("Nhà máy chế biến thủy sản Cà Mau", True),
    ("Công ty luật Ánh Dương", True),
    ("Cục đăng kiểm Việt Nam", True),  # a state body's field in lowercase, then its place
    ("Sở tài chính nhận định Đà Nẵng", False),  # a state body's field runs on into a clause
    ("Hiệp hội đối với Báo Tuổi Trẻ", False),  # a clause: the body is related to another
    ("Công ty sản xuất, Hải Phòng", False),  # a list
    ("Bộ phận kỹ thuật Hà Nội", False),  # not a kind whose name the rules leave to the tagger
    ("Nhà máy sản xuất phân bón", False),  # no name after the field
]


@pytest.mark.parametrize(("surface", "expected"), LOWER_CASE_FIELD_NAMES)
def test_a_known_head_with_a_lowercase_field_is_left_to_the_tagger(surface: str, expected: bool) -> None:
    v = organizations.vocabulary()
    head = v.head_re.match(surface)
    assert (
        head is not None and organizations._lower_case_field_name(surface, head, len(surface), v)
    ) is expected


@pytest.mark.parametrize(("surface", "expected"), ENDS_IN_FIELD)
def test_lowercase_words_end_a_name_only_after_a_field(surface: str, expected: bool) -> None:
    assert organizations._ends_in_field(surface, organizations.vocabulary()) is expected


@pytest.mark.parametrize(
    ("text", "present", "absent"), [c[1:] for c in TAGGED_BODY_EDGES], ids=[c[0] for c in TAGGED_BODY_EDGES]
)
def test_a_tagged_body_has_the_edges_of_its_name(run, text: str, present: set[str], absent: set[str]) -> None:
    """No title before a body's name or verb after it; a name the rules cut at a lowercase word runs
    on to the end the tagger gives."""
    forms = {form for o in run(text).organizations for form in (o.name, *o.aliases)}
    assert present <= forms
    assert not absent & forms


@pytest.mark.parametrize(("text", "names"), ORGANIZATIONS)
def test_organizations_beyond_the_state(run, text: str, names: set[str]) -> None:
    """Companies, banks, media and teams the tagger names are organizations."""
    assert names <= {form for o in run(text).organizations for form in (o.name, *o.aliases)}


def test_a_tagged_body_s_bracketed_abbreviation_is_that_body(run) -> None:
    """The abbreviation in brackets after a body the tagger found names the same body."""
    article = run("Bà Merkel giành lại quyền kiểm soát chính phủ từ đảng Dân chủ Xã hội (SPD) vào năm 2005.")
    assert [(o.name, o.kind, "SPD" in o.aliases) for o in article.organizations] == [
        ("Đảng Dân chủ Xã hội", "foreign", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ông Kim từng mở phim trường Thanh Xuân để quay phim võ thuật.", id="film-studio"),
        pytest.param("Theo trưởng phòng PC45, vụ việc đang được điều tra.", id="head-of-a-department"),
    ],
)
def test_a_lowercase_head_ending_a_word_is_no_body(run, text: str) -> None:
    """A head that ends another word ("phim trường", "trưởng phòng") opens no body."""
    names = {o.name for o in run(text).organizations}
    assert not {n for n in names if n.startswith(("Trường", "Phòng"))}


FOREIGN_RUNS = [
    ("Simona Halep", True),
    ("Daniil Medvedev", True),
    ("Maria Sakkari Paula Badosa", False),  # two names listed without a comma
    ("Edward Norton Thành", False),  # a Vietnamese word runs on from the next sentence
    ("Victoria Australia", False),  # a place after the given name
    ("Hoàng Văn Nam", False),  # a Vietnamese name: the surname rules' business
]


@pytest.mark.parametrize(("run_text", "expected"), FOREIGN_RUNS)
def test_a_foreign_name_reads_as_a_person_by_its_given_name(run_text: str, expected: bool) -> None:
    from vnnews.extractors.vocab import reads_as_foreign_person, vocabulary

    assert reads_as_foreign_person(run_text, vocabulary()) is expected


def test_a_body_s_bracketed_alias_tagged_as_a_person_is_no_person() -> None:
    """The tagger may read a company's short name as a person where it recurs alone; the article
    gave it in brackets after the body's full name, so it names the body."""
    from vnnews.extractors import people
    from vnnews.extractors.vocab import vocabulary

    text = "Công ty CP Sách Miền Tây (Mitasa) mở nhà sách mới. Mitasa cho biết sẽ mở thêm. Mitasa giảm giá."
    alias = text.index("Mitasa")
    bodies = [(0, alias - 2), (alias, alias + 6)]
    model = [(m, m + 6, "PERSON") for m in range(len(text)) if text.startswith("Mitasa", m)]
    assert [m.name for m in people.find(text, vocabulary(), (), bodies, model)] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Đội tuyển giành vé dự VCK U16 Châu Á 2018. Châu Á có nhiều đội mạnh.", set()),
        ("Cúp Châu Âu năm nay có 32 đội.", set()),
        ("Ông Châu Văn Á dự lễ khánh thành.", {"Châu Văn Á"}),
        # English company words inside a capitalized run make it a company's name
        ("Tập đoàn Xây dựng Phương Nam (Danny Group) ký hợp đồng mới.", set()),
        ("Thậm chí Petro Vietnam cũng bị thiệt hại.", set()),
        # a cup named after its sponsor or a place is no person
        ("Giải bóng đá nữ - Cúp Hoàng Sơn Bắc 2024 khởi tranh chiều nay.", set()),
    ],
)
def test_continents_and_company_names_are_no_persons(run, text: str, names: set[str]) -> None:
    assert {p.name for p in run(text).people} == names


@pytest.mark.parametrize(
    "text",
    [
        "Đội bóng bị loại khỏi Cúp Liên đoàn sau trận thua tối qua.",
        "Sau vòng 20 Giải Ngoại hạng Anh, đội dẫn đầu hơn 5 điểm.",
    ],
)
def test_a_competition_is_no_body(run, text: str) -> None:
    names = {o.name for o in run(text).organizations}
    assert not any(n.startswith(("Cúp", "Giải")) for n in names)


@pytest.mark.parametrize(
    ("run_text", "second"),
    [
        ("Laura Menken Kristina Hollar", "Kristina Hollar"),  # a scraped table of matches
        ("Dirk Wallner Jeremy Rosso", "Jeremy Rosso"),
        ("Laura Menken", None),  # one name
        ("Manchester United Football Club", None),  # no given name where a name would start
        ("Lê Văn Tâm Hùng", None),  # Vietnamese words
    ],
)
def test_two_foreign_names_listed_without_a_separator(run_text: str, second: str | None) -> None:
    from vnnews.extractors.vocab import foreign_name_pair, vocabulary

    cut = foreign_name_pair(run_text, vocabulary())
    assert (run_text[cut:] if cut is not None else None) == second


def test_a_tagged_pair_of_foreign_names_gives_two_people() -> None:
    from vnnews.extractors import people
    from vnnews.extractors.vocab import vocabulary

    text = "Lịch thi đấu hôm nay: 17:00 Laura Menken Kristina Hollar."
    a = text.index("Laura")
    b = a + len("Laura Menken Kristina Hollar")
    found = people.find(text, vocabulary(), (), [], [(a, b, "ORGANIZATION")])
    assert [m.name for m in found] == ["Laura Menken", "Kristina Hollar"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Chelsea vô địch Premier League, còn Arsenal thắng FA Cup.", {"Premier League", "FA Cup"}),
        ("Real Madrid giành quyền dự Champions League mùa tới.", {"Champions League"}),
    ],
)
def test_a_competition_in_english_is_no_body_and_no_person(run, text: str, absent: set[str]) -> None:
    article = run(text)
    names = {o.name for o in article.organizations} | {p.name for p in article.people}
    assert not names & absent
