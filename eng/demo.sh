#!/usr/bin/env bash
# The demo, in two steps that the README's demo command and the agent's tests share:
#   model OUT_DIR   record 30 s of the simulated machine running healthy, train an anomaly model on it with the
#                   model kit, quantize it to int8 and package it as OUT_DIR/demo-bearing.eapkg
#   run OUT_DIR [SETTINGS...]
#                   serve that package on the simulator with a bearing defect that starts after 20 s and grows;
#                   the local page, the simulated lamp and the log show the alert
# CONFIG (Release or Debug, default Release) picks the build to run; it must be built already.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
config=${CONFIG:-Release}
agent=(dotnet "$root/src/EdgeAgent.Agent/bin/$config/net10.0/edgeagent.dll")
kit=(dotnet "$root/src/EdgeAgent.Kit/bin/$config/net10.0/edgeagent-kit.dll")

step=${1:-}; out=${2:-}
[[ -n $step && -n $out ]] || { echo "usage: eng/demo.sh model|run OUT_DIR [SETTINGS...]" >&2; exit 2; }
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)

case $step in
  model)
    echo "== recording 30 s of the healthy simulated machine (3-axis vibration at 10 kHz, temperature, current)"
    "${agent[@]}" record --seconds 30 --out "$out/healthy.csv" --Sensors:Source=Simulator --Sensors:Simulator:Speed=0
    echo "== training an anomaly model on it (features: deploy/demo/vibration-features.json)"
    "${kit[@]}" train anomaly --samples "$out/healthy.csv" --spec "$root/deploy/demo/vibration-features.json" \
      --sample-rate 10000 --out "$out/demo-bearing.onnx"
    "${kit[@]}" quantize --model "$out/demo-bearing.onnx" --calibration "$out/demo-bearing.calibration.csv" --out "$out/demo-bearing.int8.onnx"
    "${kit[@]}" package --model "$out/demo-bearing.int8.onnx" --card "$out/demo-bearing.card.json" \
      --name demo-bearing --version 1.0.0 --out "$out/demo-bearing.eapkg"
    rm -f "$out/healthy.csv"
    ;;
  run)
    [[ -f $out/demo-bearing.eapkg ]] || { echo "error: $out/demo-bearing.eapkg is missing; run: eng/demo.sh model $out" >&2; exit 1; }
    echo "== serving it; the bearing defect starts after 20 s. Ctrl+C stops the agent."
    exec "${agent[@]}" --environment Demo --Model:PackagePath="$out/demo-bearing.eapkg" --Store:Path="$out/agent.db" \
      --LocalPage:AckTokenFile="$out/ack-token" "$@"
    ;;
  *)
    echo "usage: eng/demo.sh model|run OUT_DIR [SETTINGS...]" >&2; exit 2 ;;
esac
