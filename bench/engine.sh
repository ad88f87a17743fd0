#!/usr/bin/env bash
# Push-down fit on the project's sharded PostgreSQL cluster vs the same rows pulled and fitted in memory.
#   bench/engine.sh [ROWS]   (default 1000000; units of 20 years, hash-sharded on id over two workers)
# Prints, per model and path: wall seconds, client peak RSS, and the engine block (passes, rows scanned, bytes fetched).
# The cluster is started with scripts/pg-cluster (left running; `scripts/pg-cluster down` stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-1000000}"
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
for formula in "y ~ x1 + x2 | id" "y ~ x1 + x2 | id + year"; do
  for path in engine pulled; do
    extra=(); [[ $path == pulled ]] && extra=(--if "year > 0")   # a filter makes the CLI pull the rows and fit in memory
    /usr/bin/time -f "%e s wall, %M KB peak RSS" -o /tmp/panelwise-bench-time "${cli[@]}" fit "$url?table=bench_panel" "$formula" \
      --vcov cluster:id --json "${extra[@]}" > /tmp/panelwise-bench.json
    engine=$(python3 -c "import json; d=json.load(open('/tmp/panelwise-bench.json')); print(d.get('engine', '-'), d['coefficients'][0]['estimate'])")
    echo "$formula | $path | $(cat /tmp/panelwise-bench-time) | $engine"
  done
done
