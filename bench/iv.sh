#!/usr/bin/env bash
# Whole-process benchmark of the IV model (issue 14) next to R fixest in the same run, on the panels of bench/gen.R:
#   panelwise fit DATA "yiv ~ x2 + x3 + x4 + x5 | id + year | x1 ~ z1 + z2" --vcov cluster:id   (all ivreg2 diagnostics)
#   feols(yiv ~ x2 + x3 + x4 + x5 | id + year | x1 ~ z1 + z2, cluster = ~id) after fread      (fixest's default output)
# and the OLS fit of the same data (yiv ~ x1 + ... | id + year) for the IV/OLS ratio.
#
#   bash bench/iv.sh [SIZES]      SIZES defaults to "1e5 1e6 1e7"; data in $BENCH_DATA (default /tmp/bench-data)
#
# fixest is not packaged by Debian: it must already be installed in R's library (from its public source); when it is
# missing the fixest rows are skipped and said so. Wall time and peak RSS from /usr/bin/time -v; x1 printed to 10 digits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-1e5 1e6 1e7}"
data="${BENCH_DATA:-/tmp/bench-data}"
mkdir -p "$data"
for n in $sizes; do
  [[ -f "$data/panel_$n.csv" ]] || Rscript "$root/bench/gen.R" --sizes "$n" --out "$data"
done
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings
have_fixest=1
Rscript -e 'suppressMessages(library(fixest))' >/dev/null 2>&1 || have_fixest=0

iv='yiv ~ x2 + x3 + x4 + x5 | id + year | x1 ~ z1 + z2'
ols='yiv ~ x1 + x2 + x3 + x4 + x5 | id + year'
field() { grep -o "$1 [0-9.]* s" "$2" | head -1 | awk '{print $2}'; }
printf '| n | tool | task | wall s | read s | fit s | iv phase s | peak RSS MB | x1 |\n|---|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  f="$data/panel_$n.csv"
  for model in iv ols; do
    formula=$([[ $model == iv ]] && echo "$iv" || echo "$ols")
    log="$(mktemp)"; out="$(mktemp)"
    /usr/bin/time -v "$root/panelwise" fit "$f" "$formula" --vcov cluster:id --json --timing >"$out" 2>"$log"
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
    x1=$(python3 -c "import json; d=json.load(open('$out')); print('%.10f' % [c for c in d['coefficients'] if c['term']=='x1'][0]['estimate'])")
    printf '| %s | panelwise | read CSV + %s fit | %s | %s | %s | %s | %s | %s |\n' "$n" "$model" "$wall" "$(field read "$log")" \
      "$(field estimate "$log")" "$(grep -o 'iv [0-9.]* s' "$log" | awk '{print $2}')" "$rss" "$x1"
    rm -f "$log" "$out"
  done
  if [[ $have_fixest == 1 ]]; then
    log="$(mktemp)"
    /usr/bin/time -v Rscript -e "suppressMessages({library(data.table); library(fixest)}); setDTthreads(2); setFixest_nthreads(2)
      t0 <- system.time(d <- fread('$f'))[['elapsed']]
      t1 <- system.time(m <- feols($iv, d, cluster = ~id))[['elapsed']]
      cat(sprintf('fixest read %.3f fit %.3f x1 %.10f\n', t0, t1, coef(m)[['fit_x1']]))" >"$log" 2>&1
    rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
    read -r _ _ rd _ ft _ x1 < <(grep '^fixest read' "$log")
    printf '| %s | R fixest (2 threads) | fread + feols IV | %s | %s | %s |  | %s | %s |\n' "$n" \
      "$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')" "$rd" "$ft" "$rss" "$x1"
    rm -f "$log"
  else
    printf '| %s | R fixest | not installed: skipped |  |  |  |  |  |  |\n' "$n"
  fi
done
