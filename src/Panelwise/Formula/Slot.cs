namespace Panelwise.Formula;

/// <summary>A run of formula items: either plain items (<see cref="MultiKind.None"/>, one option) or a
/// csw/sw operator whose options are the argument lists.</summary>
internal sealed record Slot<T>(MultiKind Kind, IReadOnlyList<IReadOnlyList<T>> Options)
{
    public static Slot<T> Plain(IReadOnlyList<T> items) => new(MultiKind.None, [items]);

    /// <summary>The item lists this slot contributes to each variant, in fixest's order.</summary>
    public IEnumerable<List<T>> Choices()
    {
        switch (Kind)
        {
            case MultiKind.None:
                yield return [.. Options[0]];
                break;
            case MultiKind.Csw or MultiKind.Csw0:
                var cumulative = new List<T>();
                if (Kind == MultiKind.Csw0) yield return [];
                foreach (var option in Options)
                {
                    cumulative.AddRange(option);
                    yield return [.. cumulative];
                }
                break;
            default:
                if (Kind == MultiKind.Sw0) yield return [];
                foreach (var option in Options) yield return [.. option];
                break;
        }
    }

    /// <summary>All variants of a slot sequence holding at most one multi slot.</summary>
    public static List<List<T>> Expand(IReadOnlyList<Slot<T>> slots)
    {
        int multi = -1;
        for (int i = 0; i < slots.Count; i++) if (slots[i].Kind != MultiKind.None) multi = i;
        var variants = new List<List<T>>();
        var choices = multi < 0 ? [[]] : slots[multi].Choices().ToList();
        foreach (var choice in choices)
        {
            var items = new List<T>();
            for (int i = 0; i < slots.Count; i++)
                items.AddRange(i == multi ? choice : slots[i].Options[0]);
            variants.Add(items);
        }
        return variants;
    }
}
