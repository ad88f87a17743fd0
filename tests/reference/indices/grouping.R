# Reference values for Panelwise's grouping tests (PCA, KMO, Bartlett, k-means, Ward) on plm's Produc, year 1986
# (48 states). Run from this folder: Rscript grouping.R  -> grouping.json
suppressMessages({ library(jsonlite); library(psych) })
d <- read.csv("produc.csv")
d <- d[d$year == 1986, ]
vars <- c("hwy", "water", "util", "pc", "emp", "unemp")  # not pcap: pcap = hwy + water + util makes R singular
X <- as.matrix(d[, vars])
Z <- scale(X)                      # sample sd, as Panelwise standardises
R <- cor(X)
n <- nrow(X); p <- ncol(X)

# PCA by hand: eigen of R, loadings v*sqrt(lambda) signed so each column of loadings sums >= 0,
# standardised scores Z v / sqrt(lambda) (psych::principal(rotate = "none") scores).
e <- eigen(R, symmetric = TRUE)
signs <- ifelse(colSums(e$vectors) < 0, -1, 1)
V <- e$vectors %*% diag(signs)
L <- V %*% diag(sqrt(e$values))
S <- Z %*% V %*% diag(1 / sqrt(e$values))
# Cross-check against psych::principal (up to column sign).
pr <- principal(R, nfactors = 2, rotate = "none")
stopifnot(max(abs(abs(unclass(pr$loadings)) - abs(L[, 1:2]))) < 1e-8)

# KMO (Kaiser 1974) by hand and via psych.
Ri <- solve(R)
Q <- -Ri / sqrt(outer(diag(Ri), diag(Ri)))
off <- row(R) != col(R)
kmo <- sum(R[off]^2) / (sum(R[off]^2) + sum(Q[off]^2))
kmo_psych <- KMO(R)
stopifnot(abs(kmo - kmo_psych$MSA) < 1e-12)
# Bartlett's sphericity test by hand and via psych.
chi <- -(n - 1 - (2 * p + 5) / 6) * log(det(R))
df <- p * (p - 1) / 2
b <- cortest.bartlett(R, n = n)
stopifnot(abs(chi - b$chisq) < 1e-9)

# k-means on the standardised data, many starts so the optimum is (almost surely) the global one.
set.seed(20240501)
km <- kmeans(Z, centers = 3, nstart = 200, iter.max = 100, algorithm = "Lloyd")
# Ward.D2 on Euclidean distances of the standardised data, cut into 3 groups.
hc <- hclust(dist(Z), method = "ward.D2")
ward <- cutree(hc, k = 3)

out <- list(
  source = "grouping.R on produc.csv, year == 1986; R with psych",
  variables = vars, n = n,
  eigenvalues = e$values, explained = e$values / p,
  loadings = lapply(1:2, function(k) L[, k]),
  scores_first_two = lapply(1:2, function(k) S[, k]),
  kmo = kmo, kmo_by_variable = as.numeric(kmo_psych$MSAi),
  bartlett = list(chisq = chi, df = df, p = pchisq(chi, df, lower.tail = FALSE)),
  kmeans = list(k = 3, tot_withinss = km$tot.withinss, cluster = as.integer(km$cluster)),
  ward = list(k = 3, cluster = as.integer(ward)),
  states = d$state
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "grouping.json")
