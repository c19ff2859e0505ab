using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RegioFlow.Data;

/// <summary>Stores euros as whole cents (SQLite only; money has two decimals, ARCHITECTURE.md §5).</summary>
internal sealed class DecimalToCentsConverter() : ValueConverter<decimal, long>(
    value => (long)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero),
    cents => cents / 100m);
