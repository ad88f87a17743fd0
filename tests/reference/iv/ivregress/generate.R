# Independent references (R 4.2, sandwich and jsonlite; explicit matrix algebra where no package states the Stata rule)
# for conventions that the stored Stata logs do not cover, on simulated_data.csv with units = cluster_id (120 units of
# 5 consecutive observations) and period = time %% 5 (the last column of simulated_data.csv) for Newey-West; for
# Driscoll-Kraay the roles swap (5 units = period, 120 periods = cluster_id) so that T exceeds the number of moments.
#  * IV with unit fixed effects absorbed under Newey-West and Driscoll-Kraay (ivreg2 bw()/dkraay() on xtivreg2 fe's
#    within-transformed data): small (Panelwise default) and large-sample (--no-small), Hansen J from the same S.
#  * OLS --no-small against sandwich: s2 = SSR/N, HC0, vcovCL without adjustment, NeweyWest(adjust = FALSE).
# Regenerate: cd tests/reference/iv/ivregress && Rscript generate.R > generated.json
suppressMessages({ library(sandwich); library(jsonlite) })
d <- read.csv("simulated_data.csv")
d$period <- d$time %% 5
N <- nrow(d)
unit <- d$cluster_id; time <- d$period
within <- function(v) v - ave(v, unit)           # balanced: exact within transformation (xtivreg2 fe)
bartlett <- function(l, m) 1 - l / (m + 1)

# S = sum of kernel-weighted outer products of the score rows (n x p), within units (nw) or of period sums (dk).
meat_nw <- function(s, m) {
  S <- crossprod(s)
  for (l in 1:m) {
    for (u in unique(unit)) {
      idx <- which(unit == u); idx <- idx[order(time[idx])]
      if (length(idx) <= l) next
      a <- s[idx[(l + 1):length(idx)], , drop = FALSE]; b <- s[idx[1:(length(idx) - l)], , drop = FALSE]
      S <- S + bartlett(l, m) * (crossprod(a, b) + crossprod(b, a))
    }
  }
  S
}
meat_dk <- function(s, m) {
  h <- rowsum(s, time)                          # periods in order
  S <- crossprod(h)
  for (l in 1:m) {
    a <- h[(l + 1):nrow(h), , drop = FALSE]; b <- h[1:(nrow(h) - l), , drop = FALSE]
    S <- S + bartlett(l, m) * (crossprod(a, b) + crossprod(b, a))
  }
  S
}

# IV with unit FE: y_kernel ~ x3 + x4 + x5 | UNIT | x1 ~ z1 + z2.
iv <- list()
for (kind in c("nw", "dk")) {
  if (kind == "nw") { unit <- d$cluster_id; time <- d$period } else { unit <- d$period; time <- d$cluster_id }
  y <- within(d$y_kernel)
  X <- sapply(d[, c("x1", "x3", "x4", "x5")], within)
  Z <- sapply(d[, c("z1", "z2", "x3", "x4", "x5")], within)
  K <- ncol(X); dofminus <- length(unique(unit)); Tn <- length(unique(time))
  Xhat <- Z %*% solve(crossprod(Z), crossprod(Z, X))
  B <- solve(crossprod(Xhat))
  b <- drop(B %*% crossprod(Xhat, y))
  e <- drop(y - X %*% b)
  m <- if (kind == "nw") 2 else 1
  meat <- if (kind == "nw") meat_nw else meat_dk
  V0 <- B %*% meat(Xhat * e, m) %*% B
  Sz <- meat(Z * e, m)                          # S of the moments from the 2SLS residuals
  W <- solve(Sz)
  bg <- solve(t(X) %*% Z %*% W %*% t(Z) %*% X, t(X) %*% Z %*% W %*% t(Z) %*% y)
  g <- crossprod(Z, y - X %*% bg)
  J <- drop(t(g) %*% W %*% g)
  # Small: nw N/(N-K-dofminus); dk T/(T-1)(N-1)/(N-K-dofminus) (unit effects are not nested in the period clusters).
  # Large sample: nw N/(N-dofminus) (xtivreg2's dofminus); dk no factor.
  small <- if (kind == "nw") N / (N - K - dofminus) else Tn / (Tn - 1) * (N - 1) / (N - K - dofminus)
  large <- if (kind == "nw") N / (N - dofminus) else 1
  iv[[kind]] <- list(lag = m, units = dofminus, periods = Tn, terms = colnames(X), b = b, V_small = V0 * small, V_large = V0 * large, hansen_j = J,
                     rmse_small = sqrt(sum(e^2) / (N - K - dofminus)), rmse_large = sqrt(sum(e^2) / (N - dofminus)))
}

# OLS --no-small: y_robust ~ x1 + x3 + x4 + x5 (data order is the time order of the single series).
fit <- lm(y_robust ~ x1 + x3 + x4 + x5, data = d)
Kols <- length(coef(fit))
ord <- c("x1", "x3", "x4", "x5", "(Intercept)")
pick <- function(V) unname(V[ord, ord])
ols <- list(
  terms = c("x1", "x3", "x4", "x5", "_cons"), b = unname(coef(fit)[ord]),
  iid = pick(vcov(fit) * (N - Kols) / N),
  hc1 = pick(vcovHC(fit, type = "HC0")),
  cluster = pick(vcovCL(fit, cluster = ~cluster_id, type = "HC0", cadjust = FALSE)),
  nw12 = pick(NeweyWest(fit, lag = 12, prewhite = FALSE, adjust = FALSE)),
  rmse = sqrt(sum(resid(fit)^2) / N))
# OLS with unit FE, hc1 --no-small: HC0 * N/(N - dofminus) on the within-transformed data.
unit <- d$cluster_id; dofminus <- 120
Xw <- sapply(d[, c("x1", "x3", "x4", "x5")], within); yw <- within(d$y_robust)
Bw <- solve(crossprod(Xw)); bw <- drop(Bw %*% crossprod(Xw, yw)); ew <- drop(yw - Xw %*% bw)
ols_fe <- list(terms = c("x1", "x3", "x4", "x5"), b = bw, hc1 = Bw %*% crossprod(Xw * ew) %*% Bw * N / (N - dofminus))
cat(toJSON(list(source = "generate.R (R matrix algebra and sandwich; see the header)", iv_fe = iv, ols = ols, ols_fe = ols_fe),
           digits = NA, auto_unbox = TRUE, pretty = TRUE))
