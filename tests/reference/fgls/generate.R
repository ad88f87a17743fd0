# Reference values for Panelwise's --model fgls (Stata xtgls: panels(iid|hetero|correlated) x corr(independent|ar1|psar1)).
#
#   Rscript tests/reference/fgls/generate.R        (any working directory)
#
# These are NOT Stata output: they re-implement, with explicit matrix algebra (a dense Omega, no transformation tricks),
# the formulas documented in the Stata manual (xtgls, Methods and formulas), two-step, rhotype(regress):
#   1. pooled OLS residuals e;
#   2. corr(ar1|psar1): rho_i = sum_t e_it e_i,t-1 / sum_t e_i,t-1^2 (regression of e_t on e_t-1 without constant);
#      ar1 uses the mean of the rho_i for every panel. With P the block-diagonal Prais-Winsten matrix (row 1 of a panel
#      sqrt(1-rho^2) e_1', row t e_t' - rho e_t-1'), the error covariance is Omega = P^-1 Sigma P^-T, i.e.
#      Omega^-1 = P' Sigma^-1 P, and the panel variances come from the residuals of OLS on the transformed data P y, P X;
#   3. panels(iid) sigma^2 = e'e/N; panels(hetero) sigma_i^2 = e_i'e_i/T_i; panels(correlated) sigma_ij = e_i'e_j/T;
#   4. b = (X' Omega^-1 X)^-1 X' Omega^-1 y, V = (X' Omega^-1 X)^-1, z statistics, p = 2(1 - Phi(|z|)).
# Writes tests/reference/fgls/cases.json.

suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()
ref_root <- normalizePath(file.path(here, ".."))

# Prais-Winsten matrix of one panel of length T: row 1 = sqrt(1-rho^2) e_1', row t = e_t' - rho e_t-1'.
pw_matrix <- function(T, rho) {
  P <- diag(T); P[1, 1] <- sqrt(1 - rho^2)
  if (T > 1) for (t in 2:T) P[t, t - 1] <- -rho
  P
}

xtgls <- function(d, id, time, depvar, regs, panels, corr) {
  d <- d[order(d[[id]], d[[time]]), ]
  unit <- as.integer(factor(d[[id]])); n <- max(unit); N <- nrow(d)
  X <- cbind(as.matrix(d[, regs]), `_cons` = 1); y <- d[[depvar]]
  ols <- function(X, y) drop(solve(crossprod(X), crossprod(X, y)))
  e <- drop(y - X %*% ols(X, y))
  # block-diagonal Prais-Winsten matrix P (identity without autocorrelation)
  P <- diag(N); rho <- rep(0, n)
  if (corr != "independent") {
    for (i in 1:n) {
      ei <- e[unit == i]; Ti <- length(ei)
      rho[i] <- sum(ei[-1] * ei[-Ti]) / sum(ei[-Ti]^2)
    }
    if (corr == "ar1") rho <- rep(mean(rho), n)
    if (any(abs(rho) >= 1)) stop("a rho is outside (-1, 1)")
    for (i in 1:n) { idx <- which(unit == i); P[idx, idx] <- pw_matrix(length(idx), rho[i]) }
  }
  ys <- drop(P %*% y); Xs <- P %*% X
  es <- drop(ys - Xs %*% ols(Xs, ys))
  # Sigma: covariance of the Prais-Winsten-transformed errors; Omega^-1 = P' Sigma^-1 P
  if (panels == "iid") Sinv <- diag(N) / (sum(es^2) / N)
  if (panels == "hetero") Sinv <- diag(1 / (tapply(es^2, unit, sum) / tabulate(unit))[unit])
  if (panels == "correlated") {
    T <- N / n; stopifnot(all(tabulate(unit) == T))
    E <- matrix(es, nrow = T)                 # column i = panel i (rows sorted by id then time)
    Sig <- crossprod(E) / T
    Sinv <- kronecker(solve(Sig), diag(T))    # rows are ordered panel-major: Omega = Sigma (x) I_T
  }
  Oinv <- t(P) %*% Sinv %*% P
  V <- solve(t(X) %*% Oinv %*% X)
  b <- drop(V %*% t(X) %*% Oinv %*% y)
  se <- sqrt(diag(V)); z <- b / se
  terms <- c(regs, "_cons")
  list(panels = panels, corr = corr, nobs = N, rho = if (corr == "independent") NULL else unname(rho),
       coefficients = lapply(seq_along(terms), function(j) list(term = terms[j], estimate = unname(b[j]),
         std_error = unname(se[j]), statistic = unname(z[j]), p_value = unname(2 * pnorm(-abs(z[j]))))))
}

grunfeld <- read.csv(file.path(ref_root, "oracle/data/grunfeld.csv"))
produc <- read.csv(file.path(ref_root, "oracle/data/produc.csv"))
cases <- list()
# Grunfeld: panel rhos of firms 3, 5, 9 and 10 exceed 1, so psar1 is undefined there (Panelwise stops with an error).
for (panels in c("iid", "hetero", "correlated")) for (corr in c("independent", "ar1")) {
  r <- xtgls(grunfeld, "firm", "year", "inv", c("value", "capital"), panels, corr)
  cases[[length(cases) + 1]] <- c(list(id = sprintf("grunfeld_%s_%s", panels, corr), data = "oracle/data/grunfeld.csv",
    panel = c("firm", "year"), formula = "inv ~ value + capital"), r)
}
pr <- c("log_pcap", "log_pc", "log_emp", "unemp")
# psar1 on the Grunfeld firms whose OLS-residual rhos stay below 1 in that subsample.
keep <- "firm == 2 | firm == 4 | firm == 6 | firm == 7"
gsub_ <- grunfeld[grunfeld$firm %in% c(2, 4, 6, 7), ]
for (panels in c("iid", "hetero", "correlated")) {
  r <- xtgls(gsub_, "firm", "year", "inv", c("value", "capital"), panels, "psar1")
  cases[[length(cases) + 1]] <- c(list(id = sprintf("grunfeld4_%s_psar1", panels), data = "oracle/data/grunfeld.csv",
    panel = c("firm", "year"), formula = "inv ~ value + capital", `if` = keep), r)
}
# Produc: 17 periods < 48 states, so panels(correlated) is singular there; its psar1 rhos exceed 1 for some states.
for (pc in list(c("hetero", "independent"), c("iid", "ar1"), c("hetero", "ar1"))) {
  r <- xtgls(produc, "state", "year", "log_gsp", pr, pc[1], pc[2])
  cases[[length(cases) + 1]] <- c(list(id = sprintf("produc_%s_%s", pc[1], pc[2]), data = "oracle/data/produc.csv",
    panel = c("state", "year"), formula = "log_gsp ~ log_pcap + log_pc + log_emp + unemp"), r)
}
out <- list(generated_by = "tests/reference/fgls/generate.R",
            source = sprintf("R %s.%s; explicit matrix algebra re-implementing Stata's documented xtgls formulas (not Stata output)",
                             R.version$major, R.version$minor),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "cases.json"))
cat("wrote", length(cases), "cases\n")
