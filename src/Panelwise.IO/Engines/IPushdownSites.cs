namespace Panelwise.IO.Engines;

/// <summary>Where an engine runs the push-down statements (<see cref="PushdownSql"/>): PostgreSQL's coordinator or
/// shards (<see cref="PushdownSites"/>), or an embedded DuckDB database (<see cref="DuckSites"/>).</summary>
internal interface IPushdownSites
{
    /// <summary>The shards read directly (0 when the statements run on one relation).</summary>
    int Shards { get; }

    /// <summary>The sites still in use.</summary>
    int Count { get; }

    /// <summary>Runs <paramref name="statement"/> at every site with <paramref name="parameters"/> as $1, $2... (double[] or
    /// string[]); the result rows per site, in site order.</summary>
    List<EngineRow>[] Rows(Func<PushdownSql, string> statement, object[] parameters);

    /// <summary>Sets every site's <see cref="PushdownSql.RowFilter"/> (the sample rule, the same at every site).</summary>
    void Filter(string rows);

    /// <summary>Keeps the sites whose index satisfies <paramref name="keep"/>.</summary>
    void Keep(Func<int, bool> keep);
}
