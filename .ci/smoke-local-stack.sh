#!/usr/bin/env bash
# Starts deploy/local/run.sh, waits until all three services report ready on their management interface, fetches each
# OpenAPI document from the public port (which serves no health or metrics), stops the stack with SIGTERM and checks
# that nothing it started is left running. On Java 25 (deploy/local/runtime-java.sh) each service must have made its AOT
# cache from a training run at its first start after the build, and started from it.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
ports=(8081 8082 8083)
management_ports=(9081 9082 9083)

setsid deploy/local/run.sh >"$log" 2>&1 &
stack=$!
cleanup() { kill -TERM "$stack" 2>/dev/null || true; }
trap cleanup EXIT

# The first start after a build includes each service's AOT training run on Java 25 (about half a minute each).
deadline=$((SECONDS + 480))
for port in "${management_ports[@]}"; do
  until ready=$(curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null) && grep -q '"status": "UP"' <<<"$ready"; do
    if ! kill -0 "$stack" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "Local stack did not become ready:" >&2; cat "$log" >&2
      tail -50 deploy/local/.logs/*.log >&2 || true
      exit 1
    fi
    sleep 2
  done
  echo "port $port ready"
done
. deploy/local/runtime-java.sh
runtime_major=$("$RUNTIME_JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${runtime_major%%.*}" -ge 25 ]; then
  for service in agreements-service exchange-service events-service; do
    # Written by a training run at this first start after the build, or (a second run on the same build) reused.
    grep -Eq "^\[aot\] $service: (app-[0-9a-f-]+\.aot written|starts from app-[0-9a-f-]+\.aot)" "$log" \
      || { echo "$service made no AOT cache on Java $runtime_major:" >&2; cat "$log" >&2; exit 1; }
    # A cache the JVM cannot map is an [error][aot] line in the service's log (the service then starts without it).
    if grep -q '\[error *\]\[aot' "deploy/local/.logs/$service.log"; then
      echo "$service did not start from its AOT cache:" >&2; grep '\[aot' "deploy/local/.logs/$service.log" >&2; exit 1
    fi
  done
  echo "each service made its AOT cache on Java $runtime_major and started from it"
fi
for port in "${ports[@]}"; do
  # Read the whole document before matching: grep -q would close the pipe early and, with pipefail, fail curl.
  doc=$(curl -fsS "http://127.0.0.1:$port/q/openapi") || { echo "no OpenAPI document on $port" >&2; exit 1; }
  grep -q '^openapi: 3' <<<"$doc" || { echo "no OpenAPI document on $port" >&2; exit 1; }
  curl -fsS -o /dev/null "http://127.0.0.1:$port/q/swagger-ui/" || { echo "no Swagger UI on $port" >&2; exit 1; }
  for path in /q/health/ready /q/metrics; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
    [ "$status" = 404 ] || { echo "$path is served on the public port $port ($status)" >&2; exit 1; }
  done
done
for port in "${management_ports[@]}"; do
  metrics=$(curl -fsS "http://127.0.0.1:$port/q/metrics") || { echo "no metrics on $port" >&2; exit 1; }
  grep -q '^registry_outbox_backlog' <<<"$metrics" || { echo "no outbox backlog in the metrics on $port" >&2; exit 1; }
done
token=$(deploy/local/token.sh registry.local registrar)
code="smoke$RANDOM.edu.pk"
curl -fsS -o /dev/null -X POST http://127.0.0.1:8081/api/v1/organizations -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"kind\":\"UNIVERSITY\",\"names\":{\"en\":\"Smoke test\"},\"country\":\"PK\"}" \
  || { echo "a registrar could not register an organization" >&2; exit 1; }
# The attack that opened issue 15, against the running stack: a partner of cuc.edu.cn amends the public PK-BY
# ministries' memorandum it is no party to. Refused (403), and the memorandum is unchanged.
cuc=$(deploy/local/token.sh cuc.edu.cn partner)
mou=http://127.0.0.1:8081/api/v1/agreements/5eed0000-0000-4000-8000-0000000a0002
before=$(curl -fsS "$mou")
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$mou/amendments" -H "Authorization: Bearer $cuc" \
  -H 'Content-Type: application/json' \
  -d '{"code":"CN-PK/AMD/2026/X-001","terms":{"kind":"AMENDMENT","title":{"en":"Hostile amendment"},"parties":[{"organizationCode":"cuc.edu.cn","role":"SIGNATORY"},{"organizationCode":"qau.edu.pk","role":"OBSERVER"}]}}')
[ "$status" = 403 ] || { echo "a partner of cuc.edu.cn could draft an amendment of the ministries' memorandum ($status)" >&2; exit 1; }
[ "$(curl -fsS "$mou")" = "$before" ] || { echo "the ministries' memorandum changed" >&2; exit 1; }
echo "local stack serves its API and contracts, and refuses a hostile amendment"

kill -TERM "$stack"
for _ in $(seq 1 60); do kill -0 "$stack" 2>/dev/null || break; sleep 1; done
trap - EXIT
left=$(pgrep -f 'quarkus-run.jar|kafka\.Kafka|deploy/local/.data/postgres|org.eurasia.registry.local.LocalStack' || true)
if [ -n "$left" ]; then
  echo "Processes left running after stop:" >&2; ps -o pid,args -p $(echo $left | tr ' ' ',') >&2
  exit 1
fi
for port in 5433 9092 "${ports[@]}" "${management_ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port still open after stop" >&2; exit 1; fi
done
cat "$log"
echo "local stack stopped cleanly"
