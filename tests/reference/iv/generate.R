# Reference values for LIML and two-step efficient GMM (tests/Panelwise.Tests/IV/IvGenerateTests.cs).
# These are independent re-implementations, in explicit matrix algebra, of ivreg2's documented formulas
# (Baum, Schaffer and Stillman 2003, 2007; ivreg2 help file), with Panelwise's small-sample conventions:
#   LIML: lambda = min eig of (Y'M_Z Y)^-1 (Y'M_W Y), Y = [y X1]; b = (X'(I-kM_Z)X)^-1 X'(I-kM_Z)y, k = lambda.
#         iid V = s2 (X'(I-kM_Z)X)^-1, s2 = SSR/(N-K-dofminus);
#         robust/cluster V = c B (sum s s') B, B = (X'(I-kM_Z)X)^-1, s = e_i xhat_i (xhat = P_Z x; the form that
#         reproduces ivreg2's published LIML robust output, see stata_ivreg2.json).
#   GMM2S: S = sum (e0_i z_i)(e0_i z_i)' (by cluster), e0 = 2SLS residuals; b = (X'Z S^-1 Z'X)^-1 X'Z S^-1 Z'y;
#          V = c (X'Z S^-1 Z'X)^-1; J = e'Z S^-1 Z'e.
#   c = N/(N-K-dofminus) (HC1) or G/(G-1)(N-1)/(N-K) (CR1; absorbed FE nested in the clusters not counted).
# FE models: y, X and all instruments within-transformed by state (xtivreg2 fe), no constant, dofminus = #states.
# Run from this folder: Rscript generate.R  (writes generated.json). R 4.2 with jsonlite.
library(jsonlite)

d <- read.csv("../oracle/data/cigarettessw.csv")

proj <- function(A, B) A %*% qr.coef(qr(A), B)
resid <- function(A, B) if (is.null(A) || ncol(A) == 0) B else B - proj(A, B)
within <- function(M, g) M - apply(as.matrix(M), 2, function(v) ave(v, g))

meat <- function(s, cl) {
  if (is.null(cl)) return(crossprod(s))
  sg <- rowsum(s, cl)
  crossprod(sg)
}

liml <- function(y, X1, W, Z1, cl, dofminus, vcov) {
  X <- cbind(X1, W); Z <- cbind(Z1, W)
  N <- length(y); K <- ncol(X)
  Y <- resid(W, cbind(y, X1))
  A <- crossprod(Y, resid(Z, Y)); B <- crossprod(Y)
  lambda <- min(Re(eigen(solve(A, B))$values))
  Xk <- X - lambda * resid(Z, X)
  bread <- solve(crossprod(Xk, X))
  b <- drop(bread %*% crossprod(Xk, y))
  e <- drop(y - X %*% b)
  if (vcov == "iid") {
    V <- sum(e^2) / (N - K - dofminus) * bread
  } else {
    xhat <- proj(Z, X)
    c <- if (is.null(cl)) N / (N - K - dofminus) else { G <- length(unique(cl)); G / (G - 1) * (N - 1) / (N - K) }
    V <- c * bread %*% meat(xhat * e, cl) %*% bread
  }
  list(b = b, se = sqrt(diag(V)), lambda = lambda, names = colnames(X))
}

gmm2s <- function(y, X1, W, Z1, cl, dofminus) {
  X <- cbind(X1, W); Z <- cbind(Z1, W)
  N <- length(y); K <- ncol(X)
  e0 <- drop(y - X %*% qr.coef(qr(proj(Z, X)), y))
  S <- meat(Z * e0, cl)
  Wt <- solve(S)
  XZ <- crossprod(X, Z)
  bread <- solve(XZ %*% Wt %*% t(XZ))
  b <- drop(bread %*% XZ %*% Wt %*% crossprod(Z, y))
  e <- drop(y - X %*% b)
  ze <- crossprod(Z, e)
  c <- if (is.null(cl)) N / (N - K - dofminus) else { G <- length(unique(cl)); G / (G - 1) * (N - 1) / (N - K) }
  list(b = b, se = sqrt(diag(c * bread)), j = drop(t(ze) %*% Wt %*% ze), names = colnames(X))
}

pack <- function(id, formula, vcov, estimator, fit, extra = list()) {
  coefs <- setNames(lapply(seq_along(fit$b), function(i) c(fit$b[i], fit$se[i])), fit$names)
  c(list(id = id, formula = formula, vcov = vcov, estimator = estimator, coefficients = coefs), extra)
}

cases <- list()
# CigarettesSW 1995 cross-section (as the oracle case cigsw_iv_1995_robust).
s <- d[d$year == 1995, ]
y <- s$log_packs
X1 <- cbind(log_rprice = s$log_rprice)
W <- cbind(log_rincome = s$log_rincome, `_cons` = 1)
Z1 <- cbind(tdiff = s$tdiff, rtax = s$rtax)
f95 <- "log_packs ~ log_rincome | log_rprice ~ tdiff + rtax"
for (v in c("iid", "hc1")) {
  fit <- liml(y, X1, W, Z1, NULL, 0, v)
  cases[[length(cases) + 1]] <- pack(paste0("cigsw95_liml_", v), f95, v, "liml", fit, list(lambda = fit$lambda))
}
fit <- gmm2s(y, X1, W, Z1, NULL, 0)
cases[[length(cases) + 1]] <- pack("cigsw95_gmm2s_hc1", f95, "hc1", "gmm2s", fit, list(j = fit$j))

# Both years, state fixed effects absorbed (as the oracle case cigsw_fe_iv_cluster), clustered by state.
g <- d$state
y <- drop(within(d$log_packs, g))
X1 <- within(cbind(log_rprice = d$log_rprice), g)
W <- within(cbind(log_rincome = d$log_rincome, y1995 = d$y1995), g)
Z1 <- within(cbind(tdiff = d$tdiff, rtax = d$rtax), g)
ffe <- "log_packs ~ log_rincome + y1995 | state | log_rprice ~ tdiff + rtax"
dm <- length(unique(g))
for (v in c("iid", "cluster:state")) {
  fit <- liml(y, X1, W, Z1, if (v == "iid") NULL else g, dm, v)
  cases[[length(cases) + 1]] <- pack(paste0("cigswfe_liml_", sub(":.*", "", v)), ffe, v, "liml", fit, list(lambda = fit$lambda))
}
fit <- gmm2s(y, X1, W, Z1, g, dm)
cases[[length(cases) + 1]] <- pack("cigswfe_gmm2s_cluster", ffe, "cluster:state", "gmm2s", fit, list(j = fit$j))
fit <- gmm2s(y, X1, W, Z1, NULL, dm)
cases[[length(cases) + 1]] <- pack("cigswfe_gmm2s_hc1", ffe, "hc1", "gmm2s", fit, list(j = fit$j))

write(toJSON(list(generated_by = "tests/reference/iv/generate.R", r_version = R.version.string, cases = cases),
             auto_unbox = TRUE, digits = NA, pretty = TRUE), "generated.json")
