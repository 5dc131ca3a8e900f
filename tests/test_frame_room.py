"""``with_frame_room`` (reports/rendering/pdf.py), which every PDF render runs with: deep calls that go up
and down across a chunk boundary of CPython's frame stack map no new memory each time."""

import resource
import sys

import pytest

from reports.rendering.pdf import with_frame_room


def _descend(depth):
    if depth:
        _descend(depth - 1)


def _up_and_down():
    # Down to every depth up to 400 frames (more than two 16 KB chunks of ~100-byte frames) and back,
    # as WeasyPrint's layout recursion does: whichever depth a chunk boundary sits at is crossed 200 times.
    for _ in range(5):
        for depth in range(0, 400, 10):
            _descend(depth)


def _page_faults(function):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    function()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_deep_calls_with_frame_room_map_no_new_stack_memory():
    _up_and_down()  # whatever a first run touches for the first time
    with_room = _page_faults(with_frame_room(_up_and_down))
    without = _page_faults(_up_and_down)
    assert with_room < 50
    if sys.version_info < (3, 13):  # 3.13 and 3.14 keep a freed chunk back (CPython gh-142183)
        assert without > 150, "the control: Python 3.11 maps and faults in a chunk at each crossing"


def test_a_function_with_frame_room_gets_its_arguments_and_returns_or_raises_as_itself():
    @with_frame_room
    def divide(numerator, *, denominator):
        """Divides."""
        return numerator / denominator

    assert divide(6, denominator=3) == 2
    assert divide.__name__ == "divide" and divide.__doc__ == "Divides."
    with pytest.raises(ZeroDivisionError):
        divide(1, denominator=0)
