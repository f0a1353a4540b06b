from datetime import date

import pytest

from site_plugins.model import PubDate
from site_plugins.render.dates import format_pubdate, format_span, iso_span


@pytest.mark.parametrize("earliest, latest, de, en, iso", [
    (date(2025, 1, 31), date(2025, 1, 31), "31. Januar 2025", "January 31, 2025", "2025-01-31"),
    (date(2025, 1, 21), date(2025, 1, 31), "Ende Januar 2025", "late January 2025", "2025-01-21"),
    (date(2025, 2, 1), date(2025, 2, 10), "Anfang Februar 2025", "early February 2025", "2025-02-01"),
    (date(2024, 6, 1), date(2024, 6, 30), "Juni 2024", "June 2024", "2024-06"),
    (date(2025, 4, 1), date(2025, 6, 30), "2. Quartal 2025", "2nd quarter 2025", "2025-04-01"),
    (date(2023, 1, 1), date(2023, 12, 31), "2023", "2023", "2023"),
    (date(2025, 1, 27), date(2025, 1, 29), "27.–29. Jan. 2025", "Jan 27\u2009–\u200929, 2025", "2025-01-27"),
    (date(2025, 1, 31), date(2025, 2, 28), "31. Jan.\u2009–\u200928. Feb. 2025", "Jan 31\u2009–\u2009Feb 28, 2025", "2025-01-31"),
])
# babel (CLDR) puts thin spaces (U+2009) around the range dash
def test_spans_read_like_a_newspaper(earliest, latest, de, en, iso):
    assert format_span(earliest, latest, "de") == de
    assert format_span(earliest, latest, "en") == en
    assert iso_span(earliest, latest) == iso


def test_publication_dates_show_only_what_is_known():
    assert format_pubdate(PubDate(2025, 2), "de") == "Februar 2025"
    assert format_pubdate(PubDate(2025, 2), "en") == "February 2025"
    assert format_pubdate(PubDate(2025, 2, 1), "en") == "February 1, 2025"
    assert (PubDate(2025, 2).earliest, PubDate(2025, 2).latest) == (date(2025, 2, 1), date(2025, 2, 28))
