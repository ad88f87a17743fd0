namespace Panelwise.IO.Csv;

/// <summary>Factorises text fields per chunk on their raw bytes, so a repeated level costs a hash lookup and
/// no string allocation; bytes are decoded once per distinct level, after the encoding is settled.</summary>
internal sealed class ByteLevelTable
{
    private readonly Dictionary<byte[], int> _codes = new(ByteComparer.Instance);
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public ByteLevelTable() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>Distinct values in order of first appearance.</summary>
    public List<byte[]> Levels { get; } = [];

    public int CodeOf(ReadOnlySpan<byte> value)
    {
        if (_lookup.TryGetValue(value, out int code)) return code;
        code = Levels.Count;
        var key = value.ToArray();
        _codes.Add(key, code);
        Levels.Add(key);
        return code;
    }

    private sealed class ByteComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => Hash(obj);
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);
        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);
        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> s)
        {
            var h = new HashCode();
            h.AddBytes(s);
            return h.ToHashCode();
        }
    }
}
