# Sourced by the scripts: picks a JDK 21+ for the build (Temurin 25 preferred) unless JAVA_HOME already is one.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  for d in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/temurin-21* /usr/lib/jvm/java-21*; do
    if [ -x "$d/bin/java" ]; then export JAVA_HOME="$d"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "error: a JDK 21 or newer is needed (Temurin 25 recommended); set JAVA_HOME" >&2
  exit 2
fi
export PATH="$JAVA_HOME/bin:$PATH"
