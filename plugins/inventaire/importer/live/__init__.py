"""``inventaire live``: the day's posts collected as they are written.

One module per source (:mod:`.mastodon`, :mod:`.bluesky`, :mod:`.folder`), each
turning what it fetched into the import's own records through the import's readers
(``importer/sources``); :mod:`.land` passes those records through the import's rules
(``importer/curation``: the day, the hashtags, duplicates, the register of
withdrawals, places, the merge that never overwrites an editor) into the editors'
files. :mod:`.cursors` keeps where each source stopped, so that a restart neither
loses nor repeats a post; :mod:`.retry` waits out network errors and rate limits;
:mod:`.scheduler` runs the passes until the end of the day; :mod:`.watch` says which
posts (selected, or marked for a crier) the network sources re-check upstream in
rotation, since a source's newest page shows only the latest edits and deletions.
"""
