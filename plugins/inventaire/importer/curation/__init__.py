"""From imported posts to the editors' files: the day, duplicates, places, merging."""
