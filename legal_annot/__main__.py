"""Run the legal-annot command: ``python -m legal_annot``."""

import sys

from legal_annot.cli import main

sys.exit(main())
