#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (src/test/java/io/collateralkeeper/bench). Arguments go to JMH, e.g.
#   scripts/jmh.sh VaultHealthBench -f 1 -wi 3 -i 5
# With no arguments every benchmark runs with its own annotated settings.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$d/bin/java" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then export JAVA_HOME="$d"; break; fi
  done
fi
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >&2
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main "$@"
