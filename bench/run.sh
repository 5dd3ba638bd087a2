#!/usr/bin/env bash
# Benchmark harness (issue 8). Usage:
#   bench/run.sh suite [SCALE] [SECONDS] [RUNS]       the whole suite at SCALE (1 = 1,000,000 agreements, 5,000,000
#                                                    mobilities, 200,000 events) and at SCALE/10, every scenario next
#                                                    to pgbench / Kafka's producer on the same machine
#   bench/run.sh event-latency [RATE] [SECONDS] [RUNS]  commit → consumed latency only, on an empty database
#   bench/run.sh webhook-latency [RATE] [SECONDS] [RUNS]  commit → partner's webhook receiver, on an empty database
# Starts its own embedded PostgreSQL, forked Kafka broker and service processes (nothing needs to run beforehand),
# repeats each measurement RUNS times and writes bench/RESULTS.md (median and spread of every figure).
# BENCH_RESULTS=path writes the results elsewhere (CI smoke runs). Needs wrk and pgbench/psql (apt: wrk,
# postgresql-client). The generated data is kept per scale in bench/target/suite-SCALE (delete it to regenerate).
# Keep it out of the test run: it is slow by design.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
scenario="${1:-suite}"
cd "$root"
# The harness and the services run on the JDK deploy/local/runtime-java.sh picks (Java 25 where there is one); the
# build stays on the default JDK.
. "$root/deploy/local/runtime-java.sh"
runtime_major=$("$RUNTIME_JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
echo "bench: services run on $("$RUNTIME_JAVA" -version 2>&1 | head -1) ($RUNTIME_JAVA)"
# On Java 25 ServiceProcess makes each service's AOT cache from a training run at its first start after a build. On
# Java 17 the services are packaged with an AppCDS archive instead (class data mapped at start rather than loaded and
# verified); a build without it (the plain test run) is repackaged once.
needs_package=0
[ -f bench/target/classpath.txt ] && [ -f bench/peer/target/quarkus-app/quarkus-run.jar ] || needs_package=1
if [ "$runtime_major" -lt 25 ]; then
  for s in agreements-service exchange-service events-service bench/peer; do
    [ -f "$s/target/quarkus-app/app-cds.jsa" ] || needs_package=1
  done
fi
if [ "$needs_package" = 1 ]; then
  if [ "$runtime_major" -lt 25 ]; then
    ./mvnw -q -B -DskipTests -Dquarkus.package.jar.appcds.enabled=true package
  else
    ./mvnw -q -B -DskipTests package
  fi
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
out=$(mktemp)
results="${BENCH_RESULTS:-$here/RESULTS.md}"

case "$scenario" in
  event-latency)
    rate="${2:-200}"; seconds="${3:-30}"; runs="${4:-5}"
    "$RUNTIME_JAVA" -Xmx512m -cp "$cp" org.eurasia.registry.bench.EventLatencyBenchmark "$root" "$rate" "$seconds" "$runs" | tee "$out"
    python3 "$here/report.py" event-latency "$out" "$rate" "$seconds" > "$results"
    ;;
  webhook-latency)
    rate="${2:-100}"; seconds="${3:-30}"; runs="${4:-5}"
    "$RUNTIME_JAVA" -Xmx512m -cp "$cp" org.eurasia.registry.bench.WebhookLatencyBenchmark "$root" "$rate" "$seconds" "$runs" | tee "$out"
    python3 "$here/report.py" webhook-latency "$out" "$rate" "$seconds" > "$results"
    ;;
  suite)
    scale="${2:-1}"; seconds="${3:-20}"; runs="${4:-3}"
    for tool in wrk pgbench psql; do
      command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install wrk postgresql-client)" >&2; exit 69; }
    done
    small=$(python3 -c "from decimal import Decimal; print(format(Decimal('$scale') / 10, 'f'))")
    for s in "$scale" "$small"; do
      echo "== scale $s" | tee -a "$out"
      "$RUNTIME_JAVA" -Xmx1g -cp "$cp" org.eurasia.registry.bench.SuiteBenchmark "$root" "$s" "$seconds" "$runs" "${BENCH_SCENARIOS:-}" \
        | sed -u "s/^RESULT /RESULT scale=$s /" | tee -a "$out"
    done
    # BENCH_SCENARIOS=search,... re-measures only those scenarios: their lines replace the earlier ones in the raw log
    # (bench/target/suite-results.log) and the report is rendered from the merged log.
    raw="$root/bench/target/suite-results-$scale.log"
    python3 "$here/report.py" merge "$raw" "$out" "${BENCH_SCENARIOS:-}"
    python3 "$here/report.py" suite "$raw" "$scale" "$small" "$seconds" "$runs" "$root/bench/target" > "$results"
    ;;
  *) echo "unknown scenario $scenario" >&2; exit 64 ;;
esac
echo "Wrote $results"
