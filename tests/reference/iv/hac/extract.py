"""Collects the Stata ivreg2 results that the HAC tests use into stata_ivreg2_hac.json.

Source: the public repository restatr/ivreg2r, tests/stata-benchmarks/fixtures/ (commit 8c666db1f275793cd5fe6a6a3dcf1078e18f9314),
written by Stata running that repository's generate-hac-fixtures.do (ts_hac_*), generate-gmm-fixtures.do (ts_gmm2s_*) and
generate-ck-fixtures.do (wp_dk_*). Data copied from the same folder: ts_hac_data.csv (= ts_gmm_data.csv; a column id = 1
added so that the single series is a panel for --panel id,t) and wagepan_data.csv (Wooldridge's wagepan, only the
columns used). Usage: python3 extract.py FIXTURE_DIR > stata_ivreg2_hac.json
"""
import csv
import json
import os
import sys

CASES = {
    "ts_hac_bartlett_bw3": "ivreg2 y w (x = z1 z2), bw(3) kernel(bartlett) robust  [tsset t]",
    "ts_gmm2s_hac_bartlett_bw3": "ivreg2 y w (x = z1 z2), gmm2s bw(3) kernel(bartlett) robust  [tsset t]",
    "wp_dk_bar3_overid": "ivreg2 lwage exper expersq married union (hours = educ black), dkraay(3)  [xtset nr year]",
    "wp_dk_bar3_overid_small": "ivreg2 lwage exper expersq married union (hours = educ black), dkraay(3) small  [xtset nr year]",
    "wp_dk_bar3_justid": "ivreg2 lwage exper expersq married union (hours = educ), dkraay(3)  [xtset nr year]",
}


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def number(text):
    return float(text) if text not in ("", ".") else None


root = sys.argv[1]
out = {"source": "Stata ivreg2 output stored in restatr/ivreg2r tests/stata-benchmarks/fixtures (see extract.py)", "cases": {}}
for name, command in CASES.items():
    stem = {"ts_hac_bartlett_bw3": ("ts_hac", "bartlett_bw3"), "ts_gmm2s_hac_bartlett_bw3": ("ts_gmm2s", "hac_bartlett_bw3"),
            "wp_dk_bar3_overid": ("wp_dk", "bar3_overid"), "wp_dk_bar3_overid_small": ("wp_dk", "bar3_overid_small"),
            "wp_dk_bar3_justid": ("wp_dk", "bar3_justid")}[name]
    coef = rows(os.path.join(root, f"{stem[0]}_coef_{stem[1]}.csv"))
    vcov = rows(os.path.join(root, f"{stem[0]}_vcov_{stem[1]}.csv"))
    diag = rows(os.path.join(root, f"{stem[0]}_diagnostics_{stem[1]}.csv"))[0]
    out["cases"][name] = {
        "command": command,
        "terms": [r["term"] for r in coef],
        "coefficients": {r["term"]: [float(r["estimate"]), float(r["std_error"])] for r in coef},
        "vcov": [[float(v) for v in r.values()] for r in vcov],
        "diagnostics": {k: number(v) for k, v in diag.items()},
    }
json.dump(out, sys.stdout, indent=1)
