#!/usr/bin/env bash
# Whole-process benchmarks of `panelwise multiverse` (issue 18 item 4).
#
# 1. 1,000 specifications on the 385-row innovation-chain panel (read CSV, every fit, summary, JSON out); target < 1 s.
#      5 outcomes x 5 focal terms x 5 control sets x 4 fixed-effect sets x 2 covariances = 1,000 specifications
#      (500 model fits: the two covariances share each fit).
# 2. The 1e6-row bench panel (bench/gen.R): 32 models, y and y3 on x1 or x2 with csw0(x3, x4, x5), absorbing id or
#    id + year, clustered by id, against R fixest's multiple estimation of the same set in the same run, alternating;
#    target: at most half of fixest's time. fixest allows one stepwise function per formula part, so its RHS lists the
#    eight variants of sw(x1, x2) + csw0(x3, x4, x5) in one sw(); it demeans all variables once per fixed-effect set.
#    The focal coefficients and standard errors of all 32 models are compared with fixest's (max relative difference).
#
#   bash bench/multiverse.sh [RUNS]     RUNS defaults to 3; the CLI is the Release ReadyToRun build of ./panelwise
#
# Part 2 runs when $BENCH_DATA/panel_1e6.csv exists (Rscript bench/gen.R --sizes 1e6 --out DIR; default DIR
# /tmp/bench-data) and R finds data.table and fixest (set R_LIBS for a private library). Wall time, CPU time and
# peak RSS from /usr/bin/time -v; the load average is printed before each part (the machine is shared).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
data="$root/examples/innovation-chain/innovation_chain.csv"
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Wall seconds, CPU seconds (user + sys) and peak RSS MB of a /usr/bin/time -v log.
measure() {
  local wall
  wall=$(grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}')
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%s ", s }' <<<"$wall"
  awk '/User time/ { u = $NF } /System time/ { s = $NF } END { printf "%.2f ", u + s }' "$1"
  echo $(( $(grep 'Maximum resident' "$1" | awk '{print $NF}') / 1024 ))
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
args=(multiverse "$data" --panel industry_id,year
  --y "itse; fsie; lcv; wcv; fmi"
  --x "erl; winsor(erl, 0.01); l(erl, 1); erl_front; erl_back"
  --controls "none; lngdp; lngdp + imp; lngdp + imp + expt; lngdp + imp + expt + inst"
  --fe "none; industry_id; year; industry_id + year"
  --vcov "cluster:industry_id; iid" --json)
printf '| run | specs | fits | designs | wall s | peak RSS MB | median | share significant |\n|---|---|---|---|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v "$root/panelwise" "${args[@]}" >"$tmp/out" 2>"$tmp/log"
  read -r secs _ rss < <(measure "$tmp/log")
  read -r specs fits designs median share < <(python3 -c "import json; s=json.load(open('$tmp/out'))['summary']; print(s['n_specs'], s['n_fits'], s['n_designs'], '%.10g' % s['median'], '%.4f' % s['share_significant_05'])")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$specs" "$fits" "$designs" "$secs" "$rss" "$median" "$share"
done

panel="${BENCH_DATA:-/tmp/bench-data}/panel_1e6.csv"
if [[ ! -f "$panel" ]] || ! Rscript -e 'suppressMessages({library(data.table); library(fixest)})' >/dev/null 2>&1; then
  echo "(1e6 comparison skipped: needs $panel and R with data.table and fixest)"
  exit 0
fi
cat >"$tmp/fixest.R" <<EOF
t0 <- proc.time()[["elapsed"]]
suppressMessages({library(data.table); library(fixest)})
setDTthreads(2); setFixest_nthreads(2)
d <- fread("$panel")
t1 <- proc.time()[["elapsed"]]
m <- feols(c(y, y3) ~ sw(x1, x2, x1 + x3, x2 + x3, x1 + x3 + x4, x2 + x3 + x4, x1 + x3 + x4 + x5, x2 + x3 + x4 + x5) |
  sw(id, id + year), d, cluster = ~id)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("phases %.3f %.3f %d\n", t1 - t0, t2 - t1, length(m)))
rows <- lapply(seq_along(m), function(i) {
  f <- m[[i]]; v <- names(coef(f)); x <- v[1]
  data.frame(y = as.character(f\$fml[[2]]), x = x, controls = if (length(v) > 1) paste(v[-1], collapse = " + ") else "none",
             fe = paste(f\$fixef_vars, collapse = " + "), estimate = sprintf("%.17g", coef(f)[[x]]), se = sprintf("%.17g", se(f)[[x]]))
})
fwrite(rbindlist(rows), "$tmp/fixest.csv")
EOF
mv_args=(multiverse "$panel" --y "y; y3" --x "x1; x2" --controls "none; x3; x3 + x4; x3 + x4 + x5" --fe "id; id + year"
  --vcov cluster:id --json)
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| run | tool | models | wall s | CPU s | peak RSS MB | R: start + read s | R: feols s |\n|---|---|---|---|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v "$root/panelwise" "${mv_args[@]}" >"$tmp/mv.json" 2>"$tmp/log"
  read -r secs cpu rss < <(measure "$tmp/log")
  models=$(python3 -c "import json; print(json.load(open('$tmp/mv.json'))['summary']['n_specs'])")
  printf '| %s | panelwise multiverse | %s | %s | %s | %s | | |\n' "$run" "$models" "$secs" "$cpu" "$rss"
  /usr/bin/time -v Rscript "$tmp/fixest.R" >"$tmp/r.out" 2>"$tmp/log"
  read -r secs cpu rss < <(measure "$tmp/log")
  read -r _ read fit models < <(grep '^phases' "$tmp/r.out")
  printf '| %s | R fixest feols (2 threads) | %s | %s | %s | %s | %s | %s |\n' "$run" "$models" "$secs" "$cpu" "$rss" "$read" "$fit"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/mv.json" "$tmp/fixest.csv" <<'EOF'
import csv, json, sys
ours = {(s['y'], s['x'], s['controls'], s['fe']): s for s in json.load(open(sys.argv[1]))['specs']}
worst = {'estimate': 0.0, 'std_error': 0.0}
rows = list(csv.DictReader(open(sys.argv[2])))
for r in rows:
    s = ours[(r['y'], r['x'], r['controls'], r['fe'])]
    for field, theirs in (('estimate', float(r['estimate'])), ('std_error', float(r['se']))):
        worst[field] = max(worst[field], abs(s[field] - theirs) / abs(theirs))
print(f"{len(rows)} models matched; largest relative difference from fixest: coefficient {worst['estimate']:.1e}, standard error {worst['std_error']:.1e}")
for r in rows[:3]:
    s = ours[(r['y'], r['x'], r['controls'], r['fe'])]
    print(f"  {r['y']} ~ {r['x']} + {r['controls']} | {r['fe']}: {s['estimate']:.12f} ({s['std_error']:.12f}) vs fixest {float(r['estimate']):.12f} ({float(r['se']):.12f})")
EOF
