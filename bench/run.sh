#!/usr/bin/env bash
# Benchmark harness. Usage: bench/run.sh [event-latency] [RATE] [SECONDS] [RUNS]
# Starts its own embedded PostgreSQL, forked Kafka broker and service processes (nothing needs to run beforehand),
# repeats the scenario RUNS times and writes bench/RESULTS.md (median and spread of every figure).
# Defaults: 200 writes/s for 30 s, 5 runs. BENCH_RESULTS=path writes the results elsewhere (CI smoke runs).
# Keep it out of the test run: it is slow by design.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
scenario="${1:-event-latency}"; rate="${2:-200}"; seconds="${3:-30}"; runs="${4:-5}"
cd "$root"
if [ ! -f agreements-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f bench/target/classpath.txt ]; then
  ./mvnw -q -B -DskipTests package
fi
case "$scenario" in
  event-latency) main=org.eurasia.registry.bench.EventLatencyBenchmark ;;
  *) echo "unknown scenario $scenario" >&2; exit 64 ;;
esac
out=$(mktemp)
java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$root" "$rate" "$seconds" "$runs" | tee "$out"

python3 - "$out" "$rate" "$seconds" "$runs" > "${BENCH_RESULTS:-$here/RESULTS.md}" <<'PY'
import re, statistics, sys, platform, subprocess, os
out, rate, seconds, runs = sys.argv[1:5]
rows = [dict(kv.split('=') for kv in line.split()[1:]) for line in open(out) if line.startswith('RESULT')]
def fig(key):
    vals = [float(r[key]) for r in rows]
    return f"{statistics.median(vals):.1f} (min {min(vals):.1f}, max {max(vals):.1f})"
cpu = next((l.split(':',1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
java = subprocess.run(['java','-version'], capture_output=True, text=True).stderr.splitlines()[0]
print("# Benchmark results\n")
print("Produced by `bench/run.sh`; re-run it to refresh this file. Figures are the median of the runs, with min and max.\n")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {round(os.sysconf('SC_PAGE_SIZE')*os.sysconf('SC_PHYS_PAGES')/2**30)} GiB")
print(f"- Software: {java}; Quarkus 3.33.2; PostgreSQL 17.11 (embedded); Kafka 4.1.2 (single KRaft node); all on this machine")
print(f"- Runs: {len(rows)} of {seconds} s at {rate} writes/s, after a 10 s warm-up at 100 writes/s\n")
print("## Event latency: commit in agreements-service → record consumed by another process\n")
print("Target (issue 3 and 8): p50 ≤ 20 ms, p99 ≤ 100 ms at 200 writes/s.\n")
print("| figure | value |\n|---|---|")
print(f"| writes acknowledged per run | {fig('writes')} |")
print(f"| failed writes per run | {fig('failed')} |")
print(f"| events consumed per run | {fig('events')} |")
print(f"| achieved write rate (/s) | {fig('achieved_rate')} |")
print(f"| latency p50 (ms) | {fig('p50_ms')} |")
print(f"| latency p99 (ms) | {fig('p99_ms')} |")
print(f"| latency max (ms) | {fig('max_ms')} |")
print("\nLatency is measured from the event's `ce_time` (set inside the writing transaction, just before commit) to the")
print("moment a consumer in the benchmark JVM received it, so it covers commit, NOTIFY, relay, broker and consumer.")
print("The load generator, the service, PostgreSQL and Kafka share the same two cores.")
PY
echo "Wrote ${BENCH_RESULTS:-bench/RESULTS.md}"
