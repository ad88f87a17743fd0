#!/usr/bin/env bash
# Whole-process benchmark of `panelwise fit` on the synthetic firm panels of bench/gen.R, next to R in the same run.
#
#   bash bench/fit.sh [SIZES]        SIZES defaults to "1e6 1e7"; data go to $BENCH_DATA (default /tmp/bench-data)
#
# Needs Debian's r-base-core and r-cran-data.table (installed with apt-get when missing) to generate the data and to
# time fread. fixest is not packaged by Debian and this machine reaches no CRAN, so fixest's own figures are quoted from
# its anchor run on this machine kind (bench/README.md); fread is measured here, in the same run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-1e6 1e7}"
data="${BENCH_DATA:-/tmp/bench-data}"
mkdir -p "$data"
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-base-core r-cran-data.table r-cran-jsonlite >/dev/null
fi
for n in $sizes; do
  [[ -f "$data/panel_$n.csv" ]] || Rscript "$root/bench/gen.R" --sizes "$n" --out "$data"
done
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings

formula='y ~ x1 + x2 + x3 + x4 + x5 | id + year'
printf '| n | tool | task | wall s | estimate s | peak RSS MB | x1 | SE x1 |\n|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  f="$data/panel_$n.csv"
  for threads in 2 1; do
    log="$(mktemp)"; out="$(mktemp)"
    /usr/bin/time -v "$root/panelwise" fit "$f" "$formula" --vcov cluster:id --json --timing --threads "$threads" >"$out" 2>"$log"
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
    est=$(grep -o 'estimate [0-9.]* s' "$log" | awk '{print $2}')
    x1=$(python3 -c "import json,sys; d=json.load(open('$out')); c=[c for c in d['coefficients'] if c['term']=='x1'][0]; print('%.10f %.10f' % (c['estimate'], c['std_error']))")
    printf '| %s | panelwise (%s threads) | read CSV + fit | %s | %s | %s | %s | %s |\n' "$n" "$threads" "$wall" "$est" "$rss" ${x1}
    rm -f "$log" "$out"
  done
  log="$(mktemp)"
  /usr/bin/time -v Rscript -e "suppressMessages(library(data.table)); setDTthreads(2); t <- system.time(d <- fread('$f')); cat(sprintf('fread %.3f\n', t[['elapsed']]))" >"$log" 2>&1
  rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
  printf '| %s | R data.table fread (2 threads) | read CSV | %s |  | %s |  |  |\n' "$n" "$(grep -o 'fread [0-9.]*' "$log" | awk '{print $2}')" "$rss"
done
