using System.Collections;

namespace Panelwise.Estimation.IV;

/// <summary>A list of n-row columns formed on first access (then kept): an IV estimate's sandwich columns X̃, which
/// the one-way cluster and robust covariances never read row by row (their meat comes from the sample's fused score
/// pass), so that forming them costs a pass over the rows only when a kernel, multi-way or bootstrap reader asks.</summary>
internal sealed class OnDemandColumns(int count, Func<IReadOnlyList<double[]>> form) : IReadOnlyList<double[]>
{
    private readonly Lazy<IReadOnlyList<double[]>> _columns = new(form);

    public int Count => count;

    public double[] this[int index] => _columns.Value[index];

    public IEnumerator<double[]> GetEnumerator() => _columns.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
