# Reference cases for Panelwise linear models (OLS, WLS, absorbed fixed effects) on the oracle datasets.
#
#   Rscript tests/reference/linear/generate.R        (from the repository root; any working directory works)
#
# Writes tests/reference/linear/cases.json. Every number is computed twice:
#   (1) "primary": explicit matrix algebra with Stata's conventions (regress / xtreg, fe / reghdfe), and
#   (2) "check":   stats::lm (with dummy variables for the fixed effects, sum-to-zero contrasts so the LSDV intercept
#                  is xtreg's _cons), sandwich::vcovHC / vcovCL, plm::plm and lmtest::waldtest,
# and the largest relative difference between the two is stored in crosscheck_max_rel_diff.
# The script stops if any difference exceeds 1e-9. See README.md in this folder for the conventions.

suppressPackageStartupMessages({
  library(sandwich)
  library(plm)
  library(lmtest)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd()
ref_root <- normalizePath(file.path(here, ".."))   # tests/reference

SOURCE <- sprintf("R %s.%s (%s); stats::lm, sandwich %s, plm %s, lmtest %s; explicit matrix algebra",
                  R.version$major, R.version$minor, R.version$status,
                  packageVersion("sandwich"), packageVersion("plm"), packageVersion("lmtest"))
SOURCE <- sub(" \\(\\)", "", SOURCE)

read_data <- function(rel) {
  d <- read.csv(file.path(ref_root, rel), stringsAsFactors = FALSE)
  d
}

# ---------------------------------------------------------------------------------------------------------------
# JSON writer: numbers with the shortest of 15/16/17 significant digits that round-trips (so >= 15 digits of
# precision, exact binary64 round trip); integers as integers; scalars unboxed; I(x) or unnamed lists = arrays.
# ---------------------------------------------------------------------------------------------------------------
fmt_num <- function(x) {
  if (is.na(x)) return("null")
  if (!is.finite(x)) stop("non-finite number")
  if (is.integer(x)) return(sprintf("%d", x))
  for (d in 15:17) {
    s <- sprintf("%.*g", d, x)
    if (as.numeric(s) == x) break
  }
  s
}
fmt_str <- function(x) if (is.na(x)) "null" else as.character(jsonlite::toJSON(x, auto_unbox = TRUE))
to_json <- function(x, ind = 0) {
  pad <- strrep("  ", ind); pad1 <- strrep("  ", ind + 1)
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    parts <- vapply(x, to_json, "", ind = ind + 1)
    if (is.null(names(x)))
      return(paste0("[\n", paste0(pad1, parts, collapse = ",\n"), "\n", pad, "]"))
    return(paste0("{\n", paste0(pad1, vapply(names(x), fmt_str, ""), ": ", parts, collapse = ",\n"), "\n", pad, "}"))
  }
  f <- if (is.character(x)) fmt_str else if (is.logical(x)) function(v) if (is.na(v)) "null" else tolower(v) else fmt_num
  items <- vapply(seq_along(x), function(i) f(x[[i]]), "")
  if (inherits(x, "AsIs") || length(x) != 1) return(paste0("[", paste(items, collapse = ", "), "]"))
  items
}

reldiff <- function(a, b) {
  a <- as.numeric(a); b <- as.numeric(b)
  stopifnot(length(a) == length(b), all(is.finite(a)), all(is.finite(b)))
  max(abs(a - b) / pmax(abs(b), 1e-300))
}

# ---------------------------------------------------------------------------------------------------------------
# Primary estimator (matrix algebra)
#   y: response; X: regressors (named columns, formula order); fe: named list of factors (absorbed);
#   w: analytic weights or NULL; vcov: "iid","hc0".."hc3","cluster"; cl: named list of cluster factors (1 or 2)
# ---------------------------------------------------------------------------------------------------------------
project_out_fe <- function(v, fe) {
  # residual of v on the FE dummies (exact least-squares projection) -> v - (FE part), mean zero
  f <- as.formula(paste("v ~", paste(sprintf("fe[[%d]]", seq_along(fe)), collapse = " + ")))
  as.numeric(resid(lm(f)))
}

estimate <- function(y, X, fe = NULL, w = NULL, vcov = "iid", cl = NULL) {
  N <- length(y)
  k_all <- ncol(X)
  if (!is.null(w) && !is.null(fe)) stop("weighted FE not implemented in this generator")
  ww <- if (is.null(w)) rep(1, N) else w

  # within transform (xtreg / reghdfe style: add back the grand means so the constant is estimable)
  if (is.null(fe)) {
    Xt <- X; yt <- y
    Xa <- cbind(X, `_cons` = 1); ya <- y
  } else {
    Xt <- apply(X, 2, project_out_fe, fe = fe); dim(Xt) <- dim(X); colnames(Xt) <- colnames(X)
    yt <- project_out_fe(y, fe)
    Xa <- cbind(sweep(Xt, 2, colMeans(X), "+"), `_cons` = 1)
    ya <- yt + mean(y)
  }

  # collinearity: pivoted QR on the weighted transformed regressors; later columns are dropped (Stata "omitted")
  sw <- sqrt(ww)
  q <- qr(Xa * sw, tol = 1e-9)
  keep <- sort(q$pivot[seq_len(q$rank)])
  if (!(ncol(Xa) %in% keep)) stop("constant dropped?")
  dropped <- colnames(Xa)[setdiff(seq_len(ncol(Xa)), keep)]
  Xa <- Xa[, keep, drop = FALSE]
  X <- X[, setdiff(colnames(X), dropped), drop = FALSE]
  Xt <- Xt[, colnames(X), drop = FALSE]
  k <- ncol(X)

  # least squares by Householder QR (normal equations lose digits: the two-way demeaned logs have tiny variance
  # relative to their added-back means); bread = (X'WX)^-1 = R^-1 R^-T
  qa <- qr(Xa * sw)
  b <- setNames(drop(qr.coef(qa, ya * sw)), colnames(Xa))
  bread <- chol2inv(qr.R(qa))[order(qa$pivot), order(qa$pivot)]
  dimnames(bread) <- list(colnames(Xa), colnames(Xa))
  e <- drop(ya - Xa %*% b)
  SSR <- sum(ww * e^2)

  # degrees of freedom
  if (is.null(fe)) {
    nb_fe <- 1L; absorbed_excl_const <- 0L
  } else {
    L <- vapply(fe, nlevels, 1L)
    nb_fe <- as.integer(sum(L) - (length(fe) - 1L))      # FE parameters incl. the constant (connected graph)
    # check connectivity assumption: rank of the dummy matrix
    D <- model.matrix(as.formula(paste("~", paste(sprintf("fe[[%d]]", seq_along(fe)), collapse = " + "))))
    if (qr(D)$rank != nb_fe) stop("FE graph not connected: nb_fe formula invalid")
    nested <- vapply(names(fe), function(f) {
      if (is.null(cl)) return(FALSE)
      any(vapply(cl, function(c) all(tapply(as.integer(c), fe[[f]], function(z) length(unique(z))) == 1), TRUE))
    }, TRUE)
    S <- names(fe)[!nested]
    absorbed_excl_const <- if (length(S) == 0) 0L else as.integer(sum(L[S]) - length(S))
  }
  K <- as.integer(k + 1L + absorbed_excl_const)
  K_total <- as.integer(k + nb_fe)
  df_resid <- as.integer(N - K)

  scores <- Xa * (ww * e)
  meat_cl <- function(g) { s <- rowsum(scores, g, reorder = FALSE); crossprod(s) }
  G <- NULL
  if (vcov == "iid") {
    V <- SSR / (N - K) * bread; df_t <- N - K
  } else if (vcov %in% c("hc0", "hc1", "hc2", "hc3")) {
    h <- ww * rowSums((Xa %*% bread) * Xa)
    adj <- switch(vcov, hc0 = 1, hc1 = 1, hc2 = 1 / (1 - h), hc3 = 1 / (1 - h)^2)
    M <- crossprod(scores * sqrt(adj))
    V <- bread %*% M %*% bread * (if (vcov == "hc1") N / (N - K) else 1); df_t <- N - K
  } else if (vcov == "cluster") {
    G <- vapply(cl, function(g) length(unique(g)), 1L)
    if (length(cl) == 1) {
      M <- meat_cl(cl[[1]]); Gm <- G[[1]]
    } else if (length(cl) == 2) {
      M <- meat_cl(cl[[1]]) + meat_cl(cl[[2]]) - meat_cl(interaction(cl[[1]], cl[[2]], drop = TRUE))
      Gm <- min(G)
    } else stop("up to two cluster variables")
    V <- bread %*% M %*% bread * (Gm / (Gm - 1) * (N - 1) / (N - K)); df_t <- Gm - 1L
  } else stop("unknown vcov")
  dimnames(V) <- list(colnames(Xa), colnames(Xa))

  se <- sqrt(diag(V)); tstat <- b / se; p <- 2 * pt(-abs(tstat), df_t)

  ybar <- sum(ww * y) / sum(ww)
  TSS <- sum(ww * (y - ybar)^2)
  r2 <- 1 - SSR / TSS
  adj_r2 <- 1 - (1 - r2) * (N - 1) / (N - K_total)
  out <- list(b = b, se = se, t = tstat, p = p, V = V, N = N, K = K, K_total = K_total, nb_fe = nb_fe,
              df_resid = df_resid, df_t = as.integer(df_t), k = k, SSR = SSR, r2 = r2, adj_r2 = adj_r2,
              dropped = dropped, G = G, e = e, Xa = Xa)
  if (!is.null(fe)) {
    out$r2_within <- 1 - SSR / sum(yt^2)
    out$adj_r2_within <- 1 - (1 - out$r2_within) * (N - nb_fe) / (N - nb_fe - k)
  }
  sl <- colnames(X)
  Fst <- drop(t(b[sl]) %*% solve(V[sl, sl, drop = FALSE]) %*% b[sl]) / k
  out$F <- list(statistic = Fst, df1 = as.integer(k), df2 = as.integer(df_t),
                p_value = pf(Fst, k, df_t, lower.tail = FALSE))
  out
}

# ---------------------------------------------------------------------------------------------------------------
# Cross-check with lm / sandwich / plm / lmtest (independent route)
# ---------------------------------------------------------------------------------------------------------------
crosscheck <- function(r, y, X, fe, w, vcov, cl, pdata = NULL, plm_formula = NULL) {
  diffs <- c()
  if (length(r$dropped)) {
    # lm on all columns must drop the same (later) column(s)
    Xf <- X; colnames(Xf) <- paste0("x", seq_len(ncol(X)))
    cf_full <- coef(if (is.null(fe)) lm(y ~ Xf) else lm(y ~ Xf + ., data = as.data.frame(fe)))
    na <- sub("^Xf", "", names(cf_full)[is.na(cf_full)])
    if (!identical(colnames(X)[match(na, colnames(Xf))], r$dropped)) stop("lm drops a different column")
    diffs["lm_same_dropped"] <- 0
  }
  X <- X[, setdiff(colnames(X), r$dropped), drop = FALSE]
  sl <- colnames(X); N <- length(y)
  dat <- data.frame(y = y, X, check.names = FALSE)
  names(dat) <- c("y", paste0("x", seq_along(sl)))
  xs <- paste0("x", seq_along(sl))
  rhs <- paste(xs, collapse = " + ")
  ctr <- list()
  if (!is.null(fe)) {
    for (j in seq_along(fe)) { dat[[paste0("fe", j)]] <- fe[[j]]; ctr[[paste0("fe", j)]] <- "contr.sum" }
    rhs <- paste(rhs, "+", paste0("fe", seq_along(fe), collapse = " + "))
  }
  m <- if (is.null(w)) lm(as.formula(paste("y ~", rhs)), data = dat, contrasts = if (length(ctr)) ctr else NULL)
       else lm(as.formula(paste("y ~", rhs)), data = dat, weights = w)
  cf <- coef(m)
  if (any(is.na(cf))) stop("lm found extra collinearity")
  nm <- c(xs, "(Intercept)")
  diffs["coef"] <- reldiff(cf[nm], r$b)
  sm <- summary(m)
  diffs["r2"] <- reldiff(sm$r.squared, r$r2)
  diffs["adj_r2"] <- reldiff(sm$adj.r.squared, r$adj_r2)
  stopifnot(m$df.residual == N - r$K_total)
  # variance: LSDV sandwich, then rescaled to the case's K (LSDV counts every dummy)
  Kl <- length(cf)
  if (vcov == "iid") {
    Vc <- vcov(m) * (N - Kl) / (N - r$K)
  } else if (vcov %in% c("hc0", "hc1", "hc2", "hc3")) {
    Vc <- sandwich::vcovHC(m, type = toupper(vcov))
    if (vcov == "hc1") Vc <- Vc * (N - Kl) / (N - r$K)
  } else {
    v0 <- function(g) sandwich::vcovCL(m, cluster = g, type = "HC0", cadjust = FALSE)
    if (length(cl) == 1) {
      Vc <- v0(cl[[1]]); Gm <- length(unique(cl[[1]]))
      # sandwich's own CR1 (G/(G-1)(N-1)/(N-K)) must agree when K = LSDV K
      if (Kl == r$K) diffs["vcovCL_HC1"] <- reldiff(diag(sandwich::vcovCL(m, cluster = cl[[1]], type = "HC1"))[nm],
                                                     diag(r$V[c(sl, "_cons"), c(sl, "_cons")]))
    } else {
      Vc <- v0(cl[[1]]) + v0(cl[[2]]) - v0(interaction(cl[[1]], cl[[2]], drop = TRUE))
      Gm <- min(vapply(cl, function(g) length(unique(g)), 1L))
    }
    Vc <- Vc * Gm / (Gm - 1) * (N - 1) / (N - r$K)
  }
  Vc <- Vc[nm, nm]
  Vp <- r$V[c(sl, "_cons"), c(sl, "_cons")]
  diffs["se"] <- reldiff(sqrt(diag(Vc)), sqrt(diag(Vp)))
  # t/p via lmtest::coeftest with the case's df
  ct <- lmtest::coeftest(m, vcov. = { V2 <- vcov(m); V2[nm, nm] <- Vc; V2 }, df = r$df_t)
  diffs["t"] <- reldiff(ct[nm, 3], r$t[c(sl, "_cons")])
  diffs["p"] <- reldiff(ct[nm, 4], r$p[c(sl, "_cons")])
  # F (Wald on the slopes) via lmtest::waldtest against the model without the slopes
  if (is.null(fe)) {
    m0 <- update(m, . ~ 1)
    V2 <- vcov(m); V2[nm, nm] <- Vc
    wt <- lmtest::waldtest(m, m0, vcov = V2, test = "F")
    diffs["F"] <- reldiff(wt$F[2], r$F$statistic)
    if (vcov == "iid") diffs["F_summary_lm"] <- reldiff(sm$fstatistic[1], r$F$statistic)
  } else {
    Vs <- Vc[xs, xs, drop = FALSE]
    diffs["F"] <- reldiff(drop(t(cf[xs]) %*% solve(Vs) %*% cf[xs]) / length(xs), r$F$statistic)
    # plm within (one-way individual or two-way) for slopes and within R2
    if (!is.null(pdata)) {
      pm <- plm(plm_formula, data = pdata, model = "within", effect = if (length(fe) == 2) "twoways" else "individual")
      diffs["plm_coef"] <- reldiff(coef(pm), r$b[sl])
      diffs["plm_r2_within"] <- reldiff(summary(pm)$r.squared["rsq"], r$r2_within)
      # closed form for the iid _cons SE: s2 (1/N + xbar' (Xt'Xt)^-1 xbar)
      if (vcov == "iid") {
        s2 <- r$SSR / (N - r$K); xb <- colMeans(X)
        Xt <- r$Xa[, sl, drop = FALSE]; Xt <- sweep(Xt, 2, xb)
        se_c <- sqrt(s2 * (1 / N + drop(t(xb) %*% solve(crossprod(Xt)) %*% xb)))
        diffs["cons_se_closed_form"] <- reldiff(se_c, r$se["_cons"])
      }
      # within R2 from the LSDV residuals and the demeaned y
      yt <- project_out_fe(y, fe)
      diffs["r2_within_lsdv"] <- reldiff(1 - sum(resid(m)^2) / sum(yt^2), r$r2_within)
    }
  }
  diffs
}

# ---------------------------------------------------------------------------------------------------------------
# Case builder
# ---------------------------------------------------------------------------------------------------------------
cases <- list()
oracle <- jsonlite::fromJSON(file.path(ref_root, "oracle", "cases.json"), simplifyVector = FALSE)$cases
oracle_case <- function(id) Filter(function(c) c$id == id, oracle)[[1]]

add_case <- function(id, data_rel, formula, panel, vcov_code, weights_col, if_expr, convention,
                     d, yname, X, fe = NULL, cl = NULL, w = NULL, derived = NULL, pdata = NULL, plm_formula = NULL,
                     oracle_id = NULL, oracle_vcov_variant = NULL, oracle_terms = NULL, oracle_note = NULL,
                     oracle_fields = NULL) {
  vc <- if (grepl("^cluster:", vcov_code)) "cluster" else vcov_code
  r <- estimate(d[[yname]], X, fe = fe, w = w, vcov = vc, cl = cl)
  diffs <- crosscheck(r, d[[yname]], X, fe, w, vc, cl, pdata, plm_formula)
  worst <- max(diffs)
  cat(sprintf("%-38s N=%4d K=%3d df_t=%4d  crosscheck max rel diff %.2e (%s)\n", id, r$N, r$K, r$df_t, worst,
              names(diffs)[which.max(diffs)]))
  if (Sys.getenv("VERBOSE") != "") print(signif(diffs, 3))
  if (worst > 1e-9) { print(diffs); stop("cross-check failed for ", id) }
  terms <- c(setdiff(colnames(X), r$dropped), "_cons")
  coefs <- lapply(terms, function(tm) list(term = tm, estimate = unname(r$b[tm]), std_error = unname(r$se[tm]),
                                           statistic = unname(r$t[tm]), p_value = unname(r$p[tm])))
  cs <- list(id = id, source = SOURCE, data = data_rel, formula = formula,
             panel = if (is.null(panel)) NULL else I(panel), vcov = vcov_code,
             weights = weights_col, `if` = if_expr, convention = convention, tolerance = 1e-6,
             nobs = as.integer(r$N), df_resid = r$df_resid, t_df = r$df_t, K = r$K)
  if (!is.null(r$G)) cs$n_clusters <- as.list(setNames(as.integer(r$G), names(cl)))
  if (!is.null(fe)) cs$n_fe_levels <- as.list(vapply(fe, nlevels, 1L))
  cs$dropped <- I(r$dropped)
  cs$coefficients <- coefs
  cs$r2 <- r$r2; cs$adj_r2 <- r$adj_r2
  if (!is.null(fe)) { cs$r2_within <- r$r2_within; cs$adj_r2_within <- r$adj_r2_within }
  cs$f <- r$F
  cs$rss <- r$SSR
  if (!is.null(derived)) cs$derived <- derived
  cs$crosscheck <- paste(names(diffs), collapse = ", ")
  cs$crosscheck_max_rel_diff <- signif(max(worst, .Machine$double.eps / 2), 3)
  if (!is.null(oracle_id)) {
    oc <- oracle_case(oracle_id)
    est <- vapply(oc$coefficients, function(z) z$estimate, 1)
    names(est) <- vapply(oc$coefficients, function(z) z$name, "")
    if (is.null(oracle_vcov_variant)) {
      se <- setNames(vapply(oc$coefficients, function(z) z$se, 1), names(est))
    } else {
      v <- Filter(function(z) z$vcov == oracle_vcov_variant, oc$se_variants)[[1]]
      se <- unlist(v$se)[names(est)]
    }
    if (!is.null(oracle_terms)) { est <- est[oracle_terms]; se <- se[oracle_terms] }
    ours <- sub("^log_(.*)$", "log(\\1)", names(est)); ours[ours == "L_value"] <- "l(value, 1)"
    od <- max(reldiff(r$b[ours], est), reldiff(r$se[ours], se))
    for (f in names(oracle_fields)) od <- max(od, reldiff(r[[f]], oc[[oracle_fields[[f]]]]))
    cat(sprintf("%-38s   vs oracle %s: max rel diff %.2e\n", "", oracle_id, od))
    if (od > 1e-9) { print(rbind(ours = c(r$b[ours], r$se[ours]), oracle = c(est, se))); stop("oracle mismatch for ", id) }
    cs$oracle_case <- oracle_id
    cs$oracle_max_rel_diff <- signif(max(od, .Machine$double.eps / 2), 3)
    if (!is.null(oracle_note)) cs$oracle_note <- oracle_note
  }
  cases[[length(cases) + 1]] <<- cs
}

# ---------------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------------
GR <- "oracle/data/grunfeld.csv"; PR <- "oracle/data/produc.csv"
g <- read_data(GR)
g <- g[order(g$firm, g$year), ]
Xg <- cbind(value = g$value, capital = g$capital)
ffirm <- factor(g$firm); fyear <- factor(g$year)
pg <- pdata.frame(g, index = c("firm", "year"))

conv_ols <- function(v) switch(v,
  iid = "OLS. K = regressors + constant. iid: s2 = SSR/(N-K), V = s2 (X'X)^-1, t(N-K) (Stata regress). r2 = 1-SSR/TSS (centred), adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald test of all slopes = 0 with this vcov, F(k, N-K).",
  hc0 = "OLS. K = regressors + constant. HC0: (X'X)^-1 sum e_i^2 x_i x_i' (X'X)^-1, no small-sample factor, t(N-K). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with HC0, F(k, N-K).",
  hc1 = "OLS. K = regressors + constant. HC1 = HC0 * N/(N-K), t(N-K) (Stata regress, vce(robust)). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with HC1, F(k, N-K).",
  hc2 = "OLS. K = regressors + constant. HC2: meat sum e_i^2/(1-h_ii) x_i x_i', h_ii = x_i'(X'X)^-1 x_i, no other factor, t(N-K) (Stata vce(hc2)). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with HC2, F(k, N-K).",
  hc3 = "OLS. K = regressors + constant. HC3: meat sum e_i^2/(1-h_ii)^2 x_i x_i', no other factor, t(N-K) (Stata vce(hc3)). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with HC3, F(k, N-K).")

# 1-5 pooled OLS on Grunfeld
for (v in c("iid", "hc0", "hc1", "hc2", "hc3"))
  add_case(paste0("grunfeld_ols_", v), GR, "inv ~ value + capital", NULL, v, NULL, NULL, conv_ols(v),
           g, "inv", Xg, oracle_id = "grunfeld_pooled_ols",
           oracle_vcov_variant = if (v == "iid") NULL else toupper(v),
           oracle_fields = if (v == "iid") list(r2 = "r2", adj_r2 = "adj_r2") else NULL)

add_case("grunfeld_ols_cluster_firm", GR, "inv ~ value + capital", NULL, "cluster:firm", NULL, NULL,
         "OLS, CR1 clustered by firm: V = (X'X)^-1 (sum_g s_g s_g') (X'X)^-1 * G/(G-1) * (N-1)/(N-K), s_g = sum_{i in g} e_i x_i, K = regressors + constant = 3, G = 10; t(G-1) (Stata regress, vce(cluster firm)). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with this vcov, F(k, G-1).",
         g, "inv", Xg, cl = list(firm = ffirm))

add_case("grunfeld_ols_cluster_firm_year", GR, "inv ~ value + capital", NULL, "cluster:firm+year", NULL, NULL,
         "OLS, two-way clustering (Cameron-Gelbach-Miller): V = B (M_firm + M_year - M_firm#year) B * Gmin/(Gmin-1) * (N-1)/(N-K), B = (X'X)^-1, each meat M_c = sum_g s_g s_g' with NO per-term factor, Gmin = min(G_firm = 10, G_year = 20) = 10, K = 3; no eigenvalue fix; t(Gmin-1) (reghdfe / ivreg2 convention). The firm#year intersection has one observation per cell here, so M_firm#year = HC0 meat. F = Wald(slopes)/k with this vcov, F(k, Gmin-1).",
         g, "inv", Xg, cl = list(firm = ffirm, year = fyear))

# weighted least squares, analytic weights = capital
conv_w <- function(v) paste0(
  "Weighted least squares with analytic weights w = capital (Stata [aweight=capital], fixest weights=~capital, lm weights); results are invariant to rescaling w (Stata normalises aweights to sum to N). b = (X'WX)^-1 X'Wy. ",
  if (v == "iid") "iid: s2 = sum w_i e_i^2/(N-K), V = s2 (X'WX)^-1, t(N-K). "
  else "HC1: V = (X'WX)^-1 (sum (w_i e_i)^2 x_i x_i') (X'WX)^-1 * N/(N-K), t(N-K). ",
  "K = 3, N = number of observations (not sum of weights). r2 = 1 - sum w e^2 / sum w (y - ybar_w)^2 with ybar_w the weighted mean; adj_r2 = 1-(1-r2)(N-1)/(N-K). F = Wald(slopes)/k with this vcov, F(k, N-K).")
for (v in c("iid", "hc1"))
  add_case(paste0("grunfeld_wls_capital_", v), GR, "inv ~ value", NULL, v, "capital", NULL, conv_w(v),
           g, "inv", cbind(value = g$value), w = g$capital)

# one-way FE firm
conv_fe1 <- "Absorbed firm FE (xtreg, fe / reghdfe absorb(firm)). Slopes from the within regression. _cons = ybar - xbar'b (xtreg), its SE from regressing (y - ybar_g + ybar) on (x - xbar_g + xbar) and a constant with the same vcov. "
add_case("grunfeld_fe_firm_iid", GR, "inv ~ value + capital | firm", c("firm", "year"), "iid", NULL, NULL,
         paste0(conv_fe1, "iid: s2 = SSR/(N-K), K = k + 1 + (L_firm - 1) = 2 + 10 = 12, N-K = N - L_firm - k = 188; t(188). r2 = 1-SSR/TSS (full model incl. FE, centred TSS), adj_r2 = 1-(1-r2)(N-1)/(N-K_total), K_total = k + L_firm = 12. r2_within = 1 - SSR/sum(y - ybar_firm)^2; adj_r2_within = 1-(1-r2_within)(N-nb_fe)/(N-nb_fe-k), nb_fe = FE parameters incl. the constant = L_firm = 10 (fixest war2). F = Wald(slopes)/k, F(k, N-K) (= xtreg's F)."),
         g, "inv", Xg, fe = list(firm = ffirm), pdata = pg, plm_formula = inv ~ value + capital,
         oracle_id = "grunfeld_fe_within_iid",
         oracle_fields = list(r2 = "r2_lsdv", adj_r2 = "adj_r2_lsdv", r2_within = "r2_within"))

add_case("grunfeld_fe_firm_cluster_firm", GR, "inv ~ value + capital | firm", c("firm", "year"), "cluster:firm", NULL, NULL,
         paste0(conv_fe1, "CR1 by firm: factor G/(G-1)*(N-1)/(N-K) with K = k + 1 = 3 because the firm FE is nested in the cluster variable and contributes 0 (xtreg, fe vce(cluster firm) = reghdfe); G = 10; t(G-1). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K_total) with K_total = k + L_firm = 12 (all FE counted, independent of the vcov). r2_within = 1 - SSR/sum(y - ybar_firm)^2, adj_r2_within = 1-(1-r2_within)(N-nb_fe)/(N-nb_fe-k), nb_fe = 10. F = Wald(slopes)/k with this vcov, F(k, G-1)."),
         g, "inv", Xg, fe = list(firm = ffirm), cl = list(firm = ffirm), pdata = pg, plm_formula = inv ~ value + capital)

# if filter
gi <- g[g$year >= 1940, ]; pgi <- pdata.frame(gi, index = c("firm", "year"))
add_case("grunfeld_fe_firm_if_year1940_iid", GR, "inv ~ value + capital | firm", c("firm", "year"), "iid", NULL, "year >= 1940",
         paste0(conv_fe1, "Sample: rows with year >= 1940 (150 rows, balanced 10 x 15). iid: s2 = SSR/(N-K), N-K = N - L_firm - k = 138; t(138). r2/adj_r2 as in grunfeld_fe_firm_iid (K_total = k + L_firm); adj_r2_within uses nb_fe = L_firm = 10. F = Wald(slopes)/k, F(k, N-K)."),
         gi, "inv", cbind(value = gi$value, capital = gi$capital), fe = list(firm = factor(gi$firm)),
         pdata = pgi, plm_formula = inv ~ value + capital)

# two-way FE
conv_fe2 <- "Absorbed firm and year FE (reghdfe absorb(firm year); = xtreg, fe with i.year). Slopes from the two-way within regression (exact projection on both sets of dummies). _cons = ybar - xbar'b, SE from regressing (two-way demeaned y + ybar) on (two-way demeaned x + xbar) and a constant with the same vcov. Connected graph: absorbed dof = L_firm + L_year - 1 = 29 (incl. the constant). "
add_case("grunfeld_twfe_iid", GR, "inv ~ value + capital | firm + year", c("firm", "year"), "iid", NULL, NULL,
         paste0(conv_fe2, "iid: K = k + 1 + (L_firm + L_year - 2) = 31, s2 = SSR/(N-K), N-K = 169 (= lm with dummies); t(169). r2 = 1-SSR/TSS (centred), adj_r2 = 1-(1-r2)(N-1)/(N-K_total), K_total = k + 29 = 31. r2_within = 1 - SSR/sum(y two-way demeaned)^2; adj_r2_within = 1-(1-r2_within)(N-nb_fe)/(N-nb_fe-k), nb_fe = 29. F = Wald(slopes)/k, F(k, N-K)."),
         g, "inv", Xg, fe = list(firm = ffirm, year = fyear), pdata = pg, plm_formula = inv ~ value + capital)

add_case("grunfeld_twfe_cluster_firm", GR, "inv ~ value + capital | firm + year", c("firm", "year"), "cluster:firm", NULL, NULL,
         paste0(conv_fe2, "CR1 by firm: G/(G-1)*(N-1)/(N-K), firm FE nested in the cluster contributes 0, year FE contributes L_year - 1 = 19, so K = k + 1 + 19 = 22 (= xtreg, fe i.year vce(cluster firm): slopes + 19 year dummies + constant); G = 10, t(G-1). r2 = 1-SSR/TSS, adj_r2 with K_total = k + 29 = 31 (all FE counted, independent of vcov). adj_r2_within with nb_fe = 29. F = Wald(slopes)/k with this vcov, F(k, G-1)."),
         g, "inv", Xg, fe = list(firm = ffirm, year = fyear), cl = list(firm = ffirm), pdata = pg, plm_formula = inv ~ value + capital)

# lag (time-indexed) + two-way FE, cluster firm: reproduces oracle grunfeld_twfe_lag_cluster
key <- paste(g$firm, g$year)
gl <- g; gl$L_value <- g$value[match(paste(g$firm, g$year - 1), key)]
gl <- gl[!is.na(gl$L_value), ]
pgl <- pdata.frame(gl, index = c("firm", "year"))
add_case("grunfeld_twfe_lag_cluster_firm", GR, "inv ~ l(value, 1) + capital | firm + year", c("firm", "year"), "cluster:firm", NULL, NULL,
         paste0(conv_fe2, "l(value, 1) is the time-indexed lag (Stata L.value: value at (firm, year-1), missing if that year is absent); rows with a missing lag are dropped (N = 190, years 1936-1954). CR1 by firm, firm FE nested: K = k + 1 + (L_year - 1) = 2 + 1 + 18 = 21; G = 10, t(G-1). adj_r2: K_total = k + L_firm + L_year - 1 = 2 + 28 = 30; adj_r2_within: nb_fe = 28. F = Wald(slopes)/k with this vcov, F(k, G-1)."),
         gl, "inv", cbind(`l(value, 1)` = gl$L_value, capital = gl$capital), fe = list(firm = factor(gl$firm), year = factor(gl$year)),
         cl = list(firm = factor(gl$firm)), pdata = pgl, plm_formula = inv ~ L_value + capital,
         derived = list(`l(value, 1)` = "value at (firm, year - 1); first year of each firm dropped"),
         oracle_id = "grunfeld_twfe_lag_cluster", oracle_terms = c("L_value", "capital"),
         oracle_note = paste("Slopes and their SEs equal the oracle's. The oracle's _cons differs on purpose: it entered year as",
                             "dummies (first year omitted), so its _cons is xtreg's ybar - xbar'b - dbar'g over the slopes AND",
                             "the year dummies; here year is absorbed (reghdfe), so _cons = ybar - xbar'b over the slopes only.",
                             "Likewise the oracle's r2_within (0.7383) demeans by firm only (year dummies are regressors, xtreg);",
                             "here r2_within is after absorbing both FE (reghdfe/fixest). r2 and adj_r2 equal the oracle's r2_lsdv and adj_r2_lsdv."),
         oracle_fields = list(r2 = "r2_lsdv", adj_r2 = "adj_r2_lsdv"))

# perfectly collinear regressor
add_case("grunfeld_ols_collinear_iid", GR, "inv ~ value + capital + I(2 * value)", NULL, "iid", NULL, NULL,
         paste0("I(2 * value) is exactly 2*value and is dropped (omitted) as Stata regress and R lm do: the LATER of the collinear columns in formula order is dropped; the remaining fit is identical to grunfeld_ols_iid, and dropped terms are not listed in coefficients. ", conv_ols("iid"), " K counts only the kept regressors (K = 3)."),
         g, "inv", cbind(Xg, `I(2 * value)` = 2 * g$value))

# Produc
p <- read_data(PR)
p <- p[order(p$state, p$year), ]
Xp <- cbind(`log(pcap)` = log(p$pcap), `log(pc)` = log(p$pc), `log(emp)` = log(p$emp), unemp = p$unemp)
p$lgsp <- log(p$gsp); p$lpcap <- log(p$pcap); p$lpc <- log(p$pc); p$lemp <- log(p$emp)
fstate <- factor(p$state); fpyear <- factor(p$year)
pp <- pdata.frame(p, index = c("state", "year"))
derived_p <- list(note = "log() of the raw csv columns gsp, pcap, pc, emp (natural log). The csv also has precomputed log_gsp, log_pcap, log_pc, log_emp which agree to ~5e-14 absolute; these reference numbers use log() of the raw columns.")
add_case("produc_twfe_cluster_state", PR, "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp | state + year", c("state", "year"), "cluster:state", NULL, NULL,
         "Absorbed state and year FE (reghdfe absorb(state year) vce(cluster state)). Slopes from the two-way within regression; _cons = ybar - xbar'b with SE from the regression of (two-way demeaned y + ybar) on (two-way demeaned x + xbar) and a constant. CR1 by state: G/(G-1)*(N-1)/(N-K), state FE nested in the cluster contributes 0, year FE contributes L_year - 1 = 16, K = 4 + 1 + 16 = 21; G = 48, t(47). r2 = 1-SSR/TSS, adj_r2 = 1-(1-r2)(N-1)/(N-K_total), K_total = 4 + 48 + 17 - 1 = 68. r2_within = 1 - SSR/sum(y two-way demeaned)^2, adj_r2_within = 1-(1-r2_within)(N-nb_fe)/(N-nb_fe-k), nb_fe = 64. F = Wald(slopes)/k with this vcov, F(k, G-1).",
         p, "lgsp", Xp, fe = list(state = fstate, year = fpyear), cl = list(state = fstate), derived = derived_p,
         pdata = pp, plm_formula = lgsp ~ lpcap + lpc + lemp + unemp)

add_case("produc_fe_state_cluster_state_year", PR, "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp | state", c("state", "year"), "cluster:state+year", NULL, NULL,
         "Absorbed state FE, two-way clustering by state and year (CGM): V = B (M_state + M_year - M_state#year) B * Gmin/(Gmin-1) * (N-1)/(N-K), no per-term factor, Gmin = min(48, 17) = 17; the state FE is nested in the state cluster and contributes 0, so K = k + 1 = 5; t(Gmin-1) = t(16) (reghdfe / ivreg2 convention; reproduces oracle produc_fe_twoway_cluster). _cons = ybar - xbar'b with SE from (y - ybar_state + ybar) on (x - xbar_state + xbar) and a constant. r2 = 1-SSR/TSS, adj_r2 with K_total = k + L_state = 52; r2_within = 1 - SSR/sum(y - ybar_state)^2, adj_r2_within with nb_fe = 48. F = Wald(slopes)/k with this vcov, F(k, Gmin-1).",
         p, "lgsp", Xp, fe = list(state = fstate), cl = list(state = fstate, year = fpyear), derived = derived_p,
         pdata = pp, plm_formula = lgsp ~ lpcap + lpc + lemp + unemp,
         oracle_id = "produc_fe_twoway_cluster", oracle_fields = list(r2_within = "r2_within"),
         oracle_note = "The oracle used the csv's precomputed log_* columns; the ~1e-11 relative differences come from those columns versus log() of the raw ones and from rounding in the two-way meat M1 + M2 - M12.")

out <- list(schema_version = 1L,
            generated_by = "tests/reference/linear/generate.R (Rscript tests/reference/linear/generate.R)",
            r_version = R.version.string,
            packages = list(sandwich = as.character(packageVersion("sandwich")), plm = as.character(packageVersion("plm")),
                            lmtest = as.character(packageVersion("lmtest")), jsonlite = as.character(packageVersion("jsonlite"))),
            conventions_doc = "README.md",
            cases = cases)
writeLines(to_json(out), file.path(here, "cases.json"))
cat(sprintf("wrote %d cases to %s\n", length(cases), file.path(here, "cases.json")))
