#!/usr/bin/env bash
# Whole-process benchmark of `panelwise multiverse` (issue 18 item 4): 1,000 specifications on the 385-row
# innovation-chain panel (read CSV, every fit, summary, JSON out); target < 1 s wall.
#   5 outcomes x 5 focal terms x 5 control sets x 4 fixed-effect sets x 2 covariances = 1,000 specifications
#   (500 model fits: the two covariances share each fit).
#
#   bash bench/multiverse.sh [RUNS]     RUNS defaults to 3; the CLI is the Release ReadyToRun build of ./panelwise
#
# Wall time and peak RSS from /usr/bin/time -v; the summary's median and share significant printed to check runs agree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
data="$root/examples/innovation-chain/innovation_chain.csv"
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
args=(multiverse "$data" --panel industry_id,year
  --y "itse; fsie; lcv; wcv; fmi"
  --x "erl; winsor(erl, 0.01); l(erl, 1); erl_front; erl_back"
  --controls "none; lngdp; lngdp + imp; lngdp + imp + expt; lngdp + imp + expt + inst"
  --fe "none; industry_id; year; industry_id + year"
  --vcov "cluster:industry_id; iid" --json)
printf '| run | specs | fits | wall s | peak RSS MB | median | share significant |\n|---|---|---|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v "$root/panelwise" "${args[@]}" >"$tmp/out" 2>"$tmp/log"
  wall=$(grep 'Elapsed (wall clock)' "$tmp/log" | awk '{print $NF}')
  secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
  rss=$(( $(grep 'Maximum resident' "$tmp/log" | awk '{print $NF}') / 1024 ))
  read -r specs fits median share < <(python3 -c "import json; s=json.load(open('$tmp/out'))['summary']; print(s['n_specs'], s['n_fits'], '%.10g' % s['median'], '%.4f' % s['share_significant_05'])")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$specs" "$fits" "$secs" "$rss" "$median" "$share"
done
