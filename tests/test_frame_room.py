"""``with_frame_room`` (reports/rendering/tuning.py), which every PDF render runs with: deep calls that go
up and down across a chunk boundary of CPython's frame stack map no new memory each time. On a CPython
with the fix of gh-142183 (3.13.13, 3.14.4 and later) the decorator gives the function back itself."""

import resource
import sys

import pytest

from reports.rendering import tuning
from reports.rendering.tuning import with_frame_room


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
    if tuning.frame_stack_thrashes():  # where the decorator does something, the control shows why
        assert without > 150, "the control: this Python maps and faults in a chunk at each crossing"


def test_a_function_with_frame_room_gets_its_arguments_and_returns_or_raises_as_itself():
    @with_frame_room
    def divide(numerator, *, denominator):
        """Divides."""
        return numerator / denominator

    assert divide(6, denominator=3) == 2
    assert divide.__name__ == "divide" and divide.__doc__ == "Divides."
    with pytest.raises(ZeroDivisionError):
        divide(1, denominator=0)


@pytest.mark.parametrize(
    ("version", "wrapped"),
    [
        ((3, 11, 2), True),
        ((3, 12, 1), True),
        ((3, 13, 0), True),  # measured: 500 faults without the room, as 3.11
        ((3, 13, 12), True),
        ((3, 13, 13), False),
        ((3, 14, 3), True),
        ((3, 14, 4), False),
        ((3, 15, 0), False),
    ],
)
def test_the_room_is_made_only_on_the_cpythons_that_free_chunks_eagerly(monkeypatch, version, wrapped):
    monkeypatch.setattr(sys, "version_info", (*version, "final", 0))

    def render():
        return "pdf"

    decorated = with_frame_room(render)
    assert (decorated is not render) == wrapped
    assert decorated() == "pdf"
