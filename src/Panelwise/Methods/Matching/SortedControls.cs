namespace Panelwise.Methods.Matching;

/// <summary>The controls sorted by score, with removal, so that a treated unit's nearest controls are found by binary
/// search and an outward walk (O(log C + m) per query) instead of sorting all C controls for each of T treated units.
/// Removed (used) controls are unlinked from a doubly linked list over the sorted positions, so the walk skips them
/// in O(1) (matching without replacement).</summary>
internal sealed class SortedControls
{
    private readonly double[] _scores;
    private readonly int[] _sorted;
    private readonly double[] _sortedScores;
    private readonly int[] _next;
    private readonly int[] _previous;
    private readonly int[] _position;
    private readonly int[] _skip;
    private readonly bool[] _removed;
    private int _last;
    private int _count;

    public SortedControls(double[] scores, IEnumerable<int> controls)
    {
        _scores = scores;
        _sorted = controls.OrderBy(c => scores[c]).ThenBy(c => c).ToArray();
        _sortedScores = _sorted.Select(c => scores[c]).ToArray();
        _count = _sorted.Length;
        _next = Enumerable.Range(1, _sorted.Length).ToArray();
        _previous = Enumerable.Range(-1, _sorted.Length).ToArray();
        _position = new int[scores.Length];
        for (int i = 0; i < _sorted.Length; i++) _position[_sorted[i]] = i;
        _skip = Enumerable.Range(0, _sorted.Length).ToArray();
        _removed = new bool[_sorted.Length];
        _last = _sorted.Length - 1;
    }

    public int Count => _count;

    /// <summary>Every remaining control whose distance to <paramref name="score"/> is at most the <paramref name="m"/>-th
    /// smallest distance plus <paramref name="slack"/>, ordered by distance and then data index: the exact prefix of the
    /// fully sorted candidate list that nearest-neighbour matching with ties can use.</summary>
    public List<(int Control, double Distance)> Nearest(double score, int m, double slack)
    {
        var found = new List<(int Control, double Distance)>();
        int right = FirstRemainingAtOrAfter(LowerBound(score));
        int left = right < _sorted.Length ? _previous[right] : _last;
        double limit = double.PositiveInfinity;
        while (left >= 0 || right < _sorted.Length)
        {
            double dl = left >= 0 ? score - _sortedScores[left] : double.PositiveInfinity;
            double dr = right < _sorted.Length ? _sortedScores[right] - score : double.PositiveInfinity;
            double d = Math.Min(dl, dr);
            if (d > limit) break;
            if (dl <= dr) { found.Add((_sorted[left], Math.Abs(score - _scores[_sorted[left]]))); left = _previous[left]; }
            else { found.Add((_sorted[right], Math.Abs(score - _scores[_sorted[right]]))); right = _next[right]; }
            if (found.Count == m) limit = d + slack;
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Control.CompareTo(b.Control));
        return found;
    }

    /// <summary>Every remaining control with |p_c - score| ≤ radius, in data order.</summary>
    public IEnumerable<int> Within(double score, double radius)
    {
        for (int i = LowerBound(score - radius); i < _sorted.Length && _sortedScores[i] <= score + radius; i++)
            if (Math.Abs(_scores[_sorted[i]] - score) <= radius) yield return _sorted[i];
    }

    public void Remove(int control)
    {
        int i = _position[control];
        if (_previous[i] >= 0) _next[_previous[i]] = _next[i];
        if (_next[i] < _sorted.Length) _previous[_next[i]] = _previous[i];
        if (i == _last) _last = _previous[i];
        _removed[i] = true;
        _skip[i] = i + 1;
        _count--;
    }

    private int LowerBound(double score)
    {
        int lo = 0, hi = _sortedScores.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sortedScores[mid] < score) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The first remaining sorted position at or after <paramref name="i"/>: removed positions point past
    /// themselves, and the chain is halved on every walk (union-find path compression) so repeated searches stay cheap.</summary>
    private int FirstRemainingAtOrAfter(int i)
    {
        while (i < _sorted.Length && _removed[i])
        {
            int next = _skip[i];
            if (next < _sorted.Length) _skip[i] = _skip[next];
            i = next;
        }
        return i;
    }
}
