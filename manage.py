#!/usr/bin/env python
"""Django's command-line utility for the archive."""

import os
import sys

# Commands that need nothing of Django, answered without loading it (loading the apps costs
# seconds of CPU); their Django forms remain for call_command.
DJANGO_FREE_COMMANDS = {"parse": "resolutions.parsing.cli"}


def main() -> None:
    """Run a management command."""
    module = DJANGO_FREE_COMMANDS.get(sys.argv[1]) if len(sys.argv) > 1 else None
    if module is not None:
        from importlib import import_module

        sys.exit(import_module(module).main(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
