"""Table-driven tests of the event record (type, organizer, location, date) for the faults of
issue #17. Every sentence below was written for these tests."""

from __future__ import annotations

import pytest

P = pytest.param
TITLE = "Tin hoạt động trong tuần"

EVENT_TYPES = [
    P(
        "Sáng 3/4, tại Trung tâm Hội nghị quốc tế, Sở Công Thương gặp gỡ doanh nghiệp.",
        None,
        id="inside-a-body-name",
    ),
    P("Chiều 3/4, các lễ hội diễn ra khắp nơi trong tỉnh.", None, id="across-two-words"),
    P("Chiều 3/4, Hội Cựu chiến binh huyện tổ chức hội nghị sơ kết.", "hội nghị sơ kết", id="plain"),
    P(
        "Sáng 3/4, tại Trung tâm Hội nghị tỉnh, Liên đoàn Lao động tỉnh tổ chức lễ phát động tháng công nhân.",
        "lễ phát động",
        id="after-a-body-name",
    ),
    P(
        "Bản tin sáng.\nSáng 3/4, Hội Nông dân xã tổ chức tọa đàm về chuyển đổi số.",
        "tọa đàm",
        id="first-body-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_TYPES)
def test_event_type(run, text, expected) -> None:
    assert run(text, title=TITLE, published="2024").event.type == expected


ORGANIZERS = [
    P(
        "Sáng 3/4, HĐND huyện khóa XX tổ chức kỳ họp bất thường.",
        "Hội đồng nhân dân huyện",
        id="term-between-body-and-verb",
    ),
    P(
        "Sáng 3/4, Đảng bộ xã nhiệm kỳ 2020 - 2025 đã tổ chức hội nghị giữa nhiệm kỳ.",
        "Đảng bộ xã",
        id="term-years-between",
    ),
    P(
        "Bản tin sáng.\nChiều 3/4, Sở Tư pháp tỉnh tổ chức hội thi tìm hiểu pháp luật.",
        "Sở Tư pháp tỉnh",
        id="first-body-paragraph",
    ),
    P(
        "Hội thi được tổ chức vào chiều 3/4. Lý do năm nay ban tổ chức đổi địa điểm là trời mưa.",
        None,
        id="lowercase-after-do-is-no-body",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORGANIZERS)
def test_event_organizer(run, text, expected) -> None:
    assert run(text, title=TITLE, published="2024").event.organizer == expected


LOCATIONS = [
    P(
        "Ông Trần Văn Bình sinh ra tại Quảng Ngãi. Sáng 3/4, tại Nhà văn hóa huyện, Hội Khuyến học tổ chức tuyên dương.",
        "Nhà văn hóa huyện",
        id="birthplace-skipped",
    ),
    P(
        "Sáng 3/4, tại Kỳ họp thứ 9, HĐND tỉnh thông qua 15 nghị quyết.",
        None,
        id="the-session-is-no-place",
    ),
    P(
        "Hội chợ sẽ khai mạc ngày 20/4 tới tại Quảng trường tỉnh. Chiều 3/4, tại Hội trường Sở Công Thương, "
        "Ban Tổ chức họp báo giới thiệu hội chợ.",
        "Hội trường Sở Công Thương",
        id="another-events-venue",
    ),
    P(
        "Chiều 3/4, tại xã Tân Phú, huyện Đồng Xuân, đoàn công tác trao nhà tình nghĩa.",
        "xã Tân Phú, huyện Đồng Xuân",
        id="administrative-chain",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOCATIONS)
def test_event_location(run, text, expected) -> None:
    assert run(text, title=TITLE, published="2024").event.location == expected


EVENT_DATES = [
    P(
        "Thực hiện Kế hoạch số 25/KH-UBND ngày 2/3/2024 của UBND huyện, Phòng Giáo dục tổ chức tập huấn "
        "cho giáo viên. Lớp tập huấn khai giảng sáng 9/3.",
        "2024-03-09",
        id="cited-document-date",
    ),
    P(
        "Căn cứ Quyết định 112/QĐ-UBND, ngày 1/2/2024 của UBND tỉnh, sáng 5/2, Sở Nội vụ công bố quyết định.",
        "2024-02-05",
        id="cited-document-date-comma",
    ),
    P(
        "Ngày 7/3, đội tuyển của tỉnh lên đường dự giải.\nTin liên quan:\nKhai mạc giải bơi ngày 1/3\n"
        "Bế mạc hội khỏe ngày 28/2",
        "2024-03-07",
        id="related-news-block-after",
    ),
    P(
        "Tin liên quan:\nKhai mạc giải bơi ngày 1/3\n\nĐội tuyển của tỉnh lên đường dự giải. Lễ xuất quân diễn ra sáng 7/3.",
        # the related news's day is never the event's; the body's own day is
        "2024-03-07",
        id="related-news-block-before",
    ),
    P(
        "Một học sinh lớp 4 đã trả lại chiếc ví nhặt được cho người đánh rơi.\n"
        "Được biết, ngày 6/2, em trên đường đi học thì nhặt được chiếc ví. Năm 2019 em cũng từng làm việc tốt.",
        "2024-02-06",
        id="news-without-a-dated-lede-takes-the-first-day-of-the-body",
    ),
    P(
        "Một học sinh lớp 4 đã trả lại chiếc ví nhặt được.\nTrước đó, ngày 6/2/2019, em cũng từng làm việc tốt.",
        None,
        id="a-day-of-another-year-is-not-the-event",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_DATES)
def test_event_date_not_from_documents_or_related_news(run, text, expected) -> None:
    assert run(text, title=TITLE, published="2024").event.date == expected
