using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>The structure of a fit's absorbed fixed effects as the JSON contract reports it: the mobility groups of
/// the first two effects (connected components of their bipartite graph, as reghdfe), the components of the graph of
/// all effects (with more than two), and the absorbed degrees of freedom (<see cref="DegreesOfFreedom.Absorbed"/>),
/// exact or an upper bound.</summary>
public sealed record AbsorbedEffectsSummary(int? MobilityGroups, int? GraphComponents, int AbsorbedDof, bool AbsorbedDofExact)
{
    public static AbsorbedEffectsSummary Of(IReadOnlyList<FixedEffect> effects) => new(
        effects.Count >= 2 ? FixedEffectGraph.Components(effects[0], effects[1]) : null,
        effects.Count > 2 ? FixedEffectGraph.Components(effects) : null,
        DegreesOfFreedom.Absorbed(effects),
        DegreesOfFreedom.IsExact(effects));
}
