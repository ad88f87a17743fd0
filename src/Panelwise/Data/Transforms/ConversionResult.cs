namespace Panelwise.Data.Transforms;

/// <summary>What <see cref="VariableTransforms.Convert"/> did: the converted column (x * Multiplier / Divisor, see
/// <see cref="MeasurementUnits.Factor"/>), the present values converted and the missing values left missing.</summary>
public sealed record ConversionResult(NumericColumn Column, double Multiplier, double Divisor, int Converted, int Missing);
