using System.Text;
using Npgsql;

namespace Panelwise.IO.Engines;

/// <summary>The estimation sample of a push-down fit, defined on the engine as the in-memory fit defines it on the
/// pulled rows (<see cref="EngineReader"/> and the design): a number is missing when NULL or, in a floating-point
/// column, NaN; a value of any other non-numeric type (text, dates) when NULL or empty. A row leaves the sample when a
/// model variable is missing, and its drop is counted against the first such variable in the order response,
/// regressors, fixed effects, clusters, weights (the note "N observations dropped: missing values in ..."). With a
/// second fixed effect and singletons dropped, rows alone in a level of either effect are dropped iteratively until
/// none is left (reghdfe): the large effect's singletons are dropped by each statement (groups with n > 1), the small
/// effect's by excluding its levels left with one row (<see cref="Kept"/>), repeated to a fixed point.</summary>
internal sealed class PushdownSample(PushdownModel model, IReadOnlyDictionary<string, string> types)
{
    private static string Q(string name) => EngineSource.Quote(name);

    /// <summary>The model whose sample this is.</summary>
    public PushdownModel Model => model;

    /// <summary>The relation's column names and their SQL type names, in order.</summary>
    public static Dictionary<string, string> ColumnTypes(NpgsqlConnection connection, EngineSource source)
    {
        using var command = new NpgsqlCommand($"SELECT * FROM {source.Relation} LIMIT 0", connection);
        using var reader = command.ExecuteReader();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < reader.FieldCount; i++) types.TryAdd(reader.GetName(i), reader.GetDataTypeName(i));
        return types;
    }

    private static bool IsFloat(string type) => type is "double precision" or "real" or "numeric" || type.StartsWith("numeric(", StringComparison.Ordinal);

    /// <summary>The types the reader reads as numbers (the rest are read as text).</summary>
    public static bool IsNumber(string type) =>
        IsFloat(type) || type is "smallint" or "integer" or "bigint" or "boolean";

    /// <summary>The first response, regressor or weight column the push-down cannot read as a number, or null (a
    /// boolean, which the reader reads as 0/1, has no cast to float8 in SQL: such fits read the rows).</summary>
    public string? NotNumeric() =>
        new[] { model.Response }.Concat(model.Regressors).Concat(model.Weights is null ? [] : [model.Weights])
            .FirstOrDefault(c => !IsNumber(types[c]) || types[c] == "boolean");

    /// <summary>The variables in the order the in-memory fit counts missing values against them (each once).</summary>
    public IReadOnlyList<string> Labels =>
        [.. new[] { model.Response }.Concat(model.Regressors).Concat(model.Effects).Concat(model.Clusters)
            .Concat(model.Weights is null ? [] : [model.Weights]).Distinct()];

    private string Missing(string column) =>
        IsFloat(types[column]) ? $"(r.{Q(column)} IS NULL OR r.{Q(column)} = 'NaN')"
        : IsNumber(types[column]) ? $"r.{Q(column)} IS NULL"
        : $"(r.{Q(column)} IS NULL OR r.{Q(column)}::text = '')";

    /// <summary>The rows kept before singletons: no variable missing, and no level of the small effect in
    /// <paramref name="excluded"/> (levels as text).</summary>
    public string Kept(IReadOnlyCollection<string> excluded)
    {
        var sb = new StringBuilder(string.Join(" AND ", Labels.Select(c => $"NOT {Missing(c)}")));
        if (excluded.Count > 0 && model.SmallEffect is { } t)
            sb.Append($" AND r.{Q(t)}::text NOT IN ({string.Join(", ", excluded.Select(Literal))})");
        return sb.ToString();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>One row: all rows, then per <see cref="Labels"/> entry the rows first missing in it, then per label the
    /// rows holding ±Infinity (which the in-memory reader refuses), and with weights the rows of the sample whose weight
    /// is not positive (which the in-memory fit refuses).</summary>
    public string Counts(string relation)
    {
        var sb = new StringBuilder("SELECT count(*)::float8");
        var before = new List<string>();
        foreach (string c in Labels)
        {
            string earlier = before.Count == 0 ? "" : $"NOT ({string.Join(" OR ", before)}) AND ";
            sb.Append($", (count(*) FILTER (WHERE {earlier}{Missing(c)}))::float8");
            before.Add(Missing(c));
        }
        foreach (string c in Labels)
            sb.Append(IsFloat(types[c]) ? $", (count(*) FILTER (WHERE r.{Q(c)} IN ('Infinity', '-Infinity')))::float8" : ", 0::float8");
        if (model.Weights is { } w) sb.Append($", (count(*) FILTER (WHERE {Kept([])} AND r.{Q(w)} <= 0))::float8");
        return sb.Append($" FROM {relation}").ToString();
    }
}
