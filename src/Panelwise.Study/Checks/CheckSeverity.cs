namespace Panelwise.Study;

/// <summary>How much a referee check matters: a warning means the estimate as printed may be wrong or misleading
/// (weak instruments, a regressor dropped as collinear, several rows per unit and period); a caution asks for a
/// robustness check or a sentence in the paper (few clusters, singletons, gaps, a Sobel test beside a bootstrap).</summary>
public enum CheckSeverity { Warning, Caution }

public static class CheckSeverities
{
    public static CheckSeverity Of(StudyCheck check) => check.Kind switch
    {
        "weak_instruments" or "collinear" => CheckSeverity.Warning,
        // panel_shape says "exceeds" when N is larger than units x periods: duplicate rows, not merely gaps.
        "panel_shape" when check.Message.Contains("exceeds", StringComparison.Ordinal) => CheckSeverity.Warning,
        _ => CheckSeverity.Caution,
    };
}
