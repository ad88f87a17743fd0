#!/usr/bin/env bash
# Whole-process fits of `y ~ x1 + x2 + x3 + x4 + x5 | id + year`, clustered by id, per size, on the panels of
# bench/GenParquet (gen.R's design, written as Parquet; CSV too up to 1e7), four ways:
#   duckdb     panelwise fit duckdb:///.../panel_N.parquet   (push-down in embedded DuckDB, rows never materialised)
#   memory     panelwise fit .../panel_N.parquet             (Panelwise's Parquet reader, in-memory fit)
#   postgres   panelwise fit postgresql://...?table=bench_duck on scripts/pg-cluster, the same rows hash-sharded on id
#              over two workers (per-shard push-down); loading the CSV (COPY + INSERT through postgres_fdw) is timed
#              apart and is not part of the fit
#   fixest     R fixest (R_LIBS, default /tmp/Rlib): fread of the CSV's needed columns + feols, 2 threads
#   bench/engines.sh [SIZES...]     (default 1e6 1e7 1e8)
# Environment: BENCH_DATA (default /work/bench-data/duck), PG_MAX (largest size loaded into the cluster, default 1e7),
# FIXEST_MAX (largest size given to fixest, default 1e7), MEMORY_MAX (largest in-memory fit, default 1e8), PATHS
# (default "duckdb memory postgres fixest").
# Prints per run: wall seconds and client peak RSS (/usr/bin/time), bytes fetched (the engine block's; for memory and
# fixest the bytes of the file read), the 1-minute load average before the run (the machine has 2 cores and may be
# shared), and the x1 estimate and SE. One run per size and path. The cluster is left running
# (`scripts/pg-cluster down` stops it).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("${@:-1e6 1e7 1e8}")
[[ $# -eq 0 ]] && sizes=(1e6 1e7 1e8)
data="${BENCH_DATA:-/work/bench-data/duck}"
paths="${PATHS:-duckdb memory postgres fixest}"
num() { python3 -c "print(int(float('$1')))"; }
pg_max=$(num "${PG_MAX:-1e7}"); fixest_max=$(num "${FIXEST_MAX:-1e7}"); memory_max=$(num "${MEMORY_MAX:-1e8}")
formula="y ~ x1 + x2 + x3 + x4 + x5 | id + year"
./panelwise --version >/dev/null 2>&1 || true            # builds the ReadyToRun CLI once
cli=(dotnet src/Panelwise.Cli/bin/Release/ready/Panelwise.Cli.dll)
dotnet build bench/GenParquet -c Release -v q -nologo >/dev/null
gen=(dotnet bench/GenParquet/bin/Release/net10.0/Panelwise.Bench.GenParquet.dll)
timed() {   # timed NAME SIZE BYTES_FALLBACK CMD... ; stdout of CMD is JSON from panelwise or "x1 se" from R
  local name=$1 size=$2 fallback=$3; shift 3
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f "%e %M" -o /tmp/engines-time "$@" > /tmp/engines-out 2> /tmp/engines-err; then
    echo "| $size | $name | failed: $(grep -v '^\s*$' /tmp/engines-err | tail -n 2 | tr '\n' ' ') | | | $load | |"; return 0
  fi
  read -r wall rss < <(tail -n 1 /tmp/engines-time)
  python3 - "$size" "$name" "$wall" "$rss" "$load" "$fallback" <<'PY'
import json, sys
size, name, wall, rss, load, fallback = sys.argv[1:]
text = open("/tmp/engines-out").read()
try:
    d = json.loads(text); c = d["coefficients"][0]
    est, se = c["estimate"], c["std_error"]
    engine = d.get("engine") or {}
    fetched = engine.get("bytes_fetched", int(fallback))
except json.JSONDecodeError:
    est, se = map(float, text.split()[-2:]); fetched = int(fallback)
print(f"| {size} | {name} | {float(wall):.1f} s | {int(rss) / 1024:,.0f} MB | {fetched:,} B | {load} | {est:.10f} ({se:.10f}) |")
PY
}
echo "| rows | path | wall | client peak RSS | bytes fetched | load (1 min) | x1 (SE) |"
echo "|---|---|---|---|---|---|---|"
for tag in "${sizes[@]}"; do
  n=$(num "$tag")
  parquet="$data/panel_$tag.parquet"; csv="$data/panel_$tag.csv"
  want_csv=$(( n <= fixest_max || n <= pg_max ))
  if [[ ! -f $parquet || ( $want_csv -eq 1 && ! -f $csv ) ]]; then
    "${gen[@]}" "$n" "$data" $([[ $want_csv -eq 1 ]] && echo --csv) >&2
  fi
  pbytes=$(stat -c %s "$parquet")
  for path in $paths; do
    case $path in
      duckdb) timed duckdb "$tag" 0 "${cli[@]}" fit "duckdb://$parquet" "$formula" --vcov cluster:id --json ;;
      memory) (( n <= memory_max )) && timed memory "$tag" "$pbytes" "${cli[@]}" fit "$parquet" "$formula" --vcov cluster:id --json ;;
      fixest)
        (( n <= fixest_max )) && timed fixest "$tag" "$(stat -c %s "$csv")" env R_LIBS="${R_LIBS:-/tmp/Rlib}" Rscript -e "
          suppressMessages({library(data.table); library(fixest)}); setDTthreads(2); setFixest_nthreads(2)
          d <- fread('$csv', select = c('id', 'year', 'y', 'x1', 'x2', 'x3', 'x4', 'x5'))
          m <- feols($formula, d, cluster = ~id)
          cat(sprintf('%.12f %.12f\n', coef(m)[['x1']], se(m)[['x1']]))" ;;
      postgres)
        if (( n <= pg_max )); then
          url="$(scripts/pg-cluster up | tail -n 1)"
          start=$(date +%s.%N)
          psql -X -q "$url" -c "DROP TABLE IF EXISTS bench_duck CASCADE" >/dev/null
          cols="id int, year int, ind int, indyear int, x1 float8, x2 float8, x3 float8, x4 float8, x5 float8, z1 float8, z2 float8, y float8, y3 float8, yiv float8"
          keep="id int, year int, y float8, x1 float8, x2 float8, x3 float8, x4 float8, x5 float8"
          for w in 1 2; do
            port=$(psql -X -At "$url" -c "SELECT (regexp_match(array_to_string(srvoptions, ','), 'port=([0-9]+)'))[1] FROM pg_foreign_server WHERE srvname = 'w$w'")
            psql -X -q -h localhost -p "$port" -U postgres -c "DROP TABLE IF EXISTS bench_duck_p$((w-1)); CREATE TABLE bench_duck_p$((w-1)) ($keep)" >/dev/null
          done
          psql -X -q -v ON_ERROR_STOP=1 "$url" >/dev/null <<SQL
CREATE TABLE bench_duck ($keep) PARTITION BY HASH (id);
CREATE FOREIGN TABLE bench_duck_p0 PARTITION OF bench_duck FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER w1 OPTIONS (table_name 'bench_duck_p0');
CREATE FOREIGN TABLE bench_duck_p1 PARTITION OF bench_duck FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER w2 OPTIONS (table_name 'bench_duck_p1');
CREATE TEMP TABLE staging ($cols);
\copy staging FROM '$csv' (FORMAT csv, HEADER)
INSERT INTO bench_duck SELECT id, year, y, x1, x2, x3, x4, x5 FROM staging;
ANALYZE bench_duck;
SQL
          echo "(postgres load of $tag rows: $(python3 -c "print(f'{$(date +%s.%N) - $start:.0f}')") s, load $(cut -d' ' -f1 /proc/loadavg))" >&2
          timed postgres "$tag" 0 "${cli[@]}" fit "$url?table=bench_duck" "$formula" --vcov cluster:id --json
        fi ;;
    esac
  done
done
