"""Settings for the published site: pelicanconf.py's, with the site's absolute address."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = "https://jdtap.example.org"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
INVENTAIRE_SHOW_CANDIDATES = False

