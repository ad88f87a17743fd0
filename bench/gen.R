# Copied from the project brief's shared bench folder (shared/bench/gen.R), unchanged below this line.
# Synthetic firm panel for the fixed-effects benchmark (rerunnable, fixed seed).
#
# Usage: Rscript bench/gen.R [--sizes 1e5,1e6,1e7] [--out DIR] [--seed 20251123] [--balanced]
# DIR defaults to $BENCH_DATA, else $TMPDIR/bench-data, else /tmp/bench-data.
# Writes DIR/panel_<n>.csv and DIR/panel_<n>.meta.json for each size n.
#
# Design (per size n):
#   years 2001..2020; n_ids = n/16 firms on a full n_ids x 20 grid, of which exactly n
#   rows are kept at random (unbalanced panel, ~16 years per firm on average);
#   with --balanced: n_ids = n/20 and every firm is observed in all 20 years.
#   Columns: id, year, ind (industry of the firm, 100 levels, firm-level group),
#   indyear (industry-by-year, 2,000 levels), x1..x5, z1, z2, y, y3, yiv.
#   a_id ~ N(0,1), g_year ~ N(0,0.25) + 0.05*(year-2010), h_indyear ~ N(0,0.25)
#   z1, z2, v ~ N(0,1);  x1 = 0.5 z1 + 0.5 z2 + 0.3 a_id + v
#   x2 = 0.5 a_id + N(0,1);  x3 = 0.3 g_year + N(0,1);  x4 = N(0,1);  x5 = 0.4 h_indyear + N(0,1)
#   e = N(0,1) * sqrt(0.5 + 0.5 x4^2)                          (heteroskedastic)
#   xb  = 1.0 x1 - 0.5 x2 + 0.25 x3 + 0 x4 + 2 x5
#   y   = xb + a_id + g_year + e                               (two-way FE, x1 exogenous)
#   y3  = xb + a_id + g_year + h_indyear + e                   (three FE)
#   yiv = xb + a_id + g_year + 0.8 v + e                       (x1 endogenous; z1, z2 valid)
#   All regressors are rounded to 6 decimals before y, y3, yiv are built; outcomes are
#   rounded to 6 decimals too, so the CSV holds the exact data every tool sees.

suppressPackageStartupMessages(library(data.table))

args <- commandArgs(trailingOnly = TRUE)
get_arg <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
sizes <- as.numeric(strsplit(get_arg("--sizes", "1e5,1e6,1e7"), ",")[[1]])
default_out <- Sys.getenv("BENCH_DATA",
                          file.path(Sys.getenv("TMPDIR", "/tmp"), "bench-data"))
out_dir <- get_arg("--out", default_out)
seed <- as.integer(get_arg("--seed", "20251123"))
balanced <- "--balanced" %in% args
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
setDTthreads(2)

BETA <- c(x1 = 1.0, x2 = -0.5, x3 = 0.25, x4 = 0, x5 = 2)
N_YEARS <- 20L
FIRST_YEAR <- 2001L
N_IND <- 100L

gen_panel <- function(n) {
  RNGkind("Mersenne-Twister", "Inversion", "Rejection")
  set.seed(seed + as.integer(round(log10(n) * 1000)))
  per_id <- if (balanced) N_YEARS else 16L
  n_ids <- as.integer(ceiling(n / per_id))
  grid_n <- n_ids * N_YEARS
  keep <- if (balanced) seq_len(n) else sort(sample.int(grid_n, n))
  id <- as.integer((keep - 1L) %/% N_YEARS + 1L)
  year_idx <- as.integer((keep - 1L) %% N_YEARS + 1L)
  rm(keep)

  ind_of_id <- sample.int(N_IND, n_ids, replace = TRUE)
  a_id <- rnorm(n_ids)
  g_year <- rnorm(N_YEARS, sd = 0.5) + 0.05 * (seq_len(N_YEARS) + FIRST_YEAR - 1L - 2010L)
  h_indyear <- rnorm(N_IND * N_YEARS, sd = 0.5)

  ind <- ind_of_id[id]
  indyear <- (ind - 1L) * N_YEARS + year_idx
  A <- a_id[id]; G <- g_year[year_idx]; H <- h_indyear[indyear]

  r6 <- function(v) round(v, 6)
  z1 <- r6(rnorm(n)); z2 <- r6(rnorm(n)); v <- rnorm(n)
  x1 <- r6(0.5 * z1 + 0.5 * z2 + 0.3 * A + v)
  x2 <- r6(0.5 * A + rnorm(n))
  x3 <- r6(0.3 * G + rnorm(n))
  x4 <- r6(rnorm(n))
  x5 <- r6(0.4 * H + rnorm(n))
  e <- rnorm(n) * sqrt(0.5 + 0.5 * x4^2)
  xb <- BETA[["x1"]] * x1 + BETA[["x2"]] * x2 + BETA[["x3"]] * x3 +
        BETA[["x4"]] * x4 + BETA[["x5"]] * x5
  dt <- data.table(id = id, year = year_idx + FIRST_YEAR - 1L, ind = ind,
                   indyear = as.integer(indyear),
                   x1 = x1, x2 = x2, x3 = x3, x4 = x4, x5 = x5, z1 = z1, z2 = z2,
                   y = r6(xb + A + G + e),
                   y3 = r6(xb + A + G + H + e),
                   yiv = r6(xb + A + G + 0.8 * v + e))
  list(dt = dt, n_ids = n_ids)
}

for (n in sizes) {
  tag <- sprintf("%.0e", n)
  tag <- sub("e\\+0?", "e", tag)           # 1e+05 -> 1e5
  f <- file.path(out_dir, sprintf("panel_%s.csv", tag))
  t0 <- proc.time()[["elapsed"]]
  g <- gen_panel(n)
  fwrite(g$dt, f)
  meta <- list(file = basename(f), n = nrow(g$dt), n_ids_grid = g$n_ids,
               n_ids_present = uniqueN(g$dt$id), years = N_YEARS, industries = N_IND,
               indyear_levels = uniqueN(g$dt$indyear), balanced = balanced,
               seed = seed, beta = as.list(BETA),
               iv = "yiv ~ x2+x3+x4+x5 | id+year | x1 ~ z1+z2 (true x1 coef 1.0)",
               bytes = file.size(f))
  writeLines(jsonlite::toJSON(meta, auto_unbox = TRUE, pretty = TRUE),
             file.path(out_dir, sprintf("panel_%s.meta.json", tag)))
  cat(sprintf("wrote %s: %d rows, %.1f MB, %.1f s\n", f, nrow(g$dt),
              file.size(f) / 1e6, proc.time()[["elapsed"]] - t0))
  rm(g); invisible(gc())
}
