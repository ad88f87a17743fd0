namespace Panelwise;

/// <summary>What a <see cref="Note"/> is about, so that tables and checks can group notes.</summary>
public enum NoteKind
{
    /// <summary>Which rows the estimation used: filters, missing values, singletons, exclusions.</summary>
    Sample,
    /// <summary>Regressors dropped as collinear.</summary>
    Collinearity,
    /// <summary>Absorbed fixed effects: solver, nested effects and degrees of freedom.</summary>
    FixedEffects,
    /// <summary>Standard errors, tests and statistics: what is left out and why, conventions that differ.</summary>
    Inference,
    /// <summary>Iterative solvers and their convergence.</summary>
    Convergence,
    /// <summary>The data as read and transformed: precision, generated columns, interpolation.</summary>
    Data,
    /// <summary>Instrumental variables: estimator choices and identification.</summary>
    Instruments,
    /// <summary>How the model was estimated (panel estimators, FGLS steps).</summary>
    Model,
    /// <summary>Bootstrap and permutation resampling.</summary>
    Resampling,
    /// <summary>Matching, mediation, grouping, indices and other methods beyond one regression.</summary>
    Method,
}

/// <summary>A note that travels with a result: its kind, a stable code (e.g. <c>singletons</c>, <c>collinear</c>)
/// for grouping and checks, the columns or terms it concerns, and its text. The text names library settings by
/// <c>{Setting}</c> placeholders (see <see cref="Setting"/>): <see cref="Text"/> reads them as options,
/// <see cref="Naming"/> gives the note in a front end's terms (the CLI's flags).</summary>
public sealed record Note
{
    public Note(NoteKind kind, string code, string text, IReadOnlyList<string>? columns = null)
    {
        Kind = kind;
        Code = code;
        Template = text;
        Columns = columns ?? [];
    }

    public NoteKind Kind { get; init; }

    /// <summary>A stable, lower_snake_case identifier of the kind of statement the note makes.</summary>
    public string Code { get; init; }

    /// <summary>The columns or terms the note concerns (empty when it concerns the whole fit).</summary>
    public IReadOnlyList<string> Columns { get; init; }

    /// <summary>The text with settings as <c>{Setting}</c> placeholders.</summary>
    public string Template { get; init; }

    /// <summary>The text, settings named as library options.</summary>
    public string Text => SettingText.Render(Template, SettingText.LibraryName);

    /// <summary>The same note with its settings named by <paramref name="names"/> (a front end's terms).</summary>
    public Note Naming(Func<Setting, string> names) => this with { Template = SettingText.Render(Template, names) };

    public override string ToString() => Text;

    public bool Equals(Note? other) => other is not null && Kind == other.Kind && Code == other.Code
        && Template == other.Template && Columns.SequenceEqual(other.Columns);

    public override int GetHashCode() => HashCode.Combine(Kind, Code, Template);
}
