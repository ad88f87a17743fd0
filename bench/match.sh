#!/usr/bin/env bash
# Whole-process benchmark of `panelwise match` (issue 14 item 3): nearest neighbour, radius and kernel matching in the
# same run, on the panels of bench/gen.R (read CSV, logit score, matching, ATT, balance table, JSON out):
#   panelwise match DATA --treat d --covariates "x1 + x2 + x3" --outcome y --method nearest | radius --caliper 0.01 | kernel
#
#   bash bench/match.sh [SIZES]      SIZES defaults to "1e5 1e6"; data in $BENCH_DATA (default /tmp/bench-data)
#
# The panels have no binary treatment, so one is derived into a temporary copy (deleted at the end):
# d = 1 if x1 + U(-1, 1) > 0.5 (awk, srand(1): about 36% treated). Runs longer than $MATCH_TIMEOUT s (default 300)
# are stopped and reported as such. Wall time and peak RSS from /usr/bin/time -v; the ATT printed to 12 digits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-1e5 1e6}"
data="${BENCH_DATA:-/tmp/bench-data}"
limit="${MATCH_TIMEOUT:-300}"
mkdir -p "$data"
for n in $sizes; do
  [[ -f "$data/panel_$n.csv" ]] || Rscript "$root/bench/gen.R" --sizes "$n" --out "$data"
done
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

printf '| n | method | wall s | peak RSS MB | ratio to nearest | treated matched | controls used | ATT |\n|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  f="$tmp/panel_$n.csv"
  awk -F, 'BEGIN { srand(1) } NR == 1 { print $0 ",d"; next } { print $0 "," (($5 + 2 * (rand() - 0.5) > 0.5) ? 1 : 0) }' "$data/panel_$n.csv" >"$f"
  nearest=""
  for method in nearest radius kernel; do
    args=(--method "$method"); [[ $method == radius ]] && args+=(--caliper 0.01)
    log="$tmp/log"; out="$tmp/out"
    if timeout "$limit" /usr/bin/time -v "$root/panelwise" match "$f" --treat d --covariates "x1 + x2 + x3" --outcome y "${args[@]}" --json >"$out" 2>"$log"; then
      wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
      secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
      [[ $method == nearest ]] && nearest=$secs
      rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
      read -r matched used att < <(python3 -c "import json; d=json.load(open('$out')); print(d['n_treated_matched'], d['n_controls_used'], '%.12g' % d['att']['estimate'])")
      ratio=$(awk -v a="$secs" -v b="$nearest" 'BEGIN { printf "%.2f", a / b }')
      printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "${args[*]}" "$secs" "$rss" "$ratio" "$matched" "$used" "$att"
    else
      printf '| %s | %s | no result within %s s |  |  |  |  |  |\n' "$n" "${args[*]}" "$limit"
    fi
  done
done
