#!/usr/bin/env bash
# The release tarball as a user gets it (issue 17): unpacked into an empty folder and run on its own Java
# runtime, with no JAVA_HOME and no java on the PATH: tillgate --version, tillgate serve on the embedded
# defaults (in a temporary working directory), tillgate pay --amount 12.00 (approved), then SIGTERM, after
# which serve must exit 0; then the same with --config (the shipped configuration with TLS), as systemd runs
# it. The embedded defaults bind localhost:8080-8082: the test refuses to start while anything listens there,
# and stops and removes everything it started.
# Usage: dist/smoke-test.sh [TARBALL]   (default: dist/target/tillgate-*-linux-x64.tar.gz)
set -euo pipefail

fail() {
  echo "smoke-test: FAILED: $*" >&2
  exit 1
}

passed=0
ok() {
  passed=$((passed + 1))
  echo "ok $passed - $*"
}

if [[ $# -gt 0 ]]; then
  tarball=$1
else
  shopt -s nullglob
  found=("$(dirname "$0")"/target/tillgate-*-linux-x64.tar.gz)
  [[ ${#found[@]} -eq 1 ]] || fail "expected one tarball in $(dirname "$0")/target, found ${#found[@]}; \
build it with ./mvnw -Prelease package -DskipTests"
  tarball=${found[0]}
fi
[[ -f $tarball ]] || fail "no such tarball: $tarball"
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
version=$(basename "$tarball")
version=${version#tillgate-}
version=${version%-linux-x64.tar.gz}

for port in 8080 8081 8082; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "localhost:$port is in use; the embedded defaults need 8080-8082 free"
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tillgate-smoke.XXXXXX")
server=
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/install" "$work/run" "$work/elsewhere" "$work/path"
tar -xzf "$tarball" -C "$work/install"
home=$work/install/tillgate-$version
[[ -d $home ]] || fail "the tarball has no top folder tillgate-$version"
for file in bin/tillgate runtime/bin/java; do
  [[ -x $home/$file ]] || fail "$file is not executable"
done
for file in lib/tillgate.jar conf/tillgate.yaml lib/systemd/tillgate.service README.md LICENSE NOTICE \
    docs/operations.md runtime/legal/java.base/LICENSE; do
  [[ -f $home/$file ]] || fail "$file is missing"
done
ok "unpacked tillgate-$version with its runtime, launcher, jar, configuration, systemd unit and docs"

# A PATH with only the tools the launcher uses, so no java can be found on it, and the launcher reached
# through a relative symlink on it, as /usr/local/bin/tillgate would be.
for tool in dirname readlink; do
  ln -s "$(command -v "$tool")" "$work/path/$tool"
done
ln -s "../install/tillgate-$version/bin/tillgate" "$work/path/tillgate"
isolated() {
  env -u JAVA_HOME -u JDK_HOME -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u TILLGATE_JAVA_OPTS \
    PATH="$work/path" "$@"
}
if isolated /bin/sh -c 'command -v java' >/dev/null; then
  fail "java is on the isolated PATH"
fi

printed=$(cd "$work/elsewhere" && isolated tillgate --version)
[[ $printed == *"$version"* ]] || fail "tillgate --version printed '$printed', not the version $version"
ok "tillgate --version through a symlink on the PATH: $printed"

(cd "$work/elsewhere" && isolated tillgate serve --print-default-config) > "$work/default.yaml"
cmp -s "$work/default.yaml" "$home/conf/tillgate.yaml" || fail "conf/tillgate.yaml is not the embedded default"
ok "conf/tillgate.yaml is what serve --print-default-config prints"

# Starts tillgate serve ARGS... in the background, in $work/run, with TILLGATE_JAVA_OPTS as given: the options
# replace the default ones, and -Xmx96m shows that they arrive (the heap is ample for the demo).
start_server() {
  (cd "$work/run" && exec env -u JAVA_HOME -u JDK_HOME -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS \
      PATH="$work/path" TILLGATE_JAVA_OPTS="-Xmx96m -XX:+UseSerialGC" "$home/bin/tillgate" serve "$@") \
      > "$work/serve.log" 2>&1 &
  server=$!
}

# Waits until the probe (a function name) succeeds, failing if the server exits first or takes a minute.
await_server() {
  local deadline=$((SECONDS + 60))
  until "$1" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; fail "tillgate serve exited during start-up"; }
    ((SECONDS < deadline)) || { cat "$work/serve.log" >&2; fail "tillgate serve was not ready within 60 s"; }
    sleep 0.5
  done
}

# Plain HTTP on the admin listener: GET /health/ready answers 200.
health_ready() {
  local answer
  exec 3<>/dev/tcp/127.0.0.1/8082 || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r answer <&3 || true
  exec 3<&-
  [[ $answer == "HTTP/1."?" 200"* ]]
}

# With TLS the admin listener speaks HTTPS; it opens last, so its accepting connections means ready.
admin_accepts() {
  (exec 3<>/dev/tcp/127.0.0.1/8082)
}

# Pays 12.00 with the extra client options given; the payment must be approved.
pay() {
  if ! (cd "$work/elsewhere" && isolated tillgate pay --amount 12.00 "$@") > "$work/pay.log" 2>&1; then
    cat "$work/pay.log" "$work/serve.log" >&2
    fail "tillgate pay --amount 12.00 $* was not approved"
  fi
  grep -q "^APPROVED" "$work/pay.log" || { cat "$work/pay.log" >&2; fail "pay exited 0 without saying APPROVED"; }
}

# Sends SIGTERM; serve must exit 0 within a minute.
stop_server() {
  kill -TERM "$server"
  local deadline=$((SECONDS + 60)) status=0
  while kill -0 "$server" 2>/dev/null && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if kill -0 "$server" 2>/dev/null; then
    cat "$work/serve.log" >&2
    fail "tillgate serve did not stop within 60 s of SIGTERM"
  fi
  wait "$server" || status=$?
  server=
  [[ $status -eq 0 ]] || { cat "$work/serve.log" >&2; fail "tillgate serve exited $status after SIGTERM, not 0"; }
}

start_server
await_server health_ready
# The launcher execs the JVM, so the process started is the bundled runtime's java with the options given.
[[ $(readlink "/proc/$server/exe") == "$home/runtime/bin/java" ]] \
  || fail "serve runs $(readlink "/proc/$server/exe"), not the bundled runtime"
tr '\0' '\n' < "/proc/$server/cmdline" | grep -qx -- -Xmx96m || fail "TILLGATE_JAVA_OPTS did not reach the JVM"
ok "tillgate serve on the embedded defaults is ready (/health/ready 200), on its runtime with TILLGATE_JAVA_OPTS"

pay
ok "tillgate pay --amount 12.00 approved (exit 0)"

[[ -s $work/run/data/journal.db ]] || fail "no journal at data/journal.db in the working directory"
ok "the SQLite journal is in the working directory: data/journal.db"

stop_server
ok "SIGTERM stopped tillgate serve with exit 0"

# As the systemd unit runs it: serve --config with the shipped configuration, here with TLS on a certificate
# from tillgate cert, which exercises the runtime's cryptography; pay over wss:// trusting that CA.
(cd "$work/elsewhere" && isolated tillgate cert --dir "$work/certs") > "$work/cert.log" 2>&1 \
  || { cat "$work/cert.log" >&2; fail "tillgate cert failed"; }
{
  cat "$home/conf/tillgate.yaml"
  printf 'tls:\n  certificate: %s\n  key: %s\n' "$work/certs/server.pem" "$work/certs/server-key.pem"
} > "$work/tillgate.yaml"
start_server --config "$work/tillgate.yaml"
await_server admin_accepts
pay --url wss://localhost:8080/p3 --trust "$work/certs/ca.pem"
stop_server
ok "serve --config conf/tillgate.yaml with TLS from tillgate cert: pay over wss:// approved, SIGTERM exit 0"

echo "smoke: $passed passed, 0 failed"
