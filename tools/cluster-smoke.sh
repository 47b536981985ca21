#!/usr/bin/env bash
# cluster-smoke.sh: the job jar on a real Flink 2.3 standalone session cluster (JobManager and
# TaskManager JVMs started from Maven jars, no flink-dist), against ib-sim standing in for the paper
# gateway. Submits the jar, opens a strategy by command, waits for OPEN in the strategies table,
# stops the job with a savepoint, resumes it from the savepoint under the same lineage, closes the
# strategy and waits for CLOSED. Not part of CI (about 2 minutes, 1.5 GB of RAM). See docs/cluster.md.
#
# Environment: WORK (scratch dir, default a new /tmp/thetaflow-cluster.XXXX), REST_PORT (18081),
# RPC_PORT (16123), SIM_PORT (7611), KEEP=1 (leave the cluster running, print its PIDs),
# SKIP_JAR=1 (use the jar already built).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/thetaflow-cluster.XXXX)}"
REST_PORT="${REST_PORT:-18081}"
RPC_PORT="${RPC_PORT:-16123}"
SIM_PORT="${SIM_PORT:-7611}"
mkdir -p "$WORK"/{conf,log,data,savepoints,checkpoints,tmp}
CONF="$WORK/conf"
LOG="$WORK/log"
DATA="$WORK/data"
pids=()
t0=$(date +%s)
say() { echo "[$(($(date +%s) - t0))s] $*"; }
fail() { echo "cluster-smoke: FAILED: $*" >&2; exit 1; }

cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then
    say "KEEP=1: left running, PIDs ${pids[*]}; work dir $WORK"
    return
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
  done
  say "stopped PIDs ${pids[*]}; logs in $LOG"
}
trap cleanup EXIT

# --- the job jar and tradectl's classpath (ib-sim, commands, reading the table) -------------------
if [ "${SKIP_JAR:-0}" != 1 ] || [ ! -f "$root/jobs/target/thetaflow-job.jar" ]; then
  JAR="$("$root/tradectl" jar)"
else
  JAR="$root/jobs/target/thetaflow-job.jar"
fi
"$root/tradectl" --version >/dev/null # builds tradectl if stale
TCP="$root/jobs/target/classes:$(cat "$root/jobs/target/tradectl.classpath")"
say "job jar $JAR ($(du -h "$JAR" | cut -f1))"

# --- the cluster's classpath: flink-clients and its dependencies, log4j --------------------------
LIB="$WORK/lib"
mvn -q -B -o -f "$root/tools/cluster/pom.xml" \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DoutputDirectory="$LIB" -DincludeScope=runtime \
  || mvn -q -B -f "$root/tools/cluster/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DoutputDirectory="$LIB" -DincludeScope=runtime
CP=$(ls -d "$LIB"/*.jar | sort | tr '\n' ':')
say "cluster classpath: $(ls "$LIB" | wc -l) jars"

JAVA17_OPTS="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
--add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
JAVA17_OPTS="$(echo $JAVA17_OPTS)"

cat > "$CONF/config.yaml" <<YAML
jobmanager:
  bind-host: 127.0.0.1
  rpc: {address: 127.0.0.1, port: $RPC_PORT}
  memory: {process: {size: 1024m}}
taskmanager:
  bind-host: 127.0.0.1
  host: 127.0.0.1
  numberOfTaskSlots: 2
  memory: {process: {size: 1600m}}
parallelism: {default: 1}
rest: {address: 127.0.0.1, bind-address: 127.0.0.1, port: $REST_PORT}
blob: {server: {port: "0"}}
io: {tmp: {dirs: $WORK/tmp}}
execution:
  checkpointing:
    dir: file://$WORK/checkpoints
    externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
restart-strategy: {type: fixed-delay, fixed-delay: {attempts: 100, delay: 2s}}
# Hadoop's shutdown hook (Delta) runs after the job's class loader is closed; harmless.
classloader: {check-leaked-classloader: false}
YAML
cat > "$CONF/log4j.properties" <<'PROPS'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FileAppender
appender.file.name = FileAppender
appender.file.type = File
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.kernel.name = io.delta.kernel
logger.kernel.level = WARN
PROPS
cp "$CONF/log4j.properties" "$CONF/log4j-cli.properties"

resources() { # the JVM flags and -D properties Flink's scripts compute
  java -cp "$CP" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$CONF" 2>/dev/null \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}
start_daemon() { # name main-class resource-kind extra-args...
  local name=$1 main=$2 kind=$3; shift 3
  local out jvm dyn
  out=$(resources "$kind"); jvm=$(echo "$out" | head -1); dyn=$(echo "$out" | tail -1)
  # shellcheck disable=SC2086
  nohup java $jvm -XX:+UseG1GC $JAVA17_OPTS ${EXTRA_JVM:-} -Dlog.file="$LOG/$name.log" \
    -Dlog4j.configurationFile="file:$CONF/log4j.properties" -classpath "$CP" \
    "$main" --configDir "$CONF" "$@" $dyn >>"$LOG/$name.out" 2>&1 </dev/null &
  pids+=($!)
  say "$name started, PID $!"
}
flink() { # bin/flink
  # shellcheck disable=SC2086
  FLINK_CONF_DIR="$CONF" java $JAVA17_OPTS -Dlog.file="$LOG/client.log" \
    -Dlog4j.configurationFile="file:$CONF/log4j-cli.properties" -classpath "$CP" \
    org.apache.flink.client.cli.CliFrontend "$@"
}
rest() { curl -sf "http://127.0.0.1:$REST_PORT$1"; }
wait_for() { # seconds description command...
  local secs=$1 what=$2; shift 2
  local end=$(($(date +%s) + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || fail "no $what within ${secs}s"
    sleep 1
  done
  say "$what"
}
job_running() { # every vertex RUNNING, not just the job
  rest "/jobs/$1" | python3 -c 'import json,sys; j=json.load(sys.stdin); v=[x["status"] for x in j["vertices"]]; sys.exit(0 if j["state"]=="RUNNING" and set(v)=={"RUNNING"} else 1)'
}
states() { java -cp "$TCP" "$root/tools/cluster/StrategyStates.java" "$DATA" 2>/dev/null; }
has_state() { states | grep -q "^pv-1 $1 "; }

# --- ib-sim, the cluster ---------------------------------------------------------------------------
nohup java -cp "$TCP" -Dthetaflow.home="$root" dev.thetaflow.jobs.cli.Tradectl ib-sim \
  --port "$SIM_PORT" --start 2026-11-24T14:30:00Z >>"$LOG/ib-sim.out" 2>&1 </dev/null &
pids+=($!)
say "ib-sim started on 127.0.0.1:$SIM_PORT, PID $!"
start_daemon jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
  GET_JM_RESOURCE_PARAMS --executionMode cluster
# the American engine's vector kernel (docs/cluster.md)
EXTRA_JVM="--add-modules jdk.incubator.vector" \
  start_daemon taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
wait_for 90 "cluster up: 1 TaskManager registered" \
  sh -c "curl -sf http://127.0.0.1:$REST_PORT/overview | grep -q '\"taskmanagers\":1'"
wait_for 30 "ib-sim listening" grep -q "ib-sim listening" "$LOG/ib-sim.out"

# --- submit: profile paper, its port overridden to ib-sim's, checkpoints every 2 s -------------------
export THETAFLOW__IB__PORT="$SIM_PORT" THETAFLOW__FLINK__CHECKPOINT_INTERVAL=2s
say "flink run -d -c dev.thetaflow.jobs.app.TradingJob thetaflow-job.jar --profile paper --conf conf --data $DATA --replay-commands"
flink run -d -c dev.thetaflow.jobs.app.TradingJob "$JAR" --profile paper --conf "$root/conf" \
  --data "$DATA" --replay-commands | tee "$LOG/run1.txt"
JOB=$(sed -n 's/.*JobID \([0-9a-f]\{32\}\).*/\1/p' "$LOG/run1.txt" | head -1)
LINEAGE=$(sed -n 's/.*lineage \([^ ,]*\).*/\1/p' "$LOG/run1.txt" | head -1)
[ -n "$JOB" ] || fail "no job id in the flink run output"
wait_for 90 "job $JOB RUNNING (all vertices)" job_running "$JOB"

# --- a strategy by command ----------------------------------------------------------------------
cat > "$WORK/pv-1.json" <<'JSON'
{"strategy_id":"pv-1","underlying":"SPY","strategy_type":"put_vertical","quantity":1,
 "legs":[{"right":"put","ratio":-1,"expiry":"2026-12-18","strike":570},
         {"right":"put","ratio":1,"expiry":"2026-12-18","strike":560}]}
JSON
java -cp "$TCP" -Dthetaflow.home="$root" dev.thetaflow.jobs.cli.Tradectl command --data "$DATA" \
  open --spec "$WORK/pv-1.json"
wait_for 120 "pv-1 OPEN in the strategies table" has_state OPEN
states

# --- stop with a savepoint, resume under the same lineage, close -------------------------------
flink stop --savepointPath "file://$WORK/savepoints" "$JOB" | tee "$LOG/stop.txt"
SP=$(sed -n 's/.*Savepoint completed\. Path: \(.*\)$/\1/p' "$LOG/stop.txt")
[ -n "$SP" ] || fail "no savepoint path in the stop output"
wait_for 30 "job $JOB FINISHED" sh -c "curl -sf http://127.0.0.1:$REST_PORT/jobs/$JOB | grep -q '\"state\":\"FINISHED\"'"
flink run -d -s "$SP" -c dev.thetaflow.jobs.app.TradingJob "$JAR" --profile paper --conf "$root/conf" \
  --data "$DATA" --lineage "$LINEAGE" | tee "$LOG/run2.txt"
JOB2=$(sed -n 's/.*JobID \([0-9a-f]\{32\}\).*/\1/p' "$LOG/run2.txt" | head -1)
[ -n "$JOB2" ] || fail "no job id in the second flink run output"
wait_for 90 "job $JOB2 RUNNING from the savepoint" job_running "$JOB2"
rest "/jobs/$JOB2/checkpoints" | python3 -c 'import json,sys; r=json.load(sys.stdin)["latest"]["restored"]; print("restored:", r["is_savepoint"], r["external_path"])'
java -cp "$TCP" -Dthetaflow.home="$root" dev.thetaflow.jobs.cli.Tradectl command --data "$DATA" \
  close --strategy pv-1
wait_for 120 "pv-1 CLOSED in the strategies table" has_state CLOSED
states
flink stop --savepointPath "file://$WORK/savepoints" "$JOB2" | tail -1
say "cluster-smoke: OK"
