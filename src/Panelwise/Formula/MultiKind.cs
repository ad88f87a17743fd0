namespace Panelwise.Formula;

/// <summary>Multiple-estimation operators, as in fixest.</summary>
internal enum MultiKind { None, Csw, Csw0, Sw, Sw0 }
