#!/usr/bin/env bash
# Whole-process benchmark of `panelwise fit` on the hard worker-firm panels of bench/gen_hard.R (issue 8).
#
#   bash bench/hard.sh [SIZES] [REPS]   SIZES defaults to "1e6"; REPS (default 3) timed runs per thread count.
#   Data go to $BENCH_HARD (default /tmp/bench-hard, outside the repo: 1e7 is 550 MB).
#
# Prints wall time and peak RSS (/usr/bin/time -v) of every run, the FE solver's iterations, x1 and its SE, and
# then a reference fit at --fe-tol 1e-14 with the default's deviation from it. fixest's figures (0.12.2, same
# machine kind, fixef.tol 1e-8, cluster by worker) are quoted from the issue, not re-run: CRAN is not reachable here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-1e6}"
reps="${2:-3}"
data="${BENCH_HARD:-/tmp/bench-hard}"
mkdir -p "$data"
for n in $sizes; do
  [[ -f "$data/hard_$n.csv" ]] || Rscript "$root/bench/gen_hard.R" --sizes "$n" --out "$data"
done
"$root/panelwise" --help >/dev/null 2>&1 || true   # build once, outside the timings

formula='y ~ x1 + x2 + x3 | worker + firm + year'
x1() { python3 -c "import json; d=json.load(open('$1')); c=[c for c in d['coefficients'] if c['term']=='x1'][0]; a=d['absorb']; print('%.10f %.10f %d %s' % (c['estimate'], c['std_error'], a['iterations'], a['converged']))"; }
echo "load: $(uptime | sed 's/.*load average: //')"
printf '| n | threads | fe-tol | wall s | estimate s | absorb s | peak RSS MB | iterations | x1 | SE x1 |\n|---|---|---|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  f="$data/hard_$n.csv"
  for threads in 2 1; do
    for ((r = 0; r < reps; r++)); do
      log="$(mktemp)"; out="$(mktemp)"
      /usr/bin/time -v "$root/panelwise" fit "$f" "$formula" --vcov cluster:worker --json --timing --threads "$threads" >"$out" 2>"$log"
      wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
      rss=$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))
      est=$(grep -o 'estimate [0-9.]* s' "$log" | awk '{print $2}')
      abs=$(grep -o 'absorb [0-9.]* s' "$log" | awk '{print $2}')
      read -r b se it conv < <(x1 "$out")
      printf '| %s | %s | default | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$threads" "$wall" "$est" "$abs" "$rss" "$it" "$b" "$se"
      rm -f "$log" "$out"
    done
  done
  out="$(mktemp)"; ref="$(mktemp)"
  "$root/panelwise" fit "$f" "$formula" --vcov cluster:worker --json >"$out"
  "$root/panelwise" fit "$f" "$formula" --vcov cluster:worker --json --fe-tol 1e-14 >"$ref"
  python3 - "$out" "$ref" "$n" <<'PY'
import json, sys
d, r = (json.load(open(p)) for p in sys.argv[1:3])
pick = lambda j: {c['term']: c for c in j['coefficients']}
a, b = pick(d), pick(r)
print(f"n={sys.argv[3]}: reference (--fe-tol 1e-14, {r['absorb']['iterations']} iterations) x1 = {b['x1']['estimate']:.13f}, SE {b['x1']['std_error']:.13g}")
for t in ('x1', 'x2', 'x3'):
    print(f"  {t}: |default - reference| = {abs(a[t]['estimate'] - b[t]['estimate']):.2e}, SE relative difference {abs(a[t]['std_error'] / b[t]['std_error'] - 1):.2e}")
PY
  rm -f "$out" "$ref"
done
