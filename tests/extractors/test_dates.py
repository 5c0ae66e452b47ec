"""Table-driven tests of the dates extractor and of event_date.

The expectations follow the "dates" and "event_date" sections of the shared
GUIDELINES.md, not the current behaviour of extractors/dates.py. A case the code
does not meet yet is kept as written and marked `xfail(strict=True)` with the
reason starting "gap:", so that fixing the extractor turns it into a pass.

Every sentence below was written for these tests.
"""

from __future__ import annotations

import re

import pytest

P = pytest.param


_GRANULARITY_OF = [
    (re.compile(r"^(?:\d{4}|XXXX)$"), "year"),
    (re.compile(r"^(?:\d{4}|XXXX)-H[12]$"), "half"),
    (re.compile(r"^(?:\d{4}|XXXX)-Q[1-4]$"), "quarter"),
    (re.compile(r"^(?:\d{4}|XXXX)-W\d\d$"), "week"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d\d$"), "month"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d$"), "day"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\dT\d\d:\d\d$"), "time"),
]


def granularity_of(value: str) -> str:
    """The granularity an ISO / TIMEX3 value is written at (for the end of a range)."""
    for rx, gran in _GRANULARITY_OF:
        if rx.match(value):
            return gran
    raise AssertionError(f"not an ISO / TIMEX3 value: {value!r}")


def scored(article) -> set[tuple[str, str]]:
    """The distinct (value, granularity) pairs the referee scores; a range gives its start and end."""
    out = set()
    for d in article.dates:
        out.add((d.value, d.granularity))
        if d.end_value:
            out.add((d.end_value, granularity_of(d.end_value)))
    return out


def with_end(article) -> set[tuple[str, str, str | None]]:
    """(value, granularity, end_value) of every item."""
    return {(d.value, d.granularity, d.end_value) for d in article.dates}


def with_pod(article) -> set[tuple[str, str, str | None]]:
    """(value, granularity, part_of_day) of every item."""
    return {(d.value, d.granularity, d.part_of_day) for d in article.dates}


def shown(article) -> list[tuple]:
    """What the extractor found, for assertion messages."""
    return [(d.text, d.value, d.granularity, d.end_value, d.part_of_day) for d in article.dates]


# --- calendar dates in their written forms -----------------------------------------------------

DAY_FORMS = [
    P(
        "Hội nghị sơ kết công tác phòng, chống dịch được tổ chức ngày 18/3/2021 tại trụ sở UBND tỉnh.",
        None,
        {("2021-03-18", "day")},
        id="slash-full",
    ),
    P(
        "Ngày 18-3-2021, Sở Y tế ban hành hướng dẫn mới về cách ly y tế tại nhà.",
        None,
        {("2021-03-18", "day")},
        id="dash-full",
    ),
    P(
        "Ngày 18.3.2021, Công an huyện tiếp nhận đơn trình báo của người dân.",
        None,
        {("2021-03-18", "day")},
        id="dot-full-with-day-word",
    ),
    P(
        "Vào ngày 18 tháng 3 năm 2021, đoàn công tác đã đến thăm các gia đình chính sách.",
        None,
        {("2021-03-18", "day")},
        id="words-full",
    ),
    P(
        "Buổi lễ ra quân diễn ra vào ngày 18 tháng Ba tại quảng trường trung tâm.",
        "2021",
        {("2021-03-18", "day")},
        id="words-month-name",
    ),
    P(
        "Trong tháng 3/2021, toàn tỉnh tiếp nhận hơn 200 hồ sơ đăng ký thành lập doanh nghiệp.",
        None,
        {("2021-03", "month")},
        id="month-slash-year",
    ),
    P(
        "Dự án được khởi công vào tháng 3 năm 2021 với tổng vốn đầu tư 120 tỷ đồng.",
        None,
        {("2021-03", "month")},
        id="month-words-year",
    ),
    P(
        "Năm 2021, huyện đã hoàn thành xây dựng 5 cây cầu nông thôn.",
        None,
        {("2021", "year")},
        id="year",
    ),
    P(
        "Đầu năm 2021, nhà máy đưa vào vận hành dây chuyền sản xuất mới.",
        None,
        {("2021", "year")},
        id="early-year",
    ),
    P(
        "Cuối năm 2020, tuyến đường ven biển chính thức được thông xe.",
        None,
        {("2020", "year")},
        id="late-year",
    ),
    P(
        "Giữa năm 2019, công ty mở rộng thị trường sang Nhật Bản.",
        None,
        {("2019", "year")},
        id="mid-year",
    ),
    P(
        "Ngày 09/06, Ban Chỉ đạo tỉnh họp trực tuyến với các địa phương.",
        "2020",
        {("2020-06-09", "day")},
        id="zero-padded-day-month",
    ),
    P(
        "Ngày 09-06-2020, đoàn kiểm tra làm việc tại Công ty cổ phần Thủy sản Sóc Trăng.",
        None,
        {("2020-06-09", "day")},
        id="zero-padded-dash-full",
    ),
    P(
        "Tháng 03/2021, ngân hàng giảm lãi suất cho vay đối với doanh nghiệp nhỏ.",
        None,
        {("2021-03", "month")},
        id="zero-padded-month-year",
    ),
    P(
        "Ngày 18/3/21, UBND thành phố gửi công văn hỏa tốc tới các quận, huyện.",
        None,
        {("2021-03-18", "day")},
        id="two-digit-year",
    ),
    P(
        "Hạn chót nộp hồ sơ là ngày 05/01/2022.",
        None,
        {("2022-01-05", "day")},
        id="zero-padded-full",
    ),
    P(
        "Ngày 1-10, các trường học trên địa bàn đón học sinh trở lại.",
        "2021",
        {("2021-10-01", "day")},
        id="dash-day-month",
    ),
    P(
        "Ngày 2.9, người dân treo cờ Tổ quốc trên khắp các tuyến phố.",
        "2021",
        {("2021-09-02", "day")},
        id="dot-day-month-with-day-word",
    ),
    P(
        "Dịp mùng 2/9, hàng nghìn du khách đổ về thành phố biển.",
        "2021",
        {("2021-09-02", "day")},
        id="mung-day-month",
    ),
    P(
        "Ngày 30 tháng 4 năm 1975, đất nước hoàn toàn thống nhất.",
        None,
        {("1975-04-30", "day")},
        id="words-full-1975",
    ),
    P(
        "Tháng Mười Hai năm 2020, hợp tác xã xuất khẩu lô bưởi da xanh đầu tiên.",
        None,
        {("2020-12", "month")},
        id="month-name-twelve-year",
    ),
    P(
        "Cháu bé chào đời ngày 29/2/2020 tại Bệnh viện Phụ sản Trung ương.",
        None,
        {("2020-02-29", "day")},
        id="leap-day",
    ),
    P(
        "Tính đến hết tháng 12/2020, toàn tỉnh có 1.250 doanh nghiệp đang hoạt động.",
        None,
        {("2020-12", "month")},
        id="month-year-with-amount",
    ),
    P(
        "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập.",
        None,
        {("1945-09-02", "day")},
        id="slash-full-1945",
    ),
    P(
        "Trong tháng 8, lực lượng chức năng đã xử lý 45 vụ vi phạm về khai thác cát.",
        "2021",
        {("2021-08", "month")},
        id="month-no-year",
    ),
    P(
        "Đầu tháng 3/2021, giá lúa tại đồng bằng sông Cửu Long tăng nhẹ.",
        None,
        {("2021-03", "month")},
        id="early-month-year",
    ),
    P(
        "Cuối tháng 6, mưa lớn gây sạt lở tại nhiều xã vùng cao.",
        "2021",
        {("2021-06", "month")},
        id="late-month-no-year",
    ),
    P(
        "Lễ hội sẽ kết thúc vào ngày 15 tháng 8.",
        "2021",
        {("2021-08-15", "day")},
        id="words-no-year",
    ),
    P(
        "Nhân dịp ngày 20-11, lãnh đạo tỉnh đến thăm, chúc mừng các nhà giáo lão thành.",
        "2020",
        {("2020-11-20", "day")},
        id="dash-day-month-holiday",
    ),
    P(
        "Chiến thắng Điện Biên Phủ ngày 7/5/1954 đi vào lịch sử dân tộc như một mốc son chói lọi.",
        None,
        {("1954-05-07", "day")},
        id="slash-full-1954",
    ),
    P(
        "Mục tiêu đến năm 2030, tỉnh trở thành trung tâm logistics của vùng.",
        None,
        {("2030", "year")},
        id="target-year",
    ),
    P(
        "Bị cáo Trần Văn Long, sinh năm 1978, trú tại xã Tân Phú.",
        None,
        {("1978", "year")},
        id="birth-year",
    ),
    P(
        "Ngày 3/2/2021, xã đón nhận bằng công nhận đạt chuẩn nông thôn mới nâng cao.",
        None,
        {("2021-02-03", "day")},
        id="slash-full-early-month",
    ),
    P(
        "Năm 2020 là năm đầu tiên thực hiện Nghị quyết Đại hội Đảng bộ tỉnh.",
        None,
        {("2020", "year")},
        id="year-then-ordinal-year-word",
    ),
    P(
        "Ngày 12/12/2012, di sản được UNESCO ghi danh vào danh sách di sản văn hóa phi vật thể.",
        None,
        {("2012-12-12", "day")},
        id="slash-full-same-numbers",
    ),
    P(
        "Trung tâm Phục vụ hành chính công bắt đầu tiếp nhận hồ sơ trực tuyến từ ngày 4/1/2021.",
        None,
        {("2021-01-04", "day")},
        id="from-day-open",
    ),
    P(
        "Ngày 31/12/2020 là hạn cuối để các đơn vị gửi báo cáo về Sở Tài chính.",
        None,
        {("2020-12-31", "day")},
        id="last-day-of-year",
    ),
    P(
        "Hôm 15/3, một nhóm thanh niên đã gây rối trật tự tại chợ đêm.",
        "2021",
        {("2021-03-15", "day")},
        id="hom-day-month",
    ),
    P(
        "Kết quả này được công bố ngày 18 tháng 3 năm 2021 và ngay lập tức thu hút sự quan tâm của dư luận.",
        None,
        {("2021-03-18", "day")},
        id="words-full-mid-sentence",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), DAY_FORMS)
def test_day_month_year_forms(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- parts of the day --------------------------------------------------------------------------

PARTS_OF_DAY = [
    P(
        "Sáng 11/6, Ủy ban MTTQ tỉnh tổ chức hội nghị hiệp thương lần thứ ba.",
        "2021",
        {("2021-06-11", "day", "morning")},
        id="sang",
    ),
    P(
        "Chiều ngày 18/3/2021, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận.",
        None,
        {("2021-03-18", "day", "afternoon")},
        id="chieu-ngay-full",
    ),
    P(
        "Trưa 5/7, một đám cháy lớn bùng phát tại xưởng gỗ ở khu công nghiệp.",
        "2021",
        {("2021-07-05", "day", "noon")},
        id="trua",
    ),
    P(
        "Tối 20/8, chương trình nghệ thuật chào mừng Đại hội được tổ chức tại sân vận động.",
        "2021",
        {("2021-08-20", "day", "evening")},
        id="toi",
    ),
    P(
        "Đêm 30/4, hàng vạn người dân đổ ra đường xem bắn pháo hoa.",
        "2021",
        {("2021-04-30", "day", "night")},
        id="dem",
    ),
    P(
        "Rạng sáng 2/9, cơn bão số 5 đổ bộ vào đất liền các tỉnh Nam Trung Bộ.",
        "2021",
        {("2021-09-02", "day", "morning")},
        id="rang-sang",
    ),
    P(
        "Sáng 18 tháng 3 năm 2021, Tỉnh đoàn ra quân Tháng Thanh niên.",
        None,
        {("2021-03-18", "day", "morning")},
        id="sang-words-full",
    ),
    P(
        "Đêm 31/12/2020, hàng nghìn bạn trẻ tập trung tại phố đi bộ đón năm mới.",
        None,
        {("2020-12-31", "day", "night")},
        id="dem-full",
    ),
    P(
        "Chiều 15/3/2021, Hội đồng nhân dân thành phố tổ chức kỳ họp chuyên đề.",
        None,
        {("2021-03-15", "day", "afternoon")},
        id="chieu-full",
    ),
    P(
        "Tối ngày 2-9, lễ hội đường phố diễn ra sôi động tại trung tâm thành phố.",
        "2021",
        {("2021-09-02", "day", "evening")},
        id="toi-ngay-dash",
    ),
    P(
        "Ngày 18/3, Sở Tư pháp tổ chức hội nghị tập huấn nghiệp vụ hộ tịch.",
        "2021",
        {("2021-03-18", "day", None)},
        id="no-part-of-day",
    ),
    P(
        "Sáng thứ Năm (18/3), đoàn đại biểu tỉnh dâng hương tại Khu di tích lịch sử Kim Liên.",
        "2021",
        {("2021-03-18", "day", "morning")},
        id="sang-weekday",
    ),
    P(
        "Sáng nay, Bộ Ngoại giao tổ chức họp báo thường kỳ.",
        "2021-03-18",
        {("2021-03-18", "day", "morning")},
        id="sang-nay",
    ),
    P(
        "Tối qua, nhiều tuyến phố nội thành bị ngập sâu sau trận mưa lớn.",
        "2021-03-18",
        {("2021-03-17", "day", "evening")},
        id="toi-qua",
    ),
    P(
        "Chiều mai, đoàn vận động viên của tỉnh sẽ lên đường tham dự giải đấu.",
        "2021-03-18",
        {("2021-03-19", "day", "afternoon")},
        id="chieu-mai",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PARTS_OF_DAY)
def test_part_of_day(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert with_pod(article) == expected, shown(article)


# --- clock times, joined to the day of their sentence ------------------------------------------

TIMES = [
    # a time "the same day" belongs to the day named last, in an earlier sentence
    P(
        "Sáng 14/5/2021, hai gia đình tổ chức hôn lễ. Thế nhưng vào 8h sáng cùng ngày, nhà gái đột ngột báo hủy.",
        None,
        {("2021-05-14", "day"), ("2021-05-14T08:00", "time")},
        id="same-day",
    ),
    P(
        "Ngày 8/7/2021, xảy ra vụ tai nạn giao thông. Vụ việc xảy ra vào khoảng 15 giờ cùng ngày trên đường tỉnh.",
        None,
        {("2021-07-08", "day"), ("2021-07-08T15:00", "time")},
        id="same-day-khoang",
    ),
    # a live report's stamps
    P(
        "• 2021-05-22 17:50 Hai đội bước vào sân. • 2021-05-22 17:46 Đội hình ra sân đã được công bố.",
        None,
        {("2021-05-22", "day"), ("2021-05-22T17:50", "time"), ("2021-05-22T17:46", "time")},
        id="iso-stamps",
    ),
    P(
        "Lúc 14 giờ 30 ngày 18/3/2021, lửa bùng phát tại kho hàng của một công ty may mặc.",
        None,
        {("2021-03-18T14:30", "time"), ("2021-03-18", "day")},
        id="gio-phut",
    ),
    P(
        "Vào lúc 14h30 ngày 18/3/2021, một xe khách mất lái lao xuống vực.",
        None,
        {("2021-03-18T14:30", "time"), ("2021-03-18", "day")},
        id="h-form",
    ),
    P(
        "Lúc 8 giờ sáng ngày 5/6, đoàn xe cứu trợ xuất phát từ Hà Nội.",
        "2021",
        {("2021-06-05T08:00", "time"), ("2021-06-05", "day")},
        id="gio-sang",
    ),
    P(
        "Khoảng 22 giờ ngày 7/8, người dân phát hiện một thanh niên nằm bất tỉnh bên đường.",
        "2021",
        {("2021-08-07T22:00", "time"), ("2021-08-07", "day")},
        id="khoang-gio",
    ),
    P(
        "Đúng 0 giờ ngày 1/1/2022, pháo hoa rực sáng bầu trời thành phố.",
        None,
        {("2022-01-01T00:00", "time"), ("2022-01-01", "day")},
        id="midnight",
    ),
    P(
        "Ngày 10/10/2021, vào lúc 7h15, chuyến bay đầu tiên hạ cánh an toàn xuống sân bay.",
        None,
        {("2021-10-10T07:15", "time"), ("2021-10-10", "day")},
        id="time-after-day",
    ),
    P(
        "Chiều 20/11, lúc 15 giờ, lễ tri ân thầy cô được tổ chức tại hội trường nhà trường.",
        "2020",
        {("2020-11-20T15:00", "time"), ("2020-11-20", "day")},
        id="afternoon-day-then-time",
    ),
    P(
        "Khoảng 8 giờ tối 12/5, một vụ tai nạn giao thông xảy ra trên Quốc lộ 1A.",
        "2021",
        {("2021-05-12T20:00", "time"), ("2021-05-12", "day")},
        id="gio-toi",
    ),
    P(
        "Phiên tòa bắt đầu lúc 9 giờ 15 phút ngày 22/4/2021.",
        None,
        {("2021-04-22T09:15", "time"), ("2021-04-22", "day")},
        id="gio-phut-explicit",
    ),
    P(
        "Lúc 14g30 ngày 3/3/2021, đê bao tại ấp Phú Hòa bị vỡ.",
        None,
        {("2021-03-03T14:30", "time"), ("2021-03-03", "day")},
        id="g-form",
    ),
    P(
        "Vào 19h ngày 31/12/2021, chương trình nghệ thuật chào năm mới được truyền hình trực tiếp.",
        None,
        {("2021-12-31T19:00", "time"), ("2021-12-31", "day")},
        id="h-form-hour-only",
    ),
    P(
        "Sáng 15/5/2021, từ 7 giờ, cử tri đã có mặt đông đủ tại các điểm bỏ phiếu.",
        None,
        {("2021-05-15T07:00", "time"), ("2021-05-15", "day")},
        id="tu-gio",
    ),
    P(
        "Lúc 10 giờ ngày 11/6, tại Hà Nội, hội nghị trực tuyến toàn quốc khai mạc.",
        None,
        {("XXXX-06-11T10:00", "time"), ("XXXX-06-11", "day")},
        id="time-unknown-year",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), TIMES)
def test_clock_times(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- weekday anchors ---------------------------------------------------------------------------

WEEKDAYS = [
    P(
        "Thứ Hai (15/3), học sinh toàn tỉnh trở lại trường sau thời gian nghỉ phòng dịch.",
        "2021",
        {("2021-03-15", "day")},
        id="thu-hai-parens",
    ),
    P(
        "Chủ nhật, 20/3, hàng nghìn tình nguyện viên ra quân dọn rác tại các bãi biển.",
        "2022",
        {("2022-03-20", "day")},
        id="chu-nhat-comma",
    ),
    P(
        "Thứ Bảy, ngày 12/6/2021, Hội Chữ thập đỏ tỉnh tổ chức ngày hội hiến máu.",
        None,
        {("2021-06-12", "day")},
        id="thu-bay-ngay-full",
    ),
    P(
        "Thứ 6 (19/3), Sở Công Thương kiểm tra đột xuất các cửa hàng xăng dầu.",
        "2021",
        {("2021-03-19", "day")},
        id="thu-6-parens",
    ),
    P(
        "Tối Chủ nhật (21/3), đêm nhạc gây quỹ vì trẻ em nghèo vượt khó được tổ chức tại nhà văn hóa.",
        "2021",
        {("2021-03-21", "day")},
        id="toi-chu-nhat-parens",
    ),
    P(
        "Thứ Ba, 16/3/2021, đoàn giám sát của HĐND tỉnh làm việc với Sở Xây dựng.",
        None,
        {("2021-03-16", "day")},
        id="thu-ba-comma-full",
    ),
    P(
        "Thứ Sáu ngày 19 tháng 3 năm 2021, phiên chợ nông sản sạch đầu tiên được khai trương.",
        None,
        {("2021-03-19", "day")},
        id="thu-sau-words-full",
    ),
    P(
        "Sáng thứ Tư (17/3), Ban Tổ chức Tỉnh ủy công bố quyết định về công tác cán bộ.",
        "2021",
        {("2021-03-17", "day")},
        id="sang-thu-tu-parens",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS)
def test_weekday_anchors(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- quarters and halves -----------------------------------------------------------------------

PERIODS = [
    P(
        "Trong quý I/2021, kim ngạch xuất khẩu của tỉnh tăng mạnh so với cùng kỳ.",
        None,
        {("2021-Q1", "quarter")},
        id="quy-roman-slash",
    ),
    P(
        "Công trình dự kiến hoàn thành trong quý 2 năm 2021.",
        None,
        {("2021-Q2", "quarter")},
        id="quy-digit-nam",
    ),
    P(
        "Quý IV/2020, doanh nghiệp xuất khẩu hơn 3.000 tấn cà phê.",
        None,
        {("2020-Q4", "quarter")},
        id="quy-iv",
    ),
    P(
        "Đến quý III năm 2019, tiến độ giải ngân vốn đầu tư công vẫn chậm.",
        None,
        {("2019-Q3", "quarter")},
        id="quy-iii-nam",
    ),
    P(
        "Quý II, sản lượng điện thương phẩm của công ty tăng mạnh.",
        "2021",
        {("2021-Q2", "quarter")},
        id="quy-no-year",
    ),
    P(
        "Quý 1/2022, ngành du lịch bắt đầu phục hồi sau đại dịch.",
        None,
        {("2022-Q1", "quarter")},
        id="quy-digit-slash",
    ),
    P(
        "Trong 6 tháng đầu năm 2021, thu ngân sách nhà nước trên địa bàn đạt 52% dự toán.",
        None,
        {("2021-H1", "half")},
        id="first-half",
    ),
    P(
        "6 tháng cuối năm 2017, ngành ngân hàng tập trung xử lý nợ xấu.",
        None,
        {("2017-H2", "half")},
        id="second-half",
    ),
    P(
        "Sáu tháng đầu năm 2022, lượng khách quốc tế đến tỉnh tăng gấp ba lần.",
        None,
        {("2022-H1", "half")},
        id="first-half-word-six",
    ),
    P(
        "Nửa đầu năm 2023, thị trường bất động sản vẫn trầm lắng.",
        None,
        {("2023-H1", "half")},
        id="nua-dau-nam",
    ),
    P(
        "Hội nghị sơ kết công tác 6 tháng đầu năm diễn ra tại Nhà khách Tỉnh ủy.",
        "2021",
        {("2021-H1", "half")},
        id="first-half-no-year",
    ),
    P(
        "Nhiệm vụ trọng tâm 6 tháng cuối năm nay là đẩy nhanh giải ngân vốn đầu tư công.",
        "2021-07-10",
        {("2021-H2", "half")},
        id="second-half-this-year",
    ),
    P(
        "Quý I năm nay, tăng trưởng tín dụng của toàn hệ thống đạt mức khá.",
        "2021-04-05",
        {("2021-Q1", "quarter")},
        id="quarter-this-year",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PERIODS)
def test_quarters_and_halves(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- ranges: one item, value = start, end_value = end ------------------------------------------

RANGES = [
    P(
        "Từ ngày 15 đến 18/3/2021, Sở Du lịch tổ chức đoàn khảo sát các điểm đến mới.",
        None,
        {("2021-03-15", "day", "2021-03-18")},
        id="tu-ngay-den",
    ),
    P(
        "Từ 15 - 18/3/2021, hội chợ hàng Việt được tổ chức tại Cung văn hóa lao động.",
        None,
        {("2021-03-15", "day", "2021-03-18")},
        id="tu-dash",
    ),
    P(
        "Giai đoạn 2016 - 2020, tỉnh đã xây dựng mới hơn 300 km đường giao thông nông thôn.",
        None,
        {("2016", "year", "2020")},
        id="giai-doan",
    ),
    P(
        "Đại hội đã bầu Ban Chấp hành Hội Cựu chiến binh tỉnh nhiệm kỳ 2020 - 2025.",
        None,
        {("2020", "year", "2025")},
        id="nhiem-ky",
    ),
    P(
        "Kế hoạch phát triển kinh tế - xã hội 5 năm (2016 - 2020) đã hoàn thành vượt mức.",
        None,
        {("2016", "year", "2020")},
        id="year-range-in-brackets",
    ),
    P(
        "Hội thảo khoa học kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020) được tổ chức trang trọng.",
        None,
        {("1890-05-19", "day", "2020-05-19")},
        id="full-date-range-in-brackets",
    ),
    P(
        "Nghị quyết đề ra mục tiêu tăng trưởng bình quân 7% mỗi năm trong giai đoạn 2021 – 2025.",
        None,
        {("2021", "year", "2025")},
        id="giai-doan-en-dash",
    ),
    P(
        "Ông được bầu giữ chức Chủ tịch Hội Nông dân tỉnh nhiệm kỳ 2020-2025.",
        None,
        {("2020", "year", "2025")},
        id="nhiem-ky-no-spaces",
    ),
    P(
        "Năm học 2020 - 2021, toàn tỉnh có hơn 250.000 học sinh các cấp.",
        None,
        {("2020", "year", "2021")},
        id="nam-hoc",
    ),
    P(
        "Từ năm 2015 đến năm 2020, diện tích rừng trồng mới của huyện tăng gấp đôi.",
        None,
        {("2015", "year", "2020")},
        id="tu-nam-den-nam",
    ),
    P(
        "Từ tháng 3 đến tháng 5/2021, các đội thanh niên tình nguyện hỗ trợ nông dân thu hoạch lúa.",
        None,
        {("2021-03", "month", "2021-05")},
        id="month-range",
    ),
    P(
        "Từ ngày 28/2 đến ngày 3/3/2021, đoàn kiểm tra làm việc tại 12 xã.",
        None,
        {("2021-02-28", "day", "2021-03-03")},
        id="day-range-across-months",
    ),
    P(
        "Từ ngày 20/12/2020 đến ngày 5/1/2021, toàn tỉnh cao điểm tấn công, trấn áp tội phạm.",
        None,
        {("2020-12-20", "day", "2021-01-05")},
        id="day-range-across-years",
    ),
    P(
        "Tỉnh phê duyệt quy hoạch giai đoạn 2021 - 2025, tầm nhìn đến năm 2030.",
        None,
        {("2021", "year", "2025"), ("2030", "year", None)},
        id="range-and-horizon",
    ),
    P(
        "Từ ngày 1 đến ngày 15/7, lực lượng kiểm lâm tuần tra trên các tuyến rừng đầu nguồn.",
        "2021",
        {("2021-07-01", "day", "2021-07-15")},
        id="day-range-published-year",
    ),
    P(
        "Từ 10-12/6, Liên hoan tiếng hát người cao tuổi diễn ra tại nhà văn hóa tỉnh.",
        "2022",
        {("2022-06-10", "day", "2022-06-12")},
        id="tu-dash-no-spaces",
    ),
    P(
        "Từ ngày 15/3 đến 18/3, người dân có thể đăng ký tiêm vắc xin qua ứng dụng.",
        "2021",
        {("2021-03-15", "day", "2021-03-18")},
        id="day-range-both-months",
    ),
    P(
        "Giai đoạn 2011-2020, tỉnh thu hút hơn 500 dự án đầu tư.",
        None,
        {("2011", "year", "2020")},
        id="giai-doan-no-spaces",
    ),
    P(
        "Ngành y tế tỉnh long trọng tổ chức lễ kỷ niệm 75 năm thành lập (1945 - 2020).",
        None,
        {("1945", "year", "2020")},
        id="anniversary-bracket-range",
    ),
    P(
        "Từ tháng 10/2020 đến tháng 3/2021, mực nước trên sông Tiền xuống thấp kỷ lục.",
        None,
        {("2020-10", "month", "2021-03")},
        id="month-range-across-years",
    ),
    P(
        "Từ tháng 6 đến tháng 8, các trường tổ chức hoạt động hè cho học sinh.",
        "2021",
        {("2021-06", "month", "2021-08")},
        id="month-range-published-year",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), RANGES)
def test_ranges(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert with_end(article) == expected, shown(article)


# --- lists: one item per element, not a range --------------------------------------------------

LISTS = [
    P(
        "Ngày 16 và 17-5, Đại hội Đảng bộ huyện lần thứ XX đã diễn ra thành công.",
        "2021",
        {("2021-05-16", "day", None), ("2021-05-17", "day", None)},
        id="two-days-dash",
    ),
    P(
        "Xã đã ba lần được công nhận danh hiệu văn hóa vào các năm 2000, 2005 và 2010.",
        None,
        {("2000", "year", None), ("2005", "year", None), ("2010", "year", None)},
        id="three-years",
    ),
    P(
        "Các ngày 5, 6 và 7/8, tỉnh tổ chức tiêm vắc xin cho công nhân khu công nghiệp.",
        "2021",
        {("2021-08-05", "day", None), ("2021-08-06", "day", None), ("2021-08-07", "day", None)},
        id="three-days-slash",
    ),
    P(
        "Sản lượng lúa năm 2019 và 2020 đều vượt kế hoạch.",
        None,
        {("2019", "year", None), ("2020", "year", None)},
        id="two-years",
    ),
    P(
        "Tháng 3 và tháng 4/2021, nhiều địa phương ghi nhận hạn mặn nghiêm trọng.",
        None,
        {("2021-03", "month", None), ("2021-04", "month", None)},
        id="two-months",
    ),
    P(
        "Quý I và quý II/2021, doanh thu của công ty đều tăng trưởng hai con số.",
        None,
        {("2021-Q1", "quarter", None), ("2021-Q2", "quarter", None)},
        id="two-quarters",
    ),
    P(
        "Đoàn công tác đã làm việc tại huyện vào ngày 10/5 và 12/5.",
        "2021",
        {("2021-05-10", "day", None), ("2021-05-12", "day", None)},
        id="two-full-days",
    ),
    P(
        "Trong 2 ngày 20 và 21/10/2021, Hội đồng nhân dân tỉnh họp kỳ họp thứ 3.",
        None,
        {("2021-10-20", "day", None), ("2021-10-21", "day", None)},
        id="two-days-after-duration",
    ),
    P(
        "Huyện được tặng Bằng khen của Thủ tướng Chính phủ năm 2015 và năm 2020.",
        None,
        {("2015", "year", None), ("2020", "year", None)},
        id="two-years-nam",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), LISTS)
def test_lists(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert with_end(article) == expected, shown(article)


# --- relative expressions ----------------------------------------------------------------------
# 2021-03-18 is a Thursday in ISO week 2021-W11.

RELATIVE = [
    P(
        "Hôm qua, UBND tỉnh đã họp khẩn để bàn phương án ứng phó với bão.",
        "2021-03-18",
        {("2021-03-17", "day")},
        id="hom-qua",
    ),
    P(
        "Hôm nay, hơn 20.000 thí sinh bước vào kỳ thi đánh giá năng lực.",
        "2021-03-18",
        {("2021-03-18", "day")},
        id="hom-nay",
    ),
    P(
        "Sáng nay, Quốc hội khai mạc kỳ họp bất thường để kiện toàn nhân sự.",
        "2021-03-18",
        {("2021-03-18", "day")},
        id="sang-nay",
    ),
    P(
        "Ngày mai, không khí lạnh tràn về, vùng núi có nơi nhiệt độ xuống dưới 5 độ C.",
        "2021-03-18",
        {("2021-03-19", "day")},
        id="ngay-mai",
    ),
    P(
        "Tuần trước, lực lượng quản lý thị trường thu giữ hơn 3 tấn hàng lậu.",
        "2021-03-18",
        {("2021-W10", "week")},
        id="tuan-truoc",
    ),
    P(
        "Tuần tới, thành phố sẽ khởi công cầu vượt tại nút giao An Phú.",
        "2021-03-18",
        {("2021-W12", "week")},
        id="tuan-toi",
    ),
    P(
        "Tháng tới, giá điện sinh hoạt dự kiến được điều chỉnh.",
        "2021-03-18",
        {("2021-04", "month")},
        id="thang-toi",
    ),
    P(
        "Tháng trước, kim ngạch xuất khẩu gạo của tỉnh tăng mạnh.",
        "2021-03-18",
        {("2021-02", "month")},
        id="thang-truoc",
    ),
    P(
        "Năm ngoái, huyện chỉ thu hút được hai dự án đầu tư.",
        "2021-03-18",
        {("2020", "year")},
        id="nam-ngoai",
    ),
    P(
        "Năm nay, toàn tỉnh phấn đấu trồng mới 1.000 ha rừng.",
        "2021-03-18",
        {("2021", "year")},
        id="nam-nay",
    ),
    P(
        "Năm tới, trường sẽ tuyển sinh thêm ngành công nghệ thông tin.",
        "2021-03-18",
        {("2022", "year")},
        id="nam-toi",
    ),
    P(
        "Chiều qua, mưa đá bất ngờ trút xuống nhiều xã vùng cao.",
        "2021-03-18",
        {("2021-03-17", "day")},
        id="chieu-qua",
    ),
    P(
        "Tối mai, đêm nhạc gây quỹ sẽ diễn ra tại Nhà hát Lớn.",
        "2021-03-18",
        {("2021-03-19", "day")},
        id="toi-mai",
    ),
    P(
        "Hôm qua (17/3), đoàn công tác của Bộ Nông nghiệp làm việc tại tỉnh.",
        "2021-03-18",
        {("2021-03-17", "day")},
        id="hom-qua-with-date",
    ),
    P(
        "Sáng nay (8/6), hơn 1.000 thí sinh bước vào kỳ thi tuyển sinh lớp 10 chuyên.",
        "2021-06-08",
        {("2021-06-08", "day")},
        id="sang-nay-with-date",
    ),
    P(
        "Sáng nay (8/6), hơn 1.000 thí sinh bước vào kỳ thi tuyển sinh lớp 10 chuyên.",
        "2021",
        {("2021-06-08", "day")},
        id="sang-nay-with-date-year-published",
    ),
    P(
        "Sáng nay (8/6), hơn 1.000 thí sinh bước vào kỳ thi tuyển sinh lớp 10 chuyên.",
        None,
        {("XXXX-06-08", "day")},
        id="sang-nay-with-date-unpublished",
    ),
    P(
        "Hôm qua, hàng nghìn người dân xuống phố đón giao thừa.",
        "2021-01-01",
        {("2020-12-31", "day")},
        id="hom-qua-across-year",
    ),
    P(
        "Tuần trước, giá xăng tăng lần thứ ba liên tiếp.",
        "2021-01-05",
        {("2020-W53", "week")},
        id="tuan-truoc-week-53",
    ),
    P(
        "Tháng trước, lượng khách đến tham quan khu di tích giảm mạnh.",
        "2021-01-15",
        {("2020-12", "month")},
        id="thang-truoc-across-year",
    ),
    P(
        "Tháng 12 năm ngoái, tỉnh đón hơn 50.000 lượt khách du lịch.",
        "2021-03-18",
        {("2020-12", "month")},
        id="thang-nam-ngoai",
    ),
    P(
        "Tháng 5 năm nay, công trình sẽ được bàn giao cho địa phương.",
        "2021-03-18",
        {("2021-05", "month")},
        id="thang-nam-nay",
    ),
    # day-level relative expressions need the day of publication
    P(
        "Hôm qua, UBND tỉnh đã họp khẩn để bàn phương án ứng phó với bão.",
        "2021",
        set(),
        id="hom-qua-year-published",
    ),
    P(
        "Hôm qua, UBND tỉnh đã họp khẩn để bàn phương án ứng phó với bão.",
        "2021-03",
        set(),
        id="hom-qua-month-published",
    ),
    P(
        "Hôm qua, UBND tỉnh đã họp khẩn để bàn phương án ứng phó với bão.",
        None,
        set(),
        id="hom-qua-unpublished",
    ),
    P(
        "Sáng nay, Quốc hội khai mạc kỳ họp bất thường để kiện toàn nhân sự.",
        "2021-03",
        set(),
        id="sang-nay-month-published",
    ),
    P(
        "Ngày mai, không khí lạnh tràn về, vùng núi có nơi nhiệt độ xuống dưới 5 độ C.",
        None,
        set(),
        id="ngay-mai-unpublished",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE)
def test_relative_expressions(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- the year of an expression that does not write one -----------------------------------------

YEAR_INFERENCE = [
    P(
        None,
        "Sáng 11/6, Hội Liên hiệp Phụ nữ tỉnh tổ chức tọa đàm về bình đẳng giới.",
        "2019",
        {("2019-06-11", "day")},
        id="published-year-only",
    ),
    P(
        None,
        "Ngày 3/7, Sở Giao thông vận tải kiểm tra các bến xe khách.",
        "2019-07",
        {("2019-07-03", "day")},
        id="published-month",
    ),
    P(
        None,
        "Ngày 3/7, Sở Giao thông vận tải kiểm tra các bến xe khách.",
        "2019-07-05",
        {("2019-07-03", "day")},
        id="published-day",
    ),
    P(
        "Lễ hội hoa ban năm 2019 khai mạc tại Điện Biên",
        "Tối 14/3, tại sân vận động tỉnh, lễ hội chính thức khai mạc với nhiều tiết mục đặc sắc.",
        None,
        {("2019", "year"), ("2019-03-14", "day")},
        id="year-from-title",
    ),
    P(
        "Ra quân chiến dịch tình nguyện năm 2021",
        "Sáng 18 tháng Ba, hơn 500 đoàn viên tham gia dọn vệ sinh môi trường.",
        None,
        {("2021", "year"), ("2021-03-18", "day")},
        id="year-from-title-words",
    ),
    P(
        None,
        "Năm 2019, xã đạt chuẩn nông thôn mới. Ngày 5/9, UBND huyện trao bằng công nhận cho xã.",
        None,
        {("2019", "year"), ("2019-09-05", "day")},
        id="year-from-earlier-sentence",
    ),
    P(
        None,
        "Năm 2015, dự án được phê duyệt. Đến năm 2018, công trình mới khởi công. Ngày 2/9, cây cầu thông xe.",
        None,
        {("2015", "year"), ("2018", "year"), ("2018-09-02", "day")},
        id="nearest-earlier-year",
    ),
    P(
        "Nhìn lại năm 2020 đầy biến động",
        "Bước sang năm 2021, ngày 4/1, ngành du lịch triển khai gói kích cầu mới.",
        None,
        {("2020", "year"), ("2021", "year"), ("2021-01-04", "day")},
        id="text-year-nearer-than-title",
    ),
    P(
        None,
        "Sáng 12/10, Hội Nông dân tỉnh khai mạc Đại hội đại biểu lần thứ X, nhiệm kỳ 2023 - 2028.",
        None,
        {("2023-10-12", "day"), ("2023", "year"), ("2028", "year")},
        id="year-later-in-same-sentence",
    ),
    P(
        None,
        "Ngày 7/4, công trình được khánh thành. Công trình khởi công năm 2019.",
        None,
        {("XXXX-04-07", "day"), ("2019", "year")},
        id="year-in-later-sentence-ignored",
    ),
    P(
        None,
        "Sáng 11/6, tại Hà Nội, Bộ Y tế tổ chức hội nghị trực tuyến toàn quốc.",
        None,
        {("XXXX-06-11", "day")},
        id="no-year-anywhere",
    ),
    P(
        None,
        "Năm 2019, xã đạt chuẩn nông thôn mới. Ngày 5/9, UBND huyện trao bằng công nhận cho xã.",
        "2021",
        {("2019", "year"), ("2021-09-05", "day")},
        id="published-before-context",
    ),
    P(
        None,
        "Tháng 12 năm ngoái, tỉnh đón hơn 50.000 lượt khách du lịch.",
        "2021",
        {("2020-12", "month")},
        id="last-year-month-year-published",
    ),
    P(
        None,
        "Năm 2020, huyện triển khai nhiều công trình thủy lợi. Trong tháng 4, ba trạm bơm mới được đưa vào sử dụng.",
        None,
        {("2020", "year"), ("2020-04", "month")},
        id="month-year-from-context",
    ),
    P(
        None,
        "Quý IV, doanh thu của doanh nghiệp tăng 15%.",
        "2020",
        {("2020-Q4", "quarter")},
        id="quarter-year-published",
    ),
    P(
        None,
        "Ngày 18 tháng Ba, đoàn thanh niên ra quân làm sạch bãi biển.",
        None,
        {("XXXX-03-18", "day")},
        id="words-unknown-year",
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "expected"), YEAR_INFERENCE)
def test_year_inference(run, title, text, published, expected) -> None:
    article = run(text, published=published, title=title)
    assert scored(article) == expected, shown(article)


# --- numbers that are not dates ----------------------------------------------------------------

NOT_DATES = [
    P(
        "Ban Thường vụ Tỉnh ủy tổ chức quán triệt Nghị quyết số 12-NQ/TW của Bộ Chính trị.",
        None,
        set(),
        id="resolution-number",
    ),
    P(
        "Chủ tịch UBND tỉnh đã ký Quyết định 1234/QĐ-UBND phê duyệt quy hoạch chi tiết khu công nghiệp.",
        None,
        set(),
        id="decision-number",
    ),
    P(
        "Các cấp ủy tiếp tục thực hiện nghiêm Chỉ thị 05-CT/TW của Bộ Chính trị.",
        None,
        set(),
        id="directive-number",
    ),
    P(
        "Việc xử phạt được thực hiện theo Nghị định 15/2018/NĐ-CP của Chính phủ.",
        None,
        set(),
        id="decree-number-no-year",
    ),
    P(
        "Cơ sở sản xuất phải tuân thủ Thông tư 01/2021/TT-BYT về an toàn thực phẩm.",
        None,
        set(),
        id="circular-number-no-year",
    ),
    P(
        "Luật số 59/2020/QH14 về doanh nghiệp đã tạo thuận lợi cho các nhà đầu tư.",
        None,
        set(),
        id="law-number-no-year",
    ),
    P(
        "Hội nghị triển khai Chỉ thị số 05 của Bộ Chính trị tới toàn thể đảng viên.",
        None,
        set(),
        id="directive-short-number",
    ),
    P(
        "Kế hoạch số 25/KH-UBND nêu rõ trách nhiệm của từng sở, ngành.",
        None,
        set(),
        id="plan-number",
    ),
    P(
        "Theo Quyết định số 1234/QĐ-UBND ngày 18/3/2021 của UBND tỉnh, tổ công tác gồm 9 thành viên.",
        None,
        {("2021-03-18", "day")},
        id="decision-number-then-its-date",
    ),
    P(
        "Các cấp ủy tiếp tục thực hiện Nghị quyết số 12-NQ/TW ngày 16/1/2012 của Hội nghị Trung ương 4.",
        None,
        {("2012-01-16", "day")},
        id="resolution-number-then-its-date",
    ),
    P(
        "Ngày 18/3/2021, UBND tỉnh ban hành Quyết định 1234/QĐ-UBND về việc thành lập tổ công tác.",
        None,
        {("2021-03-18", "day")},
        id="date-and-decision-number",
    ),
    P(
        "Nghị định 15/2018/NĐ-CP được Chính phủ ban hành ngày 2/2/2018.",
        None,
        {("2018-02-02", "day")},
        id="decree-number-and-date",
    ),
    P(
        "Trên sân nhà, đội tuyển Việt Nam thắng 3-1 trước Malaysia.",
        "2021",
        set(),
        id="score-thang",
    ),
    P(
        "Hai đội hòa 2-2 sau 90 phút thi đấu căng thẳng.",
        "2021",
        set(),
        id="score-hoa",
    ),
    P(
        "Câu lạc bộ Hà Nội giành chiến thắng 2-1 trong trận cầu tâm điểm của vòng đấu.",
        "2021",
        set(),
        id="score-chien-thang",
    ),
    P(
        "Tỷ số 1-0 được giữ nguyên đến hết trận.",
        "2021",
        set(),
        id="score-ty-so",
    ),
    P(
        "Đội chủ nhà đánh bại đối thủ 3-1 ở trận chung kết.",
        "2021",
        set(),
        id="score-danh-bai",
    ),
    P(
        "Mọi thông tin xin liên hệ số điện thoại 0912.345.678.",
        None,
        set(),
        id="phone-dots",
    ),
    P(
        "Người dân có thể phản ánh qua đường dây nóng 1900 9095.",
        None,
        set(),
        id="hotline",
    ),
    P(
        "Mỗi hộ nghèo được hỗ trợ 1.500.000 đồng để sửa chữa nhà ở.",
        None,
        set(),
        id="money-dots",
    ),
    P(
        "Tổng mức đầu tư của dự án là 12,5 tỷ đồng.",
        None,
        set(),
        id="money-decimal",
    ),
    P(
        "Tổng sản phẩm trên địa bàn tăng 12,5% so với cùng kỳ.",
        "2021",
        set(),
        id="percentage",
    ),
    P(
        "Tỷ lệ hộ nghèo của huyện giảm còn 3.5%.",
        "2021",
        set(),
        id="percentage-dot",
    ),
    P(
        "Huyện đã hoàn thành 12/12 chỉ tiêu kinh tế – xã hội đề ra.",
        "2021",
        set(),
        id="fraction-targets",
    ),
    P(
        "Đến nay, 9/10 xã trên địa bàn huyện đạt chuẩn nông thôn mới.",
        "2021",
        set(),
        id="fraction-communes",
    ),
    P(
        "Người dân tộc thiểu số chiếm khoảng 1/5 dân số của tỉnh.",
        "2021",
        set(),
        id="fraction-population",
    ),
    P(
        "Sau 3 năm triển khai, mô hình đã giúp nhiều hộ thoát nghèo.",
        None,
        set(),
        id="duration-years",
    ),
    P(
        "Hội nghị diễn ra trong 2 ngày với sự tham gia của 300 đại biểu.",
        None,
        set(),
        id="duration-days",
    ),
    P(
        "Nhà trường long trọng tổ chức lễ kỷ niệm 60 năm thành lập.",
        None,
        set(),
        id="anniversary",
    ),
    P(
        "Sau 5 tháng thi công, cây cầu dân sinh đã hoàn thành.",
        None,
        set(),
        id="duration-months",
    ),
    P(
        "Ông có hơn 20 năm công tác trong ngành giáo dục.",
        None,
        set(),
        id="duration-career",
    ),
    P(
        "Cụ Nguyễn Thị Lan, 95 tuổi, vẫn đều đặn tham gia sinh hoạt chi hội.",
        None,
        set(),
        id="age",
    ),
    P(
        "Đại biểu Quốc hội khóa XIV đã tiếp xúc cử tri tại huyện.",
        None,
        set(),
        id="ordinal-khoa",
    ),
    P(
        "Đại hội đại biểu toàn quốc lần thứ 11 của Hội đã thành công tốt đẹp.",
        None,
        set(),
        id="ordinal-lan-thu",
    ),
    P(
        "Tại kỳ họp thứ 2, HĐND tỉnh khóa X đã thông qua 15 nghị quyết.",
        None,
        set(),
        id="ordinal-ky-hop",
    ),
    P(
        "Thí sinh này đạt 6.7 điểm môn Ngữ văn.",
        "2021",
        set(),
        id="decimal-score",
    ),
    P(
        "Điểm trung bình môn Toán của thí sinh toàn tỉnh là 6.25.",
        "2021",
        set(),
        id="decimal-average",
    ),
    P(
        "Ngôi nhà nằm trong hẻm 12/4 đường Nguyễn Trãi, quận 5.",
        "2021",
        set(),
        id="address-alley",
    ),
    P(
        "Em Nguyễn Minh Khoa, học sinh lớp 11/2 Trường THPT Phan Châu Trinh, được tuyên dương.",
        "2021",
        set(),
        id="school-class",
    ),
    P(
        "Trạm y tế xã duy trì trực cấp cứu 24/7 trong suốt dịp nghỉ lễ.",
        "2021",
        set(),
        id="around-the-clock",
    ),
    P(
        "Đội tuyển futsal Việt Nam giành quyền vào vòng 1/8 giải châu Á.",
        "2021",
        set(),
        id="round-of-sixteen",
    ),
    P(
        "Đơn vị đã tiêm hơn 2.000 liều vắc xin phòng COVID-19 cho người lao động.",
        "2021",
        set(),
        id="vaccine-doses",
    ),
    P(
        "Chiếc xe ô tô mang biển kiểm soát 29A-123.45 đã bị tạm giữ.",
        "2021",
        set(),
        id="licence-plate",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), NOT_DATES)
def test_not_dates(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- event_date --------------------------------------------------------------------------------

EVENT_DATES = [
    P(
        None,
        "Sáng 12/4, tại Hà Nội, Bộ Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học.",
        "2021",
        "2021-04-12",
        id="morning-lead",
    ),
    P(
        None,
        "Tại hội nghị, các đại biểu đã thảo luận nhiều giải pháp phát triển du lịch cộng đồng.",
        "2021",
        None,
        id="no-date",
    ),
    P(
        None,
        "Đại hội Đoàn thanh niên tỉnh sẽ diễn ra vào ngày 25/6 tới. Chiều 21/6, tại Hội trường Tỉnh ủy, "
        "Ban Tổ chức đã họp báo thông tin về công tác chuẩn bị.",
        "2021",
        "2021-06-21",
        id="teaser-then-event",
    ),
    P(
        None,
        "Ngày 30/4 tới, tỉnh sẽ tổ chức Lễ hội Văn hóa các dân tộc lần thứ nhất. Sáng 26/4, tại trụ sở "
        "Sở Văn hóa, Thể thao và Du lịch, Ban Tổ chức đã thông tin về chương trình lễ hội.",
        "2021",
        "2021-04-26",
        id="teaser-then-event-morning",
    ),
    P(
        "Hội nghị tổng kết công tác Hội Nông dân năm 2020",
        "Chiều 15/1/2021, tại Hội trường UBND tỉnh, Hội Nông dân tỉnh tổ chức hội nghị tổng kết.",
        None,
        "2021-01-15",
        id="full-date-lead-with-title",
    ),
    P(
        None,
        "Lúc 8 giờ 30 ngày 2/9/2021, tại Quảng trường 3/2, lễ thượng cờ được tổ chức trang nghiêm.",
        None,
        "2021-09-02",
        id="time-lead",
    ),
    P(
        None,
        "Sáng nay, tại Trung tâm Hội nghị quốc gia, Thủ tướng Chính phủ chủ trì hội nghị trực tuyến.",
        "2021-03-18",
        "2021-03-18",
        id="relative-lead",
    ),
    P(
        None,
        "Hôm qua (17/3), Bộ Công Thương đã làm việc với các doanh nghiệp đầu mối xăng dầu.",
        "2021-03-18",
        "2021-03-17",
        id="relative-lead-with-date",
    ),
    P(
        None,
        "Sáng thứ Hai (15/3), Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 3.",
        "2021",
        "2021-03-15",
        id="weekday-lead",
    ),
    P(
        None,
        "Năm 2020, dù gặp nhiều khó khăn do dịch bệnh, ngành thuế vẫn hoàn thành dự toán. Sáng 8/1, "
        "tại Hà Nội, Tổng cục Thuế tổ chức hội nghị tổng kết công tác thuế.",
        "2021",
        "2021-01-08",
        id="background-year-then-event",
    ),
    P(
        None,
        "Ngày 18-3-2021, Công an tỉnh cho biết đã bắt giữ 5 đối tượng trong đường dây đánh bạc.",
        None,
        "2021-03-18",
        id="dash-full-lead",
    ),
    P(
        None,
        "Trong những năm qua, phong trào thi đua yêu nước đã lan tỏa sâu rộng trong toàn tỉnh.",
        "2021",
        None,
        id="no-calendar-date",
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "expected"), EVENT_DATES)
def test_event_date(run, title, text, published, expected) -> None:
    article = run(text, published=published, title=title)
    assert article.event.date == expected, shown(article)


# --- offsets -----------------------------------------------------------------------------------


def _all_inputs() -> list[tuple[str | None, str, str | None]]:
    """(title, text, published) of every case above."""
    inputs = []
    for table in (DAY_FORMS, PARTS_OF_DAY, TIMES, WEEKDAYS, PERIODS, RANGES, LISTS, RELATIVE, NOT_DATES):
        inputs += [(None, p.values[0], p.values[1]) for p in table]
    for table in (YEAR_INFERENCE, EVENT_DATES):
        inputs += [(p.values[0], p.values[1], p.values[2]) for p in table]
    return inputs


def test_offsets_slice_back_to_text(run) -> None:
    """Every date item's start/end cut its own text out of the article text."""
    checked = 0
    for title, text, published in _all_inputs():
        article = run(text, published=published, title=title)
        for d in article.dates:
            assert 0 <= d.start < d.end <= len(article.text), (text, d)
            assert article.text[d.start : d.end] == d.text, (text, d.start, d.end, d.text)
            checked += 1
    assert checked > 100


# --- issue #17: the lunar calendar ---------------------------------------------------------------


def lunar_items(article) -> set[tuple[str | None, str | None, str, bool]]:
    """(value, lunar_value, calendar, recurring) of every item."""
    return {(d.value, d.lunar_value, d.calendar, d.recurring) for d in article.dates}


LUNAR = [
    P(
        "Làng tổ chức rước kiệu vào mồng 8 tháng Giêng.",
        "2024",
        {("2024-02-17", "2024-01-08", "lunar", False)},
        id="mong-thang-gieng",
    ),
    P(
        "Từ mùng 3 Tết, các xe khách đã chạy lại bình thường.",
        "2023",
        {("2023-01-24", "2023-01-03", "lunar", False)},
        id="mung-tet",
    ),
    P(
        "Chiều 30 Tết, chợ hoa vẫn đông người mua.",
        "2024",
        {("2024-02-09", "2023-12-30", "lunar", False)},
        id="eve-of-tet-is-the-year-before",
    ),
    P(
        "Gia đình tôi cúng ông Công ông Táo ngày 23 tháng Chạp.",
        "2022",
        {("2023-01-14", "2022-12-23", "lunar", False)},
        id="thang-chap",
    ),
    P(
        "Nhà chùa mở lễ cầu siêu vào rằm tháng Bảy.",
        "2023",
        {("2023-08-30", "2023-07-15", "lunar", False)},
        id="ram-thang-bay",
    ),
    P(
        "Giỗ cụ tổ của dòng họ là ngày 12/6 âm lịch.",
        "2024",
        {("2024-07-17", "2024-06-12", "lunar", False)},
        id="numeric-am-lich",
    ),
    P(
        "Hội làng mở vào ngày 6 tháng 2 (âm lịch).",
        "2024",
        {("2024-03-15", "2024-02-06", "lunar", False)},
        id="words-bracketed-am-lich",
    ),
    P(
        "Đền mở cửa đón khách ngày 9 tháng Giêng năm Giáp Thìn.",
        "2024",
        {("2024-02-18", "2024-01-09", "lunar", False)},
        id="cycle-year-name",
    ),
    P(
        "Đền mở cửa đón khách ngày 9 tháng Giêng năm Giáp Thìn.",
        "2025",
        {("2024-02-18", "2024-01-09", "lunar", False)},
        id="cycle-year-name-published-next-year",
    ),
    P(
        # Tết of 1985 is 21 January in the Vietnamese calendar and 20 February in the Chinese one
        "Ông kể lại cái Tết năm ấy, mùng 1 tháng Giêng năm 1985, cả nhà đoàn tụ.",
        None,
        {("1985-01-21", "1985-01-01", "lunar", False)},
        id="vietnamese-not-chinese-calendar",
    ),
    P(
        "Lễ hội truyền thống của xã diễn ra vào rằm tháng Giêng.",
        None,
        {(None, "XXXX-01-15", "lunar", False)},
        id="no-year-no-solar-value",
    ),
    P(
        "Các hộ chuẩn bị đồ lễ từ trong tháng Chạp.",
        "2024",
        {(None, "2024-12", "lunar", False)},
        id="whole-lunar-month",
    ),
    P(
        "Tối 24/2 (tức rằm tháng Giêng), người dân đi lễ chùa rất đông.",
        "2024",
        {("2024-02-24", "XXXX-01-15", "solar", False)},
        id="solar-day-with-its-lunar-name",
    ),
    P(
        "Rằm tháng Tám (17/9), các em nhỏ rước đèn quanh xóm.",
        "2024",
        {("2024-09-17", "XXXX-08-15", "solar", False)},
        id="lunar-name-with-its-solar-day",
    ),
    P(
        "Mùng 2/9, cả nước kỷ niệm Quốc khánh.",
        "2024",
        {("2024-09-02", None, "solar", False)},
        id="mung-alone-is-solar",
    ),
    P(
        "Ngày 15 tháng 3 năm 2024, trường khai giảng khóa học mới.",
        None,
        {("2024-03-15", None, "solar", False)},
        id="words-without-lunar-mark-is-solar",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), LUNAR)
def test_lunar_dates(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert lunar_items(article) == expected, shown(article)


# --- issue #17: days and periods that recur every year --------------------------------------------

RECURRING = [
    P(
        "Ngày 15/5 hằng năm được chọn là ngày hội của thiếu nhi toàn huyện.",
        "2024",
        {("XXXX-05-15", None, "day", True)},
        id="day-hang-nam",
    ),
    P(
        "Mùa khô kéo dài từ tháng 11 đến tháng 4 hàng năm.",
        "2024",
        {("XXXX-11", "XXXX-04", "month", True)},
        id="range-across-the-new-year",
    ),
    P(
        "Đợt cao điểm du lịch kéo dài từ tháng 5 đến tháng 8 hàng năm.",
        "2024",
        {("XXXX-05", "XXXX-08", "month", True)},
        id="month-range-hang-nam",
    ),
    P(
        "Hằng năm, vào ngày 3/2, chi bộ tổ chức kết nạp đảng viên mới.",
        "2024",
        {("XXXX-02-03", None, "day", True)},
        id="hang-nam-before",
    ),
    P(
        "Xã mở hội đua thuyền vào ngày 8/8 âm lịch hằng năm.",
        "2024",
        {(None, None, "day", True)},
        id="lunar-and-recurring",
    ),
    P(
        "Ngày 15/5/2024, toàn huyện tổ chức ngày hội thiếu nhi.",
        None,
        {("2024-05-15", None, "day", False)},
        id="with-year-not-recurring",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), RECURRING)
def test_recurring_dates(run, text, published, expected) -> None:
    article = run(text, published=published)
    got = {(d.value, d.end_value, d.granularity, d.recurring) for d in article.dates}
    assert got == expected, shown(article)


# --- issue #17: clock times written HH:MM ----------------------------------------------------------

CLOCK = [
    P(
        "Vào lúc 19:40 ngày 7/5/2023, một vụ cháy xảy ra tại kho hàng.",
        None,
        {("2023-05-07T19:40", "time"), ("2023-05-07", "day")},
        id="hh-mm-before-day",
    ),
    P(
        "Cập nhật 08:15, 30/11/2022",
        None,
        {("2022-11-30T08:15", "time"), ("2022-11-30", "day")},
        id="update-stamp",
    ),
    P(
        "Đăng lúc 5 Tháng 7 2021 lúc 16:02",
        None,
        {("2021-07-05T16:02", "time"), ("2021-07-05", "day")},
        id="words-date-plain-year-then-time",
    ),
    P(
        "Ngày 9 tháng 1 2020 đội tuyển tập trung.",
        None,
        {("2020-01-09", "day")},
        id="words-date-plain-year",
    ),
    P(
        "Chung cuộc, đội khách thắng với tỷ số 3:01 sau loạt đá luân lưu.",
        "2021",
        set(),
        id="score-not-time",
    ),
    P(
        "Xe xuất phát lúc 06:30 và đến nơi vào buổi trưa.",
        "2021",
        set(),
        id="time-without-day-yields-nothing",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CLOCK)
def test_clock_times_hh_mm(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- issue #17: weeks and weekdays counted from a full publication date ---------------------------

RELATIVE_WEEKS = [
    # 2024-05-15 is a Wednesday of ISO week 20
    P(
        "Thứ Sáu tuần trước, công ty đã ký hợp đồng.",
        "2024-05-15",
        {("2024-05-10", "day")},
        id="weekday-last-week",
    ),
    P(
        "Thứ Ba tuần này, đoàn kiểm tra sẽ về xã.",
        "2024-05-15",
        {("2024-05-14", "day")},
        id="weekday-this-week",
    ),
    P(
        "Chủ nhật tuần sau, giải chạy sẽ khởi tranh.",
        "2024-05-15",
        {("2024-05-26", "day")},
        id="sunday-next-week",
    ),
    P("Thứ Hai tới, học sinh trở lại trường.", "2024-05-15", {("2024-05-20", "day")}, id="next-monday"),
    P(
        "Sáng thứ Bảy vừa qua, hội diễn văn nghệ bế mạc.",
        "2024-05-15",
        {("2024-05-11", "day")},
        id="last-saturday",
    ),
    P("Khoảng 2 tuần sau, kết quả sẽ được công bố.", "2024-05-15", {("2024-W22", "week")}, id="weeks-later"),
    P("Cách đây 4 tuần trước, mưa lớn gây ngập.", "2024-05-15", {("2024-W16", "week")}, id="weeks-ago"),
    P("Bệnh nhân phải điều trị trong 3 tuần sau phẫu thuật.", "2024-05-15", set(), id="duration-not-date"),
    P("Thứ Hai tới, học sinh trở lại trường.", "2024", set(), id="no-full-publication-date"),
    P("Đây là lần thứ hai tới thăm tỉnh bạn.", "2024-05-15", set(), id="ordinal-not-weekday"),
]


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE_WEEKS)
def test_relative_weeks_and_weekdays(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- issue #17: ranges written as two expressions, and dates after a document word ----------------

RANGES_17 = [
    P(
        "Lệnh cấm áp dụng từ sáng mai đến hết ngày 30/6.",
        "2024-06-10",
        {("2024-06-11", "day", "2024-06-30")},
        id="relative-start",
    ),
    P(
        "Ưu đãi có hiệu lực từ ngày 15-10 đến hết tháng 1-2025.",
        None,
        {("2024-10-15", "day", "2025-01")},
        id="year-from-the-end-across-new-year",
    ),
    P(
        "Đợt tiêm chủng kéo dài từ ngày 3/4 tới ngày 20/4/2023.",
        None,
        {("2023-04-03", "day", "2023-04-20")},
        id="day-to-day",
    ),
    P(
        "Các tháng 6 - 8 là thời điểm thu hoạch vải.",
        "2024",
        {("2024-06", "month", "2024-08")},
        id="month-dash-month",
    ),
    P(
        "Lũ thường về vào tháng 10-11/2020 ở miền Trung.",
        None,
        {("2020-10", "month", "2020-11")},
        id="month-dash-month-year",
    ),
    P(
        "Đội đã tập luyện 5/6 buổi trong tháng 3 - 4 ngày gần đây.",
        "2024",
        {("2024-03", "month", None)},
        id="month-then-count-is-no-range",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), RANGES_17)
def test_ranges_of_two_expressions(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert with_end(article) == expected, shown(article)


AFTER_DOCUMENT_WORD = [
    P(
        "Bộ sẽ hoàn thiện đề án đến tháng 6/2025 trình Chính phủ.",
        None,
        {("2025-06", "month")},
        id="de-an-den-thang",
    ),
    P(
        "Sở xây dựng kế hoạch trong năm 2024 để triển khai.",
        None,
        {("2024", "year")},
        id="ke-hoach-trong-nam",
    ),
    P(
        "Theo Kế hoạch 15/2024 của UBND tỉnh, các xã rà soát hộ nghèo.",
        None,
        set(),
        id="document-number-still-no-date",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), AFTER_DOCUMENT_WORD)
def test_dates_after_a_document_word(run, text, published, expected) -> None:
    article = run(text, published=published)
    assert scored(article) == expected, shown(article)


# --- issue #17: spans start and end on the expression ----------------------------------------------

SPANS = [
    P(
        "Tin vắn\n\nCông trình đã xong.\n12/5, đoàn nghiệm thu về xã.",
        "2024",
        "12/5",
        id="paragraph-opening-day",
    ),
    P(
        "Tin vắn\n\nCông trình đã xong.\n(12/5) đoàn nghiệm thu về xã.",
        "2024",
        "(12/5)",
        id="paragraph-opening-bracket",
    ),
    P(
        "Buổi gặp mặt diễn ra vào Thứ Tư (12/6) tại nhà văn hóa.",
        "2024",
        "Thứ Tư (12/6)",
        id="weekday-bracket",
    ),
    P(
        "Sáng Chủ nhật (16/6), đoàn viên ra quân dọn rác.",
        "2024",
        "Sáng Chủ nhật (16/6)",
        id="pod-weekday-bracket",
    ),
    P("Hội thao kết thúc vào thứ Sáu\n(14/6) vừa qua.", "2024", "(14/6)", id="weekday-on-the-line-before"),
]


@pytest.mark.parametrize(("text", "published", "expected"), SPANS)
def test_spans_are_trimmed_and_balanced(run, text, published, expected) -> None:
    article = run(text, published=published)
    texts = [d.text for d in article.dates]
    assert texts == [expected], shown(article)
    for d in article.dates:
        assert d.text == d.text.strip() and d.text.count("(") == d.text.count(")")


EVENT_DATES_17 = [
    P(
        None,
        "Ngày 12/6 âm lịch hằng năm, làng mở hội. Sáng 3/7, tại đình làng, Ban Tổ chức họp triển khai lễ hội.",
        "2024",
        "2024-07-03",
        id="recurring-never-event-date",
    ),
    P(
        None,
        "Ngày 20/10 hằng năm, hội phụ nữ tổ chức gặp mặt.",
        "2024",
        None,
        id="only-a-recurring-day",
    ),
    P(
        None,
        "Mùng 6 tháng Giêng, người dân đi lễ hội. Sáng 15/2, tại nhà văn hóa, xã tổ chức hội thi gói bánh.",
        "2024",
        "2024-02-15",
        id="solar-beats-lunar",
    ),
    P(
        None,
        "Sáng rằm tháng Giêng, tại chùa Bà, hàng nghìn người dâng hương.",
        "2024",
        "2024-02-24",
        id="lunar-when-nothing-else",
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "expected"), EVENT_DATES_17)
def test_event_date_lunar_and_recurring(run, title, text, published, expected) -> None:
    article = run(text, published=published, title=title)
    assert article.event.date == expected, shown(article)
