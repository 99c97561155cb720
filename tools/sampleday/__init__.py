"""Helpers of ``tools/make_sample_day.py``: the sample day shipped in ``content/``.

Every module is deterministic: randomness comes from one seeded ``random.Random``
passed around, so that the generator writes byte-identical files on every run.
"""
