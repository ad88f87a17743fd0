namespace Panelwise.Study.Definition;

/// <summary>One entry of <c>indices</c>: an index spec file (as for <c>panelwise index --spec</c>) and an optional
/// sample filter.</summary>
public sealed record IndexDefinition(Located<string> Spec, Located<string>? If);
