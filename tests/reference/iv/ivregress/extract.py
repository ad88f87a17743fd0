"""Extracts the Stata ivregress results that the tests use from linearmodels' stored Stata log.

Source: the public repository bashtage/linearmodels, linearmodels/tests/iv/results/stata-iv-simulated-results.txt
(blob 8fd713d8ec0e120e5087b03584dd4f977d7409de), written by Stata 13 running execute-stata-simulated-data.py in the same
folder on simulated-data.dta (converted to simulated_data.csv here with R's foreign::read.dta, values printed with
%.17g; the column id = 1 makes the single time series a panel for --panel id,time, and period = time mod 5
with units cluster_id gives a panel of 120 units x 5 periods for generate.R).
Usage: python3 extract.py /path/to/stata-iv-simulated-results.txt > stata_ivregress.json
"""
import json
import sys

MODEL = "num_endog_1-num_exog_3-num_instr_2-weighted_False"
CASES = {
    # name: (section header, dependent variable, Stata command as run)
    "gmm_robust": ("gmm-{m}-wmatrix(robust)-", "y_robust", "ivregress gmm y_robust x3 x4 x5 (x1 = z1 z2), wmatrix(robust)"),
    "gmm_robust_small": ("gmm-{m}-wmatrix(robust)-small", "y_robust", "ivregress gmm y_robust x3 x4 x5 (x1 = z1 z2), wmatrix(robust) small"),
    "gmm_cluster": ("gmm-{m}-wmatrix(cluster cluster_id)-", "y_clustered", "ivregress gmm y_clustered x3 x4 x5 (x1 = z1 z2), wmatrix(cluster cluster_id)"),
    "gmm_cluster_small": ("gmm-{m}-wmatrix(cluster cluster_id)-small", "y_clustered", "ivregress gmm y_clustered x3 x4 x5 (x1 = z1 z2), wmatrix(cluster cluster_id) small"),
    "gmm_hac": ("gmm-{m}-wmatrix(hac bartlett 12)-", "y_kernel", "ivregress gmm y_kernel x3 x4 x5 (x1 = z1 z2), wmatrix(hac bartlett 12)"),
    "gmm_hac_small": ("gmm-{m}-wmatrix(hac bartlett 12)-small", "y_kernel", "ivregress gmm y_kernel x3 x4 x5 (x1 = z1 z2), wmatrix(hac bartlett 12) small"),
    "2sls_iid": ("2sls-{m}-vce(unadjusted)-", "y_unadjusted", "ivregress 2sls y_unadjusted x3 x4 x5 (x1 = z1 z2), vce(unadjusted)"),
    "2sls_robust": ("2sls-{m}-vce(robust)-", "y_robust", "ivregress 2sls y_robust x3 x4 x5 (x1 = z1 z2), vce(robust)"),
    "2sls_cluster": ("2sls-{m}-vce(cluster cluster_id)-", "y_clustered", "ivregress 2sls y_clustered x3 x4 x5 (x1 = z1 z2), vce(cluster cluster_id)"),
    "2sls_hac": ("2sls-{m}-vce(hac bartlett 12)-", "y_kernel", "ivregress 2sls y_kernel x3 x4 x5 (x1 = z1 z2), vce(hac bartlett 12)"),
    "2sls_hac_small": ("2sls-{m}-vce(hac bartlett 12)-small", "y_kernel", "ivregress 2sls y_kernel x3 x4 x5 (x1 = z1 z2), vce(hac bartlett 12) small"),
}


def section(lines, header):
    start = lines.index(f"########## !{header}! ##########")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("##########")), len(lines))
    return lines[start + 1:end]


def parse(block):
    stats, coef, vcov = {}, {}, {}
    i = 0
    while not block[i].startswith("*********"):
        parts = block[i].split("\t")
        if len(parts) == 2 and parts[0] and parts[0] not in (".",):
            name, value = parts
            if name in ("r2", "r2_a", "mss", "rss", "rmse", "J", "chi2", "F", "p", "kappa"):
                stats[name] = float(value)
            else:
                coef[name] = float(value)
        i += 1
    i += 2  # "V" and the column names
    names = [n for n in block[i].split("\t") if n]
    i += 1
    for row in block[i:i + len(names)]:
        parts = row.split("\t")
        vcov[parts[0]] = [float(v) for v in parts[1:1 + len(names)]]
    return coef, stats, names, vcov


lines = open(sys.argv[1]).read().split("\n")
out = {"source": "Stata 13 ivregress output stored in bashtage/linearmodels, linearmodels/tests/iv/results/stata-iv-simulated-results.txt (see extract.py)",
       "cases": {}}
for name, (header, depvar, command) in CASES.items():
    coef, stats, names, vcov = parse(section(lines, header.format(m=MODEL)))
    out["cases"][name] = {"command": command, "response": depvar, "coefficients": coef, "terms": names,
                          "vcov": [vcov[n] for n in names], **stats}
json.dump(out, sys.stdout, indent=1)
