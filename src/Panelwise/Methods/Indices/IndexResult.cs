using Panelwise.Data;

namespace Panelwise.Methods.Indices;

/// <summary>What <see cref="IndexBuilder.Build"/> returns: the data with the new columns (NaN outside the sample),
/// the names of the added columns, the weights table and notes for the reader.</summary>
public sealed record IndexResult(Frame Data, IReadOnlyList<string> Columns, IReadOnlyList<WeightRow> Weights, IReadOnlyList<Note> Notes);
