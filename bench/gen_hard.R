# Source: copied verbatim from the project's shared bench folder (shared/bench/gen_hard.R, issue 8), so the
# files equal those fixest was timed on. Do not edit here without re-timing fixest.
# Synthetic worker-firm (AKM-style) panel: the HARD fixed-effects case (rerunnable, fixed seed).
#
# Usage: Rscript bench/gen_hard.R [--sizes 1e6,1e7] [--out DIR] [--seed 20251124]
#                                 [--move 0.06] [--cross 0.002] [--regions 20]
# DIR defaults to $BENCH_DATA, else $TMPDIR/bench-data, else /tmp/bench-data.
# Writes DIR/hard_<n>.csv and DIR/hard_<n>.meta.json for each size n.
#
# Why: in bench/gen.R the FE besides id are tiny, so fixest's demeaning converges in 2-3
# iterations. Here two high-dimensional FE (worker, firm) are crossed and linked only by the
# few workers who change firm (limited mobility), and firms sit in regions with almost no
# mobility between them. The worker-firm bipartite graph is then poorly connected, alternating
# projections converge slowly (the rate is set by the second eigenvalue of the firm-to-firm
# mobility matrix), and the solver, not the passes over the data, dominates.
#
# Design (per size n):
#   years 2001..2020; n/10 workers (then as many as needed for exactly n rows), n/100 firms,
#   firms split into R = --regions regions of equal count (contiguous firm ids).
#   Worker i: spell length L_i uniform on 5..15 years (mean 10), start year uniform such that
#   the spell fits in 2001..2020; one row per year of the spell (the last worker's spell is
#   cut so that there are exactly n rows). Home region uniform on 1..R.
#   Firm size weight s_f ~ lognormal(0, 1); every draw of a firm within a region is with
#   probability proportional to s_f (a few large firms, many small ones).
#   Year 1 of the spell: firm drawn in the home region. Each later year, with probability
#   p = --move the worker moves; a mover goes to another region with probability c = --cross
#   (region uniform among the other R-1), else stays in the current region; the new firm is
#   drawn in the destination region by s_f (can rarely be the same firm = no move).
#   Effects: region mean m_r ~ N(0, 0.5^2); firm psi_f = m_r + N(0, 0.3^2);
#   worker alpha_i = 0.5 psi_(first firm) + N(0, 0.5^2)  (positive sorting);
#   year g_t ~ N(0, 0.1^2) + 0.02 (t - 2010).
#   x1 = 0.3 alpha_i + 0.3 psi_f + N(0,1);  x2 = 2 g_t + N(0,1);  x3 = N(0,1)
#   e = N(0, 0.5^2);  y = 1.0 x1 - 0.5 x2 + 0.25 x3 + alpha_i + psi_f + g_t + e
#   Regressors are rounded to 6 decimals before y is built; y is rounded to 6 decimals too.
#   Columns: worker, firm, year, x1, x2, x3, y.  True coefficients: x1 = 1, x2 = -0.5, x3 = 0.25.
#   The meta JSON records moves, cross-region moves, movers and firms present.

suppressPackageStartupMessages(library(data.table))

args <- commandArgs(trailingOnly = TRUE)
get_arg <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
sizes <- as.numeric(strsplit(get_arg("--sizes", "1e6,1e7"), ",")[[1]])
default_out <- Sys.getenv("BENCH_DATA",
                          file.path(Sys.getenv("TMPDIR", "/tmp"), "bench-data"))
out_dir <- get_arg("--out", default_out)
seed <- as.integer(get_arg("--seed", "20251124"))
P_MOVE <- as.numeric(get_arg("--move", "0.06"))
P_CROSS <- as.numeric(get_arg("--cross", "0.002"))
N_REG <- as.integer(get_arg("--regions", "20"))
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
setDTthreads(2)

BETA <- c(x1 = 1.0, x2 = -0.5, x3 = 0.25)
N_YEARS <- 20L
FIRST_YEAR <- 2001L

gen_hard <- function(n) {
  RNGkind("Mersenne-Twister", "Inversion", "Rejection")
  set.seed(seed + as.integer(round(log10(n) * 1000)))
  n_firms <- as.integer(n / 100)
  per_reg <- n_firms %/% N_REG
  firm_reg <- pmin((seq_len(n_firms) - 1L) %/% per_reg + 1L, N_REG)

  # workers and spells: enough workers for n rows, last spell cut
  n_w0 <- as.integer(ceiling(n / 10 * 1.1))
  L <- sample(5:15, n_w0, replace = TRUE)
  cs <- cumsum(L)
  n_w <- which(cs >= n)[1]
  L <- L[seq_len(n_w)]
  L[n_w] <- L[n_w] - (cs[n_w] - n)
  start <- vapply(L, function(l) sample.int(N_YEARS - l + 1L, 1L), 1L)
  home <- sample.int(N_REG, n_w, replace = TRUE)

  # firm size weights; draw firms within a region by weight
  s <- rlnorm(n_firms)
  reg_firms <- split(seq_len(n_firms), firm_reg)
  draw_firm <- function(reg) {             # reg: vector of regions, returns firm ids
    out <- integer(length(reg))
    for (r in unique(reg)) {
      k <- which(reg == r)
      f <- reg_firms[[r]]
      out[k] <- f[sample.int(length(f), length(k), replace = TRUE, prob = s[f])]
    }
    out
  }

  worker <- rep.int(seq_len(n_w), L)
  pos <- sequence(L)
  year_idx <- start[worker] + pos - 1L
  firm <- integer(n)
  first <- which(pos == 1L)
  firm[first] <- draw_firm(home)
  for (k in 2:max(L)) {
    rows <- which(pos == k)
    prev <- firm[rows - 1L]
    mv <- runif(length(rows)) < P_MOVE
    cross <- runif(length(rows)) < P_CROSS
    cur_reg <- firm_reg[prev]
    dest <- cur_reg
    xr <- mv & cross
    if (any(xr)) {                          # uniform among the other regions
      o <- sample.int(N_REG - 1L, sum(xr), replace = TRUE)
      dest[xr] <- o + (o >= cur_reg[xr])
    }
    newf <- prev
    if (any(mv)) newf[mv] <- draw_firm(dest[mv])
    firm[rows] <- newf
  }

  m_r <- rnorm(N_REG, sd = 0.5)
  psi <- m_r[firm_reg] + rnorm(n_firms, sd = 0.3)
  alpha <- 0.5 * psi[firm[first]] + rnorm(n_w, sd = 0.5)
  g <- rnorm(N_YEARS, sd = 0.1) + 0.02 * (seq_len(N_YEARS) + FIRST_YEAR - 1L - 2010L)
  A <- alpha[worker]; P <- psi[firm]; G <- g[year_idx]

  r6 <- function(v) round(v, 6)
  x1 <- r6(0.3 * A + 0.3 * P + rnorm(n))
  x2 <- r6(2 * G + rnorm(n))
  x3 <- r6(rnorm(n))
  e <- rnorm(n, sd = 0.5)
  y <- r6(BETA[["x1"]] * x1 + BETA[["x2"]] * x2 + BETA[["x3"]] * x3 + A + P + G + e)

  same_w <- c(FALSE, worker[-1] == worker[-n])
  moved <- same_w & c(FALSE, firm[-1] != firm[-n])
  cross_mv <- moved & c(FALSE, firm_reg[firm[-1]] != firm_reg[firm[-n]])
  stats <- list(workers = n_w, firms_grid = n_firms, firms_present = uniqueN(firm),
                regions = N_REG, moves = sum(moved), cross_region_moves = sum(cross_mv),
                movers = uniqueN(worker[moved]),
                move_rate_per_year = round(sum(moved) / sum(same_w), 5))
  dt <- data.table(worker = worker, firm = firm, year = year_idx + FIRST_YEAR - 1L,
                   x1 = x1, x2 = x2, x3 = x3, y = y)
  list(dt = dt, stats = stats)
}

for (n in sizes) {
  tag <- sub("e\\+0?", "e", sprintf("%.0e", n))     # 1e+06 -> 1e6
  f <- file.path(out_dir, sprintf("hard_%s.csv", tag))
  t0 <- proc.time()[["elapsed"]]
  g <- gen_hard(n)
  fwrite(g$dt, f)
  meta <- c(list(file = basename(f), n = nrow(g$dt), years = N_YEARS, seed = seed,
                 p_move = P_MOVE, p_cross = P_CROSS),
            g$stats,
            list(beta = as.list(BETA),
                 model = "y ~ x1 + x2 + x3 | worker + firm + year, cluster = ~worker",
                 bytes = file.size(f)))
  writeLines(jsonlite::toJSON(meta, auto_unbox = TRUE, pretty = TRUE),
             file.path(out_dir, sprintf("hard_%s.meta.json", tag)))
  cat(sprintf("wrote %s: %d rows, %d workers, %d firms, %d moves (%d cross-region), %.1f MB, %.1f s\n",
              f, nrow(g$dt), g$stats$workers, g$stats$firms_present, g$stats$moves,
              g$stats$cross_region_moves, file.size(f) / 1e6, proc.time()[["elapsed"]] - t0))
  rm(g); invisible(gc())
}
