#!/usr/bin/env bash
# The example POS against a real gateway, as CI runs it after the build (issue 17): starts the gateway jar
# (app/target/tillgate.jar) on free ports with a generated configuration (fast simulated terminals, a journal
# in a temporary folder), then runs target/maven-pos.jar: 12.00 must be approved (exit 0), 12.91 declined
# (exit 1), both printing the terminal's updates; a signature (12.92) is signed on the receipt. Stops and
# removes everything it started.
# Usage: examples/maven-pos/smoke-test.sh   (after ./mvnw package and a package of this project)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gateway_jar=$root/app/target/tillgate.jar
pos_jar=$here/target/maven-pos.jar

fail() {
  echo "maven-pos smoke-test: FAILED: $*" >&2
  exit 1
}
[[ -f $gateway_jar ]] || fail "no $gateway_jar; build the gateway first (./mvnw -B package -DskipTests)"
[[ -f $pos_jar ]] || fail "no $pos_jar; build the example first (./mvnw -f examples/maven-pos/pom.xml package)"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

work=$(mktemp -d "${TMPDIR:-/tmp}/maven-pos-smoke.XXXXXX")
server=
cleanup() {
  if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ws_port=$(free_port)
tcp_port=$(free_port)
admin_port=$(free_port)
java -jar "$gateway_jar" serve --print-default-config \
  | sed -e "s|websocketPort: 8080|websocketPort: $ws_port|" \
        -e "s|tcpPort: 8081|tcpPort: $tcp_port|" \
        -e "s|  port: 8082 |  port: $admin_port |" \
        -e "s|url: jdbc:sqlite:data/journal.db|url: jdbc:sqlite:$work/journal.db|" \
        -e "s|speed: realistic|speed: fast|" \
  > "$work/tillgate.yaml"
grep -q "websocketPort: $ws_port" "$work/tillgate.yaml" || fail "could not set the ports in the generated configuration"

java -jar "$gateway_jar" serve --config "$work/tillgate.yaml" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$ws_port") 2>/dev/null; then
    break
  fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; fail "the gateway exited"; }
  sleep 0.2
done
(exec 3<>"/dev/tcp/127.0.0.1/$ws_port") 2>/dev/null || { cat "$work/serve.log" >&2; fail "the gateway did not listen"; }

run_pos() {
  local expected=$1
  shift
  local status=0
  java -jar "$pos_jar" "$@" > "$work/pos.out" 2>&1 || status=$?
  cat "$work/pos.out"
  [[ $status -eq $expected ]] || fail "maven-pos $* exited $status, expected $expected"
}

run_pos 0 --gateway "ws://127.0.0.1:$ws_port/p3" 12.00
grep -q '^APPROVED  id=[0-9a-f]\{32\}$' "$work/pos.out" || fail "12.00 was not reported APPROVED"
grep -q '^  ' "$work/pos.out" || fail "no progress update was printed"
echo "ok 1 - 12.00 approved over WebSocket, with its updates"

# The first address refuses: the client moves on to the second, over framed TCP.
run_pos 1 --gateway "tcp://127.0.0.1:$(free_port)" --gateway "tcp://127.0.0.1:$tcp_port" 12.91
grep -q '^DECLINED  id=' "$work/pos.out" || fail "12.91 was not reported DECLINED"
echo "ok 2 - 12.91 declined over TCP, reached through the second gateway address"

run_pos 0 --gateway "ws://127.0.0.1:$ws_port/p3" 12.92
grep -q 'signs the printed receipt' "$work/pos.out" || fail "the signature request was not answered"
echo "ok 3 - 12.92 asked for a signature, signed on the receipt and approved"
