# Analytic weights: Root MSE and SSR as Stata reports them (regress / areg / reghdfe with [aweight=w]).
#
#   Rscript tests/reference/weights/generate.R      (from the repository root)
#
# Writes tests/reference/weights/cases.json. Stata normalises analytic weights to sum to N ([U] 20.23.1 "Analytic
# weights"; [R] regress, Methods and formulas): w~_i = w_i N / sum(w). Coefficients and standard errors do not depend on
# the scale of w; e(rss) = sum w~_i e_i^2 and e(rmse) = sqrt(e(rss)/e(df_r)) do. Here stats::lm is given the normalised
# weights, so deviance() is Stata's e(rss), sigma() its e(rmse), vcov() its iid covariance and sandwich::vcovHC(type =
# "HC1") its vce(robust). Fixed effects (areg/reghdfe absorb(firm)) enter as dummies; their slopes, rss and df are the
# absorbed model's. Data: Grunfeld (plm), tests/reference/oracle/data/grunfeld.csv; w = capital.
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
d <- read.csv(file.path(here, "..", "oracle", "data", "grunfeld.csv"))
d$wn <- d$capital * nrow(d) / sum(d$capital)
one <- function(id, formula, rhs_lm, slopes) {
  m <- lm(as.formula(paste("inv ~", rhs_lm)), data = d, weights = wn)
  # Unnormalised weights give the same coefficients and standard errors, but another deviance.
  m_raw <- lm(as.formula(paste("inv ~", rhs_lm)), data = d, weights = capital)
  stopifnot(max(abs(coef(m) - coef(m_raw))) < 1e-8, abs(deviance(m_raw) / deviance(m) - sum(d$capital) / nrow(d)) < 1e-8)
  list(id = id, formula = formula, weights = "capital", nobs = nrow(d), df_resid = m$df.residual,
       rss = deviance(m), rmse = sigma(m), rss_raw_weights = deviance(m_raw),
       coefficients = lapply(slopes, function(s) list(term = s, estimate = unname(coef(m)[s]),
         se_iid = sqrt(vcov(m)[s, s]), se_hc1 = sqrt(vcovHC(m, type = "HC1")[s, s]))))
}
cases <- list(
  one("ols", "inv ~ value + capital", "value + capital", c("value", "capital")),
  one("fe_firm", "inv ~ value + capital | firm", "value + capital + factor(firm)", c("value", "capital")))
writeLines(toJSON(list(source = "tests/reference/weights/generate.R", r = R.version.string,
                       convention = "aweights normalised to sum to N for rss and rmse (Stata); SEs unchanged by the scale of w",
                       cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "cases.json"))
