"""Bulk generation: how fast `generate_articles` fills SQLite, and whether memory stays flat."""

import argparse

from tests.benchmarks.common import bench_env, manage


def main(argv):
    parser = argparse.ArgumentParser(prog="bench_generate")
    parser.add_argument("--articles", type=int, default=100_000)
    args, _ = parser.parse_known_args(argv)
    env = bench_env()
    manage(env, "migrate", "--no-input")
    # Peak memory of a tenth of the run against the whole run shows whether it grows with N.
    small = max(1, args.articles // 10)
    seconds_small, peak_small = manage(env, "generate_articles", str(small))
    env = bench_env()
    manage(env, "migrate", "--no-input")
    seconds, peak = manage(env, "generate_articles", str(args.articles))
    print(
        f"generate_articles {args.articles}: {seconds:.1f} s "
        f"({args.articles / seconds:,.0f} stories/s), peak RSS {peak:.0f} MiB; "
        f"{small}: {seconds_small:.1f} s, peak RSS {peak_small:.0f} MiB"
    )
