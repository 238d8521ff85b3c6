"""The period of the time views: the programme's own unless the command line says otherwise."""

import datetime as dt

import pytest

from medgraph.errors import MedgraphError
from medgraph.graph.period import ALL, PROGRAMME, in_period, parse_period


def test_the_command_line_writes_a_period_as_programme_all_or_start_to_end():
    assert parse_period(PROGRAMME) == PROGRAMME
    assert parse_period(ALL) is None
    assert parse_period("2018-01-01..2019-06-30") == (dt.date(2018, 1, 1), dt.date(2019, 6, 30))
    assert parse_period("..2019-06-30") == (None, dt.date(2019, 6, 30))


@pytest.mark.parametrize("text", ["2019", "..", "2019-13-01..", "2020-01-01..2019-01-01", "soon"])
def test_a_period_that_is_none_of_these_is_one_line(text):
    with pytest.raises(MedgraphError, match=r"^--period: expected programme, all or START\.\.END"):
        parse_period(text)


def test_both_ends_of_a_period_are_in_it():
    period = (dt.date(2017, 1, 1), dt.date(2020, 12, 31))
    assert [in_period(d, period) for d in (dt.date(2016, 12, 31), dt.date(2017, 1, 1), dt.date(2020, 12, 31))] == [
        False, True, True]
