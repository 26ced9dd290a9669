#!/usr/bin/env bash
# Runs SideBySide (or another main class of this module: BENCH_MAIN=...) on the classes of THIS tree.
# ~/.m2 may be shared with other checkouts, so the project's own modules are taken from their target/classes,
# not from the local repository. Build first: mvn -o -q install -DskipTests
#   benchmarks/run.sh --rounds 5
#   BENCH_MAIN=org.openjdk.jmh.Main benchmarks/run.sh JsonBinding -f 1
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cpfile="$root/benchmarks/target/classpath.txt"
mvn -o -q -f "$root/benchmarks/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime >/dev/null
cp="$root/benchmarks/target/classes"
IFS=":" read -ra parts < "$cpfile" || true
for p in "${parts[@]}"; do
  case "$p" in
    */io/camelbricks/databricks-api/*) p="$root/databricks-api/target/classes" ;;
    */io/camelbricks/databricks-emulator/*) p="$root/databricks-emulator/target/classes" ;;
    */io/camelbricks/camel-databricks/*) p="$root/camel-databricks/target/classes" ;;
  esac
  cp="$cp:$p"
done
exec java ${BENCH_JVM_OPTS:-} -cp "$cp" "${BENCH_MAIN:-io.camelbricks.benchmarks.SideBySide}" "$@"
