#!/usr/bin/env bash
# Push-down fit on the project's sharded PostgreSQL cluster, three ways, vs the same rows pulled and fitted in memory:
#   shards       ?table=bench_panel: sharded on id, the large effect, so the statements run on each worker's shard
#   coordinator  ?query=SELECT * FROM bench_panel: the same rows through the coordinator (the path before per-shard
#                push-down: postgres_fdw ships every row to the coordinator to join the group means back)
#   pulled       --if "year > 0": the CLI reads the columns and fits in memory
#   baseline     only when BASELINE_CLI=path/to/Panelwise.Cli.dll is set: that build on ?table=bench_panel (e.g. an
#                earlier commit, built from `git archive COMMIT`)
#   bench/engine.sh [ROWS] [RUNS]   (default 1000000 rows = units of 20 years, hash-sharded on id over two workers; 3 runs)
# Prints per run: wall seconds, client peak RSS, the 1-minute load average before the run, the engine block (path,
# shards, passes, rows scanned, bytes fetched) and the first coefficient; then the median wall time per model and path.
# The cluster is started with scripts/pg-cluster (left running; `scripts/pg-cluster down` stops it; PG_CLUSTER_DIR and
# PG_CLUSTER_PORT choose another cluster).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-1000000}"
runs="${2:-3}"
units=$((rows / 20))
url="$(scripts/pg-cluster up | tail -n 1)"
dotnet build src/Panelwise.Cli -c Release -v q -nologo >/dev/null
cli=(dotnet src/Panelwise.Cli/bin/Release/net10.0/Panelwise.Cli.dll)
# Generated in SQL on the shards' layout (panelwise load would need a file of this size first).
psql -X -q "$url" -c "DROP TABLE IF EXISTS bench_panel CASCADE" >/dev/null
for w in 1 2; do
  port=$(psql -X -At "$url" -c "SELECT (regexp_match(array_to_string(srvoptions, ','), 'port=([0-9]+)'))[1] FROM pg_foreign_server WHERE srvname = 'w$w'")
  psql -X -q -h localhost -p "$port" -U postgres -c "DROP TABLE IF EXISTS bench_panel_p$((w-1)); CREATE TABLE bench_panel_p$((w-1)) (id int, year int, y float8, x1 float8, x2 float8)" >/dev/null
done
psql -X -q "$url" >/dev/null <<SQL
CREATE TABLE bench_panel (id int, year int, y float8, x1 float8, x2 float8) PARTITION BY HASH (id);
CREATE FOREIGN TABLE bench_panel_p0 PARTITION OF bench_panel FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER w1 OPTIONS (table_name 'bench_panel_p0');
CREATE FOREIGN TABLE bench_panel_p1 PARTITION OF bench_panel FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER w2 OPTIONS (table_name 'bench_panel_p1');
SELECT setseed(0.5);
-- y in the INSERT itself: an UPDATE with random() is not pushed to the shards (one remote update per row).
INSERT INTO bench_panel SELECT id, year, 1.5 * x1 - 0.7 * x2 + (id % 13) * 0.2 + (year - 2000) * 0.1 + random() - 0.5, x1, x2
  FROM (SELECT i AS id, 2000 + t AS year, random() + (i % 7) * 0.3 AS x1, random() * 2 - t * 0.05 AS x2
        FROM generate_series(1, $units) i, generate_series(1, 20) t) s;
ANALYZE bench_panel;
SQL
echo "rows: $(psql -X -At "$url" -c 'SELECT count(*) FROM bench_panel')"
table="$url?table=bench_panel"
query="$url?query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("SELECT * FROM bench_panel"))')"
results=/tmp/panelwise-bench-runs
: > "$results"
for formula in "y ~ x1 + x2 | id" "y ~ x1 + x2 | id + year"; do
  for run in $(seq 1 "$runs"); do
    for path in shards coordinator pulled ${BASELINE_CLI:+baseline}; do
      source=$table; extra=(); run_cli=("${cli[@]}")
      [[ $path == baseline ]] && run_cli=(dotnet "$BASELINE_CLI")
      [[ $path == coordinator ]] && source=$query
      [[ $path == pulled ]] && extra=(--if "year > 0")   # a filter makes the CLI pull the rows and fit in memory
      load=$(cut -d' ' -f1 /proc/loadavg)
      /usr/bin/time -f "%e %M" -o /tmp/panelwise-bench-time "${run_cli[@]}" fit "$source" "$formula" \
        --vcov cluster:id --json "${extra[@]}" > /tmp/panelwise-bench.json
      read -r wall rss < /tmp/panelwise-bench-time
      engine=$(python3 -c "import json; d=json.load(open('/tmp/panelwise-bench.json')); print(d.get('engine', '-'), d['coefficients'][0]['estimate'])")
      echo "$formula | $path | run $run | $wall s wall, $((rss / 1024)) MB peak RSS | load $load | $engine"
      printf '%s\t%s\t%s\n' "$formula" "$path" "$wall" >> "$results"
    done
  done
done
echo "median wall seconds over $runs runs:"
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
for f in dict.fromkeys(r[0] for r in rows):
    print(f"{f}: " + ", ".join(f"{p} {statistics.median(float(r[2]) for r in rows if r[0] == f and r[1] == p):.1f}"
                               for p in dict.fromkeys(r[1] for r in rows)))
PY
