"""python -m checks [ROOT]: check the project's sources (ROOT: the current folder).
A mistake is printed as one message and the exit status is 1; nothing is printed
when all is well."""

import sys
from pathlib import Path

from . import SourceError, check_site


def main(argv: list) -> int:
    if len(argv) > 1:
        print("usage: python -m checks [ROOT]", file=sys.stderr)
        return 2
    try:
        check_site(Path(argv[0] if argv else "."))
    except SourceError as error:
        print(f"checks: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a file that cannot be opened at all: say which
        print(f"checks: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
