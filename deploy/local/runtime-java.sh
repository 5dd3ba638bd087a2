# Sourced by deploy/local/run.sh and bench/run.sh: picks the JDK the services run on and sets RUNTIME_JAVA to its
# java. The build stays on the default JDK (Maven, release 17); the runtime is Java 25 where there is one, so the
# services start from an AOT cache (JEP 483/514/515) that ServiceProcess builds from a training run.
#   1. REGISTRY_JAVA_HOME, when set (any JDK from 17 on);
#   2. else the newest JDK 25 or later under /usr/lib/jvm (Temurin 25 on this kind of machine);
#   3. else the java on the PATH (JDK 17: AppCDS instead of the AOT cache).
runtime_java_pick() {
  if [ -n "${REGISTRY_JAVA_HOME:-}" ]; then
    [ -x "$REGISTRY_JAVA_HOME/bin/java" ] || { echo "REGISTRY_JAVA_HOME=$REGISTRY_JAVA_HOME has no bin/java" >&2; return 1; }
    echo "$REGISTRY_JAVA_HOME/bin/java"
    return
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/*/; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best="${home%/}/bin/java"; best_major=$major
    fi
  done
  echo "${best:-java}"
}
RUNTIME_JAVA=$(runtime_java_pick)
export RUNTIME_JAVA
