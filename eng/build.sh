#!/usr/bin/env bash
# EdgeAgent build verbs; build.ps1 forwards here. Run `bash eng/build.sh help`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
caller=$PWD # the kit resolves the user's relative paths from here
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off

log() { printf '\n== %s\n' "$*" >&2; }

# Installs Debian packages that are missing; runs apt-get update at most once, only when needed.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing Debian packages: ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

deps() { # what the build needs: the ONNX schema and npm (to fetch ONNX Runtime); the MQTT client library
  command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK is needed (dotnet not on PATH)." >&2; exit 1; }
  apt_ensure libonnx-dev ca-certificates libmosquitto1
  command -v npm >/dev/null || apt_ensure npm
}

test_deps() { # what the tests add: qemu and an arm64 cross toolchain (arm64 check), chromium (page), a broker and openssl (MQTT)
  deps
  apt_ensure qemu-user-static gcc-aarch64-linux-gnu libc6-arm64-cross libc6-dev-arm64-cross libstdc++6-arm64-cross util-linux mount chromium fonts-dejavu-core \
    mosquitto openssl
}

build() {
  deps
  log "building (${1:-Debug})"
  dotnet build EdgeAgent.sln -c "${1:-Debug}" -nologo -v m
}

demo() { # build, train the demo model on the simulator's healthy data, and serve it (eng/demo.sh)
  deps
  log "building the agent and the model kit"
  dotnet build src/EdgeAgent.Agent -c Release -nologo -v q -clp:NoSummary
  dotnet build src/EdgeAgent.Kit -c Release -nologo -v q -clp:NoSummary
  CONFIG=Release bash eng/demo.sh model artifacts/demo
  CONFIG=Release bash eng/demo.sh run artifacts/demo "$@"
}

run_tests() { # every test project; ends with `tests: N passed, N failed[, N skipped]`
  test_deps
  build Debug
  local out status=0 passed=0 failed=0 skipped=0
  out=$(mktemp)
  log "running tests"
  dotnet test EdgeAgent.sln --no-build -nologo "$@" 2>&1 | tee "$out" || status=$?
  while read -r p f s; do
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*(Passed|Failed)! +- +Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\3 \2 \4/p' "$out")
  if ((status != 0 && failed == 0)); then
    failed=1 # the runner failed without reporting a failed test (a build or host crash)
    echo "dotnet test exited with status $status" >&2
  fi
  rm -f "$out"
  local line="tests: $passed passed, $failed failed"
  ((skipped > 0)) && line="$line, $skipped skipped"
  echo "$line"
  ((status == 0 && failed == 0 && passed > 0))
}

bench() { # the inference benchmark: engine vs bare ONNX Runtime on the same model and input
  deps
  # The model: EDGEAGENT_BENCH_MODEL, else the third-party sensor autoencoder in ../shared when it is
  # there, else the bench's built-in autoencoder of the same shape.
  local model=${EDGEAGENT_BENCH_MODEL:-$root/../shared/models/sensor_autoencoder_mlp/autoencoder.onnx}
  local model_args=()
  [[ -n "${EDGEAGENT_BENCH_MODEL:-}" || -f "$model" ]] && model_args=(--model "$model")
  log "building the benchmark"
  dotnet build tests/EdgeAgent.Benchmarks -c Release -nologo -v m
  mkdir -p artifacts/bench
  local timer=()
  [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o artifacts/bench/time.txt)
  "${timer[@]}" dotnet tests/EdgeAgent.Benchmarks/bin/Release/net10.0/EdgeAgent.Benchmarks.dll "${model_args[@]}" --json artifacts/bench/bench.json "$@"
  [[ -f artifacts/bench/time.txt ]] && grep -E 'Maximum resident|Elapsed' artifacts/bench/time.txt
  return 0
}

bench_agent() { # the agent benchmark: ingest on one core, window-to-decision latency, memory with the page, start time
  deps
  log "building the agent, the model kit and the agent benchmark"
  dotnet build tests/EdgeAgent.AgentBench -c Release -nologo -v q -clp:NoSummary
  dotnet build src/EdgeAgent.Kit -c Release -nologo -v q -clp:NoSummary
  [[ -f artifacts/demo/demo-bearing.eapkg ]] || CONFIG=Release bash eng/demo.sh model artifacts/demo
  mkdir -p artifacts/bench
  local timer=()
  [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o artifacts/bench/agent-time.txt)
  "${timer[@]}" dotnet tests/EdgeAgent.AgentBench/bin/Release/net10.0/EdgeAgent.AgentBench.dll \
    --package artifacts/demo/demo-bearing.eapkg --agent src/EdgeAgent.Agent/bin/Release/net10.0/edgeagent.dll "$@"
  [[ -f artifacts/bench/agent-time.txt ]] && grep -E 'Maximum resident' artifacts/bench/agent-time.txt | sed 's/^/bench process: /'
  return 0
}

drift_eval() { # the drift evaluation: run length without change, detection delays, C-MAPSS replay
  deps
  dotnet build tests/EdgeAgent.DriftEval -c Release -nologo -v q -clp:NoSummary
  dotnet tests/EdgeAgent.DriftEval/bin/Release/net10.0/EdgeAgent.DriftEval.dll "$@"
}

bench_fleet() { # the outbox drain benchmark against a local mosquitto: predictions/s at QoS 1, bytes on the wire
  deps
  apt_ensure mosquitto
  dotnet build tests/EdgeAgent.FleetBench -c Release -nologo -v q -clp:NoSummary
  dotnet tests/EdgeAgent.FleetBench/bin/Release/net10.0/EdgeAgent.FleetBench.dll "$@"
}

fleet() { # the fleet-side command line: bash eng/build.sh fleet watch --fleet FLEET --host HOST
  deps
  dotnet build src/EdgeAgent.FleetWatch -c Release -nologo -v q -clp:NoSummary >&2
  (cd "$caller" && dotnet "$root/src/EdgeAgent.FleetWatch/bin/Release/net10.0/edgeagent-fleet.dll" "$@")
}

kit_built=false
kit() { # the model kit command line: bash eng/build.sh kit --help
  if [[ $kit_built == false ]]; then
    deps
    dotnet build src/EdgeAgent.Kit -c Release -nologo -v q -clp:NoSummary >&2
    kit_built=true
  fi
  (cd "$caller" && dotnet "$root/src/EdgeAgent.Kit/bin/Release/net10.0/edgeagent-kit.dll" "$@")
}

models() { # train, quantize, evaluate and package the FD001 RUL and AI4I anomaly models from DATA_DIR
  local data=${1:-$root/../shared/data} out=$root/artifacts/models
  [[ $data == /* ]] || data=$caller/$data
  local fd=$data/cmapss_fd001 ai=$data/ai4i2020/ai4i2020.csv
  [[ -f $fd/train_FD001.txt && -f $ai ]] || {
    echo "error: expected $fd/{train,test,RUL}_FD001.txt (NASA C-MAPSS) and $ai (UCI AI4I 2020); pass their parent folder: bash eng/build.sh models DATA_DIR" >&2
    exit 1
  }
  mkdir -p "$out"
  log "FD001 remaining useful life"
  kit train rul --train "$fd/train_FD001.txt" --test "$fd/test_FD001.txt" --rul "$fd/RUL_FD001.txt" --out "$out/fd001-rul.onnx"
  kit quantize --model "$out/fd001-rul.onnx" --calibration "$out/fd001-rul.calibration.csv" --out "$out/fd001-rul.int8.onnx"
  kit evaluate rul --model "$out/fd001-rul.onnx" "$out/fd001-rul.int8.onnx" --test "$fd/test_FD001.txt" --rul "$fd/RUL_FD001.txt"
  kit package --model "$out/fd001-rul.int8.onnx" --name fd001-rul --version 1.0.0 --out "$out/fd001-rul-1.0.0.eapkg"
  log "AI4I 2020 anomaly detection"
  kit train anomaly --data "$ai" --preset ai4i --out "$out/ai4i-anomaly.onnx"
  kit quantize --model "$out/ai4i-anomaly.onnx" --calibration "$out/ai4i-anomaly.calibration.csv" --out "$out/ai4i-anomaly.int8.onnx"
  kit evaluate anomaly --model "$out/ai4i-anomaly.onnx" "$out/ai4i-anomaly.int8.onnx" --data "$ai" --label "Machine failure"
  kit package --model "$out/ai4i-anomaly.int8.onnx" --name ai4i-anomaly --version 1.0.0 --out "$out/ai4i-anomaly-1.0.0.eapkg"
  ls -l "$out"/*.eapkg
}

publish_arm64() { # framework-dependent linux-arm64 build of the agent, into artifacts/publish/linux-arm64
  deps
  dotnet publish src/EdgeAgent.Agent -c Release -r linux-arm64 --self-contained false -p:UseAppHost=false \
    -o artifacts/publish/linux-arm64 -nologo -v m
  echo "published to artifacts/publish/linux-arm64"
}

usage() {
  cat <<'TXT'
usage: bash eng/build.sh VERB [ARGS]
  deps           install what the build needs (Debian packages; idempotent)
  build          build everything
  demo [ARGS]    build, train the demo model and run the agent on the simulator (ARGS go to the agent)
  test [ARGS]    install test needs, build and run every test (ARGS go to dotnet test)
  bench [ARGS]   run the inference benchmark (EDGEAGENT_BENCH_MODEL picks the model)
  bench-agent    run the agent benchmark: ingest rate, decision latency, memory with the page, start time
  bench-fleet    run the outbox drain benchmark against a local mosquitto
  fleet ARGS     the fleet command line (fleet watch --fleet FLEET --host HOST)
  drift-eval     evaluate drift detection: false-alarm run length, detection delay, C-MAPSS replay (../shared)
  publish-arm64  build the agent for linux-arm64 into artifacts/publish/linux-arm64
  kit ARGS       the model kit: train, quantize, evaluate, package, inspect (kit --help)
  models [DIR]   make the FD001 RUL and AI4I anomaly packages from DIR (default ../shared/data)
TXT
}

verb=${1:-help}
shift || true
case "$verb" in
  deps) deps ;;
  build) build "${1:-Debug}" ;;
  demo) demo "$@" ;;
  test) run_tests "$@" ;;
  bench) bench "$@" ;;
  bench-agent) bench_agent "$@" ;;
  drift-eval) drift_eval "$@" ;;
  bench-fleet) bench_fleet "$@" ;;
  fleet) fleet "$@" ;;
  publish-arm64) publish_arm64 ;;
  kit) kit "$@" ;;
  models) models "$@" ;;
  help|-h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
