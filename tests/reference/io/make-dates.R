# Stata dates as the panel time: writes dates118.dta (haven, format 118) and dates.json with the expected slope of x ~ l(x, 1) under each time column.
#   cd tests/reference/io && Rscript make-dates.R
# Panel: 3 units x 6 periods, period 4 missing for unit 2 (a gap). Time columns, all for the same periods p = 0..5:
#   day   %td  2015-01-01 + p          (daily: one period = one day, xtset's delta(1))
#   month %tm  2015m1 + p               (haven: a numeric with format.stata "%tm"; months since 1960m1)
#   quart %tq  2015q1 + p
#   year  %ty  2015 + p
#   clockd %tc  2015-01-01 08:00 + p days   (ms since 1960; period = the common step of the gaps = 1 day)
#   clocky %tc  2015-01-01 00:00 + p years  (365/366-day gaps: common step 1 day, so no timestamp has its lag)
# Stata's L.x under xtset id t with delta(1) for %td/%tm/%tq/%ty and delta(1 day) for the daily %tc: the value one
# period earlier in the same unit, missing across the gap. Expected slope: OLS of x on that lag (with intercept).
suppressPackageStartupMessages({ library(haven); library(jsonlite) })
d <- expand.grid(p = 0:5, id = 1:3)[, c("id", "p")]
d <- d[!(d$id == 2 & d$p == 4), ]
set.seed(3); d$x <- round(rnorm(nrow(d), 10, 2), 3)
start <- as.Date("2015-01-01")
d$day <- start + d$p
d$month <- (2015 - 1960) * 12 + d$p
d$quart <- (2015 - 1960) * 4 + d$p
d$year <- 2015 + d$p
d$clockd <- as.POSIXct("2015-01-01 08:00:00", tz = "UTC") + d$p * 86400
d$clocky <- as.POSIXct(paste0(2015 + d$p, "-01-01 00:00:00"), tz = "UTC")
lag_slope <- function(step) {          # step: the time of the lagged observation in p units, or NA when none
  l <- sapply(seq_len(nrow(d)), function(i) { j <- which(d$id == d$id[i] & d$p == d$p[i] - step); if (length(j)) d$x[j] else NA })
  if (all(is.na(l))) return(NULL)
  unname(coef(lm(d$x ~ l))[2])
}
expected <- list(day = lag_slope(1), month = lag_slope(1), quart = lag_slope(1), year = lag_slope(1), clockd = lag_slope(1),
                 clocky = NULL, n_with_lag = sum(sapply(seq_len(nrow(d)), function(i) any(d$id == d$id[i] & d$p == d$p[i] - 1))))
h <- d[, c("id", "x", "day", "month", "quart", "year", "clockd", "clocky")]
attr(h$month, "format.stata") <- "%tm"
attr(h$quart, "format.stata") <- "%tq"
attr(h$year, "format.stata") <- "%ty"
write_dta(h, "dates118.dta", version = 14)
writeLines(toJSON(list(source = "tests/reference/io/make-dates.R", expected_slope = expected), auto_unbox = TRUE, digits = NA,
                  pretty = TRUE, null = "null"), "dates.json")
