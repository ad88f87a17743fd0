# Reference cases for the time-aware covariances of Panelwise: Driscoll-Kraay (--vcov dk[:m]) and panel Newey-West
# (--vcov nw[:m]), pooled OLS and one-way FE (within), balanced and unbalanced panels.
#
#   Rscript tests/reference/hac/generate.R        (any working directory)
#
# Writes tests/reference/hac/cases.json. Every covariance is computed twice:
#   (1) "primary": explicit matrix algebra (scores summed by period / paired within unit, Bartlett weights), and
#   (2) "check":   plm 2.6 vcovSCC(type = "HC0") / vcovNW(type = "HC0") on plm(model = "pooling" | "within"),
# and the script stops if they differ by more than 1e-9 (relative).
# Conventions (README.md beside this file): DK: V = B S B, no finite-sample factor, t(T-1).
# NW: V = N/(N-K) B S B (Stata newey's factor; K = coefficients incl. _cons + absorbed FE levels), t(N-K).
# Lags count the periods present in the sample (plm's vcovG pairs the i-th and (i-l)-th time level).

suppressPackageStartupMessages({ library(plm); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()
ref_root <- normalizePath(file.path(here, ".."))

bartlett <- function(l, m) 1 - l / (m + 1)

# X: design incl. intercept column (pooled) or within-transformed slopes (FE); e: residuals; id, per: unit and period rank
meat_dk <- function(X, e, per, m) {
  H <- rowsum(X * e, per)                       # h_t, ordered by period
  S <- crossprod(H)
  if (m > 0) for (l in 1:m) {
    T <- nrow(H); O <- crossprod(H[(l + 1):T, , drop = FALSE], H[1:(T - l), , drop = FALSE])
    S <- S + bartlett(l, m) * (O + t(O))
  }
  S
}
meat_nw <- function(X, e, id, per, m) {
  s <- X * e
  S <- crossprod(s)
  if (m > 0) for (l in 1:m) {
    key <- paste(id, per); lagkey <- paste(id, per - l)
    j <- match(lagkey, key)                      # the same unit, l periods earlier, if present
    ok <- !is.na(j)
    O <- crossprod(s[ok, , drop = FALSE], s[j[ok], , drop = FALSE])
    S <- S + bartlett(l, m) * (O + t(O))
  }
  S
}

make_case <- function(id, dataset, d, depvar, regs, fe, vcov, m, panel) {
  d <- d[order(d[[panel[1]]], d[[panel[2]]]), ]
  N <- nrow(d)
  unit <- as.integer(factor(d[[panel[1]]]))
  per <- as.integer(factor(d[[panel[2]]]))       # rank among the periods present
  T <- max(per)
  y <- d[[depvar]]; X <- as.matrix(d[, regs])
  if (fe) {
    dm <- function(v) v - ave(v, unit)
    Xw <- apply(X, 2, dm); yw <- dm(y)
    b <- solve(crossprod(Xw), crossprod(Xw, yw)); e <- drop(yw - Xw %*% b)
    B <- solve(crossprod(Xw)); Xs <- Xw
    K <- ncol(X) + length(unique(unit))          # slopes + _cons + (n-1) absorbed levels
    b_all <- drop(b); names(b_all) <- regs
  } else {
    Xa <- cbind(X, `_cons` = 1)
    b <- solve(crossprod(Xa), crossprod(Xa, y)); e <- drop(y - Xa %*% b)
    B <- solve(crossprod(Xa)); Xs <- Xa
    K <- ncol(Xa)
    b_all <- drop(b); names(b_all) <- colnames(Xa)
  }
  if (vcov == "dk") { V <- B %*% meat_dk(Xs, e, per, m) %*% B; df <- T - 1L }
  else { V <- N / (N - K) * B %*% meat_nw(Xs, e, unit, per, m) %*% B; df <- N - K }

  pd <- pdata.frame(d, index = panel)
  f <- as.formula(paste(depvar, "~", paste(regs, collapse = " + ")))
  pm <- plm(f, data = pd, model = if (fe) "within" else "pooling")
  Vc <- if (vcov == "dk") vcovSCC(pm, type = "HC0", maxlag = m) else N / (N - K) * vcovNW(pm, type = "HC0", maxlag = m)
  nm <- if (fe) regs else c(regs, "(Intercept)")
  Vp <- V[seq_along(nm), seq_along(nm)]
  diff <- max(abs(diag(Vp) - diag(Vc[nm, nm])) / diag(Vc[nm, nm]), abs(b_all[seq_along(nm)] - coef(pm)[nm]) / abs(coef(pm)[nm]))
  if (diff > 1e-9) stop(sprintf("%s: algebra and plm differ by %g", id, diff))

  se <- sqrt(diag(V)); tt <- b_all / se; p <- 2 * pt(-abs(tt), df)
  terms <- if (fe) regs else c(regs, "_cons")
  list(id = id, data = paste0("oracle/data/", dataset), panel = panel,
       formula = paste0(depvar, " ~ ", paste(regs, collapse = " + "), if (fe) paste0(" | ", panel[1]) else ""),
       vcov = paste0(vcov, ":", m), lag = m, nobs = N, periods = T, K = K, t_df = df,
       coefficients = lapply(seq_along(terms), function(j) list(term = terms[j], estimate = unname(b_all[j]),
         std_error = unname(se[j]), statistic = unname(tt[j]), p_value = unname(p[j]))),
       crosscheck = if (vcov == "dk") "plm::vcovSCC(type='HC0')" else "N/(N-K) * plm::vcovNW(type='HC0')",
       crosscheck_max_rel_diff = signif(diff, 3))
}

produc <- read.csv(file.path(ref_root, "oracle/data/produc.csv"))
grunfeld <- read.csv(file.path(ref_root, "oracle/data/grunfeld.csv"))
# An unbalanced panel: firm 1 loses 1940 (a gap inside the unit), firm 3 its last two years.
grunfeld_unbal <- grunfeld[!((grunfeld$firm == 1 & grunfeld$year == 1940) | (grunfeld$firm == 3 & grunfeld$year >= 1953)), ]
write.csv(grunfeld_unbal, file.path(here, "grunfeld_unbalanced.csv"), row.names = FALSE)
pr <- c("log_pcap", "log_pc", "log_emp", "unemp"); gr <- c("value", "capital")
cases <- list(
  make_case("produc_pooled_nw2", "produc.csv", produc, "log_gsp", pr, FALSE, "nw", 2L, c("state", "year")),
  make_case("produc_fe_nw2", "produc.csv", produc, "log_gsp", pr, TRUE, "nw", 2L, c("state", "year")),
  make_case("produc_pooled_dk3", "produc.csv", produc, "log_gsp", pr, FALSE, "dk", 3L, c("state", "year")),
  make_case("grunfeld_fe_nw3", "grunfeld.csv", grunfeld, "inv", gr, TRUE, "nw", 3L, c("firm", "year")),
  make_case("grunfeld_unbalanced_pooled_nw2", "grunfeld_unbalanced.csv", grunfeld_unbal, "inv", gr, FALSE, "nw", 2L, c("firm", "year")),
  make_case("grunfeld_unbalanced_fe_dk2", "grunfeld_unbalanced.csv", grunfeld_unbal, "inv", gr, TRUE, "dk", 2L, c("firm", "year")))
cases[[5]]$data <- "hac/grunfeld_unbalanced.csv"; cases[[6]]$data <- "hac/grunfeld_unbalanced.csv"
out <- list(generated_by = "tests/reference/hac/generate.R",
            source = sprintf("R %s.%s, plm %s; explicit matrix algebra cross-checked with plm", R.version$major, R.version$minor, packageVersion("plm")),
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "cases.json"))
cat("wrote", length(cases), "cases\n")
