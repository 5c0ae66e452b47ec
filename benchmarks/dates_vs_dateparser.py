"""Dates: vnnews's tagger against dateparser's search_dates on the shared dev set.

Prints the referee's dates and event_date scores for both side by side, their time per article
and the ratio, and the time the dates component adds to vnnews's pipeline per article.

    python benchmarks/dates_vs_dateparser.py
"""

from __future__ import annotations

import time

from _shared import dev_articles, require_shared, score, timed, vnnews_records


def dateparser_records(articles: list[dict]) -> tuple[dict[str, dict], float]:
    """What dateparser.search.search_dates finds, as day-granularity records, and seconds taken."""
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    records: dict[str, dict] = {}
    start = time.perf_counter()
    for a in articles:
        text = f"{a['title']}\n\n{a['text']}"
        found = search_dates(text, languages=["vi"], settings=settings) or []
        dates = [{"value": d.date().isoformat(), "granularity": "day", "text": s} for s, d in found]
        records[a["id"]] = {
            "id": a["id"],
            "dates": dates,
            "event": {"date": dates[0]["value"] if dates else None},
        }
    return records, time.perf_counter() - start


def dates_component_seconds(extractor, items) -> float:
    """Seconds the dates component alone takes over the articles (best of 5)."""
    docs = [extractor._doc(i) for i in items]  # tokenized, with their sections
    dates = extractor.nlp.get_pipe("vnnews_dates")
    return timed(lambda: [dates(d) for d in docs], repeat=5)


def main() -> None:
    """Run both taggers and print the comparison table."""
    require_shared()
    articles = dev_articles()
    n = len(articles)
    ours, total, extractor, items = vnnews_records(articles)
    dates_time = dates_component_seconds(extractor, items)
    theirs, theirs_time = dateparser_records(articles)
    fields = ["dates", "event_date"]
    s_ours, s_theirs = score(ours, fields), score(theirs, fields)
    print(f"{n} dev articles")
    print(f"{'':<22}{'dates P':>9}{'R':>7}{'F1':>7}{'event F1':>10}{'ms/article':>12}")
    for name, s, t in (("vnnews (whole record)", s_ours, total), ("dateparser", s_theirs, theirs_time)):
        d, e = s["dates"], s["event_date"]
        print(f"{name:<22}{d['p']:>9.3f}{d['r']:>7.3f}{d['f1']:>7.3f}{e['f1']:>10.3f}{1000 * t / n:>12.2f}")
    print(f"dateparser time / vnnews time (whole record): {theirs_time / total:.1f}x")
    print(
        f"vnnews dates component alone: {1000 * dates_time / n:.3f} ms/article "
        f"({100 * dates_time / total:.1f}% of the whole pipeline)"
    )


if __name__ == "__main__":
    main()
