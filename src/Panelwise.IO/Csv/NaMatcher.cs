using System.Text;

namespace Panelwise.IO.Csv;

/// <summary>Recognises NA tokens on raw bytes. Tokens that parse as numbers (e.g. "-999") must be checked
/// before number parsing, which costs a comparison per field, so that is only done when needed.</summary>
internal sealed class NaMatcher
{
    private readonly byte[][] _tokens;

    public NaMatcher(IReadOnlyList<string> tokens, Encoding encoding)
    {
        _tokens = tokens.Where(t => t.Length > 0).Select(encoding.GetBytes).ToArray();
        CheckBeforeNumber = _tokens.Any(t => NumberParser.TryParse(t, out _));
    }

    public bool CheckBeforeNumber { get; }

    /// <summary>True for an NA token; an empty field is always missing.</summary>
    public bool IsNa(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return true;
        foreach (var t in _tokens)
            if (field.SequenceEqual(t)) return true;
        return false;
    }
}
