"""Benchmark: the triage analysis of one complaint, on one CPU core.

Per complaint, what a triage run computes from the text (without the database writes), the
way `mizan.triage.engine.run_triage` does it: one shared analysis of the text (normalised and
tokenised once), category guesses (the lexicon) and urgency signals from it, personal-data
spans, and the MinHash signature of its shingles with the LSH band keys. Complaints come from
bench/generate.py (fixed seed).

    .venv/bin/python bench/triage_speed.py [--n 2000] [--seed 0] [--repeat 5]

Prints one JSON object: p50/p95 ms per complaint (each timed alone), throughput of the same
analysis over the whole batch (complaints/s of wall-clock time; the batch is run `--repeat`
times, the best, median and worst are given, and the median per second of CPU time the process
got), and the process's peak RSS. Not a test.
"""

import os

# One core: numpy's BLAS must not start threads of its own, and the process stays on CPU 0.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5, help="batch runs (best and median are reported)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import django

    django.setup()
    from django.utils import translation
    from generate import complaints

    from mizan.lib.pii import find_pii
    from mizan.triage.lexicon import LexiconClassifier, analyse_text, detect_urgency
    from mizan.triage.minhash import SHINGLE_SIZE, band_keys, signature_of_shingles

    translation.activate("ar")
    lexicon = LexiconClassifier()
    texts = [c["text"] for c in complaints(args.n, args.seed)]

    def analyse(text):
        prepared = analyse_text(text)
        return (lexicon.predict(prepared), detect_urgency(prepared), find_pii(text),
                band_keys(signature_of_shingles(prepared.shingles(SHINGLE_SIZE))))

    for text in texts[:50]:  # warm the lexicon indexes and stemmer caches
        analyse(text)
    rss_before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    per_doc = []
    for text in texts:
        started = time.perf_counter()
        analyse(text)
        per_doc.append((time.perf_counter() - started) * 1000)

    rates, cpu_rates = [], []
    for _run in range(max(args.repeat, 1)):
        started, cpu_started = time.perf_counter(), time.process_time()
        for text in texts:
            analyse(text)
        rates.append(args.n / (time.perf_counter() - started))
        cpu_rates.append(args.n / (time.process_time() - cpu_started))

    per_doc.sort()
    print(json.dumps({
        "n": args.n,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "mean_chars": round(statistics.mean(len(t) for t in texts)),
        "p50_ms": round(statistics.median(per_doc), 3),
        "p95_ms": round(per_doc[int(0.95 * (len(per_doc) - 1))], 3),
        "max_ms": round(per_doc[-1], 3),
        "batch_runs": len(rates),
        "batch_per_second_best": round(max(rates), 1),
        "batch_per_second_median": round(statistics.median(rates), 1),
        "batch_per_second_worst": round(min(rates), 1),
        # Complaints per second of CPU time the process actually got: on a shared machine the
        # wall-clock rate also counts the time other processes held the core.
        "batch_per_cpu_second_median": round(statistics.median(cpu_rates), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_warmup_mb": round(rss_before_kb / 1024, 1),
        "targets": {"p50_ms": 5, "batch_per_second": 300},
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
