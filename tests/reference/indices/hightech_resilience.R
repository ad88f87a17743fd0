# Independent reference for the real resilience index of examples/hightech-resilience (seed 003, Table 1; issue 9):
# the same data step and entropy method written from the paper's formulas in base R, not from Panelwise's code.
# Run from this folder:  Rscript hightech_resilience.R  -> hightech_resilience.json
#   1. 2017 high-tech operation data (profit, revenue, revenue share) filled by linear interpolation in year within
#      each province, interior gaps only (approx(rule = 1) leaves the ends missing);
#   2. 万元 -> 亿元: R&D expenditure, government funds, new-product sales divided by 10000; new-product ratio =
#      new-product sales (亿元) / main business revenue (亿元, interpolated);
#   3. rows: study_sample == 1 & 2016 <= year <= 2022 (30 provinces x 7 years = 210);
#   4. min-max normalisation pooled over those rows plus a shift of 0.0001, all indicators positive (eqs. 4-5);
#      entropy weights p_ij = x'_ij / sum_i x'_ij, e_j = -1/ln(n) sum_i p_ij ln p_ij, d_j = 1 - e_j, w_j = d_j / sum d
#      (eqs. 6-8); a dimension's score is sum_j w_j x'_ij (eq. 9); the index weights the two dimension scores by the
#      entropy method again (on the scores as they are) and sums.
suppressMessages(library(jsonlite))
d <- read.csv("../../../examples/hightech-resilience/data/china_provincial_panel_2010_2023.csv",
              fileEncoding = "UTF-8", stringsAsFactors = FALSE)
d <- d[order(d$province, d$year), ]

interpolate <- function(x, t) {
  ok <- !is.na(x)
  if (sum(ok) < 2) return(x)
  filled <- approx(t[ok], x[ok], xout = t, rule = 1)$y   # NA outside [first, last] present year
  ifelse(is.na(x), filled, x)
}
filled <- 0
for (col in c("hitech_profit", "hitech_revenue", "hitech_revenue_share_pct")) {
  out <- unsplit(lapply(split(d, d$province), function(g) interpolate(g[[col]], g$year)), d$province)
  filled <- filled + sum(is.na(d[[col]]) & !is.na(out))
  d[[paste0("i_", col)]] <- out
}
d$hr_profit <- d$i_hitech_profit
d$hr_revenue <- d$i_hitech_revenue
d$hr_revenue_share <- d$i_hitech_revenue_share_pct
d$hr_rd_exp <- d$hitech_rd_exp / 10000
d$hr_gov_funds <- d$rd_exp_gov_funds / 10000
d$hr_newprod_sales <- d$hitech_newprod_sales / 10000
d$hr_newprod_ratio <- d$hr_newprod_sales / d$hr_revenue

s <- d[d$study_sample == 1 & d$year >= 2016 & d$year <= 2022, ]
stopifnot(nrow(s) == 210)
fracture <- c("hr_profit", "hr_rd_exp", "hitech_rd_fte", "hitech_rd_institutions", "rd_intensity_pct",
              "hr_newprod_ratio", "valid_invention_patents")
shock <- c("hr_revenue_share", "hr_gov_funds", "urbanisation_rate_pct")
stopifnot(!anyNA(s[, c(fracture, shock)]))

minmax <- function(x) (x - min(x)) / (max(x) - min(x)) + 0.0001
entropy <- function(X) {
  n <- nrow(X)
  e <- apply(X, 2, function(x) { p <- x / sum(x); -sum(ifelse(p > 0, p * log(p), 0)) / log(n) })
  d <- 1 - e
  list(e = e, d = d, w = d / sum(d))
}
level <- function(cols) {
  X <- sapply(cols, function(c) minmax(s[[c]]))
  w <- entropy(X)
  list(weights = w, score = as.vector(X %*% w$w))
}
f <- level(fracture)
k <- level(shock)
top <- entropy(cbind(fracture = f$score, shock = k$score))
resilience <- top$w[1] * f$score + top$w[2] * k$score

rows <- function(node, children, w) lapply(seq_along(children), function(j)
  list(node = node, child = children[j], entropy = unname(w$e[j]), divergence = unname(w$d[j]), weight = unname(w$w[j])))
out <- list(
  source = "hightech_resilience.R (base R) on examples/hightech-resilience/data/china_provincial_panel_2010_2023.csv",
  convention = "seed 003 eqs. 4-9: pooled min-max + 0.0001 on the 210 rows, entropy k = 1/ln n at both levels, index = entropy-weighted sum of the dimension scores",
  tolerance = 1e-9,
  rows = nrow(s), filled = filled,
  weights = c(rows("resilience", c("fracture", "shock"), top), rows("fracture", fracture, f$weights), rows("shock", shock, k$weights)),
  scores = list(province = s$province, year = s$year, resilience = resilience, fracture = f$score, shock = k$score)
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "hightech_resilience.json")
