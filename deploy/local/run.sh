#!/usr/bin/env bash
# Runs the whole suite locally with only a JDK: embedded PostgreSQL, a forked Kafka broker, the three services.
# Builds what is missing first. Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
# Environment: REGISTRY_PG_PORT (5433), REGISTRY_KAFKA_PORT (9092), REGISTRY_KAFKA_CONTROLLER_PORT (9093),
# REGISTRY_AGREEMENTS_PORT (8081), REGISTRY_EXCHANGE_PORT (8082), REGISTRY_EVENTS_PORT (8083),
# REGISTRY_REBUILD=1 to rebuild even when the jars exist; REGISTRY_JAVA_HOME to run on another JDK (runtime-java.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

"$here/token.sh" --keys-only

needs_build=${REGISTRY_REBUILD:-0}
for jar in agreements-service exchange-service events-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || needs_build=1
done
[ -f "$here/target/classpath.txt" ] || needs_build=1
if [ "$needs_build" = 1 ]; then
  echo "[local-stack] Building the suite (tests skipped; run them with ./mvnw verify)..."
  ./mvnw -q -B -DskipTests package
fi

# The launcher, and so the services it forks, run on the JDK runtime-java.sh picks: Java 25 where there is one (each
# service then starts from an AOT cache, made by a training run at its first start after a build), else the default.
. "$here/runtime-java.sh"
echo "[local-stack] Services run on $("$RUNTIME_JAVA" -version 2>&1 | head -1) ($RUNTIME_JAVA)"
exec "$RUNTIME_JAVA" -Xmx256m -XX:+UseSerialGC -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.eurasia.registry.local.LocalStack "$root"
