"""Settings for the published site: the preview's, minus the candidates."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = "https://jdtap.example.org"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
INVENTAIRE_SHOW_CANDIDATES = False

