# Reference pairs for greedy nearest-neighbour matching without replacement, as MatchIt does it
# (method = "nearest", distance = "glm" (logit), replace = FALSE, m.order, ratio, caliper with std.caliper = FALSE).
#
#   Rscript tests/reference/matching/generate.R      (from the repository root)
#
# Writes tests/reference/matching/cases.json. Data: MatchIt's own `lalonde` (tests/reference/oracle/data/lalonde.csv,
# the same 614 rows with race as black/hispan dummies; checked against data(lalonde) below).
#
# MatchIt's algorithm (src/nn_matchC_vec.cpp, read from the MatchIt sources, release 4.5.1 and commit 4b5b2f8):
#   * all units are sorted by the score, ascending, ties in data order (base::sort.list / order, stable);
#   * treated units are visited in m.order ("largest": order(score, decreasing = TRUE), ties in data order);
#     with ratio k there are k rounds, and in each round every treated unit takes one more control;
#   * a treated unit at sorted position i takes the nearest still-unused control on its left (walking down from i-1,
#     so among equal scores the one latest in the sort) and on its right (walking up from i+1); it takes the left one
#     when |p_left - p_i| <= |p_right - p_i|, else the right one; with a caliper, a side whose nearest unused control
#     is farther than the caliper offers none; with none on either side the unit gets no control in that round.
#   * ATT: lm(re78 ~ treat, data = match.data(m), weights = weights), the coefficient of treat (MatchIt's own
#     vignette "estimating-effects"); it equals the mean over matched treated of y_t - (mean of its controls' y).
#
# The Debian build of MatchIt 4.5.1 compiles `abs(distance[k_left] - dti)` with C's int abs(int), so both distances
# (score differences, below 1) are truncated to 0, the left control is always taken when both sides offer one, and
# `abs(d) > caliper` never holds. MatchIt fixed this upstream (commit 4b5b2f8, 2023-05-01, "attempt to patch bugs from
# different OS": abs -> std::abs). emulate() below implements the algorithm with a switch for the truncation: with it,
# it must reproduce the installed MatchIt's match.matrix exactly (checked: the script stops otherwise), which shows the
# reading of the algorithm is right; without it, it is the corrected algorithm, whose pairs are the fixture.
# Optional third check: with MATCHIT_FIXED_NN_CPP=/path/to/nn_matchC_vec.cpp (that file from MatchIt commit 4b5b2f8,
# with its internal.h beside it; not kept here), the script compiles it with Rcpp::sourceCpp, puts it in MatchIt's
# namespace and requires its pairs to equal the fixture's in every case (done when this fixture was made: all equal;
# default case ATT 894.367480 against 770.390168 from the installed 4.5.1).
suppressPackageStartupMessages({ library(MatchIt); library(jsonlite) })

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
d <- read.csv(file.path(here, "..", "oracle", "data", "lalonde.csv"))
data("lalonde", package = "MatchIt", envir = environment())
stopifnot(nrow(d) == nrow(lalonde), all(d$re78 == lalonde$re78), all(d$black == (lalonde$race == "black")),
          all(d$hispan == (lalonde$race == "hispan")), all(d$re74 == lalonde$re74), all(d$treat == lalonde$treat))
f <- treat ~ age + educ + black + hispan + married + nodegree + re74 + re75

emulate <- function(ps, treat, ratio = 1, order = "largest", caliper = NULL, truncate = FALSE) {
  n <- length(ps); o <- sort.list(ps); pos <- integer(n); pos[o] <- seq_len(n)
  tr <- which(treat == 1)
  ord <- switch(order, largest = tr[order(ps[tr], decreasing = TRUE)], smallest = tr[order(ps[tr])], data = tr)
  dist <- function(a, b) { x <- abs(ps[a] - ps[b]); if (truncate) trunc(x) else x }
  free <- treat[o] == 0
  pairs <- NULL
  for (r in seq_len(ratio)) for (t in ord) {
    if (!any(free)) break
    i <- pos[t]
    kl <- i - 1; while (kl >= 1 && !free[kl]) kl <- kl - 1
    kr <- i + 1; while (kr <= n && !free[kr]) kr <- kr + 1
    if (kl >= 1 && !is.null(caliper) && dist(o[kl], t) > caliper) kl <- 0
    if (kr <= n && !is.null(caliper) && dist(o[kr], t) > caliper) kr <- n + 1
    k <- if (kl >= 1 && kr <= n) { if (dist(o[kl], t) <= dist(o[kr], t)) kl else kr }
         else if (kl >= 1) kl else if (kr <= n) kr else next
    free[k] <- FALSE
    pairs <- rbind(pairs, data.frame(treated_row = t, control_row = o[k], round = r))
  }
  pairs
}

att_of <- function(pairs, y) {
  per <- tapply(seq_len(nrow(pairs)), pairs$treated_row, function(i) y[pairs$treated_row[i[1]]] - mean(y[pairs$control_row[i]]))
  mean(per)
}

fixed_nn <- NULL
if (nzchar(Sys.getenv("MATCHIT_FIXED_NN_CPP"))) {
  env <- new.env(); Rcpp::sourceCpp(Sys.getenv("MATCHIT_FIXED_NN_CPP"), env = env); fixed_nn <- env$nn_matchC_vec
}
cases <- list(
  list(id = "nearest_1_largest", ratio = 1, order = "largest", caliper = NULL),
  list(id = "nearest_2_largest", ratio = 2, order = "largest", caliper = NULL),
  list(id = "nearest_1_smallest", ratio = 1, order = "smallest", caliper = NULL),
  list(id = "nearest_1_data", ratio = 1, order = "data", caliper = NULL),
  list(id = "nearest_1_largest_caliper", ratio = 1, order = "largest", caliper = 0.01))

out <- list()
for (cs in cases) {
  m <- matchit(f, data = d, method = "nearest", ratio = cs$ratio, m.order = cs$order, replace = FALSE,
               caliper = cs$caliper, std.caliper = FALSE)
  ps <- unname(m$distance)
  # 1) The emulation with the int-abs truncation is the installed MatchIt, pair for pair.
  mm <- m$match.matrix
  installed <- do.call(rbind, lapply(seq_len(ncol(mm)), function(r) {
    ok <- !is.na(mm[, r]); data.frame(treated_row = as.integer(rownames(mm)[ok]), control_row = as.integer(mm[ok, r]))
  }))
  em <- emulate(ps, d$treat, cs$ratio, cs$order, cs$caliper, truncate = TRUE)
  key <- function(p) sort(paste(p$treated_row, p$control_row))
  stopifnot(identical(key(installed), key(em)))
  md <- match.data(m)
  att_installed <- unname(coef(lm(re78 ~ treat, data = md, weights = weights))["treat"])
  stopifnot(abs(att_installed - att_of(em, d$re78)) < 1e-9 * abs(att_installed))
  # 2) The corrected algorithm: the fixture.
  fx <- emulate(ps, d$treat, cs$ratio, cs$order, cs$caliper, truncate = FALSE)
  if (!is.null(fixed_nn)) {
    real <- asNamespace("MatchIt")$nn_matchC_vec
    assignInNamespace("nn_matchC_vec", fixed_nn, "MatchIt")
    mf <- matchit(f, data = d, method = "nearest", ratio = cs$ratio, m.order = cs$order, replace = FALSE,
                  caliper = cs$caliper, std.caliper = FALSE)
    assignInNamespace("nn_matchC_vec", real, "MatchIt")
    mmf <- mf$match.matrix
    fixed_pairs <- do.call(rbind, lapply(seq_len(ncol(mmf)), function(r) {
      ok <- !is.na(mmf[, r]); data.frame(treated_row = as.integer(rownames(mmf)[ok]), control_row = as.integer(mmf[ok, r]))
    }))
    stopifnot(identical(key(fixed_pairs), key(fx)))
    cat(cs$id, ": the corrected MatchIt gives the fixture's pairs\n")
  }
  w <- numeric(nrow(d)); w[unique(fx$treated_row)] <- 1
  for (t in unique(fx$treated_row)) { c <- fx$control_row[fx$treated_row == t]; w[c] <- w[c] + 1 / length(c) }
  att_lm <- unname(coef(lm(re78 ~ treat, data = d[w > 0, ], weights = w[w > 0]))["treat"])
  stopifnot(abs(att_lm - att_of(fx, d$re78)) < 1e-9 * abs(att_lm))
  out[[length(out) + 1]] <- list(
    id = cs$id, ratio = cs$ratio, m_order = cs$order, caliper_score_units = cs$caliper,
    att = att_lm, att_matchit_4_5_1_installed = att_installed,
    pairs_differing_from_installed = nrow(fx) - length(intersect(key(fx), key(em))),
    n_treated_matched = length(unique(fx$treated_row)), n_controls_matched = nrow(fx),
    pairs_columns = c("treated_row", "control_row", "round"), pairs = unname(as.matrix(fx)))
  cat(sprintf("%-28s ATT %.6f (installed 4.5.1: %.6f), %d pairs, %d differ\n", cs$id, att_lm, att_installed, nrow(fx),
              out[[length(out)]]$pairs_differing_from_installed))
}
doc <- list(source = "tests/reference/matching/generate.R", data = "tests/reference/oracle/data/lalonde.csv (MatchIt's lalonde)",
            formula = paste(deparse(f), collapse = ""), r = R.version.string, matchit = as.character(packageVersion("MatchIt")),
            convention = paste("Greedy 1:ratio nearest-neighbour matching without replacement on the logit score, MatchIt's",
                               "nn_matchC_vec with abs -> std::abs (upstream commit 4b5b2f8); rows numbered from 1 in file order."),
            cases = out)
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(here, "cases.json"))
