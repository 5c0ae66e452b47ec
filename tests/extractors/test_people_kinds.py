"""People cases of issue #17, one table per kind of text; every sentence was written for these tests
and all names are invented. The checks are those of test_people.py."""

from __future__ import annotations

import pytest

from tests.extractors.test_people import check, person

P = pytest.param

HONORIFICS = [
    P(
        "Buổi họp bàn về mùa vụ diễn ra sáng nay.\nÔng Đặng Văn Khải cho biết năm nay lúa được mùa.",
        [person("Đặng Văn Khải", honorific="ông")],
        id="ong-opens-a-paragraph",
    ),
    P(
        "Cả thôn đã góp tiền làm đường.\nBà Lò Thị Sen kể lại những ngày đầu khó khăn.",
        [person("Lò Thị Sen", honorific="bà")],
        id="ba-opens-a-paragraph",
    ),
    P(
        "Tới dự có các đồng chí: Phạm Văn Tuấn, Phó Bí thư Tỉnh ủy; Lê Thị Hoa, Chủ tịch HĐND tỉnh.",
        [
            person("Phạm Văn Tuấn", honorific="đồng chí", titles=["Phó Bí thư Tỉnh ủy"]),
            person("Lê Thị Hoa", honorific="đồng chí", titles=["Chủ tịch HĐND tỉnh"]),
        ],
        id="dong-chi-colon-list-with-titles",
    ),
    P(
        "Dự lễ có các đồng chí Phó Chủ tịch UBND tỉnh: Trịnh Văn An, Hồ Thị Bích.",
        [
            person("Trịnh Văn An", honorific="đồng chí", titles=["Phó Chủ tịch UBND tỉnh"]),
            person("Hồ Thị Bích", honorific="đồng chí", titles=["Phó Chủ tịch UBND tỉnh"]),
        ],
        id="dong-chi-title-colon-list",
    ),
    P(
        "Phu nhân Đại tướng Hoàng Văn Quyết đã tới thăm các cháu ở trung tâm bảo trợ.",
        [person("Hoàng Văn Quyết", honorific=None, rank="Đại tướng")],
        id="phu-nhan-before-a-rank",
    ),
    P(
        "Chiều qua, phu nhân Thượng tướng Lương Văn Định trao quà cho các gia đình chính sách.",
        [person("Lương Văn Định", honorific=None, rank="Thượng tướng")],
        id="phu-nhan-lowercase-before-a-rank",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HONORIFICS)
def test_honorifics(run, text, expected) -> None:
    check(run(text), expected)


LOWERCASE_TITLES = [
    P(
        "Phó thủ tướng Trần Văn Nam đã làm việc với lãnh đạo tỉnh về công tác phòng chống lụt bão.",
        [person("Trần Văn Nam", titles=["Phó Thủ tướng"])],
        id="pho-thu-tuong",
    ),
    P(
        "Sáng nay, Phó chủ tịch UBND tỉnh Đinh Công Lực kiểm tra tiến độ xây dựng cầu Đá Bạc.",
        [person("Đinh Công Lực", titles=["Phó Chủ tịch UBND tỉnh"])],
        id="pho-chu-tich-ubnd",
    ),
    P(
        "Đoàn do Phó giám đốc Sở Y tế Lưu Thị Hằng dẫn đầu đã kiểm tra ba bệnh viện huyện.",
        [person("Lưu Thị Hằng", titles=["Phó Giám đốc Sở Y tế"])],
        id="pho-giam-doc-so",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOWERCASE_TITLES)
def test_lowercase_titles(run, text, expected) -> None:
    check(run(text), expected)


VERB_AFTER_TITLE = [
    P(
        "Chiều 5/3, ông Lý Văn Tú – Giám đốc Sở Tài chính chủ trì buổi làm việc với các huyện.",
        [person("Lý Văn Tú", titles=["Giám đốc Sở Tài chính"], role="chair")],
        id="chu-tri-after-title",
    ),
    P(
        "Đồng chí Vũ Văn Hiển – Bí thư Huyện ủy kết luận hội nghị sơ kết sáu tháng.",
        [person("Vũ Văn Hiển", titles=["Bí thư Huyện ủy"])],
        id="ket-luan-after-title",
    ),
    P(
        "Bà Tạ Thu Hương, Phó Giám đốc Sở Giáo dục và Đào tạo cho biết năm học mới có thêm 12 trường.",
        [person("Tạ Thu Hương", titles=["Phó Giám đốc Sở Giáo dục và Đào tạo"], role="speaker")],
        id="cho-biet-after-title",
    ),
    P(
        "Phó Giám đốc Trung tâm Công nghệ thông tin Đỗ Minh Khoa trình bày kế hoạch chuyển đổi số.",
        [person("Đỗ Minh Khoa", titles=["Phó Giám đốc Trung tâm Công nghệ thông tin"])],
        id="lowercase-body-word-kept",
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERB_AFTER_TITLE)
def test_verb_after_title(run, text, expected) -> None:
    check(run(text), expected)


BODIES_WITH_VA = [
    P(
        "Tin vắn\nBà Đỗ Thu Hà, Trưởng Ban Phân tích và Dự báo, cho rằng giá thép sẽ còn tăng.",
        [person("Đỗ Thu Hà", titles=["Trưởng Ban Phân tích và Dự báo"])],
        id="ban-with-va",
    ),
    P(
        "Tin vắn\nÔng Lê Văn Tâm, Giám đốc Trung tâm Nghiên cứu và Dự báo kinh tế - xã hội, trình bày đề án.",
        [person("Lê Văn Tâm", titles=["Giám đốc Trung tâm Nghiên cứu và Dự báo kinh tế - xã hội"])],
        id="trung-tam-with-va-and-dash",
    ),
    P(
        "Tin vắn\nỞ buổi lễ có ông Lê Văn Tâm, Giám đốc Sở Y tế và Đại tá Trần Văn Hòa.",
        [
            person("Lê Văn Tâm", titles=["Giám đốc Sở Y tế"]),
            person("Trần Văn Hòa", rank="Đại tá", titles=[]),
        ],
        id="va-before-a-rank-ends-the-title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BODIES_WITH_VA)
def test_bodies_with_va(run, text, expected) -> None:
    check(run(text), expected)


NEIGHBOURS = [
    P(
        "Tin vắn\nỞ buổi lễ có ông Lê Văn Tâm, Giám đốc Sở Y tế và Phó Giám đốc Sở Tài chính Trần Văn Hòa.",
        [
            person("Lê Văn Tâm", titles=["Giám đốc Sở Y tế"]),
            person("Trần Văn Hòa", titles=["Phó Giám đốc Sở Tài chính"]),
        ],
        id="title-after-a-name-is-not-the-next-ones",
    ),
    P(
        "Tin vắn\nĐến dự có đồng chí Lê Hồng Phúc, nguyên Chủ tịch nước Võ Văn Mười.",
        [
            person("Lê Hồng Phúc", titles=[]),
            person("Võ Văn Mười", titles=["nguyên Chủ tịch nước"]),
        ],
        id="title-before-the-next-name",
    ),
    P(
        "Tin vắn\nTiếp đoàn có Bộ trưởng Bộ Tư pháp Lưu Quang Huy, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc "
        "Đàm Văn Khôi và Bộ trưởng Bộ Xây dựng Kha Minh Đức.",
        [
            person("Lưu Quang Huy", titles=["Bộ trưởng Bộ Tư pháp"]),
            person("Đàm Văn Khôi", titles=["Bộ trưởng", "Chủ nhiệm Ủy ban Dân tộc"]),
            person("Kha Minh Đức", titles=["Bộ trưởng Bộ Xây dựng"]),
        ],
        id="stacked-titles-before-the-next-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEIGHBOURS)
def test_titles_of_neighbours(run, text, expected) -> None:
    check(run(text), expected)


QUALIFIED_RANKS = [
    P(
        "Tin vắn\nTrung tá QNCN Hoàng Thị Mai, Trưởng phòng Hậu cần, được tặng Bằng khen.",
        [person("Hoàng Thị Mai", rank="Trung tá", titles=["Trưởng phòng Hậu cần"])],
        id="rank-qncn",
    ),
    P(
        "Tin vắn\nĐại úy quân nhân chuyên nghiệp Lò Văn Sáng đã có 20 năm gắn bó với đơn vị.",
        [person("Lò Văn Sáng", rank="Đại úy")],
        id="rank-qualifier-written-out",
    ),
    P(
        "Tin vắn\nHai cán bộ QNCN là anh Hoàng Văn Tư và anh Vi Đức Mạnh được khen.",
        [person("Hoàng Văn Tư", rank=None), person("Vi Đức Mạnh", rank=None)],
        id="qualifier-without-rank",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIED_RANKS)
def test_qualified_ranks(run, text, expected) -> None:
    check(run(text), expected)


ADDRESSES = [
    P("Tin vắn\nVăn phòng mới đặt tại số 12 Phan Đình Phùng, thành phố Vinh.", [], id="house-number"),
    P("Tin vắn\nHai cửa hàng ở ngõ 5 Lê Lợi luôn đông khách.", [], id="lane-number"),
    P("Tin vắn\nĐoàn diễu hành đi qua phố Bà Triệu rồi về quảng trường.", [], id="pho-ba-trieu"),
    P("Tin vắn\nQuán cà phê nằm trên đường Ông Ích Khiêm.", [], id="duong-ong-ich-khiem"),
    P(
        "Tin vắn\nĐoàn do Phó Chủ tịch UBND quận 3 Lê Văn Khang dẫn đầu.",
        [person("Lê Văn Khang", titles=["Phó Chủ tịch UBND quận 3"])],
        id="numbered-district-then-official",
    ),
    P(
        "Tin vắn\nTrên đường về, bà Lê Thị Hoa ghé chợ mua rau.",
        [person("Lê Thị Hoa", honorific="bà")],
        id="duong-then-lowercase-honorific",
    ),
    P(
        "Tin vắn\nTiền đạo số 9 Nguyễn Tiến Hùng đã lập cú đúp trong hiệp hai.",
        [person("Nguyễn Tiến Hùng")],
        id="shirt-number-then-player",
    ),
    P(
        "Tin vắn\nCầu thủ mang áo số 3 Phạm Văn Quyết ghi bàn thắng duy nhất.",
        [person("Phạm Văn Quyết")],
        id="shirt-number-after-ao",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES)
def test_addresses(run, text, expected) -> None:
    check(run(text), expected)


COLON_LISTS = [
    P(
        "Tin vắn\nDự lễ có các đồng chí: Thượng tá Lương Văn Cảnh, Thượng tá Đỗ Minh Tâm – Phó Chỉ huy trưởng "
        "Bộ Chỉ huy Quân sự tỉnh.",
        [
            person(
                "Lương Văn Cảnh",
                honorific="đồng chí",
                rank="Thượng tá",
                titles=["Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
            ),
            person(
                "Đỗ Minh Tâm",
                honorific="đồng chí",
                rank="Thượng tá",
                titles=["Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
            ),
        ],
        id="title-after-a-colon-list-of-ranked-names-belongs-to-each",
    ),
]


@pytest.mark.parametrize(("text", "expected"), COLON_LISTS)
def test_titles_shared_by_colon_lists(run, text, expected) -> None:
    check(run(text), expected)


ROLES = [
    P(
        "Tin vắn\nÔng Trần Văn Dũng góp ý vào dự thảo luật và dự án mới của tỉnh.",
        [person("Trần Văn Dũng", role="mentioned")],
        id="du-thao-du-an-are-not-attending",
    ),
    P(
        "Tin vắn\nBà Hà Thị Nguyệt phụ trách dự toán ngân sách của huyện.",
        [person("Hà Thị Nguyệt", role="mentioned")],
        id="du-toan-is-not-attending",
    ),
    P(
        "Tin vắn\nÔng Phan Văn Lộc cho biết công trình sẽ xong; bà Trương Thị Hạnh đang đi công tác.",
        [person("Phan Văn Lộc", role="speaker"), person("Trương Thị Hạnh", role="mentioned")],
        id="speaker-verb-of-another-clause",
    ),
    P(
        "Tin vắn\nTham dự có ông Phan Văn Lộc, Giám đốc Sở Y tế; bà Trương Thị Hạnh, Giám đốc Sở Tài chính.",
        [person("Phan Văn Lộc", role="attendee"), person("Trương Thị Hạnh", role="attendee")],
        id="attendance-verb-covers-the-list",
    ),
    P(
        "Tin vắn\nÔng Lê Văn Tám cho biết kết quả rất khả quan, trong khi bà Trần Thị Hoa còn lo ngại về tiến độ.",
        [person("Lê Văn Tám", role="speaker"), person("Trần Thị Hoa", role="mentioned")],
        id="speaking-verb-of-another-person-in-the-same-clause",
    ),
    P(
        "Tin vắn\nPhát biểu tại hội nghị, đồng chí Nguyễn Văn Hùng nhấn mạnh vai trò của thanh niên.",
        [person("Nguyễn Văn Hùng", role="speaker")],
        id="speaking-verb-opening-the-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles_by_clause(run, text, expected) -> None:
    check(run(text), expected)
