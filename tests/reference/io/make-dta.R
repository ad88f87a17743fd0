# Regenerate the .dta fixtures: cd tests/reference/io && Rscript make-dta.R
# foreign writes format 114; haven writes 117 (version 13), 118 (14) and 119 (15).
library(foreign); library(haven)
d <- data.frame(id = 1:3, gdp = c(1.5, NA, -2.25), region = c("east", "west", "north"),
                grp = factor(c("low", "high", "low"), levels = c("low", "high")), stringsAsFactors = FALSE)
attr(d, "var.labels") <- c("unit id", "GDP, bn", "region name", "group")
write.dta(d, "labels114.dta", version = 10)

h <- tibble::tibble(
  id = 1:3,
  gdp = labelled_spss(c(1.5, NA, -2.25)),
  grp = labelled(c(1, 2, 1), c(low = 1, high = 2)),
  miss = c(tagged_na("a"), 4, NA),
  prov = c("北京", "上海", NA),
  note = c(strrep("x", 3000), "short", "")
)
h$gdp <- as.numeric(h$gdp)
attr(h$gdp, "label") <- "GDP, bn"
attr(h$prov, "label") <- "省份"
for (v in 13:15) write_dta(h, sprintf("labels%d.dta", c(`13` = 117, `14` = 118, `15` = 119)[as.character(v)]), version = v)
