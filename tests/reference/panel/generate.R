# Reference values for Panelwise's panel models (--model fe | re | be | fd, BP LM) on Grunfeld, balanced and unbalanced.
#
#   Rscript tests/reference/panel/generate.R        (from the repository root)
#
# Writes tests/reference/panel/cases.json. Each number is computed with explicit matrix algebra under Stata's xtreg
# conventions and, where a package implements the same convention, cross-checked against it (plm::plm, plm::plmtest);
# crosscheck_max_rel_diff holds the largest relative difference, and the script stops above 1e-9.
# Unbalanced random effects follow Stata's xtreg, re default, NOT plm: sigma_u^2 = SSR_b/(n-K) - sigma_e^2/Tbar with the
# unweighted between regression on unit means and Tbar the harmonic mean of T_i. plm's unbalanced "swar" (between
# regression weighted by T_i, trace correction) is stored beside it under "plm_swar" for information only.
# The unbalanced sample is Grunfeld without firms 8-10 from 1945 on and without firm 2 in 1940 (a gap):
#   --if "!(firm >= 8 & year >= 1945) & !(firm == 2 & year == 1940)"

suppressPackageStartupMessages({ library(plm); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()
g_all <- read.csv(file.path(here, "..", "oracle", "data", "grunfeld.csv"))
unbalanced <- subset(g_all, !(firm >= 8 & year >= 1945) & !(firm == 2 & year == 1940))
SUBSET <- "!(firm >= 8 & year >= 1945) & !(firm == 2 & year == 1940)"
maxdiff <- 0
check <- function(a, b) { d <- max(abs(a - b) / pmax(abs(b), 1e-300)); maxdiff <<- max(maxdiff, d); if (d > 1e-9) stop("crosscheck failed: ", d) }
ols <- function(X, y) { y <- as.vector(y); XtXi <- solve(crossprod(X)); b <- drop(XtXi %*% crossprod(X, y)); e <- drop(y - X %*% b); list(b = b, e = e, ssr = sum(e^2), XtXi = XtXi) }
umean <- function(x, id) ave(x, id)
corr2 <- function(a, b) cor(a, b)^2
xtreg_r2 <- function(d, b) {   # b: slopes for value, capital
  xb <- drop(as.matrix(d[, c("value", "capital")]) %*% b)
  c(within = corr2(d$inv - umean(d$inv, d$firm), xb - umean(xb, d$firm)),
    between = corr2(tapply(d$inv, d$firm, mean), tapply(xb, d$firm, mean)),
    overall = corr2(d$inv, xb))
}
coef_rows <- function(b, se, z = TRUE, df = NA) lapply(names(b), function(nm) {
  st <- b[[nm]] / se[[nm]]
  list(name = nm, estimate = b[[nm]], se = se[[nm]], stat = st, p = if (z) 2 * pnorm(-abs(st)) else 2 * pt(-abs(st), df))
})

fe_case <- function(d, id, sample) {
  X <- as.matrix(d[, c("value", "capital")]); N <- nrow(d); n <- length(unique(d$firm)); k <- 2
  Xw <- X - apply(X, 2, umean, id = d$firm); yw <- d$inv - umean(d$inv, d$firm)
  w <- ols(Xw, yw); b <- w$b
  s2 <- w$ssr / (N - n - k); cons <- mean(d$inv) - sum(colMeans(X) * b)
  u <- tapply(d$inv - X %*% b, d$firm, mean) - cons
  pooled <- ols(cbind(1, X), d$inv)
  F <- ((pooled$ssr - w$ssr) / (n - 1)) / (w$ssr / (N - n - k))
  p <- plm(inv ~ value + capital, data = pdata.frame(d, index = c("firm", "year")), model = "within")
  check(b, coef(p)); check(sqrt(diag(s2 * w$XtXi)), sqrt(diag(vcov(p))))
  r2 <- xtreg_r2(d, b)
  list(id = id, sample = sample, model = "fe", nobs = N, n_groups = n,
       coefficients = coef_rows(b, sqrt(diag(s2 * w$XtXi)), FALSE, N - n - k),
       sigma_u = sd(u), sigma_e = sqrt(s2), rho = var(u) / (var(u) + s2),
       r2_within = r2[["within"]], r2_between = r2[["between"]], r2_overall = r2[["overall"]],
       f_u = list(F = F, df1 = n - 1, df2 = N - n - k, p = pf(F, n - 1, N - n - k, lower.tail = FALSE)))
}

re_case <- function(d, id, sample) {
  X <- as.matrix(d[, c("value", "capital")]); N <- nrow(d); ids <- sort(unique(d$firm)); n <- length(ids); k <- 2
  Ti <- as.vector(table(d$firm)); tbar <- n / sum(1 / Ti)
  Xw <- X - apply(X, 2, umean, id = d$firm); yw <- d$inv - umean(d$inv, d$firm)
  s2e <- ols(Xw, yw)$ssr / (N - n - k)
  Xb <- cbind(1, apply(X, 2, function(x) tapply(x, d$firm, mean))); yb <- tapply(d$inv, d$firm, mean)
  s2u <- max(0, ols(Xb, yb)$ssr / (n - 3) - s2e / tbar)
  theta_u <- 1 - sqrt(s2e / (Ti * s2u + s2e)); theta <- theta_u[match(d$firm, ids)]
  Xs <- cbind(`_cons` = 1 - theta, X - theta * apply(X, 2, umean, id = d$firm)); ys <- d$inv - theta * umean(d$inv, d$firm)
  r <- ols(Xs, ys); s2 <- r$ssr / (N - 3); se <- sqrt(diag(s2 * r$XtXi)); names(se) <- names(r$b)
  pd <- pdata.frame(d, index = c("firm", "year"))
  pooled <- plm(inv ~ value + capital, data = pd, model = "pooling")
  bp <- plmtest(pooled, type = "bp")
  e <- ols(cbind(1, X), d$inv)$e
  lm <- N^2 / (2 * sum(Ti * (Ti - 1))) * (sum(tapply(e, d$firm, sum)^2) / sum(e^2) - 1)^2
  check(lm, unname(bp$statistic))
  p <- plm(inv ~ value + capital, data = pd, model = "random", random.method = "swar")
  check(s2e, ercomp(p)$sigma2[["idios"]])
  if (length(unique(Ti)) == 1) { check(r$b, coef(p)); check(se, sqrt(diag(vcov(p)))); check(theta_u[1], ercomp(p)$theta[1]) }
  r2 <- xtreg_r2(d, r$b[c("value", "capital")])
  q <- function(pct) { s <- sort(theta_u); at <- n * pct / 100; j <- floor(at); if (at > j) s[j + 1] else (s[j] + s[j + 1]) / 2 }
  list(id = id, sample = sample, model = "re", balanced = length(unique(Ti)) == 1, nobs = N, n_groups = n, tbar_harmonic = tbar,
       coefficients = coef_rows(r$b, se),
       sigma_u = sqrt(s2u), sigma_e = sqrt(s2e), rho = s2u / (s2u + s2e),
       theta_min = min(theta_u), theta_p5 = q(5), theta_median = q(50), theta_p95 = q(95), theta_max = max(theta_u),
       r2_within = r2[["within"]], r2_between = r2[["between"]], r2_overall = r2[["overall"]],
       bp_lm = list(stat = unname(bp$statistic), df = 1, p = unname(bp$p.value)),
       plm_swar = list(note = "plm's unbalanced Swamy-Arora, for information (not Stata's; not what Panelwise computes)",
                       coefficients = as.list(coef(p)), sigma_u = sqrt(ercomp(p)$sigma2[["id"]]), sigma_e = sqrt(ercomp(p)$sigma2[["idios"]])))
}

be_case <- function(d, id, sample) {
  X <- apply(as.matrix(d[, c("value", "capital")]), 2, function(x) tapply(x, d$firm, mean)); yb <- tapply(d$inv, d$firm, mean)
  n <- nrow(X); r <- ols(cbind(`_cons` = 1, X), yb); s2 <- r$ssr / (n - 3); se <- sqrt(diag(s2 * r$XtXi)); names(se) <- names(r$b)
  p <- plm(inv ~ value + capital, data = pdata.frame(d, index = c("firm", "year")), model = "between")
  check(unname(r$b), unname(coef(p))); check(unname(se), unname(sqrt(diag(vcov(p)))))
  r2 <- xtreg_r2(d, r$b[c("value", "capital")])
  # Stata's xtreg, be prints "Number of obs" = the rows (N) and "Number of groups" = the units (n); df = n - K.
  list(id = id, sample = sample, model = "be", nobs = nrow(d), n_groups = n, df_resid = n - 3,
       coefficients = coef_rows(r$b, se, FALSE, n - 3),
       r2 = 1 - r$ssr / sum((yb - mean(yb))^2),
       r2_within = r2[["within"]], r2_between = r2[["between"]], r2_overall = r2[["overall"]])
}

fd_case <- function(d, id, sample) {   # time-indexed differences: a gap gives no difference
  key <- paste(d$firm, d$year); prev <- match(paste(d$firm, d$year - 1), key); ok <- !is.na(prev)
  D <- function(v) (v - v[prev])[ok]
  X <- cbind(`_cons` = 1, `d(value)` = D(d$value), `d(capital)` = D(d$capital)); y <- D(d$inv); N <- nrow(X)
  r <- ols(X, y); s2 <- r$ssr / (N - 3); se <- sqrt(diag(s2 * r$XtXi)); names(se) <- names(r$b)
  list(id = id, sample = sample, model = "fd", nobs = N, coefficients = coef_rows(r$b, se, FALSE, N - 3),
       r2 = 1 - r$ssr / sum((y - mean(y))^2))
}

cases <- list(
  fe_case(g_all, "grunfeld_fe_balanced", "all rows"),
  fe_case(unbalanced, "grunfeld_fe_unbalanced", SUBSET),
  re_case(g_all, "grunfeld_re_balanced", "all rows"),
  re_case(unbalanced, "grunfeld_re_unbalanced", SUBSET),
  be_case(g_all, "grunfeld_be_balanced", "all rows"),
  be_case(unbalanced, "grunfeld_be_unbalanced", SUBSET),
  fd_case(unbalanced, "grunfeld_fd_gap", SUBSET))
out <- list(generated_by = "tests/reference/panel/generate.R",
            source = sprintf("R %s.%s, plm %s; explicit matrix algebra (Stata xtreg conventions), cross-checked with plm", R.version$major, R.version$minor, packageVersion("plm")),
            crosscheck_max_rel_diff = maxdiff, cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(17), pretty = TRUE, null = "null"), file.path(here, "cases.json"))
cat("max cross-check difference:", maxdiff, "\n")
