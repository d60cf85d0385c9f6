"""Garbage collector settings for the processes that serve requests (config/wsgi.py, not tests or commands).

A loaded site holds some 200,000 objects that live as long as the process: modules, models, URL
patterns, compiled templates and statements. Every full collection walked all of them: 105-130 ms
once every few hundred requests of the API listing or the search, the tail of their p99. After the
first request, when nearly all of them exist, they are collected once and frozen (`gc.freeze()`: left
out of every later collection). The youngest generation is collected after 5,000 new objects instead
of 700: an API listing of 20 pages keeps thousands of objects alive while it is built, and with the
default each collection walked them again (0.84 ms of collector time per request; with both
settings 0.35 ms, measured with gc.callbacks on the benchmark database).
"""

import gc

from django.core.signals import request_finished

YOUNG_GENERATION_THRESHOLD = 5000


def _freeze_after_first_request(**kwargs):
    # The response has been sent when request_finished fires: the first visitor does not wait for this.
    request_finished.disconnect(_freeze_after_first_request)
    gc.collect()
    gc.freeze()


def tune():
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *older)
    request_finished.connect(_freeze_after_first_request, weak=False)
