"""
`make bench`: runs every benchmark module here (bench_*.py) in turn and prints its figures.

Each module has a `main(args)` function; `make bench BENCH_ARGS="generate --articles 5000"`
runs only the modules whose names contain one of the words given, with their options.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv):
    first_option = next((i for i, word in enumerate(argv) if word.startswith("-")), len(argv))
    wanted, options = argv[:first_option], argv[first_option:]
    names = sorted(
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if module.name.startswith("bench_")
    )
    for name in names:
        if wanted and not any(word in name for word in wanted):
            continue
        print(f"== {name}", flush=True)
        importlib.import_module(f"tests.benchmarks.{name}").main(options)


if __name__ == "__main__":
    main(sys.argv[1:])
