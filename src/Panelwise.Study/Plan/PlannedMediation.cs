using Panelwise.Estimation;
using Panelwise.Methods.Mediation;
using Panelwise.Models;

namespace Panelwise.Study.Plan;

/// <summary>A checked mediation table: the library's mediation spec and the fit options of every equation.</summary>
public sealed record PlannedMediation(MediationSpec Spec, FitOptions Options);
