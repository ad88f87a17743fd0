using Panelwise.Methods.Multiverse;
using Panelwise.Models;

namespace Panelwise.Study.Plan;

/// <summary>A checked multiverse block: its dimensions (labels resolved to names), the options every specification
/// shares (the study's panel), and where the block sits in the study file (for errors found while fitting, such as a
/// focal term collinear with the fixed effects in one specification).</summary>
public sealed record PlannedMultiverse(MultiverseSpec Spec, FitOptions Options, string Source, long Line);
