namespace Panelwise.Inference;

/// <summary>A covariance choice as a value: <see cref="Iid"/>, <see cref="Heteroskedastic"/> (HC0-HC3) or
/// <see cref="Cluster"/> (one-way or multi-way). Parsed from text only at the CLI boundary.</summary>
public abstract record VcovSpec
{
    public static VcovSpec Iid { get; } = new IidVcovSpec();

    public static VcovSpec Heteroskedastic(int type) => new HeteroskedasticVcovSpec(type);

    public static VcovSpec Cluster(params string[] variables) => new ClusterVcovSpec(variables);

    /// <summary>Driscoll-Kraay with Bartlett lag <paramref name="lag"/> (null: xtscc's default floor(4(T/100)^(2/9))).</summary>
    public static VcovSpec DriscollKraay(int? lag = null) => new DriscollKraayVcovSpec(lag);

    /// <summary>Panel Newey-West with Bartlett lag <paramref name="lag"/> (null: floor(4(T/100)^(2/9))).</summary>
    public static VcovSpec NeweyWest(int? lag = null) => new NeweyWestVcovSpec(lag);

    /// <summary>Stata's small-sample conventions (the default, as <c>small</c> in ivreg2 and ivregress, and as regress,
    /// newey and reghdfe always): s² = SSR/(N-K), HC1 N/(N-K), CR1 G/(G-1)(N-1)/(N-K), t and F statistics. False: the
    /// large-sample conventions of ivreg2 and ivregress without <c>small</c> (--no-small): s² = SSR/(N-dofminus), no
    /// factor on the robust, cluster and kernel covariances but N/(N-dofminus) where fixed effects are absorbed
    /// (xtivreg2's dofminus), z and chi2 statistics.</summary>
    public bool Small { get; init; } = true;

    /// <summary>The family's stable name in the JSON contract ("vcov": {"type": ...}): iid, hc0-hc3, cluster,
    /// driscoll_kraay, newey_west, gls.</summary>
    public abstract string Family { get; }

    /// <summary>The variables that must be in the estimation sample for this covariance.</summary>
    public virtual IReadOnlyList<string> ClusterVariables => [];

    /// <summary>Parses <c>iid</c>, <c>hc0</c>..<c>hc3</c> (<c>robust</c> = hc1), <c>cluster:VAR</c>, <c>cluster:VAR1+VAR2</c>,
    /// <c>dk[:LAG]</c> (Driscoll-Kraay) or <c>nw[:LAG]</c> (Newey-West on the panel time).</summary>
    public static VcovSpec Parse(string text) => Covariance.CovarianceFamilies.Parse(text)
        ?? throw new UserInputException($"Unknown covariance '{text}': use iid, hc0, hc1 (robust), hc2, hc3, cluster:VAR, cluster:VAR1+VAR2, dk[:LAG] or nw[:LAG].");
}

/// <summary>Homoskedastic errors: s² (X'WX)⁻¹ with s² = SSR/(N-K).</summary>
public sealed record IidVcovSpec : VcovSpec
{
    public override string Family => "iid";

    public override string ToString() => "iid";
}

/// <summary>White/Eicker-Huber heteroskedasticity-consistent covariance of MacKinnon-White type HC0-HC3.</summary>
public sealed record HeteroskedasticVcovSpec(int Type) : VcovSpec
{
    public override string Family => $"hc{Type}";

    public override string ToString() => $"hc{Type}";
}

/// <summary>Cluster-robust covariance (CR1); with several variables, Cameron-Gelbach-Miller multi-way clustering.</summary>
public sealed record ClusterVcovSpec(IReadOnlyList<string> Variables) : VcovSpec
{
    public override IReadOnlyList<string> ClusterVariables => Variables;

    public override string Family => "cluster";

    public override string ToString() => "cluster:" + string.Join("+", Variables);

    public bool Equals(ClusterVcovSpec? other) => other is not null && Small == other.Small && Variables.SequenceEqual(other.Variables);

    public override int GetHashCode() => HashCode.Combine(string.Join("+", Variables), Small);
}
