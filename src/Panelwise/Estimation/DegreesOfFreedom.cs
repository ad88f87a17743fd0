using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>Degrees of freedom absorbed by fixed effects, net of the one the reported intercept takes.
/// The rank of the dummies of effects 1..j grows by at most rank(M_i D_j) = L_j - C(i, j) with effect j for any
/// earlier i, C(i, j) the connected components of the graph of i and j; so each effect j ≥ 2 counts
/// L_j - max over i &lt; j of C(i, j). That is exact for two effects (L1 + L2 - C, as reghdfe) and an upper bound for
/// more (reghdfe's "pairwise" rule compares with the first effect only; taking the best earlier one is as safe and
/// never looser). An upper bound only makes standard errors slightly conservative. Effects nested in a cluster
/// variable count zero under cluster-robust covariances (reghdfe, xtreg fe vce(cluster)).</summary>
public static class DegreesOfFreedom
{
    /// <summary>Absorbed degrees of freedom of <paramref name="effects"/>, excluding the intercept's one.</summary>
    public static int Absorbed(IReadOnlyList<FixedEffect> effects)
    {
        if (effects.Count == 0) return 0;
        int dof = effects[0].Levels - 1;
        for (int j = 1; j < effects.Count; j++)
        {
            int redundant = 1;
            for (int i = 0; i < j; i++) redundant = Math.Max(redundant, FixedEffectGraph.Components(effects[i], effects[j]));
            dof += effects[j].Levels - redundant;
        }
        return dof;
    }

    /// <summary>True when <see cref="Absorbed"/> is an exact rank count (at most two effects), not a bound.</summary>
    public static bool IsExact(IReadOnlyList<FixedEffect> effects) => effects.Count <= 2;

    /// <summary>Absorbed degrees of freedom of the effects not nested in any of <paramref name="clusters"/>.</summary>
    public static int AbsorbedOutsideClusters(IReadOnlyList<FixedEffect> effects, IReadOnlyList<FixedEffect> clusters)
    {
        var counted = effects.Where(fe => !clusters.Any(c => fe.IsNestedIn(c.Codes))).ToList();
        return Absorbed(counted);
    }

    /// <summary>As above for a fit, reusing its stored count when no effect is nested in a cluster.</summary>
    public static int AbsorbedOutsideClusters(LinearFit fit, IReadOnlyList<FixedEffect> clusters)
    {
        var counted = fit.FixedEffects.Where(fe => !clusters.Any(c => fe.IsNestedIn(c.Codes))).ToList();
        return counted.Count == fit.FixedEffects.Count ? fit.AbsorbedDof : Absorbed(counted);
    }

    /// <summary>Absorbed degrees of freedom a fit is charged: net of the intercept's one when the fit reports _cons
    /// (reghdfe, xtreg fe), all levels when it does not (IV with fixed effects, xtivreg2 fe: dofminus = N_g).</summary>
    public static int AbsorbedBy(LinearFit fit) =>
        fit.FixedEffects.Count == 0 ? 0 : fit.AbsorbedDof + (fit.HasIntercept ? 0 : 1);

    /// <summary>AbsorbedOutsideClusters for a fit, counting the intercept's level too when the fit reports
    /// no _cons and no effect is nested in a cluster.</summary>
    public static int AbsorbedByOutsideClusters(LinearFit fit, IReadOnlyList<FixedEffect> clusters)
    {
        if (fit.FixedEffects.Count == 0) return 0;
        // One nesting check per effect (each is a pass over the observations), shared by both counts.
        var counted = fit.FixedEffects.Where(fe => !clusters.Any(c => fe.IsNestedIn(c.Codes))).ToList();
        bool anyNested = counted.Count < fit.FixedEffects.Count;
        int absorbed = anyNested ? Absorbed(counted) : fit.AbsorbedDof;
        return absorbed + (fit.HasIntercept || anyNested ? 0 : 1);
    }
}
