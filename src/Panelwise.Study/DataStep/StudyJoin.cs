using Panelwise.Data;
using Panelwise.Data.Transforms;
using Panelwise.Study.Definition;

namespace Panelwise.Study;

/// <summary>A data source's <c>join</c>: the library's <see cref="FrameJoin"/>, with each problem reported at the
/// study file's line (a key at its own line, the rest at the source's).</summary>
internal static class StudyJoin
{
    public static Frame? Left(Frame left, Frame right, DataDefinition source, Checker check)
    {
        var joined = FrameJoin.TryLeft(left, right, source.Join.Select(k => k.Value).ToList(), out var problems);
        string data = source.Display;
        foreach (var p in problems)
            check.Add(p.Kind switch
            {
                JoinProblemKind.KeyNotInLeft => StudyErrors.JoinKeyUnknown(check.Source, KeyLine(source, p.Column), p.Column, data, "the sources before it"),
                JoinProblemKind.KeyNotInRight => StudyErrors.JoinKeyUnknown(check.Source, KeyLine(source, p.Column), p.Column, data, data),
                JoinProblemKind.ColumnInBoth => StudyErrors.JoinColumnClash(check.Source, source.Line, p.Column, data),
                JoinProblemKind.DuplicateKey => StudyErrors.JoinDuplicateKey(check.Source, source.Line, data, p.Key!, p.Count),
                _ => StudyErrors.JoinLosesRows(check.Source, source.Line, data, p.Count, p.Rows, p.Key!),
            });
        return joined;
    }

    private static long KeyLine(DataDefinition source, string key) => source.Join.First(k => k.Value == key).Line;
}
